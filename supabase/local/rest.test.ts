// The REST contract (PostgREST behind the gateway), through supabase-js, against the running local stack.
// Uses the first migration's org_units, profiles and my_profile(); rows written here carry a test code prefix.
import { randomUUID } from "node:crypto";
import type { SupabaseClient } from "@supabase/supabase-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ANON_KEY, API_URL } from "./env";
import { anonClient, signedInClient, sql } from "./testing";

const prefix = `T${randomUUID().slice(0, 8)}`;
let admin: SupabaseClient;
let leader: SupabaseClient;
let seeded: { id: number; code: string; name: string }[];

beforeAll(async () => {
  admin = await signedInClient("admin@dangjian.test");
  leader = await signedInClient("leader@dangjian.test");
  seeded = await sql("select id::int as id, code, name from public.org_units order by code");
  expect(seeded.length).toBeGreaterThanOrEqual(3);
});

afterAll(async () => {
  await sql("delete from public.org_units where code like $1", [`${prefix}%`]);
});

describe("select", () => {
  it("counts exactly and pages with range, in order", async () => {
    const { data, count, error } = await leader
      .from("org_units")
      .select("code, name", { count: "exact" })
      .order("code", { ascending: false })
      .range(1, 2);
    expect(error).toBeNull();
    expect(count).toBe(seeded.length);
    const descending = seeded.map((row) => row.code).sort().reverse();
    expect(data?.map((row) => row.code)).toEqual(descending.slice(1, 3));
  });

  it("orders parent rows by a to-one embedded column (what list sorting on a relation relies on)", async () => {
    const { data, error } = await leader
      .from("branches")
      .select("id, org_unit:org_units(code)")
      .order("org_unit(code)", { ascending: false })
      .order("id")
      .limit(200);
    expect(error).toBeNull();
    const codes = (data as unknown as { org_unit: { code: string } }[]).map((row) => row.org_unit.code);
    expect(new Set(codes).size).toBeGreaterThan(1);
    expect(codes).toEqual([...codes].sort().reverse());
  });

  it("filters with eq, ilike, in and or", async () => {
    const [first, second, third] = seeded;
    const eq = await leader.from("org_units").select("id").eq("code", first.code);
    expect(eq.data).toEqual([{ id: first.id }]);

    const fragment = first.name.slice(1, 3);
    const ilike = await leader.from("org_units").select("code").ilike("name", `%${fragment}%`);
    const expected = seeded.filter((row) => row.name.includes(fragment)).map((row) => row.code);
    expect(ilike.data?.map((row) => row.code).sort()).toEqual(expected.sort());

    const inList = await leader.from("org_units").select("code").in("code", [first.code, third.code]).order("code");
    expect(inList.data?.map((row) => row.code)).toEqual([first.code, third.code].sort());

    const either = await leader.from("org_units").select("code").or(`code.eq.${first.code},code.eq.${second.code}`).order("code");
    expect(either.data?.map((row) => row.code)).toEqual([first.code, second.code].sort());
  });

  it("embeds a related table through its foreign key", async () => {
    const { data, error } = await admin
      .from("profiles")
      .select("display_name, role, org_units(code, name)")
      .eq("role", "committee_admin");
    expect(error).toBeNull();
    expect(data?.length).toBeGreaterThan(0);
    const [row] = await sql<{ code: string }>(
      "select u.code from public.profiles p join public.org_units u on u.id = p.org_unit_id where p.role = 'committee_admin' limit 1",
    );
    expect(data?.map((profile) => (profile.org_units as unknown as { code: string }).code)).toContain(row.code);
  });
});

describe("write", () => {
  it("inserts, updates and deletes, returning the rows", async () => {
    const inserted = await admin
      .from("org_units")
      .insert({ code: `${prefix}-1`, name: "测试学院党委", kind: "party_committee", category: "college" })
      .select()
      .single();
    expect(inserted.error).toBeNull();
    expect(inserted.data).toMatchObject({ code: `${prefix}-1`, name: "测试学院党委" });

    const updated = await admin.from("org_units").update({ name: "测试学院党委（更名）" }).eq("id", inserted.data!.id).select();
    expect(updated.data).toEqual([expect.objectContaining({ id: inserted.data!.id, name: "测试学院党委（更名）" })]);
    expect(await sql("select name from public.org_units where id = $1", [inserted.data!.id])).toEqual([{ name: "测试学院党委（更名）" }]);

    const deleted = await admin.from("org_units").delete().eq("id", inserted.data!.id).select("code");
    expect(deleted.data).toEqual([{ code: `${prefix}-1` }]);
    expect(await sql("select 1 from public.org_units where id = $1", [inserted.data!.id])).toHaveLength(0);
  });

  it("reports constraint violations with the Postgres error code", async () => {
    const { error } = await admin
      .from("org_units")
      .insert({ code: seeded[0].code, name: "重复", kind: "party_committee", category: "college" });
    expect(error?.code).toBe("23505");
  });

  it("lets RLS block a leader's write: zero rows change", async () => {
    const { data, error } = await leader.from("org_units").update({ name: "不应修改" }).eq("id", seeded[0].id).select();
    expect(error).toBeNull();
    expect(data).toEqual([]);
    expect(await sql("select name from public.org_units where id = $1", [seeded[0].id])).toEqual([{ name: seeded[0].name }]);
  });
});

describe("rpc and access", () => {
  it("calls my_profile() as the signed-in user", async () => {
    const { data, error } = await leader.rpc("my_profile");
    expect(error).toBeNull();
    expect(data).toEqual([expect.objectContaining({ email: "leader@dangjian.test", role: "leader" })]);
  });

  it("refuses anon: no rows, no RPC", async () => {
    const anon = anonClient();
    const { data, error } = await anon.from("org_units").select("*");
    expect(data).toBeNull();
    expect(error?.code).toBe("42501");
    expect((await anon.rpc("my_profile")).error?.code).toBe("42501");
  });

  it("answers 401 without an apikey, or with an unknown one", async () => {
    const missing = await fetch(`${API_URL}/rest/v1/org_units`);
    expect(missing.status).toBe(401);
    expect(await missing.json()).toMatchObject({ message: "No API key found in request" });
    const unknown = await fetch(`${API_URL}/rest/v1/org_units`, { headers: { apikey: "not-a-key" } });
    expect(unknown.status).toBe(401);
  });

  it("accepts the apikey as a query parameter too", async () => {
    const response = await fetch(`${API_URL}/rest/v1/org_units?select=id&apikey=${ANON_KEY}`);
    // anon has no grant on org_units: PostgREST itself answers (its 42501 body), so the key passed the gateway.
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ code: "42501" });
  });

  it("answers CORS preflights for local origins and the configured site, not for others", async () => {
    const preflight = (origin: string) =>
      fetch(`${API_URL}/rest/v1/org_units`, {
        method: "OPTIONS",
        headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "apikey, authorization, content-type, prefer" },
      });
    const local = await preflight("http://localhost:4173");
    expect(local.status).toBe(204);
    expect(local.headers.get("access-control-allow-origin")).toBe("http://localhost:4173");
    expect(local.headers.get("access-control-allow-headers")).toMatch(/apikey/);
    expect(local.headers.get("access-control-allow-headers")).toMatch(/prefer/);

    const site = await preflight("http://127.0.0.1:5173");
    expect(site.headers.get("access-control-allow-origin")).toBe("http://127.0.0.1:5173");

    const foreign = await preflight("https://example.com");
    expect(foreign.headers.get("access-control-allow-origin")).toBeNull();

    const actual = await fetch(`${API_URL}/rest/v1/org_units?select=id`, { headers: { apikey: ANON_KEY, origin: "http://localhost:5173" } });
    expect(actual.headers.get("access-control-allow-origin")).toBe("http://localhost:5173");
    expect(actual.headers.get("access-control-expose-headers")).toMatch(/content-range/);
  });
});
