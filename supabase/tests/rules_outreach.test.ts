// The rules of 联系点与走访: a follow-up is never resolved before its visit; a visit names one visitor (an account or
// a name); contact points do not end before they start, do not overlap, start only at active branches; the people
// named belong to the school level or to the branch's own unit; a committee records only its own people, the
// leaders' contact points and visits are 组织部's. Each refusal carries its zh-CN message, rule and field, and
// changes nothing (the tables and the audit trail are as before).
import type { SupabaseClient } from "@supabase/supabase-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signedInClient } from "../local/testing";
import { createAuthUser, createFixture, dropFixture, one, withDb, type Fixture } from "./fixture";
import { expectRefused } from "./refused";

const LEADER = "00000000-0000-4000-8000-000000000002";
const tables = ["contact_points", "visits"];

let f: Fixture;
let admin: SupabaseClient;
let committee: SupabaseClient;
let otherCommittee: string;
let visit: number;
let contactPoint: number;

beforeAll(async () => {
  f = await createFixture();
  admin = await signedInClient("admin@dangjian.test");
  committee = await signedInClient(f.committee.email);
  await withDb(async (db) => {
    otherCommittee = await createAuthUser(db, `committee-b-${f.tag.toLowerCase()}@dangjian.test`, `测试管理员B ${f.tag}`);
    await db.query("insert into public.profiles (user_id, role, org_unit_id, display_name) values ($1, 'committee_admin', $2, '测试管理员B')", [
      otherCommittee,
      f.orgUnits.B,
    ]);
    visit = await one<number>(
      db,
      `insert into public.visits (branch_id, visitor_id, kind, visited_on, problems, follow_up)
       values ($1, $2, 'research', '2026-05-10', '活动场所不足', '协调活动室') returning id`,
      [f.branches.A, LEADER],
    );
    contactPoint = await one<number>(
      db,
      "insert into public.contact_points (contact_id, branch_id, started_on, ended_on) values ($1, $2, '2025-03-01', '2025-12-31') returning id",
      [LEADER, f.branches.A],
    );
  });
});

afterAll(async () => {
  await withDb(async (db) => {
    await db.query("delete from public.visits where branch_id in (select id from public.branches where org_unit_id = any($1))", [[f.orgUnits.A, f.orgUnits.B]]);
    await db.query("delete from public.contact_points where branch_id in (select id from public.branches where org_unit_id = any($1))", [[f.orgUnits.A, f.orgUnits.B]]);
    await db.query("delete from auth.users where id = $1", [otherCommittee]);
  });
  await dropFixture(f);
});

const newVisit = (extra: Record<string, unknown>) => ({ branch_id: f.branches.A, kind: "visit", visited_on: "2026-06-01", ...extra });

describe("visits", () => {
  it("a follow-up is never resolved before its visit (insert)", async () => {
    await expectRefused(
      () => admin.from("visits").insert(newVisit({ visitor_id: LEADER, problems: "经费不足", follow_up: "协调经费", resolved_on: "2026-05-31" })),
      { code: "23514", message: "解决日期不能早于走访日期 (2026-06-01)", rule: "visits_resolved_after_visit", field: "resolved_on" },
      tables,
    );
  });

  it("a follow-up is never resolved before its visit (update of a recorded visit)", async () => {
    await expectRefused(
      () => admin.from("visits").update({ resolved_on: "2026-05-09" }).eq("id", visit),
      { code: "23514", message: "解决日期不能早于走访日期 (2026-05-10)", rule: "visits_resolved_after_visit", field: "resolved_on" },
      tables,
    );
  });

  it("resolving on the day of the visit is fine", async () => {
    const { data, error } = await admin.from("visits").update({ resolved_on: "2026-05-10" }).eq("id", visit).select("resolved_on");
    expect(error).toBeNull();
    expect(data).toEqual([{ resolved_on: "2026-05-10" }]);
    await withDb((db) => db.query("update public.visits set resolved_on = null where id = $1", [visit]));
  });

  it("the CHECK backstop refuses a resolution before the visit even without the trigger", async () => {
    await withDb(async (db) => {
      await db.query("begin");
      await db.query("alter table public.visits disable trigger visits_rules");
      const error = await db.query("update public.visits set resolved_on = '2026-01-01' where id = $1", [visit]).then(() => null, (e) => e);
      await db.query("rollback");
      expect(error?.constraint).toBe("visits_resolved_after_visit");
    });
  });

  it("names a visitor: an account or a name", async () => {
    await expectRefused(
      () => admin.from("visits").insert(newVisit({})),
      { code: "23514", message: "请选择走访人账号, 或填写无账号走访人的姓名", rule: "visits_visitor_one", field: "visitor_id" },
      tables,
    );
  });

  it("not both an account and a name", async () => {
    await expectRefused(
      () => admin.from("visits").insert(newVisit({ visitor_id: LEADER, visitor_name: "王建国" })),
      { code: "23514", message: "已选择走访人账号, 不再填写姓名", rule: "visits_visitor_one", field: "visitor_name" },
      tables,
    );
  });

  it("a resolution needs something to resolve", async () => {
    await expectRefused(
      () => admin.from("visits").insert(newVisit({ visitor_id: LEADER, resolved_on: "2026-06-02" })),
      { code: "23514", message: "没有反映的问题或跟进措施, 无需填写解决日期", rule: "visits_resolved_needs_problem", field: "resolved_on" },
      tables,
    );
  });

  it("a committee cannot record a leader's visit", async () => {
    await expectRefused(
      () => committee.from("visits").insert(newVisit({ visitor_id: LEADER })),
      { code: "23514", message: "校领导和组织部人员的走访由组织部登记", rule: "visits_leader_by_org_admin", field: "visitor_id" },
      tables,
    );
  });

  it("another unit's account is no visitor of this unit's branch", async () => {
    await expectRefused(
      () => admin.from("visits").insert(newVisit({ visitor_id: otherCommittee })),
      { code: "23514", message: "走访人须为校领导、组织部或该支部所在二级党组织的人员", rule: "visits_person_scope", field: "visitor_id" },
      tables,
    );
  });

  it("a committee records its own people's visits: its own account, or a name", async () => {
    const { data, error } = await committee
      .from("visits")
      .insert([newVisit({ visitor_id: f.committee.userId }), newVisit({ visitor_name: "刘洋（测试学院党委副书记）", kind: "forum" })])
      .select("id");
    expect(error).toBeNull();
    expect(data).toHaveLength(2);
  });
});

describe("contact_points", () => {
  const newPoint = (extra: Record<string, unknown>) => ({ contact_id: LEADER, branch_id: f.spareBranches.A, started_on: "2026-01-01", ...extra });

  it("does not end before it starts", async () => {
    await expectRefused(
      () => admin.from("contact_points").insert(newPoint({ ended_on: "2025-12-31" })),
      { code: "23514", message: "结束日期不能早于建立日期", rule: "contact_points_period_valid", field: "ended_on" },
      tables,
    );
  });

  it("one person's contact points with one branch do not overlap", async () => {
    await expectRefused(
      () => admin.from("contact_points").insert(newPoint({ branch_id: f.branches.A, started_on: "2025-12-01" })),
      { code: "23505", message: "该联系人在这段时间已联系此支部 (起止日期重叠)", rule: "contact_points_no_overlap", field: "started_on" },
      tables,
    );
  });

  it("a new period after the old one ended is fine", async () => {
    const { data, error } = await admin.from("contact_points").insert(newPoint({ branch_id: f.branches.A, started_on: "2026-01-01" })).select("id");
    expect(error).toBeNull();
    expect(data).toHaveLength(1);
  });

  it("starts only at an active branch", async () => {
    const closed = await withDb((db) =>
      one<number>(db, "insert into public.branches (org_unit_id, code, name, kind, status) values ($1, $2, '已撤销支部', 'staff', 'dissolved') returning id", [
        f.orgUnits.A,
        `${f.tag}-A-X`,
      ]),
    );
    await expectRefused(
      () => admin.from("contact_points").insert(newPoint({ branch_id: closed })),
      { code: "23514", message: "只能在正常状态的党支部建立联系点", rule: "contact_points_branch_active", field: "branch_id" },
      tables,
    );
  });

  it("a committee cannot assign a leader's contact point", async () => {
    await expectRefused(
      () => committee.from("contact_points").insert(newPoint({})),
      { code: "23514", message: "校领导和组织部人员的联系点由组织部登记", rule: "contact_points_leader_by_org_admin", field: "contact_id" },
      tables,
    );
  });

  it("another unit's account cannot keep contact with this unit's branch", async () => {
    await expectRefused(
      () => admin.from("contact_points").insert(newPoint({ contact_id: otherCommittee })),
      { code: "23514", message: "联系人须为校领导、组织部或该支部所在二级党组织的人员", rule: "contact_points_person_scope", field: "contact_id" },
      tables,
    );
  });

  it("a committee assigns its own people to its own branches", async () => {
    const { data, error } = await committee.from("contact_points").insert(newPoint({ contact_id: f.committee.userId })).select("id");
    expect(error).toBeNull();
    expect(data).toHaveLength(1);
  });

  it("a committee can neither edit nor delete a leader's contact point of its branch", async () => {
    const refusal = { code: "23514", message: "校领导和组织部人员的联系点由组织部登记", rule: "contact_points_leader_by_org_admin" };
    await expectRefused(() => committee.from("contact_points").update({ ended_on: "2025-06-30" }).eq("id", contactPoint), { ...refusal, field: "contact_id" }, tables);
    await expectRefused(() => committee.from("contact_points").update({ contact_id: f.committee.userId }).eq("id", contactPoint), { ...refusal, field: "contact_id" }, tables);
    await expectRefused(() => committee.from("contact_points").delete().eq("id", contactPoint), { ...refusal, field: null }, tables);
  });
});

describe("a leader's visit to a committee's branch", () => {
  it("is 组织部's: the committee can neither resolve it nor delete it", async () => {
    const refusal = { code: "23514", message: "校领导和组织部人员的走访由组织部登记", rule: "visits_leader_by_org_admin" };
    await expectRefused(() => committee.from("visits").update({ resolved_on: "2026-06-01" }).eq("id", visit), { ...refusal, field: "visitor_id" }, tables);
    await expectRefused(() => committee.from("visits").delete().eq("id", visit), { ...refusal, field: null }, tables);
  });

  it("组织部 resolves it", async () => {
    const { data, error } = await admin.from("visits").update({ resolved_on: "2026-06-01" }).eq("id", visit).select("resolved_on");
    expect(error).toBeNull();
    expect(data).toEqual([{ resolved_on: "2026-06-01" }]);
    await withDb((db) => db.query("update public.visits set resolved_on = null where id = $1", [visit]));
  });
});
