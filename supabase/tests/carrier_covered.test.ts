// The carriers' computed field `covered` is what the coverage dashboard's drill-down filters on: for every
// unit × kind, the carriers listed as uncovered must be exactly as many as the dashboard's bar says.
import type { SupabaseClient } from "@supabase/supabase-js";
import { beforeAll, describe, expect, it } from "vitest";
import { signedInClient, sql } from "../local/testing";

type UnitKindRow = { org_unit_id: number; carrier_kind: string; carriers: number; uncovered: number };

let admin: SupabaseClient;
let committee: SupabaseClient;

beforeAll(async () => {
  admin = await signedInClient("admin@dangjian.test");
  committee = await signedInClient("committee@dangjian.test");
});

async function uncoveredListed(client: SupabaseClient, orgUnitId: number, kind: string): Promise<number> {
  const { count, error } = await client
    .from("carriers")
    .select("id", { count: "exact", head: true })
    .eq("org_unit_id", orgUnitId)
    .eq("kind", kind)
    .eq("covered", false);
  expect(error).toBeNull();
  return count ?? -1;
}

describe("carriers.covered", () => {
  it("reads today in Beijing time, the day the people using it see", async () => {
    const [{ zone, today, beijing }] = await sql<{ zone: string; today: string; beijing: string }>(
      "select current_setting('TimeZone') as zone, current_date::text as today, (now() at time zone 'Asia/Shanghai')::date::text as beijing",
    );
    expect(zone).toBe("Asia/Shanghai");
    expect(today).toBe(beijing);
  });

  it("matches DESIGN.md's definition, counted independently in SQL", async () => {
    const [{ uncovered }] = await sql<{ uncovered: string }>(
      `select count(*) as uncovered from public.carriers c
        where not exists (
          select 1 from public.carrier_coverages cc join public.branches b on b.id = cc.branch_id
           where cc.carrier_id = c.id and b.status = 'active'
             and cc.started_on <= current_date and (cc.ended_on is null or cc.ended_on >= current_date))`,
    );
    const { count, error } = await admin.from("carriers").select("id", { count: "exact", head: true }).eq("covered", false);
    expect(error).toBeNull();
    expect(count).toBe(Number(uncovered));
    expect(count).toBeGreaterThan(0); // the seed leaves gaps: an all-covered school would prove nothing
  });

  it.each([
    ["org_admin", () => admin],
    ["committee_admin", () => committee],
  ])("as %s, every unit × kind bar of coverage_by_unit_kind lists as many uncovered carriers", async (_role, client) => {
    const { data, error } = await client().rpc("coverage_by_unit_kind", {});
    expect(error).toBeNull();
    const rows = (data as UnitKindRow[]).filter((row) => row.carriers > 0).slice(0, 8);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(await uncoveredListed(client(), row.org_unit_id, row.carrier_kind), `${row.org_unit_id} × ${row.carrier_kind}`).toBe(
        Number(row.uncovered),
      );
    }
  });

  it("a committee sees only its own unit's uncovered carriers", async () => {
    const { data, error } = await committee.from("carriers").select("org_unit_id").eq("covered", false);
    expect(error).toBeNull();
    const units = new Set((data ?? []).map((row) => row.org_unit_id));
    expect(units.size).toBe(1);
    const [{ org_unit_id }] = await sql<{ org_unit_id: number }>(
      "select p.org_unit_id from public.profiles p join auth.users u on u.id = p.user_id where u.email = 'committee@dangjian.test'",
    );
    expect([...units]).toEqual([Number(org_unit_id)]);
  });
});
