// Saved views are each person's own: every role reads, changes and deletes only its own rows (org_admin
// included), cannot plant a view on someone else, and anon sees nothing. A blank or repeated name is refused
// with a zh-CN message on the name field. Also: the money lists' sums (PostgREST aggregates, enabled by the same
// migration) equal the SQL sum, through RLS and with an embedded filter.
import type { SupabaseClient } from "@supabase/supabase-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anonClient, signedInClient } from "../local/testing";
import { createFixture, dropFixture, one, unique, withDb, type Fixture } from "./fixture";
import { expectRefused } from "./refused";

const EMAILS = { org_admin: "admin@dangjian.test", committee_admin: "committee@dangjian.test", leader: "leader@dangjian.test" } as const;
type Role = keyof typeof EMAILS;
const ROLES = Object.keys(EMAILS) as Role[];

const tag = unique("视图");
const clients = {} as Record<Role, SupabaseClient>;
const userIds = {} as Record<Role, string>;
const viewIds = {} as Record<Role, number>;

beforeAll(async () => {
  for (const role of ROLES) {
    clients[role] = await signedInClient(EMAILS[role]);
    userIds[role] = await withDb((db) => one<string>(db, "select id::text from auth.users where email = $1", [EMAILS[role]]));
    const { data, error } = await clients[role]
      .from("saved_views")
      .insert({ resource: "members", name: `${tag} ${role}`, query: "filters[0][field]=category&filters[0][operator]=eq&filters[0][value]=student" })
      .select("id,user_id")
      .single();
    expect(error).toBeNull();
    expect(data!.user_id).toBe(userIds[role]);
    viewIds[role] = data!.id;
  }
});

afterAll(() => withDb((db) => db.query("delete from public.saved_views where name like $1", [`${tag}%`])));

describe("saved_views: own rows only", () => {
  it.each(ROLES)("%s reads its own view and no other", async (role) => {
    const { data, error } = await clients[role].from("saved_views").select("id,user_id").like("name", `${tag}%`);
    expect(error).toBeNull();
    expect(data).toEqual([{ id: viewIds[role], user_id: userIds[role] }]);
  });

  it.each(ROLES)("%s cannot change or delete another's view", async (role) => {
    for (const other of ROLES.filter((r) => r !== role)) {
      const before = await withDb((db) => one<string>(db, "select name || query from public.saved_views where id = $1", [viewIds[other]]));
      const updated = await clients[role].from("saved_views").update({ name: "改名" }).eq("id", viewIds[other]).select("id");
      expect(updated.data).toEqual([]);
      const deleted = await clients[role].from("saved_views").delete().eq("id", viewIds[other]).select("id");
      expect(deleted.data).toEqual([]);
      expect(await withDb((db) => one<string>(db, "select name || query from public.saved_views where id = $1", [viewIds[other]]))).toBe(before);
    }
  });

  it.each(ROLES)("%s cannot save a view as someone else", async (role) => {
    const other = ROLES.find((r) => r !== role)!;
    const { error } = await clients[role].from("saved_views").insert({ user_id: userIds[other], resource: "members", name: `${tag} 冒名` });
    expect(error?.code).toBe("42501");
    expect(await withDb((db) => one<number>(db, "select count(*)::int from public.saved_views where name = $1", [`${tag} 冒名`]))).toBe(0);
  });

  it("anon reads nothing and writes nothing", async () => {
    const anon = anonClient();
    const read = await anon.from("saved_views").select("id").like("name", `${tag}%`);
    expect(read.data ?? []).toEqual([]);
    const { error } = await anon.from("saved_views").insert({ resource: "members", name: `${tag} 匿名` });
    expect(error).not.toBeNull();
  });

  it("the owner renames and deletes its own view", async () => {
    const role: Role = "leader";
    const renamed = await clients[role].from("saved_views").update({ name: `${tag} leader 改` }).eq("id", viewIds[role]).select("name");
    expect(renamed.data).toEqual([{ name: `${tag} leader 改` }]);
    const extra = await clients[role].from("saved_views").insert({ resource: "branches", name: `${tag} 临时` }).select("id").single();
    const deleted = await clients[role].from("saved_views").delete().eq("id", extra.data!.id).select("id");
    expect(deleted.data).toEqual([{ id: extra.data!.id }]);
  });
});

describe("saved_views: names", () => {
  it("a name already used for the same list is refused on the name field", async () => {
    await expectRefused(
      () => clients.org_admin.from("saved_views").insert({ resource: "members", name: ` ${tag} org_admin ` }),
      { code: "23505", message: `已有名为“${tag} org_admin”的视图, 请换一个名称`, rule: "saved_views_name_key", field: "name" },
      ["saved_views"],
    );
  });

  it("the same name on another list, or for another person, is fine", async () => {
    const other = await clients.org_admin.from("saved_views").insert({ resource: "branches", name: `${tag} org_admin` }).select("id");
    expect(other.error).toBeNull();
    const someoneElse = await clients.committee_admin.from("saved_views").insert({ resource: "members", name: `${tag} org_admin` }).select("id");
    expect(someoneElse.error).toBeNull();
  });

  it("a blank name is refused", async () => {
    await expectRefused(
      () => clients.org_admin.from("saved_views").insert({ resource: "members", name: "   " }),
      { code: "23514", message: "请填写视图名称", rule: "saved_views_name_present", field: "name" },
      ["saved_views"],
    );
  });

  it("a name over 50 characters is refused", async () => {
    await expectRefused(
      () => clients.org_admin.from("saved_views").insert({ resource: "members", name: "长".repeat(51) }),
      { code: "23514", message: "视图名称不能超过 50 个字", rule: "saved_views_name_length", field: "name" },
      ["saved_views"],
    );
  });
});

describe("money list sums (PostgREST aggregates)", () => {
  let f: Fixture;
  let committee: SupabaseClient;
  beforeAll(async () => {
    f = await createFixture();
    committee = await signedInClient(f.committee.email);
  });
  afterAll(() => dropFixture(f));

  const total = (rows: { sum: number | string | null }[] | null) => Math.round((rows ?? []).reduce((sum, row) => sum + Number(row.sum ?? 0), 0) * 100) / 100;

  it("org_admin: the sum of every expenditure of a unit, filtered through the budget embed, is the SQL sum", async () => {
    const expected = await withDb((db) =>
      one<string>(db, "select coalesce(sum(e.amount), 0)::text from public.fund_expenditures e join public.fund_budgets b on b.id = e.budget_id where b.org_unit_id = 1"),
    );
    const { data, error } = await clients.org_admin
      .from("fund_expenditures")
      .select("amount.sum(),budget:fund_budgets!budget_id!inner(org_unit_id)")
      .eq("budget.org_unit_id", 1);
    expect(error).toBeNull();
    expect(total(data as never)).toBe(Number(expected));
    expect(Number(expected)).toBeGreaterThan(0);
  });

  it("committee_admin: the sum of all budgets covers only what RLS lets it read", async () => {
    const expected = await withDb((db) =>
      one<string>(db, "select coalesce(sum(amount), 0)::text from public.fund_budgets where org_unit_id = $1", [f.orgUnits.A]),
    );
    const { data, error } = await committee.from("fund_budgets").select("amount.sum()");
    expect(error).toBeNull();
    expect(total(data as never)).toBe(Number(expected));
    const all = await withDb((db) => one<string>(db, "select sum(amount)::text from public.fund_budgets"));
    expect(Number(all)).toBeGreaterThan(Number(expected));
  });
});
