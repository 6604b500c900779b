// What was closed stays closed: a closed evaluation cycle, its branch evaluations, member reviews and the member
// posts of its year refuse every insert, update and delete for every role; public.reopen_evaluation_cycle is the
// one way back (org_admin only, audited).
import type { SupabaseClient } from "@supabase/supabase-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signedInClient } from "../local/testing";
import { createFixture, dropFixture, one, withDb, type Fixture } from "./fixture";
import { ADMIN_ID, auditSince, expectRefused, lastAuditId } from "./refused";

let f: Fixture;
let admin: SupabaseClient;
let committee: SupabaseClient;
let leader: SupabaseClient;
let year: number;
let title: string;
let evaluation: number;
let review: number;
let post: number;

const frozen = () => `考核周期「${title}」已结束, 记录已冻结`;
const scores = { score_leadership: 80, score_backbone: 80, score_venue: 80, score_carrier: 80, score_system: 80, score_performance: 80 };

beforeAll(async () => {
  f = await createFixture();
  admin = await signedInClient("admin@dangjian.test");
  committee = await signedInClient(f.committee.email);
  leader = await signedInClient("leader@dangjian.test");
  // The fixture's draft cycle B gets an evaluation, a review and a post of its year while still open to writes.
  await withDb(async (db) => {
    year = await one<number>(db, "select year from public.evaluation_cycles where id = $1", [f.cycles.B]);
    title = await one<string>(db, "select title from public.evaluation_cycles where id = $1", [f.cycles.B]);
    evaluation = await one<number>(
      db,
      `insert into public.branch_evaluations (cycle_id, branch_id, score_leadership, score_backbone, score_venue, score_carrier,
         score_system, score_performance, satisfaction) values ($1, $2, 80, 80, 80, 80, 80, 80, 90) returning id`,
      [f.cycles.B, f.spareBranches.A],
    );
    review = await one<number>(db, "insert into public.member_reviews (cycle_id, member_id, grade) values ($1, $2, 'qualified') returning id", [
      f.cycles.B,
      f.spareMembers.A,
    ]);
    post = await one<number>(db, "insert into public.member_posts (member_id, year, post_title) values ($1, $2, '学习帮扶岗') returning id", [
      f.spareMembers.A,
      year,
    ]);
  });
});

afterAll(() => dropFixture(f));

describe("closing", () => {
  it("is an ordinary update for org_admin", async () => {
    for (const id of [f.cycles.A, f.cycles.B]) {
      const { error } = await admin.from("evaluation_cycles").update({ status: "closed" }).eq("id", id);
      expect(error).toBeNull();
    }
    expect(await withDb((db) => one<string>(db, "select status::text from public.evaluation_cycles where id = $1", [f.cycles.B]))).toBe("closed");
  });
});

describe("a closed cycle refuses", () => {
  const cycleTables = ["evaluation_cycles", "branch_evaluations"];

  it("new weights (its published totals stay as they are)", async () => {
    await expectRefused(() => admin.from("evaluation_cycles").update({ weight_org: 0.5, weight_masses: 0.5 }).eq("id", f.cycles.B), {
      code: "23514", rule: "evaluation_cycles_closed_frozen", field: "status", message: frozen(),
    }, cycleTables);
  });

  it("the seeded closed 2025 cycle too", async () => {
    await expectRefused(() => admin.from("evaluation_cycles").update({ weight_org: 0.9, weight_masses: 0.1 }).eq("id", f.closedCycle), {
      code: "23514", rule: "evaluation_cycles_closed_frozen", field: "status", message: /^考核周期「2025年度.+」已结束, 记录已冻结$/,
    }, cycleTables);
  });

  it("a direct change of status back to open (reopening is its own action)", async () => {
    await expectRefused(() => admin.from("evaluation_cycles").update({ status: "open" }).eq("id", f.cycles.B), {
      code: "23514", rule: "evaluation_cycles_closed_frozen", field: "status", message: `${frozen()}; 如需修改, 请由组织部执行「重新开放」`,
    }, cycleTables);
  });

  it("being deleted", async () => {
    await expectRefused(() => admin.from("evaluation_cycles").delete().eq("id", f.cycles.A), {
      code: "23514", rule: "evaluation_cycles_closed_frozen", field: null, message: /^考核周期「.+」已结束, 记录已冻结$/,
    }, cycleTables);
  });

  it.each([
    ["update", () => admin.from("branch_evaluations").update({ satisfaction: 100 }).eq("id", evaluation), "cycle_id"],
    ["insert", () => admin.from("branch_evaluations").insert({ cycle_id: f.cycles.B, branch_id: f.spareBranches.B, ...scores, satisfaction: 70 }), "cycle_id"],
    ["delete", () => admin.from("branch_evaluations").delete().eq("id", evaluation), null],
  ] as const)("branch evaluations: %s by org_admin", async (_action, act, field) => {
    await expectRefused(act, { code: "23514", rule: "branch_evaluations_cycle_closed", field, message: frozen() }, ["branch_evaluations"]);
  });

  it.each([
    ["update", () => admin.from("member_reviews").update({ grade: "excellent" }).eq("id", review), "cycle_id"],
    ["insert", () => admin.from("member_reviews").insert({ cycle_id: f.cycles.B, member_id: f.spareMembers.B, grade: "qualified" }), "cycle_id"],
    ["delete", () => admin.from("member_reviews").delete().eq("id", review), null],
  ] as const)("member reviews: %s by org_admin", async (_action, act, field) => {
    await expectRefused(act, { code: "23514", rule: "member_reviews_cycle_closed", field, message: frozen() }, ["member_reviews"]);
  });

  it.each([
    ["update", (c: () => SupabaseClient) => c().from("member_posts").update({ self_review: "补写自评" }).eq("id", post), "year"],
    ["insert", (c: () => SupabaseClient) => c().from("member_posts").insert({ member_id: f.members.A, year, post_title: "补登岗位" }), "year"],
    ["delete", (c: () => SupabaseClient) => c().from("member_posts").delete().eq("id", post), null],
  ] as const)("member posts of its year: %s by org_admin and by the committee", async (_action, act, field) => {
    for (const client of [() => admin, () => committee]) {
      await expectRefused(() => act(client), { code: "23514", rule: "member_posts_cycle_closed", field, message: frozen() }, ["member_posts"]);
    }
  });

  it("a committee's evaluation update (its own rule speaks first: the cycle is not open to it)", async () => {
    await expectRefused(() => committee.from("branch_evaluations").update({ satisfaction: 100 }).eq("id", evaluation), {
      code: "23514", rule: "branch_evaluations_cycle_open", field: "cycle_id", message: `考核周期「${title}」未开放填报`,
    }, ["branch_evaluations"]);
  });

  it("moving a post out of the closed year", async () => {
    await expectRefused(() => admin.from("member_posts").update({ year: year + 1 }).eq("id", post), {
      code: "23514", rule: "member_posts_cycle_closed", field: "year", message: frozen(),
    }, ["member_posts"]);
  });
});

describe("reopen_evaluation_cycle", () => {
  it.each([
    ["leader", () => leader],
    ["committee_admin", () => committee],
  ])("is refused for %s with a zh-CN 42501", async (_role, client) => {
    await expectRefused(() => client().rpc("reopen_evaluation_cycle", { p_cycle_id: f.cycles.B }), {
      code: "42501", rule: "evaluation_cycles_reopen_org_admin_only", field: null, message: "只有组织部可以重新开放已结束的考核周期",
    }, ["evaluation_cycles"]);
  });

  it("refuses a cycle that is not closed", async () => {
    await expectRefused(() => admin.rpc("reopen_evaluation_cycle", { p_cycle_id: f.openCycle }), {
      code: "23514", rule: "evaluation_cycles_reopen_only_closed", field: "status", message: /^考核周期「2026年度.+」尚未结束, 无需重新开放$/,
    }, ["evaluation_cycles"]);
  });

  it("org_admin reopens: status open, audited as that one change, and the records take writes again", async () => {
    const since = await lastAuditId();
    const { data, error } = await admin.rpc("reopen_evaluation_cycle", { p_cycle_id: f.cycles.B });
    expect(error).toBeNull();
    expect(data).toMatchObject({ id: f.cycles.B, status: "open", title });
    const entries = await auditSince(since, "evaluation_cycles", f.cycles.B);
    expect(entries.map((e) => [e.actor_id, e.action, e.changed_columns, e.old_values?.status, e.new_values?.status])).toEqual([
      [ADMIN_ID, "update", ["status"], "closed", "open"],
    ]);

    const { error: edit } = await admin.from("branch_evaluations").update({ satisfaction: 100 }).eq("id", evaluation);
    expect(edit).toBeNull();
    const { error: weights } = await admin.from("evaluation_cycles").update({ weight_org: 0.5, weight_masses: 0.5 }).eq("id", f.cycles.B);
    expect(weights).toBeNull();
    // 0.5 × 80 + 0.5 × 100: the weights apply again while open
    expect(await withDb((db) => one<string>(db, "select total::text from public.branch_evaluations where id = $1", [evaluation]))).toBe("90.00");

    const { error: close } = await admin.from("evaluation_cycles").update({ status: "closed" }).eq("id", f.cycles.B);
    expect(close).toBeNull();
    await expectRefused(() => admin.from("branch_evaluations").update({ satisfaction: 50 }).eq("id", evaluation), {
      code: "23514", rule: "branch_evaluations_cycle_closed", field: "cycle_id", message: frozen(),
    }, ["branch_evaluations"]);
  });
});
