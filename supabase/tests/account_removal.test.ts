// Issue 8: a disabled or deleted account stops at once. Its access token is still signed and unexpired, but
// the database refuses it on the next query and the auth service refuses its /user and its refresh.
import type { SupabaseClient } from "@supabase/supabase-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ANON_KEY, API_URL } from "../local/env";
import { anonClient, signedInClient, sql } from "../local/testing";
import { unique } from "./fixture";

const password = "removal-test1";
let admin: SupabaseClient;
const created: string[] = [];
const codes: string[] = [];

beforeAll(async () => {
  admin = await signedInClient("admin@dangjian.test");
});

afterAll(async () => {
  await sql("delete from public.org_units where code = any($1)", [codes]);
  await sql("delete from auth.users where id = any($1)", [created]);
});

/** A fresh 组织部 account (it may read and write everything) signed in on its own client. */
async function orgAdminAccount() {
  const email = `${unique("removal-")}@dangjian.test`;
  const { data, error } = await admin.rpc("admin_create_account", {
    p_email: email,
    p_password: password,
    p_role: "org_admin",
    p_display_name: "停用测试",
  });
  if (error) throw error;
  created.push(data as string);
  const client = await signedInClient(email, password);
  const session = (await client.auth.getSession()).data.session!;
  return { id: data as string, email, client, session };
}

const insertUnit = (client: SupabaseClient) => {
  const code = unique("RM");
  codes.push(code);
  return client.from("org_units").insert({ code, name: `停用测试${code}`, kind: "party_committee", category: "college" }).select("id");
};

const authUser = (accessToken: string) =>
  fetch(`${API_URL}/auth/v1/user`, { headers: { apikey: ANON_KEY, authorization: `Bearer ${accessToken}` } });

describe("a disabled account", () => {
  it("reads and writes nothing more with the access token it already has", async () => {
    const account = await orgAdminAccount();
    expect((await account.client.from("org_units").select("id")).data?.length).toBeGreaterThan(0);
    expect((await insertUnit(account.client)).error).toBeNull();

    expect((await admin.rpc("admin_set_account_disabled", { p_user_id: account.id, p_disabled: true })).error).toBeNull();

    // The same client, the same (unexpired) token.
    const read = await account.client.from("org_units").select("id");
    expect(read.error).toBeNull();
    expect(read.data).toEqual([]);
    expect((await account.client.from("profiles").select("user_id")).data).toEqual([]);
    expect((await account.client.rpc("my_profile")).data).toEqual([]);
    const before = await sql<{ count: number }>("select count(*)::int as count from public.org_units");
    const write = await insertUnit(account.client);
    expect(write.error).toMatchObject({ code: "42501" });
    expect(await sql<{ count: number }>("select count(*)::int as count from public.org_units")).toEqual(before);
    // The account functions refuse it as well: it is no org_admin any more.
    const rpc = await account.client.rpc("admin_list_accounts");
    expect(rpc.error).toMatchObject({ code: "42501", details: "accounts_org_admin_only" });

    // The auth service: its session is gone (GoTrue checks the session before the ban) and refresh is refused.
    const user = await authUser(account.session.access_token);
    expect(user.status).toBe(403);
    expect(await user.json()).toMatchObject({ code: 403, error_code: "session_not_found" });
    const { error: refreshError } = await anonClient().auth.refreshSession({ refresh_token: account.session.refresh_token });
    expect(refreshError?.status).toBe(400);
  });

  it("is answered user_banned by /user while a session of it survives (as GoTrue does)", async () => {
    const account = await orgAdminAccount();
    // A ban written behind the auth service's back keeps the sessions: only the ban itself can refuse.
    await sql("update auth.users set banned_until = now() + interval '1 day' where id = $1", [account.id]);
    const user = await authUser(account.session.access_token);
    expect(user.status).toBe(403);
    expect(await user.json()).toMatchObject({ code: 403, error_code: "user_banned", msg: "User is banned" });
    const { error } = await anonClient().auth.refreshSession({ refresh_token: account.session.refresh_token });
    expect(error).toMatchObject({ status: 400, code: "user_banned" });
    expect((await account.client.from("org_units").select("id")).data).toEqual([]);
  });

  it("works again once enabled and signed in anew", async () => {
    const account = await orgAdminAccount();
    await admin.rpc("admin_set_account_disabled", { p_user_id: account.id, p_disabled: true });
    expect((await account.client.from("org_units").select("id")).data).toEqual([]);
    expect((await admin.rpc("admin_set_account_disabled", { p_user_id: account.id, p_disabled: false })).error).toBeNull();
    const again = await signedInClient(account.email, password);
    expect((await again.from("org_units").select("id")).data?.length).toBeGreaterThan(0);
  });
});

describe("a deleted account", () => {
  it.each([
    ["soft-deleted", (id: string) => sql("update auth.users set deleted_at = now() where id = $1", [id])],
    ["removed", (id: string) => sql("delete from auth.users where id = $1", [id])],
  ])("reads and writes nothing once %s", async (_label, remove) => {
    const account = await orgAdminAccount();
    expect((await account.client.from("org_units").select("id")).data?.length).toBeGreaterThan(0);
    await remove(account.id);
    expect((await account.client.from("org_units").select("id")).data).toEqual([]);
    expect((await insertUnit(account.client)).error).toMatchObject({ code: "42501" });
    const user = await authUser(account.session.access_token);
    expect(user.status).toBe(403);
  });
});

describe("the password policy of the account functions", () => {
  it("keeps the demo accounts' existing password valid for sign-in", async () => {
    expect((await anonClient().auth.signInWithPassword({ email: "leader@dangjian.test", password: "dangjian-demo" })).error).toBeNull();
  });

  it("refuses a reset to a weak password and keeps the old one", async () => {
    const account = await orgAdminAccount();
    const { error } = await admin.rpc("admin_reset_password", { p_user_id: account.id, p_password: "onlyletters" });
    expect(error).toMatchObject({ message: "密码须同时包含字母和数字", details: "accounts_password_letters_digits", hint: "field:password" });
    expect((await anonClient().auth.signInWithPassword({ email: account.email, password })).error).toBeNull();
  });

  it("signs the account out everywhere when its password is reset", async () => {
    const account = await orgAdminAccount();
    expect((await admin.rpc("admin_reset_password", { p_user_id: account.id, p_password: "reset-pass9" })).error).toBeNull();
    expect(await sql("select 1 from auth.sessions where user_id = $1", [account.id])).toHaveLength(0);
    expect((await anonClient().auth.refreshSession({ refresh_token: account.session.refresh_token })).error?.status).toBe(400);
  });
});
