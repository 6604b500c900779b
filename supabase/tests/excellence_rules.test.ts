// The rules of 党建案例 and 卓越党支部计划, through the API as each role: the workflow steps in order with their
// dates, rating and reviewing only by 组织部, a committee only within its unit, a rated case and a judged plan (and
// its tasks) frozen, 组织部's reopening of a rated case, a judged plan writing the branch's 卓越 year with history
// kept and the branch's flag following the latest year. Each refusal carries its zh-CN message, the rule and the
// field, and changes nothing (the tables and the audit trail).
import type { SupabaseClient } from "@supabase/supabase-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signedInClient } from "../local/testing";
import { dropExcellenceRows } from "./excellence_fixture";
import { createFixture, dropFixture, one, withDb, type Fixture } from "./fixture";
import { auditSince, expectRefused, lastAuditId } from "./refused";

let f: Fixture;
let admin: SupabaseClient;
let committee: SupabaseClient;
let leader: SupabaseClient;
let today: string;

beforeAll(async () => {
  f = await createFixture();
  admin = await signedInClient("admin@dangjian.test");
  committee = await signedInClient(f.committee.email);
  leader = await signedInClient("leader@dangjian.test");
  today = await withDb((db) => one<string>(db, "select current_date::text"));
});

afterAll(async () => {
  await dropExcellenceRows(f);
  await dropFixture(f);
});

const caseTables = ["cases"];
const planTables = ["excellence_plans", "excellence_tasks", "branch_excellence_years", "branches"];

/** A case in the given state, written as maintenance (as an earlier year's record would be). */
const makeCase = (branchId: number, status = "draft", extra = "") =>
  withDb(async (db) => {
    await db.query("begin");
    await db.query("select set_config('app.maintenance', 'on', true)");
    const dates = {
      draft: "null, null, null, null",
      submitted: "null, '2026-04-01', null, null",
      recommended: "null, '2026-04-01', '2026-04-20', null",
      rated: "'excellent', '2026-04-01', '2026-04-20', '2026-10-20'",
    }[status];
    const id = await one<number>(
      db,
      `insert into public.cases (branch_id, year, title, service_area, status, rating, submitted_on, recommended_on, rated_on)
       values ($1, 2026, '测试案例${extra}', 'members', '${status}', ${dates}) returning id`,
      [branchId],
    );
    await db.query("commit");
    return id;
  });

const makePlan = (branchId: number, year: number, status = "draft") =>
  withDb(async (db) => {
    await db.query("begin");
    await db.query("select set_config('app.maintenance', 'on', true)");
    const id = await one<number>(
      db,
      `insert into public.excellence_plans (branch_id, year, goals, status, submitted_on, approved_on, self_assessment)
       values ($1, $2::int, '争创卓越党支部', $3::public.plan_status,
               case when $3 <> 'draft' then make_date($2::int, 2, 1) end,
               case when $3 = 'approved' then make_date($2::int, 3, 1) end, null) returning id`,
      [branchId, year, status],
    );
    await db.query("insert into public.excellence_tasks (plan_id, title, due_on) values ($1, '开展主题党日', make_date($2::int, 6, 30))", [id, year]);
    await db.query("commit");
    return id;
  });

const caseRow = (id: number) =>
  withDb(async (db) => (await db.query("select status::text, rating::text, submitted_on::text, recommended_on::text, rated_on::text from public.cases where id = $1", [id])).rows[0]);
const flagOf = (branchId: number) => withDb((db) => one<string>(db, "select excellence::text from public.branches where id = $1", [branchId]));

describe("cases: the workflow", () => {
  it("the committee submits and recommends its case, 组织部 rates it, each step dated today and audited", async () => {
    const id = await makeCase(f.branches.A);
    const since = await lastAuditId();
    expect((await committee.rpc("submit_case", { p_case_id: id })).error).toBeNull();
    expect(await caseRow(id)).toMatchObject({ status: "submitted", submitted_on: today, recommended_on: null });
    expect((await committee.rpc("recommend_case", { p_case_id: id })).error).toBeNull();
    expect(await caseRow(id)).toMatchObject({ status: "recommended", recommended_on: today });
    const { data, error } = await admin.rpc("rate_case", { p_case_id: id, p_rating: "best" });
    expect(error).toBeNull();
    expect(data).toMatchObject({ id, status: "rated", rating: "best", rated_on: today });
    const entries = await auditSince(since, "cases", id);
    expect(entries.map((e) => e.new_values?.status)).toEqual(["submitted", "recommended", "rated"]);
    expect(entries[0].actor_id).toBe(f.committee.userId);
  });

  it("组织部 reopens a rated case: back to 已推荐, rating and its date cleared, and it may be rated again", async () => {
    const id = await makeCase(f.branches.A, "rated");
    const { error } = await admin.rpc("reopen_case", { p_case_id: id });
    expect(error).toBeNull();
    expect(await caseRow(id)).toMatchObject({ status: "recommended", rating: null, rated_on: null, recommended_on: "2026-04-20" });
    expect((await admin.rpc("rate_case", { p_case_id: id, p_rating: "none" })).error).toBeNull();
    expect(await caseRow(id)).toMatchObject({ status: "rated", rating: "none", rated_on: today });
  });

  it("sending a submitted case back to draft clears its date", async () => {
    const id = await makeCase(f.branches.A, "submitted");
    const { data, error } = await committee.from("cases").update({ status: "draft" }).eq("id", id).select("status, submitted_on");
    expect(error).toBeNull();
    expect(data).toEqual([{ status: "draft", submitted_on: null }]);
  });
});

describe("cases: refusals", () => {
  it("a committee cannot rate, through the RPC", async () => {
    const id = await makeCase(f.branches.A, "recommended");
    await expectRefused(() => committee.rpc("rate_case", { p_case_id: id, p_rating: "best" }),
      { code: "42501", message: "只有组织部可以评定党建案例", rule: "cases_rate_org_admin_only", field: "rating" }, caseTables);
  });

  it("a committee cannot rate its own unit's case by updating it either", async () => {
    const id = await makeCase(f.branches.A, "recommended");
    await expectRefused(() => committee.from("cases").update({ status: "rated", rating: "best" }).eq("id", id).select("id"),
      { code: "42501", message: "只有组织部可以评定党建案例", rule: "cases_rate_org_admin_only", field: "rating" }, caseTables);
  });

  it("a committee cannot recommend another unit's case", async () => {
    const id = await makeCase(f.branches.B, "submitted");
    await expectRefused(() => committee.rpc("recommend_case", { p_case_id: id }),
      { code: "42501", message: "只能推荐本单位的党建案例", rule: "cases_recommend_own_unit", field: null }, caseTables);
  });

  it("a leader takes no step", async () => {
    const id = await makeCase(f.branches.A);
    await expectRefused(() => leader.rpc("submit_case", { p_case_id: id }),
      { code: "42501", message: "当前账号只能查看, 不能办理", rule: "cases_submit_own_unit", field: null }, caseTables);
  });

  it("steps go in order: a draft cannot be recommended", async () => {
    const id = await makeCase(f.branches.A);
    await expectRefused(() => committee.rpc("recommend_case", { p_case_id: id }),
      { code: "23514", message: "案例不能从「草稿」直接改为「已推荐」: 须依次提交、推荐、评定", rule: "cases_status_order", field: "status" }, caseTables);
  });

  it("rating needs a result", async () => {
    const id = await makeCase(f.branches.A, "recommended");
    await expectRefused(() => admin.rpc("rate_case", { p_case_id: id, p_rating: null }),
      { code: "23514", message: "评定案例须选择评定结果", rule: "cases_rating_when_rated", field: "rating" }, caseTables);
  });

  it("a rated case is frozen, for 组织部 too", async () => {
    const id = await makeCase(f.branches.A, "rated");
    await expectRefused(() => admin.from("cases").update({ title: "改标题" }).eq("id", id).select("id"),
      { code: "23514", message: "案例「测试案例」已评定, 记录已冻结; 如需修改, 请由组织部执行「重新评定」", rule: "cases_rated_frozen", field: "status" }, caseTables);
    await expectRefused(() => committee.from("cases").update({ summary: "改摘要" }).eq("id", id).select("id"),
      { code: "23514", message: /已评定, 记录已冻结/, rule: "cases_rated_frozen", field: "status" }, caseTables);
    await expectRefused(() => admin.from("cases").delete().eq("id", id).select("id"),
      { code: "23514", message: "案例「测试案例」已评定, 不能删除", rule: "cases_rated_frozen", field: null }, caseTables);
  });

  it("only 组织部 reopens, and only a rated case", async () => {
    const rated = await makeCase(f.branches.A, "rated");
    await expectRefused(() => committee.rpc("reopen_case", { p_case_id: rated }),
      { code: "42501", message: "只有组织部可以重新评定党建案例", rule: "cases_reopen_org_admin_only", field: null }, caseTables);
    const draft = await makeCase(f.branches.A, "draft", "乙");
    await expectRefused(() => admin.rpc("reopen_case", { p_case_id: draft }),
      { code: "23514", message: "案例「测试案例乙」尚未评定, 无需重新评定", rule: "cases_reopen_only_rated", field: "status" }, caseTables);
  });

  it("the budget must be a 案例立项 budget of the branch or its unit, of the case's year", async () => {
    // the fixture's branch budget is an activity fund
    await expectRefused(() => committee.from("cases").insert({ branch_id: f.branches.A, year: 2026, title: "带经费案例", service_area: "reform", budget_id: f.branchBudgets.A }).select("id"),
      { code: "23514", message: "关联经费须为本支部或所属二级党组织 2026 年度的案例立项预算", rule: "cases_budget_of_branch", field: "budget_id" }, caseTables);
  });

  it("an earlier year's case entered by 组织部 keeps its dates in order", async () => {
    await expectRefused(() => admin.from("cases").insert({ branch_id: f.branches.A, year: 2025, title: "补录案例", service_area: "reform", status: "rated", rating: "excellent",
        submitted_on: "2025-05-01", recommended_on: "2025-06-01", rated_on: "2025-05-20" }).select("id"),
      { code: "23514", message: "评定日期不能早于推荐日期", rule: "cases_dates_in_order", field: "rated_on" }, caseTables);
  });
});

describe("excellence plans", () => {
  it("a committee submits, but cannot approve or judge", async () => {
    const id = await makePlan(f.spareBranches.A, 2026);
    expect((await committee.rpc("submit_excellence_plan", { p_plan_id: id })).error).toBeNull();
    await expectRefused(() => committee.rpc("approve_excellence_plan", { p_plan_id: id }),
      { code: "42501", message: "只有组织部可以审核和评定卓越党支部计划", rule: "excellence_plans_review_org_admin_only", field: "status" }, planTables);
    await expectRefused(() => committee.from("excellence_plans").update({ status: "approved" }).eq("id", id).select("id"),
      { code: "42501", message: "只有组织部可以审核和评定卓越党支部计划", rule: "excellence_plans_review_org_admin_only", field: "status" }, planTables);
  });

  it("one plan per branch and year", async () => {
    await makePlan(f.spareBranches.A, 2027);
    await expectRefused(() => committee.from("excellence_plans").insert({ branch_id: f.spareBranches.A, year: 2027, goals: "再来一份" }).select("id"),
      { code: "23505", message: "该支部已有 2027 年度的卓越党支部计划", rule: "excellence_plans_one_per_branch_year", field: "year" }, planTables);
  });

  it("judging needs the year-end self-assessment", async () => {
    const id = await makePlan(f.branches.A, 2025, "approved");
    await expectRefused(() => admin.rpc("judge_excellence_plan", { p_plan_id: id, p_result: "excellent" }),
      { code: "23514", message: "评定前须填写年终自评", rule: "excellence_plans_self_assessed", field: "self_assessment" }, planTables);
  });

  it("a task is due within the plan's year", async () => {
    const id = await makePlan(f.branches.A, 2026);
    await expectRefused(() => committee.from("excellence_tasks").insert({ plan_id: id, title: "跨年任务", due_on: "2027-01-10" }).select("id"),
      { code: "23514", message: "完成时限须在计划年度 (2026 年) 内", rule: "excellence_tasks_due_in_plan_year", field: "due_on" }, planTables);
  });

  it("judging writes the branch's year, keeps the history, and the flag follows the latest year; the plan and its tasks freeze", async () => {
    const branch = f.spareBranches.B;
    const earlier = await makePlan(branch, 2024, "approved");
    const later = await makePlan(branch, 2025, "approved");
    for (const id of [earlier, later]) {
      expect((await admin.from("excellence_plans").update({ self_assessment: "任务全部完成" }).eq("id", id).select("id")).data).toHaveLength(1);
    }
    const judged = await admin.rpc("judge_excellence_plan", { p_plan_id: later, p_result: "excellent" });
    expect(judged.error).toBeNull();
    expect(judged.data).toMatchObject({ status: "judged", result: "excellent", judged_on: today });
    expect(await flagOf(branch)).toBe("excellent");
    // judging the earlier year (合格 → 培育中) adds history but the latest year still decides the flag
    expect((await admin.rpc("judge_excellence_plan", { p_plan_id: earlier, p_result: "qualified" })).error).toBeNull();
    const years = await withDb(async (db) =>
      (await db.query("select year, status::text, plan_id::int from public.branch_excellence_years where branch_id = $1 order by year", [branch])).rows);
    expect(years).toEqual([{ year: 2024, status: "cultivating", plan_id: earlier }, { year: 2025, status: "excellent", plan_id: later }]);
    expect(await flagOf(branch)).toBe("excellent");
    // 组织部 removing the latest year puts the flag back to the one before
    await admin.from("branch_excellence_years").delete().eq("branch_id", branch).eq("year", 2025);
    expect(await flagOf(branch)).toBe("cultivating");

    await expectRefused(() => admin.from("excellence_plans").update({ goals: "改目标" }).eq("id", later).select("id"),
      { code: "23514", message: "2025 年度卓越党支部计划已评定, 记录已冻结", rule: "excellence_plans_judged_frozen", field: "status" }, planTables);
    await expectRefused(() => admin.from("excellence_tasks").insert({ plan_id: later, title: "补一项", due_on: "2025-12-01" }).select("id"),
      { code: "23514", message: "2025 年度卓越党支部计划已评定, 任务已冻结", rule: "excellence_tasks_plan_judged_frozen", field: "plan_id" }, planTables);
    await expectRefused(() => admin.from("excellence_tasks").update({ done_on: "2025-12-01" }).eq("plan_id", later).select("id"),
      { code: "23514", message: "2025 年度卓越党支部计划已评定, 任务已冻结", rule: "excellence_tasks_plan_judged_frozen", field: "plan_id" }, planTables);
    await expectRefused(() => admin.from("excellence_plans").delete().eq("id", later).select("id"),
      { code: "23514", message: "2025 年度卓越党支部计划已评定, 不能删除", rule: "excellence_plans_judged_frozen", field: null }, planTables);
  });

  it("a branch with cases or plans cannot be deleted, with a readable message", async () => {
    await makeCase(f.spareBranches.B, "draft");
    const { error } = await admin.from("branches").delete().eq("id", f.spareBranches.B).select("id");
    expect(error?.code).toBe("23503");
    expect(error?.message).toMatch(/^该支部下还有 \d+ 条(党建案例|卓越党支部计划|卓越党支部年度)记录, 不能删除$/);
  });
});
