// The carriers list filters 覆盖情况 through the computed relationship current_coverages (one join, inlined by
// Postgres) rather than the scalar computed field covered (one call per row): both must say the same for every
// role, run as the caller, and the relationship must really be inlined.
import type { SupabaseClient } from "@supabase/supabase-js";
import { beforeAll, describe, expect, it } from "vitest";
import { signedInClient, sql } from "../local/testing";

let admin: SupabaseClient;
let committee: SupabaseClient;

beforeAll(async () => {
  admin = await signedInClient("admin@dangjian.test");
  committee = await signedInClient("committee@dangjian.test");
});

async function idsByField(client: SupabaseClient, covered: boolean): Promise<number[]> {
  const { data, error } = await client.from("carriers").select("id").eq("covered", covered).order("id").limit(5000);
  expect(error).toBeNull();
  return (data ?? []).map((row) => row.id as number);
}

async function idsByRelationship(client: SupabaseClient, covered: boolean): Promise<{ ids: number[]; count: number | null }> {
  const query = covered
    ? client.from("carriers").select("id,current_coverages!inner()", { count: "exact" })
    : client.from("carriers").select("id,current_coverages()", { count: "exact" }).is("current_coverages", null);
  const { data, error, count } = await query.order("id").limit(5000);
  expect(error).toBeNull();
  return { ids: (data ?? []).map((row) => row.id as number), count };
}

describe("carriers filtered on 覆盖情况 through current_coverages", () => {
  it.each([
    ["org_admin", () => admin],
    ["committee_admin", () => committee],
  ])("as %s, lists exactly the carriers the computed field says, counted exactly", async (_role, client) => {
    for (const covered of [true, false]) {
      const expected = await idsByField(client(), covered);
      const { ids, count } = await idsByRelationship(client(), covered);
      expect(ids).toEqual(expected);
      expect(count).toBe(expected.length);
      expect(expected.length).toBeGreaterThan(0);
    }
  });

  it("a committee sees only its own unit's carriers either way", async () => {
    const [{ org_unit_id }] = await sql<{ org_unit_id: string }>(
      "select p.org_unit_id from public.profiles p join auth.users u on u.id = p.user_id where u.email = 'committee@dangjian.test'",
    );
    for (const covered of [true, false]) {
      const { ids } = await idsByRelationship(committee, covered);
      const [{ outside }] = await sql<{ outside: string }>(
        "select count(*) as outside from public.carriers where id = any($1::bigint[]) and org_unit_id <> $2",
        [ids, org_unit_id],
      );
      expect(Number(outside)).toBe(0);
    }
  });

  it("both functions run as the caller with no SET clause (so Postgres may inline them)", async () => {
    const rows = await sql<{ proname: string; prosecdef: boolean; proconfig: string[] | null; provolatile: string }>(
      `select proname, prosecdef, proconfig, provolatile from pg_proc
        where pronamespace = 'public'::regnamespace and proname in ('covered', 'current_coverages') order by proname`,
    );
    expect(rows).toEqual([
      { proname: "covered", prosecdef: false, proconfig: null, provolatile: "s" },
      { proname: "current_coverages", prosecdef: false, proconfig: null, provolatile: "s" },
    ]);
  });

  it("the relationship is inlined: the plan probes carrier_coverages' index, it does not call a function per row", async () => {
    const plan = await sql<{ "QUERY PLAN": string }>(
      `explain select c.id from public.carriers c
        where not exists (select 1 from public.current_coverages(c) x)`,
    );
    const text = plan.map((row) => row["QUERY PLAN"]).join("\n");
    expect(text).not.toMatch(/Function Scan/);
    expect(text).toMatch(/Index Scan using \S+ on carrier_coverages/);
  });
});
