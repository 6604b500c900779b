// One source of truth for the secretary: branches.secretary_id, with members.branch_role = 'secretary' kept equal
// to it by the database in both directions — through the API per role, checked with independent SQL, audited.
import type { SupabaseClient } from "@supabase/supabase-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signedInClient } from "../local/testing";
import { createFixture, dropFixture, withDb, type Fixture } from "./fixture";
import { ADMIN_ID, auditSince, lastAuditId } from "./refused";

let f: Fixture;
let admin: SupabaseClient;
let committee: SupabaseClient;
let leader: SupabaseClient;

beforeAll(async () => {
  f = await createFixture();
  admin = await signedInClient("admin@dangjian.test");
  committee = await signedInClient(f.committee.email);
  leader = await signedInClient("leader@dangjian.test");
});

afterAll(() => dropFixture(f));

/** The branch's secretary_id and the roles of its members, straight from the database. */
const state = (branchId: number) =>
  withDb(async (db) => {
    const { rows: [branch] } = await db.query("select secretary_id from public.branches where id = $1", [branchId]);
    const { rows } = await db.query("select id, branch_role from public.members where branch_id = $1 order by id", [branchId]);
    return {
      secretary: branch.secretary_id === null ? null : Number(branch.secretary_id),
      roles: Object.fromEntries(rows.map((r) => [Number(r.id), r.branch_role as string])),
    };
  });

/** Branches where secretary_id and the members' 书记 disagree, anywhere in the database. */
const disagreements = () =>
  withDb(async (db) => {
    const { rows } = await db.query(
      `select b.id from public.branches b
        where exists (select 1 from public.members m where m.branch_id = b.id and m.branch_role = 'secretary' and m.id is distinct from b.secretary_id)
           or exists (select 1 from public.members m where m.id = b.secretary_id and (m.branch_role <> 'secretary' or m.branch_id <> b.id))`,
    );
    return rows.length;
  });

describe("setting branches.secretary_id", () => {
  it("org_admin: the new secretary becomes 书记 and the previous one 党员, all audited", async () => {
    const since = await lastAuditId();
    let { error } = await admin.from("branches").update({ secretary_id: f.members.A }).eq("id", f.branches.A);
    expect(error).toBeNull();
    expect(await state(f.branches.A)).toEqual({
      secretary: f.members.A,
      roles: { [f.members.A]: "secretary", [f.spareMembers.A]: "member" },
    });

    ({ error } = await admin.from("branches").update({ secretary_id: f.spareMembers.A }).eq("id", f.branches.A));
    expect(error).toBeNull();
    expect(await state(f.branches.A)).toEqual({
      secretary: f.spareMembers.A,
      roles: { [f.members.A]: "member", [f.spareMembers.A]: "secretary" },
    });

    const demoted = await auditSince(since, "members", f.members.A);
    expect(demoted.map((e) => [e.actor_id, e.changed_columns, e.new_values?.branch_role])).toEqual([
      [ADMIN_ID, ["branch_role"], "secretary"],
      [ADMIN_ID, ["branch_role"], "member"],
    ]);
    const branch = await auditSince(since, "branches", f.branches.A);
    expect(branch.map((e) => e.new_values?.secretary_id)).toEqual([f.members.A, f.spareMembers.A]);
    expect(await disagreements()).toBe(0);
  });

  it("clearing it leaves the post vacant: nobody keeps 书记", async () => {
    const { error } = await committee.from("branches").update({ secretary_id: null }).eq("id", f.branches.A);
    expect(error).toBeNull();
    expect(await state(f.branches.A)).toEqual({ secretary: null, roles: { [f.members.A]: "member", [f.spareMembers.A]: "member" } });
  });
});

describe("setting a member's branch_role", () => {
  it("committee (own unit): 书记 makes the member the branch's secretary, demoting the previous one", async () => {
    await withDb((db) => db.query("update public.branches set secretary_id = $1 where id = $2", [f.spareMembers.A, f.branches.A]));
    const since = await lastAuditId();
    const { data, error } = await committee.from("members").update({ branch_role: "secretary" }).eq("id", f.members.A).select("id");
    expect(error).toBeNull();
    expect(data).toHaveLength(1);
    expect(await state(f.branches.A)).toEqual({
      secretary: f.members.A,
      roles: { [f.members.A]: "secretary", [f.spareMembers.A]: "member" },
    });
    const branch = await auditSince(since, "branches", f.branches.A);
    expect(branch.map((e) => [e.actor_id, e.changed_columns])).toEqual([[f.committee.userId, ["secretary_id"]]]);
    expect((await auditSince(since, "members", f.spareMembers.A)).map((e) => e.new_values?.branch_role)).toEqual(["member"]);
  });

  it("committee: giving the secretary another role vacates the post", async () => {
    const { error } = await committee.from("members").update({ branch_role: "deputy_secretary" }).eq("id", f.members.A);
    expect(error).toBeNull();
    expect(await state(f.branches.A)).toEqual({
      secretary: null,
      roles: { [f.members.A]: "deputy_secretary", [f.spareMembers.A]: "member" },
    });
  });

  it("org_admin: a member inserted as 书记 becomes the secretary of their branch", async () => {
    await withDb((db) => db.query("update public.branches set secretary_id = $1 where id = $2", [f.members.B, f.branches.B]));
    const { data, error } = await admin
      .from("members")
      .insert({ branch_id: f.branches.B, name: "新书记", gender: "male", category: "teacher", student_or_staff_no: `${f.tag}-B-NEW`, branch_role: "secretary" })
      .select("id")
      .single();
    expect(error).toBeNull();
    const after = await state(f.branches.B);
    expect(after.secretary).toBe(data!.id);
    expect(after.roles[f.members.B]).toBe("member");
    expect(after.roles[data!.id]).toBe("secretary");
  });

  it("committee of another unit and leader change nothing", async () => {
    const before = await state(f.branches.B);
    for (const client of [committee, leader]) {
      const { data, error } = await client.from("members").update({ branch_role: "secretary" }).eq("id", f.spareMembers.B).select("id");
      expect(error).toBeNull();
      expect(data).toHaveLength(0);
      const { data: b } = await client.from("branches").update({ secretary_id: f.spareMembers.B }).eq("id", f.branches.B).select("id");
      expect(b).toHaveLength(0);
    }
    expect(await state(f.branches.B)).toEqual(before);
  });

  it("no branch and member disagree anywhere after all this", async () => {
    expect(await disagreements()).toBe(0);
  });
});
