// A carrier is one place: (org unit, kind, name) is unique, with a zh-CN message on the name field; the same name
// stays free for another kind or another unit. The 未覆盖载体清单 RPC returns the carrier's id (carrier_id), so
// its rows can open the carrier.
import type { SupabaseClient } from "@supabase/supabase-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signedInClient, sql } from "../local/testing";
import { createFixture, dropFixture, type Fixture } from "./fixture";
import { expectRefused } from "./refused";

let f: Fixture;
let admin: SupabaseClient;
let committee: SupabaseClient;
let name: string;

beforeAll(async () => {
  f = await createFixture();
  admin = await signedInClient("admin@dangjian.test");
  committee = await signedInClient(f.committee.email);
  [{ name }] = await sql<{ name: string }>("select name from public.carriers where id = $1", [f.carriers.A]);
});

afterAll(() => dropFixture(f));

const duplicate = () => ({
  code: "23505",
  rule: "carriers_org_unit_kind_name_key",
  field: "name",
  message: `本单位已有同类载体「${name}」, 请勿重复登记 (可在名称中注明楼号、校区等加以区分)`,
});

describe("carriers (unit, kind, name) unique", () => {
  it("refuses an exact duplicate for org_admin and for the unit's committee", async () => {
    for (const client of [admin, committee]) {
      await expectRefused(() => client.from("carriers").insert({ org_unit_id: f.orgUnits.A, kind: "dormitory", name, headcount: 10 }), duplicate(), [
        "carriers",
      ]);
    }
  });

  it("refuses renaming another carrier into a duplicate", async () => {
    const { data, error } = await committee.from("carriers").insert({ org_unit_id: f.orgUnits.A, kind: "dormitory", name: `${name} 二号`, headcount: 5 }).select("id").single();
    expect(error).toBeNull();
    await expectRefused(() => committee.from("carriers").update({ name }).eq("id", data!.id), duplicate(), ["carriers"]);
  });

  it("allows the same name for another kind and in another unit", async () => {
    const { error: kind } = await admin.from("carriers").insert({ org_unit_id: f.orgUnits.A, kind: "society", name, headcount: 10 });
    expect(kind).toBeNull();
    const { error: unit } = await admin.from("carriers").insert({ org_unit_id: f.orgUnits.B, kind: "dormitory", name, headcount: 10 });
    expect(unit).toBeNull();
  });

  it("has the constraint as backstop and no duplicates in the data", async () => {
    const [constraint] = await sql<{ def: string }>(
      "select pg_get_constraintdef(oid) as def from pg_constraint where conname = 'carriers_org_unit_kind_name_key'",
    );
    expect(constraint.def).toBe("UNIQUE (org_unit_id, kind, name)");
    const [{ n }] = await sql<{ n: string }>("select count(*) as n from (select 1 from public.carriers group by org_unit_id, kind, name having count(*) > 1) d");
    expect(Number(n)).toBe(0);
  });
});

describe("uncovered_carriers", () => {
  it("returns carrier_id: each row is the carrier with that id", async () => {
    const { data, error } = await admin.rpc("uncovered_carriers", { p_org_unit_id: f.orgUnits.A });
    expect(error).toBeNull();
    const rows = data as { carrier_id: number; carrier_name: string; headcount: number }[];
    expect(rows.length).toBeGreaterThan(0);
    const carriers = await sql<{ id: string; name: string; headcount: number }>("select id, name, headcount from public.carriers where id = any($1)", [
      rows.map((r) => r.carrier_id),
    ]);
    const byId = new Map(carriers.map((c) => [Number(c.id), c]));
    for (const r of rows) expect(byId.get(r.carrier_id)).toMatchObject({ name: r.carrier_name, headcount: r.headcount });
  });
});
