// Accounts for /accounts through the database functions only org_admin may call: create (auth user + profile),
// list, reset a password, disable and enable; the browser never needs the service key.
import type { SupabaseClient } from "@supabase/supabase-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anonClient, signedInClient } from "../local/testing";
import { createFixture, dropFixture, one, withDb, type Fixture } from "./fixture";

let f: Fixture;
let admin: SupabaseClient;
let committee: SupabaseClient;
let leader: SupabaseClient;
let email: string;
let userId: string;

beforeAll(async () => {
  f = await createFixture();
  email = `account-${f.tag.toLowerCase()}@dangjian.test`;
  admin = await signedInClient("admin@dangjian.test");
  committee = await signedInClient(f.committee.email);
  leader = await signedInClient("leader@dangjian.test");
});

afterAll(() => dropFixture(f));

const canSignIn = async (password: string) => {
  const { error } = await anonClient().auth.signInWithPassword({ email, password });
  return error === null;
};

describe("org_admin manages accounts", () => {
  it("creates an account with its role, unit and display name; it can sign in at once", async () => {
    const { data, error } = await admin.rpc("admin_create_account", {
      p_email: email,
      p_password: "first-pass1",
      p_role: "committee_admin",
      p_display_name: "新建管理员",
      p_org_unit_id: f.orgUnits.B,
    });
    expect(error).toBeNull();
    userId = data as string;
    const profile = await withDb((db) => db.query("select role::text, org_unit_id, display_name from public.profiles where user_id = $1", [userId]));
    expect(profile.rows[0]).toEqual({ role: "committee_admin", org_unit_id: String(f.orgUnits.B), display_name: "新建管理员" });
    expect(await canSignIn("first-pass1")).toBe(true);
    const client = await signedInClient(email, "first-pass1");
    const { data: me } = await client.rpc("my_profile").single();
    expect(me).toMatchObject({ role: "committee_admin", org_unit_id: f.orgUnits.B, email });
  });

  it("lists accounts with their role and state", async () => {
    const { data, error } = await admin.rpc("admin_list_accounts");
    expect(error).toBeNull();
    const rows = data as { email: string; role: string; org_unit_id: number; disabled: boolean }[];
    expect(rows.find((r) => r.email === email)).toMatchObject({ role: "committee_admin", org_unit_id: f.orgUnits.B, disabled: false });
    const total = await withDb((db) => one<number>(db, "select count(*)::int from auth.users"));
    expect(rows).toHaveLength(total);
  });

  it("resets a password: the new one works, the old one no longer", async () => {
    const { error } = await admin.rpc("admin_reset_password", { p_user_id: userId, p_password: "second-pass2" });
    expect(error).toBeNull();
    expect(await canSignIn("second-pass2")).toBe(true);
    expect(await canSignIn("first-pass1")).toBe(false);
  });

  it("disables an account (no sign-in) and enables it again", async () => {
    expect((await admin.rpc("admin_set_account_disabled", { p_user_id: userId, p_disabled: true })).error).toBeNull();
    expect(await canSignIn("second-pass2")).toBe(false);
    const { data } = await admin.rpc("admin_list_accounts");
    expect((data as { email: string; disabled: boolean }[]).find((r) => r.email === email)?.disabled).toBe(true);
    expect((await admin.rpc("admin_set_account_disabled", { p_user_id: userId, p_disabled: false })).error).toBeNull();
    expect(await canSignIn("second-pass2")).toBe(true);
  });

  it("records resets and disabling in the audit trail", async () => {
    const entries = await withDb((db) =>
      db.query("select changed_columns from public.audit_log where table_name = 'auth.users' and row_id = $1 order by id", [userId]),
    );
    expect(entries.rows.map((r) => r.changed_columns)).toEqual([["encrypted_password"], ["banned_until"], ["banned_until"]]);
  });

  it.each([
    ["a malformed email", { p_email: "not-an-email" }, "accounts_email_valid", "email", "请输入有效的邮箱地址"],
    ["a taken email", { p_email: "leader@dangjian.test" }, "accounts_email_key", "email", "邮箱 leader@dangjian.test 已有账号"],
    ["a short password", { p_password: "abc1234" }, "accounts_password_length", "password", "密码至少 8 位"],
    ["a password without digits", { p_password: "long-enough" }, "accounts_password_letters_digits", "password", "密码须同时包含字母和数字"],
    ["a password without letters", { p_password: "12345678" }, "accounts_password_letters_digits", "password", "密码须同时包含字母和数字"],
    ["a committee account without unit", { p_role: "committee_admin", p_org_unit_id: null }, "profiles_committee_needs_org_unit", "org_unit_id",
      "二级党组织管理员必须指定所属二级党组织"],
  ])("refuses %s with its message on the field", async (_label, override, rule, field, message) => {
    const users = () => withDb((db) => one<number>(db, "select count(*)::int from auth.users"));
    const before = await users();
    const { error } = await admin.rpc("admin_create_account", {
      p_email: `other-${f.tag.toLowerCase()}@dangjian.test`,
      p_password: "long-enough1",
      p_role: "leader",
      p_display_name: "某人",
      ...override,
    });
    expect(error).toMatchObject({ message, details: rule, hint: `field:${field}` });
    expect(await users()).toBe(before);
  });

  it("refuses to disable its own account", async () => {
    const { error } = await admin.rpc("admin_set_account_disabled", { p_user_id: "00000000-0000-4000-8000-000000000001", p_disabled: true });
    expect(error).toMatchObject({ message: "不能停用自己的账号", details: "accounts_not_self" });
  });
});

describe("nobody else may", () => {
  it.each([
    ["committee_admin", () => committee],
    ["leader", () => leader],
  ])("%s is refused every account function", async (_role, client) => {
    const calls = [
      client().rpc("admin_list_accounts"),
      client().rpc("admin_create_account", { p_email: `x-${f.tag.toLowerCase()}@dangjian.test`, p_password: "long-enough1", p_role: "org_admin", p_display_name: "x" }),
      client().rpc("admin_reset_password", { p_user_id: userId, p_password: "hijacked" }),
      client().rpc("admin_set_account_disabled", { p_user_id: userId, p_disabled: true }),
    ];
    for (const { error } of await Promise.all(calls)) {
      expect(error).toMatchObject({ code: "42501", message: "只有组织部可以管理账号", details: "accounts_org_admin_only" });
    }
    expect(await canSignIn("second-pass2")).toBe(true);
    expect(await withDb((db) => one<number>(db, "select count(*)::int from auth.users where email like $1", [`x-${f.tag.toLowerCase()}%`]))).toBe(0);
  });

  it("anon cannot call them at all", async () => {
    const { error } = await anonClient().rpc("admin_list_accounts");
    expect(error?.code).toBe("42501");
  });
});
