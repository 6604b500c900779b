// Every rule the database enforces, broken once through the API: the error carries the zh-CN message, the
// rule's name in `details` and the form field in `hint` (field:<column>), and the table is exactly as before.
// Also: the evaluation total and grade are derived by the database, never taken from the client.
import type { PostgrestError, SupabaseClient } from "@supabase/supabase-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signedInClient } from "../local/testing";
import { createFixture, dropFixture, one, withDb, type Fixture } from "./fixture";

let f: Fixture;
let admin: SupabaseClient;
let committee: SupabaseClient;

beforeAll(async () => {
  f = await createFixture();
  await withDb(async (db) => {
    // Member A is the secretary of branch A; fixture cycle A has one evaluation (so it cannot be deleted).
    await db.query("update public.branches set secretary_id = $1 where id = $2", [f.members.A, f.branches.A]);
    await db.query("insert into public.branch_evaluations (cycle_id, branch_id) values ($1, $2)", [f.cycles.A, f.spareBranches.A]);
  });
  admin = await signedInClient("admin@dangjian.test");
  committee = await signedInClient(f.committee.email);
});

afterAll(() => dropFixture(f));

type Case = {
  rule: string;
  /** The form field named in the hint; null for a refused delete. */
  field: string | null;
  code: string;
  message: string | RegExp;
  table: string;
  as?: "org_admin" | "committee_admin";
  act: (client: SupabaseClient) => PromiseLike<{ error: PostgrestError | null }>;
};

/** Every rule, by test name; built when the test runs, after the fixture exists. */
const cases: Record<string, () => Case> = {
  "org_units_code_key": () => ({
    rule: "org_units_code_key", field: "code", code: "23505", table: "org_units", message: `组织编码 ${f.tag}-A 已被使用`,
    act: (c) => c.from("org_units").insert({ code: `${f.tag}-A`, name: "重复", kind: "direct_branch", category: "college" }),
  }),
  "profiles_committee_needs_org_unit": () => ({
    rule: "profiles_committee_needs_org_unit", field: "org_unit_id", code: "23514", table: "profiles",
    message: "二级党组织管理员必须指定所属二级党组织",
    act: (c) => c.from("profiles").update({ role: "committee_admin" }).eq("user_id", f.otherProfileUserId),
  }),
  "branches_code_key": () => ({
    rule: "branches_code_key", field: "code", code: "23505", table: "branches", message: `支部编码 ${f.tag}-A-B1 已被使用`,
    act: (c) => c.from("branches").insert({ org_unit_id: f.orgUnits.A, code: `${f.tag}-A-B1`, name: "重复支部", kind: "student" }),
  }),
  "branches_secretary_in_branch": () => ({
    rule: "branches_secretary_in_branch", field: "secretary_id", code: "23514", table: "branches", message: "支部书记必须是本支部的党员",
    act: (c) => c.from("branches").update({ secretary_id: f.members.B }).eq("id", f.branches.A),
  }),
  "branches_election_after_founding": () => ({
    rule: "branches_election_after_founding", field: "last_election_on", code: "23514", table: "branches", message: "换届日期不能早于成立日期",
    act: (c) => c.from("branches").update({ last_election_on: "2010-01-01" }).eq("id", f.branches.A),
  }),
  "branches_term_years_range": () => ({
    rule: "branches_term_years_range", field: "term_years", code: "23514", table: "branches", message: "任期须在 1 到 5 年之间",
    act: (c) => c.from("branches").update({ term_years: 9 }).eq("id", f.branches.A),
  }),
  "members_student_or_staff_no_key": () => ({
    rule: "members_student_or_staff_no_key", field: "student_or_staff_no", code: "23505", table: "members",
    message: `学号/工号 ${f.tag}-A-M1 已被使用`,
    act: (c) =>
      c.from("members").insert({ branch_id: f.branches.A, name: "重复", gender: "male", category: "student", student_or_staff_no: `${f.tag}-A-M1` }),
  }),
  "members_secretary_stays_in_branch": () => ({
    rule: "members_secretary_stays_in_branch", field: "branch_id", code: "23514", table: "members",
    message: "该党员是所在支部的书记, 转出前请先在支部中更换书记",
    act: (c) => c.from("members").update({ branch_id: f.spareBranches.A }).eq("id", f.members.A),
  }),
  "carriers_headcount_not_negative": () => ({
    rule: "carriers_headcount_not_negative", field: "headcount", code: "23514", table: "carriers", message: "人数不能为负数",
    act: (c) => c.from("carriers").update({ headcount: -1 }).eq("id", f.carriers.A),
  }),
  "carrier_coverages_period_valid": () => ({
    rule: "carrier_coverages_period_valid", field: "ended_on", code: "23514", table: "carrier_coverages", message: "结束日期不能早于开始日期",
    act: (c) =>
      c.from("carrier_coverages").insert({ carrier_id: f.carriers.A, branch_id: f.branches.A, form: "liaison", started_on: "2026-05-01", ended_on: "2026-04-01" }),
  }),
  "carrier_coverages_same_org_unit": () => ({
    rule: "carrier_coverages_same_org_unit", field: "carrier_id", code: "23514", table: "carrier_coverages",
    message: "载体与支部必须属于同一个二级党组织",
    act: (c) => c.from("carrier_coverages").insert({ carrier_id: f.carriers.A, branch_id: f.branches.B, form: "liaison", started_on: "2026-05-01" }),
  }),
  "partnerships_period_valid": () => ({
    rule: "partnerships_period_valid", field: "ended_on", code: "23514", table: "partnerships", message: "结束日期不能早于开始日期",
    act: (c) => c.from("partnerships").update({ ended_on: "2025-01-01" }).eq("id", f.partnerships.A),
  }),
  "partnerships_partner_required": () => ({
    rule: "partnerships_partner_required", field: "partner_name", code: "23514", table: "partnerships", message: "请填写共建单位名称",
    act: (c) => c.from("partnerships").insert({ branch_id: f.branches.A, mode: "joint_building", partner_kind: "community", started_on: "2026-01-01" }),
  }),
  "partnerships_not_self": () => ({
    rule: "partnerships_not_self", field: "partner_branch_id", code: "23514", table: "partnerships", message: "不能与本支部结对",
    act: (c) =>
      c.from("partnerships").insert({
        branch_id: f.branches.A, mode: "internal_pairing", partner_kind: "internal_branch", partner_branch_id: f.branches.A, started_on: "2026-01-01",
      }),
  }),
  "partnership_activities_within_partnership": () => ({
    rule: "partnership_activities_within_partnership", field: "held_on", code: "23514", table: "partnership_activities",
    message: "活动日期须在共建期内 (2026-01-01 至 今)",
    act: (c) => c.from("partnership_activities").insert({ partnership_id: f.partnerships.A, held_on: "2025-06-01", title: "早于共建", service_area: "reform" }),
  }),
  "partnership_activities_participants_not_negative": () => ({
    rule: "partnership_activities_participants_not_negative", field: "participants", code: "23514", table: "partnership_activities",
    message: "参与人数不能为负数",
    act: (c) => c.from("partnership_activities").update({ participants: -5 }).eq("id", f.activities.A),
  }),
  "fund_budgets_amount_positive": () => ({
    rule: "fund_budgets_amount_positive", field: "amount", code: "23514", table: "fund_budgets", message: "金额必须大于 0",
    act: (c) => c.from("fund_budgets").insert({ fiscal_year: 2026, org_unit_id: f.orgUnits.A, category: "training", amount: 0 }),
  }),
  "fund_budgets_fiscal_year_range": () => ({
    rule: "fund_budgets_fiscal_year_range", field: "fiscal_year", code: "23514", table: "fund_budgets", message: "预算年度须在 2000 到 2100 之间",
    act: (c) => c.from("fund_budgets").insert({ fiscal_year: 1999, org_unit_id: f.orgUnits.A, category: "training", amount: 100 }),
  }),
  "fund_budgets_branch_in_org_unit": () => ({
    rule: "fund_budgets_branch_in_org_unit", field: "branch_id", code: "23514", table: "fund_budgets", message: "所选支部不属于该二级党组织",
    act: (c) =>
      c.from("fund_budgets").insert({ fiscal_year: 2026, org_unit_id: f.orgUnits.A, branch_id: f.spareBranches.B, category: "activity", amount: 10 }),
  }),
  "fund_budgets_one_per_unit_year_category": () => ({
    rule: "fund_budgets_one_per_unit_year_category", field: "category", code: "23505", table: "fund_budgets", message: "该单位 2026 年度此类别的预算已存在",
    act: (c) => c.from("fund_budgets").insert({ fiscal_year: 2026, org_unit_id: f.orgUnits.A, category: "activity", amount: 10 }),
  }),
  "fund_budgets_one_per_branch_year_category": () => ({
    rule: "fund_budgets_one_per_branch_year_category", field: "category", code: "23505", table: "fund_budgets", message: "该支部 2026 年度此类别的额度已存在",
    act: (c) =>
      c.from("fund_budgets").insert({ fiscal_year: 2026, org_unit_id: f.orgUnits.A, branch_id: f.branches.A, category: "activity", amount: 10 }),
  }),
  "fund_budgets_unit_budget_exists": () => ({
    rule: "fund_budgets_unit_budget_exists", field: "category", code: "23514", table: "fund_budgets",
    message: "组织部尚未下达本单位 2026 年度该类别的预算, 不能分配", as: "committee_admin",
    act: (c) =>
      c.from("fund_budgets").insert({ fiscal_year: 2026, org_unit_id: f.orgUnits.A, branch_id: f.spareBranches.A, category: "training", amount: 10 }),
  }),
  "fund_budgets_within_unit_budget": () => ({
    rule: "fund_budgets_within_unit_budget", field: "amount", code: "23514", table: "fund_budgets",
    message: "分配金额超出本单位预算余额 (剩余 ¥9,000.00)", as: "committee_admin",
    act: (c) =>
      c.from("fund_budgets").insert({ fiscal_year: 2026, org_unit_id: f.orgUnits.A, branch_id: f.spareBranches.A, category: "activity", amount: 9500 }),
  }),
  "fund_budgets_covers_commitments (branch)": () => ({
    rule: "fund_budgets_covers_commitments", field: "amount", code: "23514", table: "fund_budgets", message: "金额不能低于已支出和已分配的合计 ¥100.00",
    act: (c) => c.from("fund_budgets").update({ amount: 50 }).eq("id", f.branchBudgets.A),
  }),
  "fund_budgets_covers_commitments (unit)": () => ({
    rule: "fund_budgets_covers_commitments", field: "amount", code: "23514", table: "fund_budgets", message: "金额不能低于已支出和已分配的合计 ¥1,000.00",
    act: (c) => c.from("fund_budgets").update({ amount: 500 }).eq("id", f.unitBudgets.A),
  }),
  "fund_budgets_scope_locked": () => ({
    rule: "fund_budgets_scope_locked", field: "fiscal_year", code: "23514", table: "fund_budgets",
    message: "该预算已有支出或已分配给支部, 不能再修改年度、单位、支部或类别",
    act: (c) => c.from("fund_budgets").update({ fiscal_year: 2025 }).eq("id", f.branchBudgets.A),
  }),
  "fund_budgets_delete_restricted (allocated)": () => ({
    rule: "fund_budgets_delete_restricted", field: null, code: "23503", table: "fund_budgets", message: "该预算已分配给 1 个支部, 请先删除支部额度",
    act: (c) => c.from("fund_budgets").delete().eq("id", f.unitBudgets.A),
  }),
  "fund_budgets_delete_restricted (spent)": () => ({
    rule: "fund_budgets_delete_restricted", field: null, code: "23503", table: "fund_budgets", message: "该预算下还有 1 条支出记录, 不能删除",
    act: (c) => c.from("fund_budgets").delete().eq("id", f.branchBudgets.A),
  }),
  "fund_expenditures_amount_positive": () => ({
    rule: "fund_expenditures_amount_positive", field: "amount", code: "23514", table: "fund_expenditures", message: "金额必须大于 0",
    act: (c) => c.from("fund_expenditures").insert({ budget_id: f.branchBudgets.A, spent_on: "2026-05-01", amount: -1, purpose: "负数" }),
  }),
  "fund_expenditures_within_fiscal_year": () => ({
    rule: "fund_expenditures_within_fiscal_year", field: "spent_on", code: "23514", table: "fund_expenditures", message: "支出日期须在预算年度 2026 年内",
    act: (c) => c.from("fund_expenditures").insert({ budget_id: f.branchBudgets.A, spent_on: "2025-12-31", amount: 1, purpose: "跨年" }),
  }),
  "fund_expenditures_within_budget (branch)": () => ({
    rule: "fund_expenditures_within_budget", field: "amount", code: "23514", table: "fund_expenditures",
    message: "支出金额超出预算余额 (剩余 ¥900.00)", as: "committee_admin",
    act: (c) => c.from("fund_expenditures").insert({ budget_id: f.branchBudgets.A, spent_on: "2026-05-01", amount: 950, purpose: "超支" }),
  }),
  "fund_expenditures_within_budget (unit)": () => ({
    rule: "fund_expenditures_within_budget", field: "amount", code: "23514", table: "fund_expenditures",
    message: "支出金额超出预算余额 (剩余 ¥9,000.00)",
    act: (c) => c.from("fund_expenditures").insert({ budget_id: f.unitBudgets.A, spent_on: "2026-05-01", amount: 9000.01, purpose: "单位超支" }),
  }),
  "evaluation_cycles_year_key": () => ({
    rule: "evaluation_cycles_year_key", field: "year", code: "23505", table: "evaluation_cycles", message: "2026 年度的考核周期已存在",
    act: (c) => c.from("evaluation_cycles").insert({ year: 2026, title: "重复周期", starts_on: "2026-01-01", ends_on: "2026-12-31" }),
  }),
  "evaluation_cycles_period_valid": () => ({
    rule: "evaluation_cycles_period_valid", field: "ends_on", code: "23514", table: "evaluation_cycles", message: "结束日期不能早于开始日期",
    act: (c) => c.from("evaluation_cycles").update({ ends_on: "2000-01-01" }).eq("id", f.cycles.A),
  }),
  "evaluation_cycles_weights_range": () => ({
    rule: "evaluation_cycles_weights_range", field: "weight_org", code: "23514", table: "evaluation_cycles", message: "权重须在 0 到 1 之间",
    act: (c) => c.from("evaluation_cycles").update({ weight_org: 1.5, weight_masses: -0.5 }).eq("id", f.cycles.A),
  }),
  "evaluation_cycles_weights_sum_to_one": () => ({
    rule: "evaluation_cycles_weights_sum_to_one", field: "weight_masses", code: "23514", table: "evaluation_cycles",
    message: "组织评价与师生评价权重之和须为 1 (当前为 0.80)",
    act: (c) => c.from("evaluation_cycles").update({ weight_org: 0.5 }).eq("id", f.cycles.A),
  }),
  "evaluation_cycles_delete_restricted": () => ({
    rule: "evaluation_cycles_delete_restricted", field: null, code: "23503", table: "evaluation_cycles", message: "该周期下还有 1 条支部考核记录, 不能删除",
    act: (c) => c.from("evaluation_cycles").delete().eq("id", f.cycles.A),
  }),
  "branch_evaluations_one_per_branch_and_cycle": () => ({
    rule: "branch_evaluations_one_per_branch_and_cycle", field: "branch_id", code: "23505", table: "branch_evaluations",
    message: /^该支部在「.+」中已有考核记录$/,
    act: (c) => c.from("branch_evaluations").insert({ cycle_id: f.openCycle, branch_id: f.branches.A }),
  }),
  "branch_evaluations_scores_range (org_admin)": () => ({
    rule: "branch_evaluations_scores_range", field: "score_venue", code: "23514", table: "branch_evaluations", message: "分数须在 0 到 100 之间",
    act: (c) => c.from("branch_evaluations").update({ score_venue: 120 }).eq("id", f.evaluations.A),
  }),
  "branch_evaluations_scores_range (committee)": () => ({
    rule: "branch_evaluations_scores_range", field: "satisfaction", code: "23514", table: "branch_evaluations", message: "分数须在 0 到 100 之间",
    as: "committee_admin",
    act: (c) => c.from("branch_evaluations").update({ satisfaction: -1 }).eq("id", f.evaluations.A),
  }),
  "branch_evaluations_report_within_cycle": () => ({
    rule: "branch_evaluations_report_within_cycle", field: "report_submitted_on", code: "23514", table: "branch_evaluations",
    message: "报告提交日期须在考核周期内 (2026-01-01 至 2027-01-31)",
    act: (c) => c.from("branch_evaluations").update({ report_submitted_on: "2025-06-01" }).eq("id", f.evaluations.A),
  }),
  "branch_evaluations_cycle_open": () => ({
    rule: "branch_evaluations_cycle_open", field: "cycle_id", code: "23514", table: "branch_evaluations", message: /^考核周期「.+」未开放填报$/,
    as: "committee_admin",
    act: (c) => c.from("branch_evaluations").insert({ cycle_id: f.closedCycle, branch_id: f.spareBranches.A, score_leadership: 90 }),
  }),
  "member_posts_one_per_member_and_year": () => ({
    rule: "member_posts_one_per_member_and_year", field: "year", code: "23505", table: "member_posts", message: "该党员 2026 年度已有定岗明责记录",
    act: (c) => c.from("member_posts").insert({ member_id: f.members.A, year: 2026, post_title: "重复岗位" }),
  }),
  "member_posts_year_range": () => ({
    rule: "member_posts_year_range", field: "year", code: "23514", table: "member_posts", message: "年度须在 2000 到 2100 之间",
    act: (c) => c.from("member_posts").insert({ member_id: f.members.A, year: 1990, post_title: "过早" }),
  }),
  "member_reviews_one_per_member_and_cycle": () => ({
    rule: "member_reviews_one_per_member_and_cycle", field: "member_id", code: "23505", table: "member_reviews", message: /^该党员在「.+」中已有评议记录$/,
    act: (c) => c.from("member_reviews").insert({ cycle_id: f.openCycle, member_id: f.members.A, grade: "qualified" }),
  }),
  "member_reviews_cycle_open": () => ({
    rule: "member_reviews_cycle_open", field: "cycle_id", code: "23514", table: "member_reviews", message: /^考核周期「.+」未开放填报$/,
    as: "committee_admin",
    act: (c) => c.from("member_reviews").insert({ cycle_id: f.closedCycle, member_id: f.spareMembers.A, grade: "qualified" }),
  }),
  "branches_delete_restricted": () => ({
    rule: "branches_delete_restricted", field: null, code: "23503", table: "branches", message: "该支部下还有 2 条党员记录, 不能删除",
    act: (c) => c.from("branches").delete().eq("id", f.branches.A),
  }),
  "org_units_delete_restricted": () => ({
    rule: "org_units_delete_restricted", field: null, code: "23503", table: "org_units", message: "该组织下还有 2 条党支部记录, 不能删除",
    act: (c) => c.from("org_units").delete().eq("id", f.orgUnits.A),
  }),
};

/** The whole table as one fingerprint: any insert, update or delete changes it. */
const fingerprint = (table: string) =>
  withDb((db) =>
    one<string>(
      db,
      `select count(*) || ':' || md5(coalesce(string_agg(t::text, ',' order by t::text), '')) from public.${table} t`,
    ),
  );

describe("each rule refuses the write with its message, rule name and field", () => {
  it.each(Object.keys(cases))("%s", async (name) => {
    const rule = cases[name]();
    expect(name.startsWith(rule.rule)).toBe(true);
    const client = rule.as === "committee_admin" ? committee : admin;
    const before = await fingerprint(rule.table);
    const { error } = await rule.act(client);
    expect(error).not.toBeNull();
    expect(error!.code).toBe(rule.code);
    if (typeof rule.message === "string") expect(error!.message).toBe(rule.message);
    else expect(error!.message).toMatch(rule.message);
    expect(error!.details).toBe(rule.rule);
    expect(error!.hint).toBe(rule.field === null ? null : `field:${rule.field}`);
    expect(await fingerprint(rule.table)).toBe(before);
  });
});

describe("evaluation total and grade are derived by the database", () => {
  const scores = { score_leadership: 90, score_backbone: 90, score_venue: 90, score_carrier: 90, score_system: 90, score_performance: 90 };

  it("ignores a typed-in total and grade and derives them from the cycle's weights", async () => {
    const { data, error } = await admin
      .from("branch_evaluations")
      .insert({ cycle_id: f.openCycle, branch_id: f.spareBranches.B, ...scores, satisfaction: 70, total: 1, grade: "unqualified" })
      .select("id, total, grade")
      .single();
    expect(error).toBeNull();
    const expectedTotal = await withDb((db) =>
      one<string>(db, "select round(weight_org * 90 + weight_masses * 70, 2)::text from public.evaluation_cycles where id = $1", [f.openCycle]),
    );
    expect(Number(data!.total)).toBe(Number(expectedTotal));
    expect(data!.grade).toBe(Number(expectedTotal) >= 90 ? "excellent" : Number(expectedTotal) >= 80 ? "good" : "qualified");
  });

  it("leaves total and grade empty until every score is in", async () => {
    const { data, error } = await admin.from("branch_evaluations").update({ satisfaction: null }).eq("branch_id", f.spareBranches.B).select("total, grade").single();
    expect(error).toBeNull();
    expect(data).toEqual({ total: null, grade: null });
  });

  it("re-derives the totals of a cycle when its weights change", async () => {
    const { data: row } = await admin
      .from("branch_evaluations")
      .update({ ...scores, score_venue: 60, satisfaction: 100 })
      .eq("cycle_id", f.cycles.A)
      .eq("branch_id", f.spareBranches.A)
      .select("id, total, grade")
      .single();
    // default weights 0.70 / 0.30: 0.7 × 85 + 0.3 × 100 = 89.50
    expect(row).toMatchObject({ total: 89.5, grade: "good" });
    const { error } = await admin.from("evaluation_cycles").update({ weight_org: 0.4, weight_masses: 0.6 }).eq("id", f.cycles.A);
    expect(error).toBeNull();
    // 0.4 × 85 + 0.6 × 100 = 94.00
    const after = await withDb((db) => one<string>(db, "select total::text || ' ' || grade from public.branch_evaluations where id = $1", [row!.id]));
    expect(after).toBe("94.00 excellent");
  });

  it("grades by the thresholds 90 / 80 / 60", async () => {
    const grades = await withDb((db) =>
      db.query("select t, app.evaluation_grade(t)::text as grade from unnest(array[100, 90, 89.99, 80, 79.99, 60, 59.99, 0]::numeric[]) t"),
    );
    expect(grades.rows.map((r) => r.grade)).toEqual(["excellent", "excellent", "good", "good", "qualified", "qualified", "unqualified", "unqualified"]);
  });
});

describe("timestamps are the database's", () => {
  it("an update moves updated_at and keeps created_at, whatever the client sends", async () => {
    const before = await withDb((db) => db.query("select created_at, updated_at from public.carriers where id = $1", [f.carriers.A]));
    const { data, error } = await admin
      .from("carriers")
      .update({ name: "改名公寓", created_at: "2000-01-01T00:00:00Z", updated_at: "2000-01-01T00:00:00Z" })
      .eq("id", f.carriers.A)
      .select("created_at, updated_at")
      .single();
    expect(error).toBeNull();
    expect(new Date(data!.created_at).getTime()).toBe(before.rows[0].created_at.getTime());
    expect(new Date(data!.updated_at).getTime()).toBeGreaterThan(before.rows[0].updated_at.getTime());
  });
});
