// 转接 before closing: a branch with members cannot be merged or dissolved; public.transfer_members moves some or
// all members to another active branch in one transaction (RLS applies: a committee within its unit only), clears
// the secretary post if the secretary leaves, and can close the emptied branch, ending its open coverages. Every
// change is audited.
import type { SupabaseClient } from "@supabase/supabase-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signedInClient } from "../local/testing";
import { createFixture, dropFixture, one, withDb, type Fixture } from "./fixture";
import { ADMIN_ID, auditSince, expectRefused, lastAuditId } from "./refused";

let f: Fixture;
let admin: SupabaseClient;
let committee: SupabaseClient;
let leader: SupabaseClient;
let today: string;

const touched = ["branches", "members", "carrier_coverages"];
const branchOf = (memberId: number) =>
  withDb((db) => one<number>(db, "select branch_id from public.members where id = $1", [memberId]));
const row = (table: string, id: number, columns: string) =>
  withDb(async (db) => (await db.query(`select ${columns} from public.${table} where id = $1`, [id])).rows[0]);

beforeAll(async () => {
  f = await createFixture();
  admin = await signedInClient("admin@dangjian.test");
  committee = await signedInClient(f.committee.email);
  leader = await signedInClient("leader@dangjian.test");
  await withDb(async (db) => {
    await db.query("update public.branches set secretary_id = $1 where id = $2", [f.members.A, f.branches.A]);
    // the day the database calls today (Beijing time)
    today = await one<string>(db, "select current_date::text");
  });
});

afterAll(() => dropFixture(f));

describe("closing a branch that still has members", () => {
  it("is refused on status, telling to 转接 first; nothing changes", async () => {
    await expectRefused(() => admin.from("branches").update({ status: "dissolved" }).eq("id", f.branches.A), {
      code: "23514", rule: "branches_closing_requires_no_members", field: "status",
      message: "该支部还有 2 名党员, 请先将党员转接到其他支部, 再设为已撤销",
    }, touched);
  });
});

describe("transfer_members refuses", () => {
  it("the leader (zh-CN 42501)", async () => {
    await expectRefused(() => leader.rpc("transfer_members", { p_from_branch_id: f.branches.A, p_to_branch_id: f.spareBranches.A }), {
      code: "42501", rule: "transfer_members_not_allowed", field: null, message: "只有组织部或二级党组织管理员可以转接党员",
    }, touched);
  });

  it("a committee moving members into another unit", async () => {
    await expectRefused(() => committee.rpc("transfer_members", { p_from_branch_id: f.branches.A, p_to_branch_id: f.branches.B }), {
      code: "42501", rule: "transfer_members_own_org_unit", field: "to_branch_id", message: "不能转接到其他二级党组织的支部; 跨单位转接请联系组织部",
    }, touched);
  });

  it("a committee moving another unit's members", async () => {
    await expectRefused(() => committee.rpc("transfer_members", { p_from_branch_id: f.branches.B, p_to_branch_id: f.spareBranches.A }), {
      code: "42501", rule: "transfer_members_own_org_unit", field: "from_branch_id", message: "只能转接本单位支部的党员",
    }, touched);
  });

  it("members who are not in the branch", async () => {
    await expectRefused(
      () => committee.rpc("transfer_members", { p_from_branch_id: f.branches.A, p_to_branch_id: f.spareBranches.A, p_member_ids: [f.members.A, f.members.B] }),
      { code: "23514", rule: "transfer_members_in_from_branch", field: "member_ids", message: "有 1 名所选党员不在转出支部中" },
      touched,
    );
  });
});

describe("a committee transfers within its unit", () => {
  it("moves the selected secretary: the post falls vacant and they arrive as 党员, audited", async () => {
    const since = await lastAuditId();
    const { data, error } = await committee.rpc("transfer_members", {
      p_from_branch_id: f.branches.A, p_to_branch_id: f.spareBranches.A, p_member_ids: [f.members.A],
    });
    expect(error).toBeNull();
    expect(data).toBe(1);
    expect(await row("members", f.members.A, "branch_id, branch_role::text")).toEqual({ branch_id: String(f.spareBranches.A), branch_role: "member" });
    expect(await branchOf(f.spareMembers.A)).toBe(f.branches.A);
    expect(await row("branches", f.branches.A, "secretary_id, status::text")).toEqual({ secretary_id: null, status: "active" });
    const member = await auditSince(since, "members", f.members.A);
    expect(member.every((e) => e.actor_id === f.committee.userId)).toBe(true);
    expect(member.at(-1)!.new_values).toMatchObject({ branch_id: f.spareBranches.A, branch_role: "member" });
    expect((await auditSince(since, "branches", f.branches.A)).map((e) => e.changed_columns)).toEqual([["secretary_id"]]);
  });

  it("refuses to close while a member would remain, and undoes the whole call", async () => {
    await expectRefused(
      () => committee.rpc("transfer_members", { p_from_branch_id: f.branches.A, p_to_branch_id: f.spareBranches.A, p_member_ids: [], p_close_as: "merged" }),
      { code: "23514", rule: "branches_closing_requires_no_members", field: "status", message: "该支部还有 1 名党员, 请先将党员转接到其他支部, 再设为已合并" },
      touched,
    );
  });

  it("moves everyone left and closes the branch, ending its open coverage today", async () => {
    const since = await lastAuditId();
    const { data, error } = await committee.rpc("transfer_members", {
      p_from_branch_id: f.branches.A, p_to_branch_id: f.spareBranches.A, p_close_as: "merged",
    });
    expect(error).toBeNull();
    expect(data).toBe(1);
    expect(await branchOf(f.spareMembers.A)).toBe(f.spareBranches.A);
    const { rows } = await withDb((db) =>
      db.query(
        `select (select status::text from public.branches where id = $1) as status,
                (select count(*)::int from public.members where branch_id = $1) as members,
                (select ended_on::text from public.carrier_coverages where id = $2) as ended_on`,
        [f.branches.A, f.coverages.A],
      ),
    );
    expect(rows[0]).toEqual({ status: "merged", members: 0, ended_on: today });
    expect((await auditSince(since, "branches", f.branches.A)).map((e) => [e.actor_id, e.changed_columns])).toEqual([[f.committee.userId, ["status"]]]);
    expect((await auditSince(since, "carrier_coverages", f.coverages.A)).map((e) => e.new_values?.ended_on)).toEqual([today]);
  });

  it("a merged branch takes no members, neither by insert nor by transfer", async () => {
    await expectRefused(
      () => admin.from("members").insert({ branch_id: f.branches.A, name: "迟到党员", gender: "male", category: "staff", student_or_staff_no: `${f.tag}-LATE` }),
      { code: "23514", rule: "members_branch_active", field: "branch_id", message: "所选支部已合并或撤销, 不能再接收党员" },
      touched,
    );
    await expectRefused(
      () => committee.rpc("transfer_members", { p_from_branch_id: f.spareBranches.A, p_to_branch_id: f.branches.A }),
      { code: "23514", rule: "members_branch_active", field: "to_branch_id", message: "转入支部已合并或撤销, 不能接收党员" },
      touched,
    );
  });
});

describe("org_admin", () => {
  it("may transfer across units", async () => {
    const { data, error } = await admin.rpc("transfer_members", {
      p_from_branch_id: f.branches.B, p_to_branch_id: f.spareBranches.A, p_member_ids: [f.spareMembers.B],
    });
    expect(error).toBeNull();
    expect(data).toBe(1);
    expect(await branchOf(f.spareMembers.B)).toBe(f.spareBranches.A);
    const entries = await auditSince(0, "members", f.spareMembers.B);
    expect(entries.at(-1)).toMatchObject({ actor_id: ADMIN_ID, action: "update" });
  });

  it("sets an empty branch to 已撤销 directly; its open coverages end today", async () => {
    const coverage = await withDb((db) =>
      one<number>(
        db,
        "insert into public.carrier_coverages (carrier_id, branch_id, form, started_on) values ($1, $2, 'liaison', '2025-03-01') returning id",
        [f.carriers.B, f.spareBranches.B],
      ),
    );
    const { error } = await admin.from("branches").update({ status: "dissolved" }).eq("id", f.spareBranches.B);
    expect(error).toBeNull();
    expect(await row("carrier_coverages", coverage, "ended_on::text")).toEqual({ ended_on: today });
  });
});
