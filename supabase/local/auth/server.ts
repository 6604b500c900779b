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
};

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

// GoTrue's error body: auth-js reads `error_code` and `msg` (the OAuth fields are kept for older clients).
const errorBody = (error: HttpError) => ({ code: error.status, error_code: error.errorCode, msg: error.message, ...error.extra });
const invalidCredentials = () =>
  new HttpError(400, "invalid_credentials", "Invalid login credentials", {
    error: "invalid_grant",
    error_description: "Invalid login credentials",
  });

/** Slows down password guessing: after too many failures for one email within the window, answer 429. */
class FailureLimiter {
  private failures = new Map<string, number[]>();
  constructor(
    private readonly limit = 5,
    private readonly windowMs = 60_000,
  ) {}
  private recent(key: string) {
    const now = Date.now();
    const times = (this.failures.get(key) ?? []).filter((at) => now - at < this.windowMs);
    this.failures.set(key, times);
    return times;
  }
  blocked = (key: string) => this.recent(key).length >= this.limit;
  fail = (key: string) => this.recent(key).push(Date.now());
  succeed = (key: string) => this.failures.delete(key);
}

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
  try {
    const body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
    return body && typeof body === "object" ? body : {};
  } catch {
    throw new HttpError(400, "bad_json", "Could not parse request body as JSON");
  }
}

const asObject = (value: unknown) =>
  value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;

export function createAuthServer(config: AuthConfig, pool: pg.Pool): http.Server {
  const users = new UserStore(pool);
  const limiter = new FailureLimiter();

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

  function bearerClaims(req: http.IncomingMessage): Claims {
    const header = req.headers.authorization ?? "";
    const token = /^Bearer\s+(.+)$/i.exec(header)?.[1];
    if (!token) throw new HttpError(401, "no_authorization", "This endpoint requires a Bearer token");
    const claims = verifyJwt(token, config.jwtSecret);
    if (!claims) throw new HttpError(403, "bad_jwt", "invalid JWT: unable to parse or verify signature, token is expired");
    return claims;
  }

  /** The signed-in user behind the request's token, whose session must still exist. */
  async function currentUser(req: http.IncomingMessage): Promise<{ user: UserRow; claims: Claims }> {
    const claims = bearerClaims(req);
    if (!claims.sub) throw new HttpError(403, "bad_jwt", "invalid claim: missing sub claim");
    const sessionId = claims.session_id;
    if (typeof sessionId === "string" && !(await users.sessionExists(sessionId))) {
      throw new HttpError(403, "session_not_found", "Session from session_id claim in JWT does not exist");
    }
    const user = await users.byId(claims.sub);
    if (!user || user.deleted_at) throw new HttpError(403, "user_not_found", "User from sub claim in JWT does not exist");
    return { user, claims };
  }

  function requireAdmin(req: http.IncomingMessage) {
    const role = bearerClaims(req).role;
    if (role !== "service_role" && role !== "supabase_admin") throw new HttpError(403, "not_admin", "User not allowed");
  }

  function validPassword(password: unknown): string {
    if (typeof password !== "string" || password.length < 6) {
      throw new HttpError(422, "weak_password", "Password should be at least 6 characters.", {
        weak_password: { reasons: ["length"] },
      });
    }
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
    if (limiter.blocked(email)) throw new HttpError(429, "over_request_rate_limit", "Request rate limit reached");
    const user = await users.withPassword(email, password);
    if (!user) {
      limiter.fail(email);
      throw invalidCredentials();
    }
    limiter.succeed(email);
    if (isBanned(user)) throw new HttpError(400, "user_banned", "User is banned");
    const { sessionId, refreshToken } = await users.startSession(user.id, req.headers["user-agent"], req.socket.remoteAddress);
    return session((await users.byId(user.id))!, sessionId, refreshToken);
  }

  /**
   * Rotation as GoTrue does it: each refresh revokes the presented token and issues its child. A revoked
   * token presented again within the reuse interval gets the session's active token back; later, it is
   * taken as stolen and the whole session ends.
   */
  async function refreshGrant(req: http.IncomingMessage) {
    const body = await readJson(req);
    const presented = typeof body.refresh_token === "string" ? body.refresh_token : "";
    if (!presented) throw new HttpError(400, "validation_failed", "Refresh Token is required");
    const notFound = () => new HttpError(400, "refresh_token_not_found", "Invalid Refresh Token: Refresh Token Not Found");

    return users.transaction(async (client) => {
      const { rows } = await client.query<RefreshTokenRow>(
        "select * from auth.refresh_tokens where token = $1 for update",
        [presented],
      );
      const token = rows[0];
      if (!token?.session_id) throw notFound();
      const user = await users.byId(token.user_id, client);
      if (!user || user.deleted_at) throw notFound();
      if (isBanned(user)) throw new HttpError(400, "user_banned", "Invalid Refresh Token: User Banned");

      let next: string;
      if (!token.revoked) {
        next = token.token;
        if (config.refreshTokenRotation) {
          await client.query("update auth.refresh_tokens set revoked = true, updated_at = now() where id = $1", [token.id]);
          next = await users.issueRefreshToken(client, user.id, token.session_id, token.token);
        }
      } else {
        const revokedForMs = Date.now() - token.updated_at.getTime();
        const active = await client.query<RefreshTokenRow>(
          "select * from auth.refresh_tokens where session_id = $1 and not revoked order by id desc limit 1",
          [token.session_id],
        );
        if (revokedForMs > config.refreshTokenReuseInterval * 1000 || !active.rows[0]) {
          await client.query("delete from auth.sessions where id = $1", [token.session_id]);
          // The rejection must outlive the rollback the thrown error causes: commit the revocation first.
          await client.query("commit");
          await client.query("begin");
          throw new HttpError(400, "refresh_token_already_used", "Invalid Refresh Token: Already Used");
        }
        next = active.rows[0].token;
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
      return {
        external: { email: true, phone: false, anonymous_users: false },
        disable_signup: !config.enableSignup,
        mailer_autoconfirm: true,
        phone_autoconfirm: false,
        sms_provider: "",
        saml_enabled: false,
      };
    }
    if (method === "POST" && path === "/signup") {
      if (!config.enableSignup) throw new HttpError(422, "signup_disabled", "Signups not allowed for this instance");
      throw new HttpError(501, "not_implemented", "Sign-up is not available on the local stack");
    }
    if (method === "POST" && path === "/token") {
      const grant = url.searchParams.get("grant_type");
      if (grant === "password") return passwordGrant(req);
      if (grant === "refresh_token") return refreshGrant(req);
      throw new HttpError(400, "validation_failed", "unsupported_grant_type");
    }
    if (path === "/user" && method === "GET") return userJson((await currentUser(req)).user);
    if (path === "/user" && method === "PUT") {
      const { user } = await currentUser(req);
      const body = await readJson(req);
      if (typeof body.email === "string" && body.email.toLowerCase() !== user.email) {
        throw new HttpError(422, "email_change_not_supported", "Email changes are made by an administrator");
      }
      let password: string | undefined;
      if (body.password !== undefined) {
        password = validPassword(body.password);
        if (await users.passwordMatches(user.id, password)) {
          throw new HttpError(422, "same_password", "New password should be different from the old password.");
        }
      }
      return userJson((await users.update(user.id, { password, userMetadata: asObject(body.data) }))!);
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
        return userJson(user);
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
          error instanceof HttpError ? error : new HttpError(500, "unexpected_failure", (error as Error).message ?? String(error));
        if (!(error instanceof HttpError)) console.error((error as Error).stack ?? String(error));
        res.writeHead(httpError.status, { "content-type": "application/json" });
        res.end(JSON.stringify(errorBody(httpError)));
      },
    );
  });
}
