// public.settings: the thresholds 组织部 edits. Only org_admin changes a value (through the API, with the range
// rule's message on the field and an audit entry); committee admins and leaders read but cannot change; nobody
// adds or removes a setting through the API (keys come from migrations).
import type { SupabaseClient } from "@supabase/supabase-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signedInClient, sql } from "../local/testing";
import { ADMIN_ID, auditSince, expectRefused, fingerprint, lastAuditId } from "./refused";

const KEY = "funds_lag_margin";
let admin: SupabaseClient;
let committee: SupabaseClient;
let leader: SupabaseClient;
let original: number;
let id: number;

const current = async () => Number((await sql<{ value: string }>("select value from public.settings where key = $1", [KEY]))[0].value);

beforeAll(async () => {
  [admin, committee, leader] = await Promise.all(
    ["admin@dangjian.test", "committee@dangjian.test", "leader@dangjian.test"].map((email) => signedInClient(email)),
  );
  const [row] = await sql<{ id: string; value: string }>("select id, value from public.settings where key = $1", [KEY]);
  id = Number(row.id);
  original = Number(row.value);
});

afterAll(() => sql("update public.settings set value = $2 where key = $1", [KEY, original]));

describe("settings", () => {
  it("holds the to-do thresholds with their defaults", async () => {
    const rows = await sql<{ key: string; value: string }>("select key, value from public.settings order by key");
    const values = Object.fromEntries(rows.map((r) => [r.key, Number(r.value)]));
    expect(values).toMatchObject({
      election_warn_months: 6,
      election_urgent_months: 3,
      branch_max_members: 50,
      branch_min_full_members: 3,
      activity_fund_per_member: 200,
    });
    expect(values[KEY]).toBeGreaterThanOrEqual(0);
  });

  it("every role reads them", async () => {
    for (const client of [admin, committee, leader]) {
      const { data, error } = await client.from("settings").select("key, value").eq("key", KEY);
      expect(error).toBeNull();
      expect(data).toHaveLength(1);
    }
  });

  it("org_admin changes a value, and the audit trail records who and what", async () => {
    const before = await lastAuditId();
    const next = original === 25 ? 26 : 25;
    const { data, error } = await admin.from("settings").update({ value: next }).eq("id", id).select("value");
    expect(error).toBeNull();
    expect(data).toEqual([{ value: next }]);
    expect(await current()).toBe(next);
    const entries = await auditSince(before, "settings", id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actor_id: ADMIN_ID, action: "update", changed_columns: expect.arrayContaining(["value"]) });
    expect(Number(entries[0].old_values!.value)).toBe(original);
    expect(Number(entries[0].new_values!.value)).toBe(next);
    await sql("update public.settings set value = $2 where key = $1", [KEY, original]);
  });

  it.each([
    ["committee_admin", () => committee],
    ["leader", () => leader],
  ])("%s cannot change a value", async (_role, client) => {
    const before = await fingerprint("settings");
    const { data, error } = await client().from("settings").update({ value: 1 }).eq("id", id).select("value");
    // RLS: the row is not theirs to update, so nothing matches (or the write is refused outright)
    expect(error === null ? data : []).toEqual([]);
    expect(await fingerprint("settings")).toBe(before);
    expect(await current()).toBe(original);
  });

  it.each([
    ["org_admin", () => admin],
    ["committee_admin", () => committee],
    ["leader", () => leader],
  ])("%s can neither add nor remove a setting", async (_role, client) => {
    const before = await fingerprint("settings");
    const inserted = await client()
      .from("settings")
      .insert({ key: "made_up_threshold", label: "虚构阈值", value: 1, min_value: 0, max_value: 10 });
    expect(inserted.error?.code).toBe("42501");
    const removed = await client().from("settings").delete().eq("id", id).select("id");
    expect(removed.error?.code).toBe("42501");
    expect(await fingerprint("settings")).toBe(before);
  });

  it("a value outside its range is refused with the range on the field", async () => {
    await expectRefused(
      () => admin.from("settings").update({ value: 101 }).eq("id", id),
      { code: "23514", message: "经费执行滞后容差 的取值应在 0 至 100 个百分点 之间", rule: "settings_value_range", field: "value" },
      ["settings"],
    );
  });

  it("the name, unit and range of a setting are not the API's to change", async () => {
    await expectRefused(
      () => admin.from("settings").update({ max_value: 1000 }).eq("id", id),
      { code: "23514", message: "设置项的名称、单位与取值范围由系统维护, 只能修改取值", rule: "settings_fixed", field: "value" },
      ["settings"],
    );
  });
});
