// The auth API contract, through supabase-js, against the running local stack.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "./env";
import { anonClient, serviceClient, signedInClient, sql } from "./testing";

const createdUserIds: string[] = [];

/** A throwaway account, so password changes and bans never touch the demo accounts others rely on. */
async function createUser(password = "first-password1") {
  const email = `auth-test-${randomUUID()}@dangjian.test`;
  const { data, error } = await serviceClient().auth.admin.createUser({ email, password, email_confirm: true });
  if (error) throw error;
  createdUserIds.push(data.user.id);
  return { id: data.user.id, email, password };
}

afterAll(async () => {
  await sql("delete from auth.users where id = any($1)", [createdUserIds]);
});

describe("password sign-in", () => {
  it("signs a demo account in with a session whose token carries the user", async () => {
    const client = anonClient();
    const { data, error } = await client.auth.signInWithPassword({ email: "admin@dangjian.test", password: DEMO_PASSWORD });
    expect(error).toBeNull();
    expect(data.user?.email).toBe("admin@dangjian.test");
    expect(data.session?.refresh_token).toBeTruthy();
    const claims = JSON.parse(Buffer.from(data.session!.access_token.split(".")[1], "base64url").toString());
    expect(claims).toMatchObject({ sub: data.user!.id, role: "authenticated", aud: "authenticated", email: "admin@dangjian.test", aal: "aal1" });
    expect(claims.session_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(claims.exp - claims.iat).toBe(3600);
  });

  it("rejects a wrong password with GoTrue's invalid credentials error", async () => {
    const { data, error } = await anonClient().auth.signInWithPassword({ email: "leader@dangjian.test", password: "not-the-password" });
    expect(data.session).toBeNull();
    expect(error).toMatchObject({ name: "AuthApiError", status: 400, code: "invalid_credentials", message: "Invalid login credentials" });
  });

  it("rejects an unknown email the same way", async () => {
    const { error } = await anonClient().auth.signInWithPassword({ email: `nobody-${randomUUID()}@dangjian.test`, password: "whatever" });
    expect(error).toMatchObject({ status: 400, code: "invalid_credentials" });
  });

  it("slows down repeated failures for one email but never refuses the right password afterwards", async () => {
    // (This asserted a 429 for the right password before: a stranger could lock anyone out. GoTrue limits per
    // client address; the per-account brake is a delay. See auth-throttle.test.ts.)
    const user = await createUser();
    for (let attempt = 0; attempt < 5; attempt++) {
      const { error } = await anonClient().auth.signInWithPassword({ email: user.email, password: "wrong-password" });
      expect(error?.status).toBe(400);
    }
    const { data, error } = await anonClient().auth.signInWithPassword({ email: user.email, password: user.password });
    expect(error).toBeNull();
    expect(data.session?.user.email).toBe(user.email);
  });

  it("refuses sign-up: accounts are created by administrators", async () => {
    const { error } = await anonClient().auth.signUp({ email: `new-${randomUUID()}@dangjian.test`, password: "some-password" });
    expect(error).toMatchObject({ status: 422, code: "signup_disabled" });
  });
});

describe("session", () => {
  it("getUser returns the signed-in user", async () => {
    const client = await signedInClient("committee@dangjian.test");
    const { data, error } = await client.auth.getUser();
    expect(error).toBeNull();
    expect(data.user).toMatchObject({ email: "committee@dangjian.test", role: "authenticated", aud: "authenticated" });
    expect(data.user?.app_metadata.provider).toBe("email");
  });

  it("refreshSession rotates the refresh token and keeps the same session", async () => {
    const client = await signedInClient("leader@dangjian.test");
    const before = (await client.auth.getSession()).data.session!;
    const { data, error } = await client.auth.refreshSession();
    expect(error).toBeNull();
    expect(data.session?.refresh_token).not.toBe(before.refresh_token);
    const claimsOf = (token: string) => JSON.parse(Buffer.from(token.split(".")[1], "base64url").toString());
    expect(claimsOf(data.session!.access_token).session_id).toBe(claimsOf(before.access_token).session_id);
    const [old] = await sql<{ revoked: boolean }>("select revoked from auth.refresh_tokens where token = $1", [before.refresh_token]);
    expect(old.revoked).toBe(true);
  });

  it("answers a just-rotated token reused within the reuse interval with the active token", async () => {
    const client = await signedInClient("leader@dangjian.test");
    const original = (await client.auth.getSession()).data.session!.refresh_token;
    const rotated = (await client.auth.refreshSession()).data.session!.refresh_token;
    const { data, error } = await anonClient().auth.refreshSession({ refresh_token: original });
    expect(error).toBeNull();
    expect(data.session?.refresh_token).toBe(rotated);
  });

  it("rejects an unknown refresh token", async () => {
    const { error } = await anonClient().auth.refreshSession({ refresh_token: "not-a-token" });
    expect(error).toMatchObject({ status: 400, code: "refresh_token_not_found" });
  });

  it("signOut ends the session: its refresh token no longer refreshes and its access token is refused", async () => {
    const client = await signedInClient("leader@dangjian.test");
    const session = (await client.auth.getSession()).data.session!;
    expect((await client.auth.signOut()).error).toBeNull();

    const { error: refreshError } = await anonClient().auth.refreshSession({ refresh_token: session.refresh_token });
    expect(refreshError).toMatchObject({ status: 400, code: "refresh_token_not_found" });
    const { error: userError } = await anonClient().auth.getUser(session.access_token);
    expect(userError?.name).toBe("AuthSessionMissingError");
  });

  it("updateUser changes the password (and back); the same password again is refused", async () => {
    const user = await createUser();
    const client = await signedInClient(user.email, user.password);
    expect((await client.auth.updateUser({ password: "second-password2" })).error).toBeNull();
    expect((await anonClient().auth.signInWithPassword({ email: user.email, password: user.password })).error?.status).toBe(400);
    expect((await anonClient().auth.signInWithPassword({ email: user.email, password: "second-password2" })).error).toBeNull();

    const { error: same } = await client.auth.updateUser({ password: "second-password2" });
    expect(same).toMatchObject({ status: 422, code: "same_password" });
    const { error: weak } = await client.auth.updateUser({ password: "123" });
    expect(weak).toMatchObject({ status: 422, code: "weak_password" });

    expect((await client.auth.updateUser({ password: user.password })).error).toBeNull();
    expect((await anonClient().auth.signInWithPassword({ email: user.email, password: user.password })).error).toBeNull();
    const [row] = await sql<{ encrypted_password: string }>("select encrypted_password from auth.users where id = $1", [user.id]);
    expect(row.encrypted_password).toMatch(/^\$2[aby]\$/);
  });
});

describe("admin users", () => {
  it("creates, lists, reads, updates and deletes users with the service key", async () => {
    const admin = serviceClient().auth.admin;
    const email = `admin-api-${randomUUID()}@dangjian.test`;
    const created = await admin.createUser({ email, password: "created-password1", email_confirm: true, user_metadata: { display_name: "测试" } });
    expect(created.error).toBeNull();
    const id = created.data.user!.id;
    createdUserIds.push(id);
    expect(created.data.user).toMatchObject({ email, user_metadata: { display_name: "测试" } });

    const duplicate = await admin.createUser({ email, password: "created-password1" });
    expect(duplicate.error).toMatchObject({ status: 422, code: "email_exists" });

    const listed = await admin.listUsers({ page: 1, perPage: 1000 });
    expect(listed.error).toBeNull();
    expect(listed.data.users.map((user) => user.email)).toContain(email);
    expect((listed.data as { total?: number }).total).toBeGreaterThanOrEqual(4);

    const updated = await admin.updateUserById(id, { user_metadata: { title: "书记" }, app_metadata: { team: "x" } });
    expect(updated.data.user?.user_metadata).toEqual({ display_name: "测试", title: "书记" });
    expect(updated.data.user?.app_metadata).toMatchObject({ provider: "email", team: "x" });
    expect((await admin.getUserById(id)).data.user?.email).toBe(email);

    expect((await admin.deleteUser(id)).error).toBeNull();
    expect((await admin.getUserById(id)).error).toMatchObject({ status: 404 });
    expect(await sql("select 1 from auth.users where id = $1", [id])).toHaveLength(0);
  });

  it("bans and unbans: a banned user cannot sign in and loses its sessions", async () => {
    const user = await createUser();
    const client = await signedInClient(user.email, user.password);
    const admin = serviceClient().auth.admin;
    expect((await admin.updateUserById(user.id, { ban_duration: "24h" })).error).toBeNull();

    const { error } = await anonClient().auth.signInWithPassword({ email: user.email, password: user.password });
    expect(error).toMatchObject({ status: 400, code: "user_banned" });
    expect((await client.auth.refreshSession()).error).not.toBeNull();

    expect((await admin.updateUserById(user.id, { ban_duration: "none" })).error).toBeNull();
    expect((await anonClient().auth.signInWithPassword({ email: user.email, password: user.password })).error).toBeNull();
  });

  it("sets a new password for a user", async () => {
    const user = await createUser();
    expect((await serviceClient().auth.admin.updateUserById(user.id, { password: "reset-by-admin1" })).error).toBeNull();
    expect((await anonClient().auth.signInWithPassword({ email: user.email, password: "reset-by-admin1" })).error).toBeNull();
  });

  it("refuses the admin API to the anon key and to a signed-in user", async () => {
    const asAnon = await anonClient().auth.admin.listUsers();
    expect(asAnon.error).toMatchObject({ status: 403, code: "not_admin" });
    const asUser = await (await signedInClient("admin@dangjian.test")).auth.admin.createUser({ email: `x-${randomUUID()}@dangjian.test` });
    expect(asUser.error).toMatchObject({ status: 403, code: "not_admin" });
  });
});

describe("service endpoints", () => {
  it("publishes settings and health", async () => {
    const { API_URL, ANON_KEY } = await import("./env");
    const settings = await (await fetch(`${API_URL}/auth/v1/settings`, { headers: { apikey: ANON_KEY } })).json();
    expect(settings).toMatchObject({ disable_signup: true, external: { email: true } });
    const health = await fetch(`${API_URL}/auth/v1/health`, { headers: { apikey: ANON_KEY } });
    expect(health.status).toBe(200);
  });
});
