// Dashboard answers for the whole school come from app.whole_school_results: a reader of the whole school gets
// what the computation says, a write anywhere through the API is seen at once, the second call reads the store,
// a committee admin still gets its own unit only, and every table counts its writes.
import type { SupabaseClient } from "@supabase/supabase-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signedInClient } from "../local/testing";
import { createFixture, dropFixture, withDb, type Fixture } from "./fixture";

const ARGS = { p_day: "2026-12-31", p_org_unit_id: null, p_branch_kind: null };
let f: Fixture;
let leader: SupabaseClient;
let committee: SupabaseClient;

beforeAll(async () => {
  f = await createFixture();
  leader = await signedInClient("leader@dangjian.test");
  committee = await signedInClient(f.committee.email);
});
afterAll(() => dropFixture(f));

// the computation itself, as the database owner (every row, as a reader of the whole school sees them)
const computed = () =>
  withDb(async (db) => (await db.query("select * from app.coverage_by_unit_kind_computed($1, null, null)", [ARGS.p_day])).rows);
const storedRow = () =>
  withDb(async (db) => (await db.query(
    "select version = app.data_version() as current from app.whole_school_results where function_name = 'coverage_by_unit_kind' and arguments = $1",
    [JSON.stringify([ARGS.p_day, null, null])],
  )).rows);
const leaderRows = async () => {
  const { data, error } = await leader.rpc("coverage_by_unit_kind", ARGS);
  expect(error).toBeNull();
  return data as Record<string, unknown>[];
};
const normal = (rows: Record<string, unknown>[]) => JSON.parse(JSON.stringify(rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === "string" && /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v])))));

describe("dashboard answers for the whole school, stored", () => {
  it("equal the computation, are stored by the first call and read by the next", async () => {
    const first = await leaderRows();
    expect(normal(first)).toEqual(normal(await computed()));
    expect(await storedRow()).toEqual([{ current: true }]);
    expect(await leaderRows()).toEqual(first);
  });

  it("a carrier added through the API is counted at once, and its removal too", async () => {
    const before = await leaderRows();
    const count = (rows: Record<string, unknown>[]) => rows.filter((r) => Number(r.org_unit_id) === f.orgUnits.A).reduce((n, r) => n + Number(r.carriers), 0);
    const { data, error } = await committee.from("carriers").insert({ org_unit_id: f.orgUnits.A, kind: "dormitory", name: `测试公寓${Date.now()}` }).select("id").single();
    expect(error).toBeNull();
    const after = await leaderRows();
    expect(count(after)).toBe(count(before) + 1);
    expect(normal(after)).toEqual(normal(await computed()));
    const removed = await committee.from("carriers").delete().eq("id", data!.id).select("id");
    expect(removed.data).toHaveLength(1);
    expect(count(await leaderRows())).toBe(count(before));
  });

  it("a committee admin asking for the whole school gets its own unit only", async () => {
    const { data, error } = await committee.rpc("coverage_by_unit_kind", ARGS);
    expect(error).toBeNull();
    expect(new Set((data as { org_unit_id: number }[]).map((row) => Number(row.org_unit_id)))).toEqual(new Set([f.orgUnits.A]));
  });

  it("only a reader of the whole school may store an answer", async () => {
    const { error } = await withDb((db) => db.query("select app.store_whole_school_result('x', '[]', '[]')").then(() => ({ error: null }), (e: Error) => ({ error: e })));
    expect(error?.message).toMatch(/仅组织部与校领导/);
  });

  it("every public table counts its writes (a table without would leave stored answers stale)", async () => {
    const { rows } = await withDb((db) => db.query(
      `select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind = 'r'
          and not exists (select 1 from pg_trigger t where t.tgrelid = c.oid and t.tgname = c.relname || '_changes')`));
    expect(rows).toEqual([]);
  });
});
