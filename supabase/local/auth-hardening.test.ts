// Issue 8: throttling that cannot be raced, GoTrue's refresh-token reuse, bad input answered 400, and the
// JWT rules (exp required, nbf, aud). Throttling runs against an auth server of its own (a limit of 5, on an
// ephemeral port, on the stack's database) so that it neither waits for nor drains the stack's limits.
import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAuthServer, FailureDelay, RateLimiter, type AuthConfig } from "./auth/server";
import { ANON_KEY, API_URL, config, DB_URL, JWT_SECRET, SERVICE_ROLE_KEY } from "./env";
import { signJwt, verifyJwt } from "./jwt";
import { anonClient, serviceClient, signedInClient, sql } from "./testing";

const createdUserIds: string[] = [];

async function createUser(password = "right-password1") {
  const email = `hardening-${randomUUID()}@dangjian.test`;
  const { data, error } = await serviceClient().auth.admin.createUser({ email, password, email_confirm: true });
  if (error) throw error;
  createdUserIds.push(data.user.id);
  return { id: data.user.id, email, password };
}

afterAll(async () => {
  await sql("delete from auth.users where id = any($1)", [createdUserIds]);
});

type Answer = { status: number; body: Record<string, unknown> };

/** One JSON request with full control over the headers (supabase-js would not send a NUL or a spoofed address). */
function request(url: string, method: string, body: unknown, headers: Record<string, string> = {}, localAddress?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers: { "content-type": "application/json", apikey: ANON_KEY, ...headers }, localAddress }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : {} });
      });
    });
    req.on("error", reject);
    req.end(body === undefined || typeof body === "string" ? body : JSON.stringify(body));
  });
}

describe("sign-in throttling", () => {
  let pool: pg.Pool;
  let server: http.Server;
  let base: string;
  const limit = 5;

  beforeAll(async () => {
    pool = new pg.Pool({ connectionString: DB_URL, max: 5 });
    const authConfig: AuthConfig = {
      port: 0,
      databaseUrl: DB_URL,
      jwtSecret: JWT_SECRET,
      jwtExpiry: 3600,
      refreshTokenReuseInterval: 10,
      refreshTokenRotation: true,
      enableSignup: false,
      externalUrl: API_URL,
      minimumPasswordLength: 8,
      passwordRequirements: "letters_digits",
      rateLimit: { signInSignUps: limit, tokenRefresh: limit },
    };
    server = createAuthServer(authConfig, pool);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await pool.end();
  });

  const signIn = (email: string, password: string, address: string) =>
    request(`${base}/token?grant_type=password`, "POST", { email, password }, { "x-forwarded-for": `${address}, 10.0.0.1` });

  it("checks at most the limit of 40 simultaneous guesses from one address; another address still signs in", async () => {
    const user = await createUser();
    const answers = await Promise.all(Array.from({ length: 40 }, () => signIn(user.email, "wrong-guess1", "198.51.100.7")));
    const checked = answers.filter((answer) => answer.status === 400);
    const refused = answers.filter((answer) => answer.status === 429);
    expect(checked).toHaveLength(limit);
    expect(refused).toHaveLength(40 - limit);
    expect(checked[0].body).toMatchObject({ error_code: "invalid_credentials" });
    expect(refused[0].body).toEqual({ code: 429, error_code: "over_request_rate_limit", msg: "Request rate limit reached" });

    // The stranger's address is spent, even for the right password; the owner's address is not.
    expect((await signIn(user.email, user.password, "198.51.100.7")).status).toBe(429);
    const owner = await signIn(user.email, user.password, "198.51.100.8");
    expect(owner.status).toBe(200);
    expect(owner.body).toMatchObject({ token_type: "bearer", user: { email: user.email } });
  });

  it("limits refresh-token grants per address too", async () => {
    const answers = await Promise.all(
      Array.from({ length: 8 }, () =>
        request(`${base}/token?grant_type=refresh_token`, "POST", { refresh_token: "no-such-token" }, { "x-forwarded-for": "198.51.100.9" }),
      ),
    );
    expect(answers.filter((answer) => answer.status === 400)).toHaveLength(limit);
    expect(answers.filter((answer) => answer.status === 429)).toHaveLength(3);
  });

  it("limits by the address the gateway forwards, with the limit config.toml sets", async () => {
    // Through the real gateway from a loopback address of this test's own: the gateway sets x-forwarded-for.
    const address = `127.${1 + Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${2 + Math.floor(Math.random() * 250)}`;
    const configured = config.auth.rate_limit.sign_in_sign_ups;
    const answers = await Promise.all(
      Array.from({ length: configured + 5 }, () =>
        request(`${API_URL}/auth/v1/token?grant_type=password`, "POST", { email: `nobody-${randomUUID()}@dangjian.test`, password: "x" }, {}, address),
      ),
    );
    expect(answers.filter((answer) => answer.status === 400)).toHaveLength(configured);
    expect(answers.filter((answer) => answer.status === 429)).toHaveLength(5);
    // Everyone else (this file's clients sign in from an address of their own) is unaffected.
    expect((await anonClient().auth.signInWithPassword({ email: "leader@dangjian.test", password: "dangjian-demo" })).error).toBeNull();
  });

  it("refills the bucket over five minutes and delays, never refuses, an account under attack", () => {
    let now = 0;
    const limiter = new RateLimiter(5, () => now);
    expect(Array.from({ length: 6 }, () => limiter.take("a"))).toEqual([true, true, true, true, true, false]);
    now += 60_000; // a fifth of the window: one request back
    expect([limiter.take("a"), limiter.take("a")]).toEqual([true, false]);

    const delay = new FailureDelay();
    const delays = Array.from({ length: 8 }, () => {
      const ms = delay.delayMs("victim@dangjian.test");
      delay.fail("victim@dangjian.test");
      return ms;
    });
    expect(delays).toEqual([0, 0, 0, 250, 500, 1000, 2000, 4000]);
    delay.succeed("victim@dangjian.test");
    expect(delay.delayMs("victim@dangjian.test")).toBe(0);
  });
});

describe("bad input is a bad request, not a server error", () => {
  const token = (body: unknown, grant = "password") => request(`${API_URL}/auth/v1/token?grant_type=${grant}`, "POST", body);

  it.each([
    ["a NUL in the email", () => token({ email: "admin\u0000@dangjian.test", password: "dangjian-demo" })],
    ["a NUL in the password", () => token({ email: "admin@dangjian.test", password: "dangjian\u0000demo" })],
    ["a NUL in the refresh token", () => token({ refresh_token: "abc\u0000def" }, "refresh_token")],
  ])("answers 400 to %s in GoTrue's error shape", async (_label, send) => {
    const answer = await send();
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ code: 400, error_code: "validation_failed" });
    expect(typeof answer.body.msg).toBe("string");
  });

  it("answers 400 to deeply nested user data, and stores nothing", async () => {
    const user = await createUser();
    const client = await signedInClient(user.email, user.password);
    const accessToken = (await client.auth.getSession()).data.session!.access_token;
    // Written as text: JSON.stringify itself would overflow on the way out.
    const data = `${'{"n":'.repeat(20_000)}1${"}".repeat(20_000)}`;
    const answer = await request(`${API_URL}/auth/v1/user`, "PUT", `{"data":${data}}`, { authorization: `Bearer ${accessToken}` });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ code: 400, error_code: "validation_failed" });
    const admin = await request(`${API_URL}/auth/v1/admin/users`, "POST", `{"email":"deep-${randomUUID()}@dangjian.test","user_metadata":${data}}`, {
      apikey: SERVICE_ROLE_KEY,
      authorization: `Bearer ${SERVICE_ROLE_KEY}`,
    });
    expect(admin.status).toBe(400);
    const [row] = await sql<{ raw_user_meta_data: Record<string, unknown> }>("select raw_user_meta_data from auth.users where id = $1", [user.id]);
    expect(row.raw_user_meta_data).not.toHaveProperty("n");
  });
});

describe("JWT rules", () => {
  const now = Math.floor(Date.now() / 1000);
  const base = { sub: randomUUID(), role: "authenticated", aud: "authenticated", iat: now };

  it("requires exp, honours nbf and checks aud when asked", () => {
    expect(verifyJwt(signJwt({ ...base, exp: now + 60 }, JWT_SECRET), JWT_SECRET, { audience: "authenticated" })).toMatchObject(base);
    expect(verifyJwt(signJwt(base, JWT_SECRET), JWT_SECRET)).toBeUndefined();
    expect(verifyJwt(signJwt({ ...base, exp: now - 1 }, JWT_SECRET), JWT_SECRET)).toBeUndefined();
    expect(verifyJwt(signJwt({ ...base, exp: now + 60, nbf: now + 30 }, JWT_SECRET), JWT_SECRET)).toBeUndefined();
    expect(verifyJwt(signJwt({ ...base, exp: now + 60, nbf: now - 30 }, JWT_SECRET), JWT_SECRET)).toBeDefined();
    expect(verifyJwt(signJwt({ ...base, exp: now + 60, aud: "other" }, JWT_SECRET), JWT_SECRET, { audience: "authenticated" })).toBeUndefined();
    expect(verifyJwt(signJwt({ ...base, exp: now + 60, aud: ["x", "authenticated"] }, JWT_SECRET), JWT_SECRET, { audience: "authenticated" })).toBeDefined();
    expect(verifyJwt(signJwt({ ...base, exp: now + 60 }, "another-secret-another-secret-another"), JWT_SECRET)).toBeUndefined();
  });

  it.each([
    ["without exp", {}],
    ["not valid yet", { exp: now + 600, nbf: now + 300 }],
    ["for another audience", { exp: now + 600, aud: "somebody-else" }],
  ])("refuses /user a token %s", async (_label, claims) => {
    const accessToken = signJwt({ ...base, sub: "00000000-0000-4000-8000-000000000001", ...claims }, JWT_SECRET);
    const answer = await request(`${API_URL}/auth/v1/user`, "GET", undefined, { authorization: `Bearer ${accessToken}` });
    expect(answer.status).toBe(403);
    expect(answer.body).toMatchObject({ error_code: "bad_jwt" });
  });
});

describe("refresh-token reuse as GoTrue does it", () => {
  /** Makes a token look rotated long ago, past the reuse interval, without waiting for it. */
  const age = (token: string) => sql("update auth.refresh_tokens set updated_at = now() - interval '1 hour' where token = $1", [token]);
  const refresh = (refreshToken: string) => anonClient().auth.refreshSession({ refresh_token: refreshToken });

  async function threeTokens() {
    const user = await createUser();
    const client = await signedInClient(user.email, user.password);
    const first = (await client.auth.getSession()).data.session!.refresh_token;
    const second = (await client.auth.refreshSession()).data.session!.refresh_token;
    const third = (await client.auth.refreshSession()).data.session!.refresh_token;
    return { user, first, second, third };
  }

  it("answers the parent of the active token with the active token at any time, issuing nothing new", async () => {
    const { user, second, third } = await threeTokens();
    await age(second);
    const count = () => sql("select 1 from auth.refresh_tokens where user_id = $1", [user.id]);
    const before = (await count()).length;
    const { data, error } = await refresh(second);
    expect(error).toBeNull();
    expect(data.session?.refresh_token).toBe(third);
    expect(await count()).toHaveLength(before);
  });

  it("refuses an older token after the reuse interval and revokes every refresh token of the session", async () => {
    const { user, first, third } = await threeTokens();
    await age(first);
    const { error } = await refresh(first);
    expect(error).toMatchObject({ status: 400, code: "refresh_token_already_used" });
    expect(await sql("select 1 from auth.refresh_tokens where user_id = $1 and not revoked", [user.id])).toHaveLength(0);
    await age(third);
    expect((await refresh(third)).error).toMatchObject({ status: 400, code: "refresh_token_already_used" });
  });

  it("gives concurrent refreshes of one token (several tabs) the same child", async () => {
    const user = await createUser();
    const client = await signedInClient(user.email, user.password);
    const token = (await client.auth.getSession()).data.session!.refresh_token;
    const answers = await Promise.all(Array.from({ length: 5 }, () => refresh(token)));
    expect(answers.map((answer) => answer.error)).toEqual([null, null, null, null, null]);
    expect(new Set(answers.map((answer) => answer.data.session?.refresh_token)).size).toBe(1);
  });

  it("accepts an older token within the reuse interval (concurrent tabs) with a new child of it", async () => {
    const { first, second, third } = await threeTokens();
    const { data, error } = await refresh(first);
    expect(error).toBeNull();
    expect([first, second, third]).not.toContain(data.session?.refresh_token);
  });
});

describe("changing one's own password", () => {
  it("applies the policy with GoTrue's reasons and signs the other devices out", async () => {
    const user = await createUser();
    const here = await signedInClient(user.email, user.password);
    const elsewhere = await signedInClient(user.email, user.password);
    const { error: short } = await here.auth.updateUser({ password: "ab1" });
    expect(short).toMatchObject({ status: 422, code: "weak_password", reasons: ["length"] });
    const { error: letters } = await here.auth.updateUser({ password: "only-letters" });
    expect(letters).toMatchObject({ status: 422, code: "weak_password", reasons: ["characters"] });
    const { error: wrongCurrent } = await here.auth.updateUser({ password: "new-password2", current_password: "not-it1" });
    expect(wrongCurrent).toMatchObject({ status: 400, code: "current_password_invalid" });
    expect((await here.auth.updateUser({ password: "new-password2", current_password: user.password })).error).toBeNull();

    expect((await here.auth.getUser()).error).toBeNull();
    expect((await elsewhere.auth.refreshSession()).error?.status).toBe(400);
    expect((await anonClient().auth.signInWithPassword({ email: user.email, password: "new-password2" })).error).toBeNull();
  });
});
