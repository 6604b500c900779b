// The database refuses what no form would send, through the API and not only the forms: over-long text, NaN
// and ±Infinity, dates outside their range (infinity, year 9999, the future where it has not happened yet) and a
// 正式党员 within the probationary year. Each refusal is a 4xx with a zh-CN message on its field (details = the
// rule, hint = field:<column>) and leaves the table and the audit log exactly as they were.
// Also: the limits in the database (app.field_limits) are the migration's list, which src/crud/limits.test.ts
// holds against the form declarations and zh-CN labels; and every text and numeric column of the domain is limited.
import { readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { SupabaseClient } from "@supabase/supabase-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { supabaseDir } from "../local/env";
import { signedInClient } from "../local/testing";
import { parseFieldLimits } from "./field_limits";
import { createFixture, dropFixture, one, withDb, type Fixture } from "./fixture";

let f: Fixture;
let admin: SupabaseClient;
let committee: SupabaseClient;
/** today + n years as the database computes it (Beijing time), e.g. for "结束日期不能晚于 2036-12-02". */
let latest: Record<number, string>;

beforeAll(async () => {
  f = await createFixture();
  admin = await signedInClient("admin@dangjian.test");
  committee = await signedInClient(f.committee.email);
  latest = await withDb(async (db) => {
    const { rows } = await db.query("select n, app.latest_date(n)::text as day from unnest(array[1, 10]) n");
    return Object.fromEntries(rows.map((r) => [r.n, r.day]));
  });
});

afterAll(() => dropFixture(f));

type Response = { error: { code: string; message: string; details: string; hint: string } | null; status: number };
type Case = {
  table: string;
  field: string;
  rule: string;
  message: string | (() => string);
  /** SQLSTATE; 22003 where the column's type refuses the value before any rule runs. */
  code?: string;
  as?: "committee_admin";
  act: (client: SupabaseClient) => PromiseLike<Response>;
};

const long = (n: number) => "长".repeat(n); // characters, not bytes: 3 bytes each in UTF-8

/** Built when the test runs, after the fixture exists. */
const cases: Record<string, () => Case> = {
  "org_units: a 10,000-character code gets the field message, not the index's 413": () => ({
    table: "org_units", field: "code", rule: "org_units_code_length", message: "组织编码不能超过 32 个字",
    act: (c) => c.from("org_units").insert({ code: "X".repeat(10_000), name: "超长编码", kind: "direct_branch", category: "college" }),
  }),
  "org_units: name": () => ({
    table: "org_units", field: "name", rule: "org_units_name_length", message: "名称不能超过 100 个字",
    act: (c) => c.from("org_units").update({ name: long(101) }).eq("id", f.orgUnits.A),
  }),
  "profiles: display_name": () => ({
    table: "profiles", field: "display_name", rule: "profiles_display_name_length", message: "显示名不能超过 50 个字",
    act: (c) => c.from("profiles").update({ display_name: long(51) }).eq("user_id", f.otherProfileUserId),
  }),
  "branches: code": () => ({
    table: "branches", field: "code", rule: "branches_code_length", message: "支部编码不能超过 32 个字",
    act: (c) => c.from("branches").insert({ org_unit_id: f.orgUnits.A, code: "B".repeat(33), name: "支部", kind: "student" }),
  }),
  "branches: name": () => ({
    table: "branches", field: "name", rule: "branches_name_length", message: "支部名称不能超过 100 个字",
    act: (c) => c.from("branches").update({ name: long(101) }).eq("id", f.branches.A),
  }),
  "branches: founded_on infinity": () => ({
    table: "branches", field: "founded_on", rule: "branches_founded_on_range", message: "成立日期不能晚于今天",
    act: (c) => c.from("branches").update({ founded_on: "infinity" }).eq("id", f.branches.A),
  }),
  "branches: founded_on before 1921-07-01": () => ({
    table: "branches", field: "founded_on", rule: "branches_founded_on_range", message: "成立日期不能早于 1921-07-01",
    act: (c) => c.from("branches").update({ founded_on: "1900-01-01", last_election_on: null }).eq("id", f.branches.A),
  }),
  "branches: last_election_on in year 9999": () => ({
    table: "branches", field: "last_election_on", rule: "branches_last_election_on_range", message: "最近换届日期不能晚于今天",
    act: (c) => c.from("branches").update({ last_election_on: "9999-01-01" }).eq("id", f.branches.A),
  }),
  "members: contact": () => ({
    table: "members", field: "contact", rule: "members_contact_length", message: "联系方式不能超过 100 个字",
    act: (c) => c.from("members").update({ contact: long(101) }).eq("id", f.members.A),
  }),
  "members: a 10 MB contact": () => ({
    table: "members", field: "contact", rule: "members_contact_length", message: "联系方式不能超过 100 个字",
    act: (c) => c.from("members").update({ contact: "x".repeat(10 * 1024 * 1024) }).eq("id", f.members.A),
  }),
  "members: contact, by a committee": () => ({
    table: "members", field: "contact", rule: "members_contact_length", message: "联系方式不能超过 100 个字", as: "committee_admin",
    act: (c) => c.from("members").update({ contact: long(101) }).eq("id", f.members.A),
  }),
  "members: name": () => ({
    table: "members", field: "name", rule: "members_name_length", message: "姓名不能超过 50 个字",
    act: (c) => c.from("members").insert({ branch_id: f.branches.A, name: long(51), gender: "male", category: "student", student_or_staff_no: `${f.tag}-LN` }),
  }),
  "members: student_or_staff_no": () => ({
    table: "members", field: "student_or_staff_no", rule: "members_student_or_staff_no_length", message: "学号/工号不能超过 32 个字",
    act: (c) => c.from("members").insert({ branch_id: f.branches.A, name: "学号超长", gender: "male", category: "student", student_or_staff_no: "9".repeat(33) }),
  }),
  "members: a full member's joined_on of 2030-01-01": () => ({
    table: "members", field: "joined_on", rule: "members_joined_on_range", message: "入党日期不能晚于今天",
    act: (c) => c.from("members").update({ joined_on: "2030-01-01" }).eq("id", f.members.A),
  }),
  "members: joined_on infinity": () => ({
    table: "members", field: "joined_on", rule: "members_joined_on_range", message: "入党日期不能晚于今天",
    act: (c) => c.from("members").update({ status: "probationary", joined_on: "infinity" }).eq("id", f.members.A),
  }),
  "members: a full member who joined a month ago": () => ({
    table: "members", field: "joined_on", rule: "members_full_member_probation", message: "正式党员的入党日期须早于一年前 (预备期一年)",
    act: (c) => c.from("members").update({ joined_on: daysAgo(30) }).eq("id", f.members.A),
  }),
  "members: a new full member who joined a month ago": () => ({
    table: "members", field: "joined_on", rule: "members_full_member_probation", message: "正式党员的入党日期须早于一年前 (预备期一年)",
    act: (c) =>
      c.from("members").insert({ branch_id: f.branches.A, name: "新党员", gender: "female", category: "student", student_or_staff_no: `${f.tag}-NEW`, status: "full", joined_on: daysAgo(30) }),
  }),
  "carriers: name": () => ({
    table: "carriers", field: "name", rule: "carriers_name_length", message: "名称不能超过 100 个字",
    act: (c) => c.from("carriers").update({ name: long(101) }).eq("id", f.carriers.A),
  }),
  "carriers: headcount": () => ({
    table: "carriers", field: "headcount", rule: "carriers_headcount_max", message: "人数不能大于 100000",
    act: (c) => c.from("carriers").update({ headcount: 100_001 }).eq("id", f.carriers.A),
  }),
  "carrier_coverages: started_on in year 9999": () => ({
    table: "carrier_coverages", field: "started_on", rule: "carrier_coverages_started_on_range", message: () => `开始日期不能晚于 ${latest[1]}`,
    act: (c) => c.from("carrier_coverages").update({ started_on: "9999-01-01" }).eq("id", f.coverages.A),
  }),
  "carrier_coverages: ended_on infinity": () => ({
    table: "carrier_coverages", field: "ended_on", rule: "carrier_coverages_ended_on_range", message: () => `结束日期不能晚于 ${latest[10]}`,
    act: (c) => c.from("carrier_coverages").update({ ended_on: "infinity" }).eq("id", f.coverages.A),
  }),
  "partnerships: partner_name": () => ({
    table: "partnerships", field: "partner_name", rule: "partnerships_partner_name_length", message: "共建单位名称不能超过 100 个字",
    act: (c) => c.from("partnerships").update({ partner_name: long(101) }).eq("id", f.partnerships.A),
  }),
  "partnerships: started_on -infinity": () => ({
    table: "partnerships", field: "started_on", rule: "partnerships_started_on_range", message: "开始日期不能早于 1921-07-01",
    act: (c) => c.from("partnerships").update({ started_on: "-infinity" }).eq("id", f.partnerships.A),
  }),
  "partnerships: ended_on in year 9999": () => ({
    table: "partnerships", field: "ended_on", rule: "partnerships_ended_on_range", message: () => `结束日期不能晚于 ${latest[10]}`,
    act: (c) => c.from("partnerships").update({ ended_on: "9999-12-31" }).eq("id", f.partnerships.A),
  }),
  "partnership_activities: title": () => ({
    table: "partnership_activities", field: "title", rule: "partnership_activities_title_length", message: "活动名称不能超过 200 个字",
    act: (c) => c.from("partnership_activities").update({ title: long(201) }).eq("id", f.activities.A),
  }),
  "partnership_activities: outcome": () => ({
    table: "partnership_activities", field: "outcome", rule: "partnership_activities_outcome_length", message: "活动成效不能超过 2000 个字",
    act: (c) => c.from("partnership_activities").update({ outcome: long(2001) }).eq("id", f.activities.A),
  }),
  "partnership_activities: participants": () => ({
    table: "partnership_activities", field: "participants", rule: "partnership_activities_participants_max", message: "参与人数不能大于 100000",
    act: (c) => c.from("partnership_activities").update({ participants: 2_000_000 }).eq("id", f.activities.A),
  }),
  "partnership_activities: held_on infinity": () => ({
    table: "partnership_activities", field: "held_on", rule: "partnership_activities_held_on_range", message: () => `活动日期不能晚于 ${latest[1]}`,
    act: (c) => c.from("partnership_activities").update({ held_on: "infinity" }).eq("id", f.activities.A),
  }),
  "fund_budgets: amount NaN on insert": () => ({
    table: "fund_budgets", field: "amount", rule: "fund_budgets_amount_finite", message: "金额必须是有效的数字",
    act: (c) => c.from("fund_budgets").insert({ fiscal_year: 2026, org_unit_id: f.orgUnits.A, category: "training", amount: "NaN" }),
  }),
  "fund_budgets: amount NaN on update": () => ({
    table: "fund_budgets", field: "amount", rule: "fund_budgets_amount_finite", message: "金额必须是有效的数字",
    act: (c) => c.from("fund_budgets").update({ amount: "NaN" }).eq("id", f.unitBudgets.A),
  }),
  "fund_budgets: amount NaN on a branch allocation, by a committee": () => ({
    table: "fund_budgets", field: "amount", rule: "fund_budgets_amount_finite", message: "金额必须是有效的数字", as: "committee_admin",
    act: (c) => c.from("fund_budgets").update({ amount: "NaN" }).eq("id", f.branchBudgets.A),
  }),
  "fund_budgets: amount Infinity (refused by the column type)": () => ({
    table: "fund_budgets", field: "amount", rule: "", message: "numeric field overflow", code: "22003",
    act: (c) => c.from("fund_budgets").update({ amount: "Infinity" }).eq("id", f.unitBudgets.A),
  }),
  "fund_budgets: note": () => ({
    table: "fund_budgets", field: "note", rule: "fund_budgets_note_length", message: "备注不能超过 500 个字",
    act: (c) => c.from("fund_budgets").update({ note: long(501) }).eq("id", f.unitBudgets.A),
  }),
  "fund_expenditures: amount NaN on insert": () => ({
    table: "fund_expenditures", field: "amount", rule: "fund_expenditures_amount_finite", message: "金额必须是有效的数字",
    act: (c) => c.from("fund_expenditures").insert({ budget_id: f.branchBudgets.A, spent_on: "2026-04-01", amount: "NaN", purpose: "活动" }),
  }),
  "fund_expenditures: amount -Infinity (refused by the column type)": () => ({
    table: "fund_expenditures", field: "amount", rule: "", message: "numeric field overflow", code: "22003",
    act: (c) => c.from("fund_expenditures").update({ amount: "-Infinity" }).eq("id", f.expenditures.A),
  }),
  "fund_expenditures: spent_on in the future": () => ({
    table: "fund_expenditures", field: "spent_on", rule: "fund_expenditures_spent_on_range", message: "支出日期不能晚于今天",
    act: (c) => c.from("fund_expenditures").update({ spent_on: "2030-01-01" }).eq("id", f.expenditures.A),
  }),
  "fund_expenditures: purpose": () => ({
    table: "fund_expenditures", field: "purpose", rule: "fund_expenditures_purpose_length", message: "用途不能超过 200 个字",
    act: (c) => c.from("fund_expenditures").update({ purpose: long(201) }).eq("id", f.expenditures.A),
  }),
  "fund_expenditures: voucher_no": () => ({
    table: "fund_expenditures", field: "voucher_no", rule: "fund_expenditures_voucher_no_length", message: "凭证号不能超过 50 个字",
    act: (c) => c.from("fund_expenditures").update({ voucher_no: "V".repeat(51) }).eq("id", f.expenditures.A),
  }),
  "evaluation_cycles: title": () => ({
    table: "evaluation_cycles", field: "title", rule: "evaluation_cycles_title_length", message: "名称不能超过 100 个字",
    act: (c) => c.from("evaluation_cycles").update({ title: long(101) }).eq("id", f.cycles.A),
  }),
  "evaluation_cycles: weight_org NaN": () => ({
    table: "evaluation_cycles", field: "weight_org", rule: "evaluation_cycles_weight_org_finite", message: "组织评价权重必须是有效的数字",
    act: (c) => c.from("evaluation_cycles").update({ weight_org: "NaN" }).eq("id", f.cycles.A),
  }),
  "evaluation_cycles: ends_on infinity": () => ({
    table: "evaluation_cycles", field: "ends_on", rule: "evaluation_cycles_ends_on_range", message: "结束日期不能晚于 2100-12-31",
    act: (c) => c.from("evaluation_cycles").update({ ends_on: "infinity" }).eq("id", f.cycles.A),
  }),
  "branch_evaluations: a score NaN": () => ({
    table: "branch_evaluations", field: "score_venue", rule: "branch_evaluations_score_venue_finite", message: "有功能实用的服务场所必须是有效的数字",
    act: (c) => c.from("branch_evaluations").update({ score_venue: "NaN" }).eq("id", f.evaluations.A),
  }),
  "branch_evaluations: satisfaction NaN, by a committee": () => ({
    table: "branch_evaluations", field: "satisfaction", rule: "branch_evaluations_satisfaction_finite", message: "师生满意度必须是有效的数字", as: "committee_admin",
    act: (c) => c.from("branch_evaluations").update({ satisfaction: "NaN" }).eq("id", f.evaluations.A),
  }),
  "branch_evaluations: report_submitted_on in the future": () => ({
    table: "branch_evaluations", field: "report_submitted_on", rule: "branch_evaluations_report_submitted_on_range", message: "述职报告提交日期不能晚于今天",
    act: (c) => c.from("branch_evaluations").update({ report_submitted_on: "2030-01-01" }).eq("id", f.evaluations.A),
  }),
  "member_posts: post_title": () => ({
    table: "member_posts", field: "post_title", rule: "member_posts_post_title_length", message: "岗位不能超过 100 个字",
    act: (c) => c.from("member_posts").update({ post_title: long(101) }).eq("id", f.posts.A),
  }),
  "member_posts: duties": () => ({
    table: "member_posts", field: "duties", rule: "member_posts_duties_length", message: "岗位职责不能超过 2000 个字",
    act: (c) => c.from("member_posts").update({ duties: long(2001) }).eq("id", f.posts.A),
  }),
  "member_reviews: comment": () => ({
    table: "member_reviews", field: "comment", rule: "member_reviews_comment_length", message: "评语不能超过 2000 个字",
    act: (c) => c.from("member_reviews").update({ comment: long(2001) }).eq("id", f.reviews.A),
  }),
};

/** A day n days before today, Beijing time (the database's "today"). */
function daysAgo(n: number): string {
  const beijing = new Date(Date.now() + 8 * 3600_000 - n * 86_400_000);
  return beijing.toISOString().slice(0, 10);
}

/** The whole table as one fingerprint: any insert, update or delete changes it. */
const fingerprint = (table: string) =>
  withDb((db) => one<string>(db, `select count(*) || ':' || md5(coalesce(string_agg(t::text, ',' order by t::text), '')) from public.${table} t`));
const auditMark = () => withDb((db) => one<string>(db, "select count(*) || ':' || coalesce(max(id), 0) from public.audit_log"));

describe("a bad input through the API is refused on its field and changes nothing", () => {
  it.each(Object.keys(cases))("%s", async (name) => {
    const c = cases[name]();
    const before = [await fingerprint(c.table), await auditMark()];
    const { error, status } = await c.act(c.as === "committee_admin" ? committee : admin);
    expect(error).not.toBeNull();
    expect(status).toBe(400);
    expect(error!.code).toBe(c.code ?? "23514");
    expect(error!.message).toBe(typeof c.message === "function" ? c.message() : c.message);
    if (!c.code) {
      expect(error!.details).toBe(c.rule);
      expect(error!.hint).toBe(`field:${c.field}`);
    }
    expect([await fingerprint(c.table), await auditMark()]).toEqual(before);
  });
});

describe("what a form would send is accepted", () => {
  it("text up to its limit, counted in characters (not bytes)", async () => {
    const { error } = await admin.from("members").update({ contact: long(100) }).eq("id", f.spareMembers.A);
    expect(error).toBeNull();
  });

  it("a probationary member who joined today, then a full member one year and a day after joining", async () => {
    const { error } = await admin.from("members").update({ status: "probationary", joined_on: daysAgo(0) }).eq("id", f.spareMembers.B);
    expect(error).toBeNull();
    const { error: full } = await admin.from("members").update({ status: "full", joined_on: daysAgo(367) }).eq("id", f.spareMembers.B);
    expect(full).toBeNull();
  });

  it("a planned coverage end within ten years, and an edit of another field of a row the moving bound no longer admits", async () => {
    const { error } = await admin.from("carrier_coverages").update({ ended_on: latest[10] }).eq("id", f.coverages.B);
    expect(error).toBeNull();
    // A row written before the rule (here: written past the trigger) is not refused for an edit elsewhere.
    await withDb(async (db) => {
      await db.query("begin");
      await db.query("alter table public.carrier_coverages disable trigger carrier_coverages_field_limits");
      await db.query("update public.carrier_coverages set ended_on = '2099-01-01' where id = $1", [f.coverages.B]);
      await db.query("alter table public.carrier_coverages enable trigger carrier_coverages_field_limits");
      await db.query("commit");
    });
    const { error: edit } = await admin.from("carrier_coverages").update({ form: "liaison" }).eq("id", f.coverages.B);
    expect(edit).toBeNull();
  });

  it("the backstop constraints refuse what bypasses the triggers", async () => {
    const refused = await withDb(async (db) => {
      await db.query("begin");
      try {
        await db.query("alter table public.fund_budgets disable trigger fund_budgets_field_limits");
        await db.query("alter table public.fund_budgets disable trigger fund_budgets_rules");
        await db.query("update public.fund_budgets set amount = 'NaN' where id = $1", [f.unitBudgets.B]);
        return null;
      } catch (error) {
        return (error as { constraint?: string }).constraint;
      } finally {
        await db.query("rollback");
      }
    });
    expect(refused).toBe("fund_budgets_amount_finite");
  });
});

describe("the database's limits are one list", () => {
  type Limit = { table_name: string; column_name: string; label: string; kind: string; max_length: number | null; max_value: string | null; years_ahead: number | null };
  let limits: Limit[];
  beforeAll(async () => {
    limits = await withDb(async (db) => (await db.query<Limit>("select * from app.field_limits order by position")).rows);
  });
  const key = (table: string, column: string) => `${table}.${column}`;

  it("app.field_limits is the list in the migration, which src/crud/limits.test.ts holds against the form declarations", () => {
    const dir = resolve(supabaseDir, "migrations");
    const sql = readdirSync(dir).filter((f) => f.endsWith(".sql")).sort().map((f) => readFileSync(resolve(dir, f), "utf8"));
    expect(limits.map((l) => [l.table_name, l.column_name, l.label, l.kind, l.max_length, l.max_value === null ? null : Number(l.max_value), l.years_ahead]))
      .toEqual(parseFieldLimits(...sql).map((l) => [l.table, l.column, l.label, l.kind, l.maxLength, l.maxValue, l.yearsAhead]));
  });

  it("every row has its trigger and its backstop constraints", async () => {
    const { rows } = await withDb((db) =>
      db.query<{ name: string }>(
        `select conname as name from pg_constraint where contype = 'c' and convalidated
         union all select tgname from pg_trigger where not tgisinternal and tgenabled = 'O'`,
      ),
    );
    const present = new Set(rows.map((r) => r.name));
    const integers = new Set(
      (await withDb((db) =>
        db.query<{ column: string }>(
          `select table_name || '.' || column_name as column from information_schema.columns
            where table_schema = 'public' and data_type in ('integer', 'smallint', 'bigint')`,
        ),
      )).rows.map((r) => r.column),
    );
    for (const l of limits) {
      const rule = `${l.table_name}_${l.column_name}_${{ text: "length", number: "finite", date: "range" }[l.kind]}`;
      // integers cannot hold NaN: their backstop is the maximum alone
      if (!integers.has(`${l.table_name}.${l.column_name}`)) expect(present.has(rule), rule).toBe(true);
      if (l.max_value !== null) expect(present.has(`${l.table_name}_${l.column_name}_max`), l.column_name).toBe(true);
      expect(present.has(`${l.table_name}_field_limits`), l.table_name).toBe(true);
    }
  });

  it("every text and numeric column of the domain is limited (but the derived evaluation total)", async () => {
    const { rows } = await withDb((db) =>
      db.query<{ column: string }>(
        `select c.table_name || '.' || c.column_name as column from information_schema.columns c
           join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
          where c.table_schema = 'public' and t.table_type = 'BASE TABLE' and c.table_name <> 'audit_log'
            and c.data_type in ('text', 'numeric', 'character varying')
          order by 1`,
      ),
    );
    const limited = new Set(limits.map((l) => key(l.table_name, l.column_name)));
    expect(rows.map((r) => r.column).filter((c) => !limited.has(c))).toEqual(["branch_evaluations.total"]);
  });
});
