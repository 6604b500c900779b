// A GoTrue-compatible auth service: the endpoints @supabase/supabase-js v2 calls, nothing more.
// Runs as its own process (the stack supervises it); configured entirely by environment variables.
import http from "node:http";
import pg from "pg";
import { signJwt, verifyJwt, type Claims } from "../jwt";
import { defaultAppMetadata, isBanned, userJson, UserStore, type RefreshTokenRow, type UserRow } from "./users";

export type AuthConfig = {
  port: number;
  databaseUrl: string;
  jwtSecret: string;
  jwtExpiry: number;
  /** Seconds during which a just-rotated refresh token may be presented again (concurrent tabs). */
  refreshTokenReuseInterval: number;
  refreshTokenRotation: boolean;
  enableSignup: boolean;
  /** The public URL of the API gateway: tokens name `<url>/auth/v1` as their issuer. */
  externalUrl: string;
  /** `[auth] minimum_password_length` and `password_requirements` of config.toml, applied whenever a password is set. */
  minimumPasswordLength: number;
  passwordRequirements: PasswordRequirements;
  /** `[auth.rate_limit]` of config.toml: requests per 5 minutes per client address. */
  rateLimit: { signInSignUps: number; tokenRefresh: number };
};

/** The values config.toml's `password_requirements` takes, as the Supabase CLI names them. */
export type PasswordRequirements = "" | "letters_digits" | "lower_upper_letters_digits" | "lower_upper_letters_digits_symbols";

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/**
 * GoTrue answers errors in the shape of the API version the client asks for (internal/api/apiversions.go,
 * errors.go HandleResponseError): with `X-Supabase-Api-Version` on or after 2024-01-01 (supabase-js sends
 * 2024-01-01) `{ code: "<error_code>", message }`, the version echoed back; without it (or with an unreadable
 * date) the initial `{ code: <status>, error_code, msg }`. Both set `x-sb-error-code` (a weak password only in
 * the initial version, as GoTrue does).
 */
export const API_VERSION_2024 = "2024-01-01";
export function apiVersionOf(header: string | string[] | undefined): "initial" | typeof API_VERSION_2024 {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) return "initial";
  return value >= API_VERSION_2024 ? API_VERSION_2024 : "initial";
}
function errorResponse(error: HttpError, version: ReturnType<typeof apiVersionOf>) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (version !== "initial") headers["x-supabase-api-version"] = version;
  const weak = error.errorCode === "weak_password";
  if (error.errorCode && !(weak && version !== "initial")) headers["x-sb-error-code"] = error.errorCode;
  const body =
    version === "initial"
      ? { code: error.status, error_code: error.errorCode, msg: error.message, ...error.extra }
      : { code: error.errorCode, message: error.message, ...error.extra };
  return { headers, body };
}
const invalidCredentials = () => new HttpError(400, "invalid_credentials", "Invalid login credentials");

/**
 * GoTrue's per-address limit: a token bucket per client address holding `perFiveMinutes` requests, refilled
 * at that rate. `take` checks and counts in one synchronous step, so concurrent requests cannot all pass a
 * check made before any of them was counted.
 */
export class RateLimiter {
  private buckets = new Map<string, { tokens: number; at: number }>();
  constructor(
    private readonly perFiveMinutes: number,
    private readonly now: () => number = Date.now,
  ) {}
  take(key: string): boolean {
    const now = this.now();
    const ratePerMs = this.perFiveMinutes / 300_000;
    const bucket = this.buckets.get(key) ?? { tokens: this.perFiveMinutes, at: now };
    bucket.tokens = Math.min(this.perFiveMinutes, bucket.tokens + (now - bucket.at) * ratePerMs);
    bucket.at = now;
    this.buckets.set(key, bucket);
    // Full buckets carry no information: forget them so the map does not grow with every address ever seen.
    if (this.buckets.size > 10_000) for (const [k, b] of this.buckets) if (b.tokens >= this.perFiveMinutes) this.buckets.delete(k);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }
}

/**
 * Per-account slow-down. An account's recent failed sign-ins make each further attempt on it wait before the
 * password is checked; nothing is refused, so a stranger typing wrong passwords for someone's email can delay
 * them by seconds but never lock them out. (The per-address limit above caps how fast anyone can guess.)
 */
export class FailureDelay {
  private failures = new Map<string, number[]>();
  constructor(
    private readonly freeFailures = 3,
    private readonly maxDelayMs = 4_000,
    private readonly windowMs = 15 * 60_000,
  ) {}
  private recent(key: string) {
    const now = Date.now();
    const times = (this.failures.get(key) ?? []).filter((at) => now - at < this.windowMs);
    if (times.length) this.failures.set(key, times);
    else this.failures.delete(key);
    return times;
  }
  /** 0 for the first few failures, then doubling from 250 ms up to the cap. */
  delayMs(key: string): number {
    const extra = this.recent(key).length - this.freeFailures;
    return extra < 0 ? 0 : Math.min(this.maxDelayMs, 250 * 2 ** extra);
  }
  fail = (key: string) => {
    this.failures.set(key, [...this.recent(key), Date.now()]);
    // Keys of accounts nobody tried lately go, so the map stays bounded under a spray of invented emails.
    if (this.failures.size > 10_000) for (const name of [...this.failures.keys()]) this.recent(name);
  };
  succeed = (key: string) => void this.failures.delete(key);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The client address the gateway forwards (the first entry of x-forwarded-for), else the socket's peer. */
function clientAddress(req: http.IncomingMessage): string {
  const forwarded = req.headers["x-forwarded-for"];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(",")[0]?.trim();
  return first || req.socket.remoteAddress || "unknown";
}

const characterSets: Record<PasswordRequirements, string[]> = {
  "": [],
  letters_digits: ["abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", "0123456789"],
  lower_upper_letters_digits: ["abcdefghijklmnopqrstuvwxyz", "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "0123456789"],
  lower_upper_letters_digits_symbols: [
    "abcdefghijklmnopqrstuvwxyz",
    "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "0123456789",
    "!@#$%^&*()_+-=[]{};'\\:\"|<>?,./`~",
  ],
};

/** Go-style durations as GoTrue accepts for ban_duration: "24h", "1h30m", "90s", "876000h". */
function parseDuration(text: string): number | undefined {
  const units: Record<string, number> = { ns: 1e-6, us: 1e-3, "µs": 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  const parts = [...text.matchAll(/(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/g)];
  if (!parts.length || parts.map((part) => part[0]).join("") !== text) return undefined;
  return parts.reduce((total, [, amount, unit]) => total + Number(amount) * units[unit], 0);
}

async function readJson(req: http.IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  if (!chunks.length) return {};
  let body: unknown;
  try {
    body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    throw new HttpError(400, "bad_json", "Could not parse request body as JSON");
  }
  checkStorable(body);
  return body && typeof body === "object" && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
}

const maxDepth = 32;

/**
 * PostgreSQL cannot store a NUL character in text or jsonb, and a deeply nested value overflows its jsonb
 * parser: refuse both as a bad request up front instead of failing in the database with a 500. Walks the
 * value with an explicit stack so that the check itself cannot overflow.
 */
function checkStorable(value: unknown) {
  const pending: Array<[unknown, number]> = [[value, 0]];
  while (pending.length) {
    const [item, depth] = pending.pop()!;
    if (typeof item === "string") {
      if (item.includes("\u0000")) throw new HttpError(400, "validation_failed", "Request contains a NUL character, which is not allowed");
    } else if (item && typeof item === "object") {
      if (depth >= maxDepth) throw new HttpError(400, "validation_failed", `Request body is nested more than ${maxDepth} levels deep`);
      for (const [key, child] of Object.entries(item)) {
        if (key.includes("\u0000")) throw new HttpError(400, "validation_failed", "Request contains a NUL character, which is not allowed");
        pending.push([child, depth + 1]);
      }
    }
  }
}

const asObject = (value: unknown) =>
  value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;

export function createAuthServer(config: AuthConfig, pool: pg.Pool): http.Server {
  const users = new UserStore(pool);
  const signInLimiter = new RateLimiter(config.rateLimit.signInSignUps);
  const refreshLimiter = new RateLimiter(config.rateLimit.tokenRefresh);
  const failureDelay = new FailureDelay();

  function rateLimit(limiter: RateLimiter, req: http.IncomingMessage) {
    if (!limiter.take(clientAddress(req))) throw new HttpError(429, "over_request_rate_limit", "Request rate limit reached");
  }

  function session(user: UserRow, sessionId: string, refreshToken: string) {
    const now = Math.floor(Date.now() / 1000);
    const claims: Claims = {
      iss: `${config.externalUrl}/auth/v1`,
      sub: user.id,
      aud: user.aud ?? "authenticated",
      exp: now + config.jwtExpiry,
      iat: now,
      email: user.email ?? "",
      phone: user.phone ?? "",
      app_metadata: user.raw_app_meta_data ?? defaultAppMetadata,
      user_metadata: user.raw_user_meta_data ?? {},
      role: user.role ?? "authenticated",
      aal: "aal1",
      amr: [{ method: "password", timestamp: now }],
      session_id: sessionId,
      is_anonymous: false,
    };
    return {
      access_token: signJwt(claims, config.jwtSecret),
      token_type: "bearer",
      expires_in: config.jwtExpiry,
      expires_at: claims.exp,
      refresh_token: refreshToken,
      user: userJson(user),
    };
  }

  /** The verified claims of the request's token; a user's token must be meant for this service's audience. */
  function bearerClaims(req: http.IncomingMessage, audience?: string): Claims {
    const header = req.headers.authorization ?? "";
    const token = /^Bearer\s+(.+)$/i.exec(header)?.[1];
    if (!token) throw new HttpError(401, "no_authorization", "This endpoint requires a Bearer token");
    const claims = verifyJwt(token, config.jwtSecret, { audience });
    if (!claims) throw new HttpError(403, "bad_jwt", "invalid JWT: unable to parse or verify signature, token is expired");
    return claims;
  }

  /** The signed-in user behind the request's token, whose session must still exist and who is not banned. */
  async function currentUser(req: http.IncomingMessage): Promise<{ user: UserRow; claims: Claims }> {
    const claims = bearerClaims(req, "authenticated");
    if (!claims.sub) throw new HttpError(403, "bad_jwt", "invalid claim: missing sub claim");
    const sessionId = claims.session_id;
    if (typeof sessionId === "string" && !(await users.sessionExists(sessionId))) {
      throw new HttpError(403, "session_not_found", "Session from session_id claim in JWT does not exist");
    }
    const user = await users.byId(claims.sub);
    if (!user || user.deleted_at) throw new HttpError(403, "user_not_found", "User from sub claim in JWT does not exist");
    // As GoTrue: an access token issued before the ban is refused at once, not when it expires.
    if (isBanned(user)) throw new HttpError(403, "user_banned", "User is banned");
    return { user, claims };
  }

  function requireAdmin(req: http.IncomingMessage) {
    const role = bearerClaims(req).role;
    if (role !== "service_role" && role !== "supabase_admin") throw new HttpError(403, "not_admin", "User not allowed");
  }

  /** GoTrue's password policy (internal/api/password.go): reasons "length" and "characters", one message each. */
  function validPassword(password: unknown): string {
    if (typeof password !== "string") throw new HttpError(400, "validation_failed", "Password must be a string");
    if (password.length > 72) throw new HttpError(400, "validation_failed", "Password cannot be longer than 72 characters");
    const reasons: string[] = [];
    const messages: string[] = [];
    if ([...password].length < config.minimumPasswordLength) {
      reasons.push("length");
      messages.push(`Password should be at least ${config.minimumPasswordLength} characters.`);
    }
    const required = characterSets[config.passwordRequirements] ?? [];
    if (required.some((set) => ![...set].some((character) => password.includes(character)))) {
      reasons.push("characters");
      messages.push(`Password should contain at least one character of each: ${required.join(", ")}.`);
    }
    if (reasons.length) throw new HttpError(422, "weak_password", messages.join(" "), { weak_password: { reasons } });
    return password;
  }

  function bannedUntil(banDuration: unknown): Date | null | undefined {
    if (banDuration === undefined || banDuration === "") return undefined;
    if (banDuration === "none") return null;
    const ms = typeof banDuration === "string" ? parseDuration(banDuration) : undefined;
    if (ms === undefined) throw new HttpError(400, "validation_failed", "invalid format for ban duration");
    return new Date(Date.now() + ms);
  }

  async function passwordGrant(req: http.IncomingMessage) {
    const body = await readJson(req);
    const email = typeof body.email === "string" ? body.email.trim().toLowerCase() : "";
    const password = typeof body.password === "string" ? body.password : "";
    if (!email || !password) throw new HttpError(400, "validation_failed", "missing email or phone");
    // As GoTrue's password grant (internal/api/token.go): the account, then the ban (before the password is
    // checked), then the password, then the confirmed email.
    const account = await users.byEmail(email);
    if (account && isBanned(account)) throw new HttpError(400, "user_banned", "User is banned");
    const delay = failureDelay.delayMs(email);
    if (delay) await sleep(delay);
    const user = account && (await users.withPassword(email, password));
    if (!user) {
      failureDelay.fail(email);
      throw invalidCredentials();
    }
    failureDelay.succeed(email);
    if (!user.email_confirmed_at) throw new HttpError(400, "email_not_confirmed", "Email not confirmed");
    const { sessionId, refreshToken } = await users.startSession(user.id, req.headers["user-agent"], req.socket.remoteAddress);
    return session((await users.byId(user.id))!, sessionId, refreshToken);
  }

  /**
   * Rotation as GoTrue does it (internal/tokens/service.go): each refresh revokes the presented token and
   * issues its child. A revoked token that is the parent of the session's active token may be presented at
   * any time (the client lost the answer to its last refresh) and gets the active token back. Any other
   * revoked token is accepted only within the reuse interval (it gets a new child); after that it is taken as
   * stolen: every refresh token of the session is revoked and the request refused.
   */
  async function refreshGrant(req: http.IncomingMessage) {
    const body = await readJson(req);
    const presented = typeof body.refresh_token === "string" ? body.refresh_token : "";
    if (!presented) throw new HttpError(400, "validation_failed", "Refresh Token is required");
    const notFound = () => new HttpError(400, "refresh_token_not_found", "Invalid Refresh Token: Refresh Token Not Found");

    return users.transaction(async (client) => {
      const found = await client.query<{ session_id: string | null; user_id: string }>(
        "select session_id, user_id from auth.refresh_tokens where token = $1",
        [presented],
      );
      const sessionId = found.rows[0]?.session_id;
      if (!sessionId) throw notFound();
      // As GoTrue: the user (gone, banned) is checked before the session.
      const user = await users.byId(found.rows[0].user_id, client);
      if (!user || user.deleted_at) throw notFound();
      if (isBanned(user)) throw new HttpError(400, "user_banned", "Invalid Refresh Token: User Banned");
      // The session row first, then the token: every refresh of a session takes its locks in this one order,
      // so two of them (one revoking the whole family) wait for each other instead of deadlocking.
      const sessionRow = await client.query("select 1 from auth.sessions where id = $1 for update", [sessionId]);
      if (!sessionRow.rows.length) throw new HttpError(400, "session_not_found", "Invalid Refresh Token: No Valid Session Found");
      const { rows } = await client.query<RefreshTokenRow & { parent: string | null }>(
        "select * from auth.refresh_tokens where token = $1 for update",
        [presented],
      );
      const token = rows[0];
      if (!token) throw notFound();

      let next: string | undefined;
      if (token.revoked) {
        const active = await client.query<RefreshTokenRow & { parent: string | null }>(
          "select * from auth.refresh_tokens where session_id = $1 and not revoked order by id desc limit 1",
          [token.session_id],
        );
        if (active.rows[0] && active.rows[0].parent === token.token) {
          next = active.rows[0].token;
        } else if (Date.now() > token.updated_at.getTime() + config.refreshTokenReuseInterval * 1000) {
          if (config.refreshTokenRotation) {
            await client.query(
              "update auth.refresh_tokens set revoked = true, updated_at = now() where session_id = $1 and not revoked",
              [token.session_id],
            );
          }
          // The revocation must outlive the rollback the thrown error causes: commit it first.
          await client.query("commit");
          await client.query("begin");
          throw new HttpError(400, "refresh_token_already_used", "Invalid Refresh Token: Already Used");
        }
      }
      if (next === undefined) {
        next = token.token;
        if (config.refreshTokenRotation || token.revoked) {
          await client.query("update auth.refresh_tokens set revoked = true, updated_at = now() where id = $1", [token.id]);
          next = await users.issueRefreshToken(client, user.id, token.session_id, token.token);
        }
      }
      await client.query("update auth.sessions set refreshed_at = now(), updated_at = now() where id = $1", [token.session_id]);
      return session(user, token.session_id, next);
    });
  }

  async function adminCreateUser(req: http.IncomingMessage) {
    const body = await readJson(req);
    const email = typeof body.email === "string" ? body.email.trim() : "";
    if (!email) throw new HttpError(400, "validation_failed", "Unable to validate email address: invalid format");
    if (await users.byEmail(email)) {
      throw new HttpError(422, "email_exists", "A user with this email address has already been registered");
    }
    const user = await users.create({
      id: typeof body.id === "string" ? body.id : undefined,
      email,
      password: body.password === undefined ? undefined : validPassword(body.password),
      emailConfirmed: body.email_confirm === true,
      role: typeof body.role === "string" ? body.role : undefined,
      appMetadata: asObject(body.app_metadata),
      userMetadata: asObject(body.user_metadata) ?? asObject(body.data),
      bannedUntil: bannedUntil(body.ban_duration),
    });
    return userJson(user);
  }

  async function adminUpdateUser(req: http.IncomingMessage, id: string) {
    const body = await readJson(req);
    if (!(await users.byId(id))) throw new HttpError(404, "user_not_found", "User not found");
    const user = await users.update(id, {
      password: body.password === undefined ? undefined : validPassword(body.password),
      email: typeof body.email === "string" ? body.email : undefined,
      emailConfirmed: typeof body.email_confirm === "boolean" ? body.email_confirm : undefined,
      role: typeof body.role === "string" ? body.role : undefined,
      appMetadata: asObject(body.app_metadata),
      userMetadata: asObject(body.user_metadata),
      bannedUntil: bannedUntil(body.ban_duration),
    });
    // GoTrue's admin password change signs the user out everywhere.
    if (body.password !== undefined) await users.endSessions(id, "", "global");
    return userJson(user!);
  }

  async function route(req: http.IncomingMessage, res: http.ServerResponse): Promise<unknown> {
    const url = new URL(req.url ?? "/", "http://auth");
    const path = url.pathname.replace(/\/+$/, "") || "/";
    const method = req.method ?? "GET";

    if (method === "GET" && path === "/health") {
      return { version: "v2-local", name: "GoTrue", description: "GoTrue is a user registration and authentication API" };
    }
    if (method === "GET" && path === "/settings") {
      // GoTrue's Settings (internal/api/settings.go): every provider it knows, only email enabled here.
      const providers = ["anonymous_users", "apple", "azure", "bitbucket", "discord", "facebook", "snapchat", "figma", "fly",
        "github", "gitlab", "google", "keycloak", "kakao", "linkedin", "linkedin_oidc", "notion", "spotify", "slack",
        "slack_oidc", "workos", "twitch", "twitter", "email", "phone", "zoom"];
      return {
        external: Object.fromEntries(providers.map((provider) => [provider, provider === "email"])),
        disable_signup: !config.enableSignup,
        mailer_autoconfirm: true,
        phone_autoconfirm: false,
        sms_provider: "",
        saml_enabled: false,
        saml_private_key_next_configured: false,
        passkeys_enabled: false,
      };
    }
    if (method === "POST" && path === "/signup") {
      rateLimit(signInLimiter, req);
      if (!config.enableSignup) throw new HttpError(422, "signup_disabled", "Signups not allowed for this instance");
      throw new HttpError(501, "not_implemented", "Sign-up is not available on the local stack");
    }
    if (method === "POST" && path === "/token") {
      const grant = url.searchParams.get("grant_type");
      // Counted before anything is awaited: the check and the count are one step (see RateLimiter).
      if (grant === "password") return rateLimit(signInLimiter, req), passwordGrant(req);
      if (grant === "refresh_token") return rateLimit(refreshLimiter, req), refreshGrant(req);
      throw new HttpError(400, "validation_failed", "unsupported_grant_type");
    }
    if (path === "/user" && method === "GET") return userJson((await currentUser(req)).user);
    if (path === "/user" && method === "PUT") {
      const { user, claims } = await currentUser(req);
      const body = await readJson(req);
      if (typeof body.email === "string" && body.email.toLowerCase() !== user.email) {
        throw new HttpError(422, "email_change_not_supported", "Email changes are made by an administrator");
      }
      let password: string | undefined;
      if (body.password !== undefined) {
        // GoTrue's update_password_require_current_password check: when the current password is given, it must match.
        if (body.current_password !== undefined) {
          if (typeof body.current_password !== "string" || !(await users.passwordMatches(user.id, body.current_password))) {
            throw new HttpError(400, "current_password_invalid", "Current password required when setting new password.");
          }
        }
        password = validPassword(body.password);
        if (await users.passwordMatches(user.id, password)) {
          throw new HttpError(422, "same_password", "New password should be different from the old password.");
        }
      }
      const updated = await users.update(user.id, { password, userMetadata: asObject(body.data) });
      // As GoTrue's UpdatePassword: a new password signs every other device out; this one stays signed in.
      if (password !== undefined) await users.endSessions(user.id, String(claims.session_id ?? ""), "others");
      return userJson(updated!);
    }
    if (method === "POST" && path === "/logout") {
      const { user, claims } = await currentUser(req);
      const scope = url.searchParams.get("scope") ?? "global";
      if (scope !== "global" && scope !== "local" && scope !== "others") {
        throw new HttpError(400, "validation_failed", "Unsupported logout scope");
      }
      await users.endSessions(user.id, String(claims.session_id ?? ""), scope);
      res.writeHead(204).end();
      return undefined;
    }

    if (path === "/admin/users" || path.startsWith("/admin/users/")) {
      requireAdmin(req);
      const id = path.split("/")[3];
      // GoTrue's loadUser: an id that is not a UUID is a 404 validation_failed, not "user not found".
      if (id && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) {
        throw new HttpError(404, "validation_failed", "user_id must be an UUID");
      }
      if (!id && method === "GET") {
        const page = Math.max(1, Number(url.searchParams.get("page")) || 1);
        const perPage = Math.min(1000, Math.max(1, Number(url.searchParams.get("per_page")) || 50));
        const { users: rows, total } = await users.list(page, perPage);
        const lastPage = Math.max(1, Math.ceil(total / perPage));
        const links = [
          page < lastPage && `</admin/users?page=${page + 1}&per_page=${perPage}>; rel="next"`,
          `</admin/users?page=${lastPage}&per_page=${perPage}>; rel="last"`,
        ].filter(Boolean);
        res.setHeader("x-total-count", String(total));
        res.setHeader("link", links.join(", "));
        return { aud: "authenticated", users: rows.map(userJson) };
      }
      if (!id && method === "POST") return adminCreateUser(req);
      if (id && method === "GET") {
        const user = await users.byId(id);
        if (!user) throw new HttpError(404, "user_not_found", "User not found");
        return userJson(user);
      }
      if (id && method === "PUT") return adminUpdateUser(req, id);
      if (id && method === "DELETE") {
        const body = await readJson(req);
        const user = await users.delete(id, body.should_soft_delete === true).catch((error: pg.DatabaseError) => {
          throw new HttpError(500, "unexpected_failure", `Database error deleting user: ${error.message}`);
        });
        if (!user) throw new HttpError(404, "user_not_found", "User not found");
        return {}; // GoTrue's adminUserDelete answers an empty object
      }
    }
    throw new HttpError(404, "not_found", `${method} ${path} is not handled by the local auth service`);
  }

  return http.createServer((req, res) => {
    route(req, res).then(
      (body) => {
        if (res.headersSent) return;
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify(body));
      },
      (error: unknown) => {
        if (res.headersSent) return void res.end();
        const httpError =
          error instanceof HttpError
            ? error
            : new HttpError(500, "unexpected_failure", "Unexpected failure, please check server logs for more information");
        if (!(error instanceof HttpError)) console.error((error as Error).stack ?? String(error));
        const { headers, body } = errorResponse(httpError, apiVersionOf(req.headers["x-supabase-api-version"]));
        res.writeHead(httpError.status, headers);
        res.end(JSON.stringify(body));
      },
    );
  });
}
