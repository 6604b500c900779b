// The audit trail: each write through the API leaves exactly one entry with its actor and old/new values,
// entries are readable per role, and no role can insert, change or delete them.
import type { SupabaseClient } from "@supabase/supabase-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anonClient, serviceClient, signedInClient } from "../local/testing";
import { createFixture, dropFixture, one, withDb, type Fixture } from "./fixture";

type Entry = {
  id: number;
  actor_id: string | null;
  actor_name: string;
  table_name: string;
  row_id: string;
  action: "insert" | "update" | "delete";
  org_unit_id: number | null;
  old_values: Record<string, unknown> | null;
  new_values: Record<string, unknown> | null;
  changed_columns: string[] | null;
};

const ADMIN_ID = "00000000-0000-4000-8000-000000000001";
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

const entriesFor = (table: string, rowId: number | string) =>
  withDb(async (db) => {
    const { rows } = await db.query<Entry>(
      "select * from public.audit_log where table_name = $1 and row_id = $2 order by id",
      [table, String(rowId)],
    );
    return rows.map((row) => ({ ...row, id: Number(row.id), org_unit_id: row.org_unit_id === null ? null : Number(row.org_unit_id) }));
  });

describe("each write leaves exactly one entry", () => {
  let branchId: number;

  it("insert: actor, no old values, the new row", async () => {
    const { data, error } = await admin
      .from("branches")
      .insert({ org_unit_id: f.orgUnits.A, code: `${f.tag}-AUD`, name: "审计测试支部", kind: "teacher" })
      .select("id")
      .single();
    expect(error).toBeNull();
    branchId = data!.id;
    const entries = await entriesFor("branches", branchId);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      action: "insert",
      actor_id: ADMIN_ID,
      actor_name: "李敏（组织部）",
      org_unit_id: f.orgUnits.A,
      old_values: null,
      changed_columns: null,
    });
    expect(entries[0].new_values).toMatchObject({ id: branchId, name: "审计测试支部", code: `${f.tag}-AUD` });
  });

  it("update by the committee: its actor, old and new values and the changed columns", async () => {
    const { data, error } = await committee.from("branches").update({ name: "审计测试支部（改）", excellence: "cultivating" }).eq("id", branchId).select("id");
    expect(error).toBeNull();
    expect(data).toHaveLength(1);
    const entries = await entriesFor("branches", branchId);
    expect(entries).toHaveLength(2);
    expect(entries[1]).toMatchObject({ action: "update", actor_id: f.committee.userId, changed_columns: ["excellence", "name"] });
    expect(entries[1].old_values).toMatchObject({ name: "审计测试支部", excellence: "none" });
    expect(entries[1].new_values).toMatchObject({ name: "审计测试支部（改）", excellence: "cultivating" });
  });

  it("an update that changes nothing leaves no entry", async () => {
    const { data } = await admin.from("branches").update({ name: "审计测试支部（改）" }).eq("id", branchId).select("id");
    expect(data).toHaveLength(1);
    expect(await entriesFor("branches", branchId)).toHaveLength(2);
  });

  it("delete: the old row, no new values", async () => {
    const { data, error } = await admin.from("branches").delete().eq("id", branchId).select("id");
    expect(error).toBeNull();
    expect(data).toHaveLength(1);
    const entries = await entriesFor("branches", branchId);
    expect(entries).toHaveLength(3);
    expect(entries[2]).toMatchObject({ action: "delete", actor_id: ADMIN_ID, new_values: null, org_unit_id: f.orgUnits.A });
    expect(entries[2].old_values).toMatchObject({ id: branchId, name: "审计测试支部（改）" });
  });

  it("a blocked write leaves no entry", async () => {
    const before = await entriesFor("members", f.members.B);
    const { data } = await committee.from("members").update({ contact: "13900000000" }).eq("id", f.members.B).select("id");
    expect(data).toHaveLength(0);
    expect(await entriesFor("members", f.members.B)).toEqual(before);
  });

  it("rows reached through a parent carry the parent's unit (an expenditure → its budget's unit)", async () => {
    const { data, error } = await committee
      .from("fund_expenditures")
      .insert({ budget_id: f.branchBudgets.A, spent_on: "2026-04-01", amount: 10, purpose: "审计测试" })
      .select("id")
      .single();
    expect(error).toBeNull();
    const entries = await entriesFor("fund_expenditures", data!.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: "insert", actor_id: f.committee.userId, org_unit_id: f.orgUnits.A });
  });

  it("profiles are audited by user id", async () => {
    const { error } = await admin.from("profiles").update({ display_name: "测试校领导（改）" }).eq("user_id", f.otherProfileUserId);
    expect(error).toBeNull();
    const entries = await entriesFor("profiles", f.otherProfileUserId);
    expect(entries.at(-1)).toMatchObject({ action: "update", actor_id: ADMIN_ID, changed_columns: ["display_name"] });
  });
});

describe("who reads the trail", () => {
  const visible = async (client: SupabaseClient, unit: number) => {
    const { data, error } = await client.from("audit_log").select("id").eq("org_unit_id", unit).limit(1000);
    expect(error).toBeNull();
    return data!.length;
  };
  const inDb = (unit: number) => withDb((db) => one<number>(db, "select count(*)::int from public.audit_log where org_unit_id = $1", [unit]));

  it("org_admin and leader read every unit's entries", async () => {
    for (const client of [admin, leader]) {
      expect(await visible(client, f.orgUnits.A)).toBe(await inDb(f.orgUnits.A));
      expect(await visible(client, f.orgUnits.B)).toBe(await inDb(f.orgUnits.B));
    }
    expect(await inDb(f.orgUnits.B)).toBeGreaterThan(0);
  });

  it("a committee reads its own unit's entries only", async () => {
    expect(await visible(committee, f.orgUnits.A)).toBe(await inDb(f.orgUnits.A));
    expect(await visible(committee, f.orgUnits.B)).toBe(0);
  });

  it("anon reads nothing", async () => {
    const { data, error } = await anonClient().from("audit_log").select("id").limit(1);
    expect(error?.code).toBe("42501");
    expect(data).toBeNull();
  });
});

describe("nobody changes the trail", () => {
  let entryId: number;
  let snapshot: string;
  const fingerprint = () => withDb((db) => one<string>(db, "select md5(t::text) from public.audit_log t where id = $1", [entryId]));
  const total = () => withDb((db) => one<number>(db, "select count(*)::int from public.audit_log"));

  beforeAll(async () => {
    entryId = await withDb((db) => one<number>(db, "select max(id) from public.audit_log where org_unit_id = $1", [f.orgUnits.A]));
    snapshot = await fingerprint();
  });

  const roles = (): [string, () => SupabaseClient][] => [
    ["org_admin", () => admin],
    ["committee_admin", () => committee],
    ["leader", () => leader],
    ["anon", () => anonClient()],
    ["service_role", () => serviceClient()],
  ];

  it.each(["org_admin", "committee_admin", "leader", "anon", "service_role"])("%s cannot update, delete or insert entries", async (name) => {
    const client = roles().find(([role]) => role === name)![1]();
    const before = await total();
    const update = await client.from("audit_log").update({ actor_name: "篡改" }).eq("id", entryId).select("id");
    expect(update.error?.code).toBe("42501");
    const remove = await client.from("audit_log").delete().eq("id", entryId).select("id");
    expect(remove.error?.code).toBe("42501");
    const insert = await client.from("audit_log").insert({ actor_name: "伪造", table_name: "branches", row_id: "1", action: "insert" }).select("id");
    expect(insert.error?.code).toBe("42501");
    expect(await fingerprint()).toBe(snapshot);
    expect(await total()).toBe(before);
  });

  it("even the table owner's session is refused by the append-only trigger", async () => {
    await withDb(async (db) => {
      await expect(db.query("update public.audit_log set actor_name = '篡改' where id = $1", [entryId])).rejects.toThrow("变更记录只能追加, 不能修改或删除");
      await expect(db.query("delete from public.audit_log where id = $1", [entryId])).rejects.toThrow("变更记录只能追加, 不能修改或删除");
      await expect(db.query("truncate public.audit_log")).rejects.toThrow("变更记录只能追加, 不能修改或删除");
    });
    expect(await fingerprint()).toBe(snapshot);
  });
});
