// The auth service answers as GoTrue does (issue 13), each case after GoTrue's source (supabase/auth,
// internal/api/): errors.go HandleResponseError (the body per X-Supabase-Api-Version, x-sb-error-code, the
// version echoed), apiversions.go (dates before 2024-01-01 and unreadable ones are the initial version),
// token.go (a ban is checked before the password, an unconfirmed email after it), auth.go (a banned user's
// still valid token: 403 user_banned), models/identity.go (identities), settings.go, admin.go (loadUser refuses
// a non-UUID id with 404 validation_failed; adminUserDelete answers {}).
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { ANON_KEY, API_URL, SERVICE_ROLE_KEY } from "./env";
import { apiFetch, serviceClient } from "./testing";

const created: string[] = [];
afterAll(async () => {
  for (const id of created) await serviceClient().auth.admin.deleteUser(id).catch(() => undefined);
});

async function user(options: { confirmed?: boolean } = {}) {
  const email = `contract-${randomUUID()}@dangjian.test`;
  const password = "contract-pass1";
  const { data, error } = await serviceClient().auth.admin.createUser({ email, password, email_confirm: options.confirmed ?? true });
  if (error) throw error;
  created.push(data.user.id);
  return { id: data.user.id, email, password };
}

function auth(path: string, init: { method?: string; body?: unknown; version?: string; token?: string } = {}) {
  const headers: Record<string, string> = { apikey: ANON_KEY, "content-type": "application/json" };
  if (init.version !== undefined) headers["x-supabase-api-version"] = init.version;
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  return apiFetch(`${API_URL}/auth/v1${path}`, {
    method: init.method ?? (init.body === undefined ? "GET" : "POST"),
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
}
const signIn = (email: string, password: string, version?: string) =>
  auth("/token?grant_type=password", { body: { email, password }, version });
const answer = async (response: Response) => ({
  status: response.status,
  body: await response.json(),
  errorCode: response.headers.get("x-sb-error-code"),
  version: response.headers.get("x-supabase-api-version"),
});

describe("error shapes per API version", () => {
  it("answers { code: <error_code>, message } with the header and the version echoed for 2024-01-01", async () => {
    const { email } = await user();
    expect(await answer(await signIn(email, "wrong-pass1", "2024-01-01"))).toEqual({
      status: 400,
      body: { code: "invalid_credentials", message: "Invalid login credentials" },
      errorCode: "invalid_credentials",
      version: "2024-01-01",
    });
  });

  it("answers a later date as 2024-01-01, the closest version it knows", async () => {
    const { email } = await user();
    const result = await answer(await signIn(email, "wrong-pass1", "2026-12-01"));
    expect(result.version).toBe("2024-01-01");
    expect(result.body).toEqual({ code: "invalid_credentials", message: "Invalid login credentials" });
  });

  it("answers the initial { code: <status>, error_code, msg } without the header, before 2024 or unreadable", async () => {
    const { email } = await user();
    for (const version of [undefined, "2023-06-01", "not-a-date"]) {
      expect(await answer(await signIn(email, "wrong-pass1", version))).toEqual({
        status: 400,
        body: { code: 400, error_code: "invalid_credentials", msg: "Invalid login credentials" },
        errorCode: "invalid_credentials",
        version: null,
      });
    }
  });

  it("keeps the weak-password reasons in both versions, the error code header only in the initial one", async () => {
    const { data, error } = await serviceClient().auth.admin.createUser({ email: `weak-${randomUUID()}@dangjian.test`, password: "short", email_confirm: true });
    if (data.user) created.push(data.user.id);
    expect(error?.code).toBe("weak_password");
    const signedIn = await user();
    const session = await (await signIn(signedIn.email, signedIn.password)).json();
    const put = (version?: string) => auth("/user", { method: "PUT", body: { password: "abc" }, version, token: session.access_token });
    const latest = await answer(await put("2024-01-01"));
    expect(latest).toMatchObject({ status: 422, body: { code: "weak_password", weak_password: { reasons: expect.any(Array) } }, errorCode: null });
    const initial = await answer(await put());
    expect(initial).toMatchObject({ status: 422, body: { code: 422, error_code: "weak_password", weak_password: { reasons: expect.any(Array) } }, errorCode: "weak_password" });
  });
});

describe("banned and unconfirmed users", () => {
  it("refuses a banned user at sign-in with user_banned, before the password is checked", async () => {
    const { id, email, password } = await user();
    await serviceClient().auth.admin.updateUserById(id, { ban_duration: "24h" });
    for (const attempt of [password, "wrong-pass1"]) {
      expect(await answer(await signIn(email, attempt, "2024-01-01"))).toMatchObject({
        status: 400,
        body: { code: "user_banned", message: "User is banned" },
      });
    }
  });

  it("answers 403 user_banned on /user to a token issued before the ban", async () => {
    const { id, email, password } = await user();
    const session = await (await signIn(email, password)).json();
    await serviceClient().auth.admin.updateUserById(id, { ban_duration: "24h" });
    expect(await answer(await auth("/user", { token: session.access_token, version: "2024-01-01" }))).toMatchObject({
      status: 403,
      body: { code: "user_banned" },
      errorCode: "user_banned",
    });
  });

  it("refuses an unconfirmed email after a right password with email_not_confirmed, and a wrong one as usual", async () => {
    const { email, password } = await user({ confirmed: false });
    expect(await answer(await signIn(email, password, "2024-01-01"))).toMatchObject({
      status: 400,
      body: { code: "email_not_confirmed", message: "Email not confirmed" },
    });
    expect((await answer(await signIn(email, "wrong-pass1", "2024-01-01"))).body.code).toBe("invalid_credentials");
  });
});

describe("what a user and the settings look like", () => {
  it("lists the email identity on the user", async () => {
    const { id, email, password } = await user();
    const session = await (await signIn(email, password)).json();
    const me = await (await auth("/user", { token: session.access_token })).json();
    expect(me.identities).toHaveLength(1);
    expect(me.identities[0]).toMatchObject({ id, user_id: id, provider: "email", email, identity_data: { sub: id, email } });
    expect(typeof me.identities[0].identity_id).toBe("string");
  });

  it("lists GoTrue's settings flags and every provider it knows", async () => {
    const settings = await (await auth("/settings")).json();
    expect(Object.keys(settings).sort()).toEqual(
      ["disable_signup", "external", "mailer_autoconfirm", "passkeys_enabled", "phone_autoconfirm", "saml_enabled",
       "saml_private_key_next_configured", "sms_provider"],
    );
    expect(Object.keys(settings.external)).toHaveLength(26);
    expect(Object.entries(settings.external).filter(([, on]) => on).map(([name]) => name)).toEqual(["email"]);
  });
});

describe("admin users", () => {
  const admin = (path: string, method = "GET") =>
    fetch(`${API_URL}/auth/v1/admin/users${path}`, { method, headers: { apikey: SERVICE_ROLE_KEY, authorization: `Bearer ${SERVICE_ROLE_KEY}`, "x-supabase-api-version": "2024-01-01" } });

  it("answers a delete with an empty object", async () => {
    const { id } = await user();
    const response = await admin(`/${id}`, "DELETE");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({});
    expect((await admin(`/${id}`)).status).toBe(404);
  });

  it("refuses an id that is not a UUID with 404 validation_failed", async () => {
    for (const method of ["GET", "PUT", "DELETE"]) {
      expect(await answer(await admin("/not-a-uuid", method))).toMatchObject({
        status: 404,
        body: { code: "validation_failed", message: "user_id must be an UUID" },
      });
    }
  });
});
