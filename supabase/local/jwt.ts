// HS256 JSON Web Tokens with node:crypto: all the auth service and the gateway need.
import { createHmac, timingSafeEqual } from "node:crypto";

export type Claims = Record<string, unknown> & { exp?: number; nbf?: number; aud?: string | string[]; role?: string; sub?: string };

const base64url = (data: string | Buffer) => Buffer.from(data).toString("base64url");

export function signJwt(claims: Claims, secret: string): string {
  const header = base64url(JSON.stringify({ alg: "HS256", typ: "JWT" }));
  const payload = base64url(JSON.stringify(claims));
  const signature = createHmac("sha256", secret).update(`${header}.${payload}`).digest("base64url");
  return `${header}.${payload}.${signature}`;
}

export type VerifyOptions = {
  /** When given, the token's `aud` (a string or a list) must name it, as GoTrue requires for user tokens. */
  audience?: string;
  /** Seconds since the epoch; tests pass it to check the time rules. */
  now?: number;
};

/**
 * The claims of a token signed with `secret` that is valid now; undefined for anything else. A token must
 * say when it expires (`exp`): one that does not would be good forever. `nbf` (not before) is honoured.
 */
export function verifyJwt(token: string, secret: string, options: VerifyOptions = {}): Claims | undefined {
  const parts = token.split(".");
  if (parts.length !== 3) return undefined;
  const [header, payload, signature] = parts;
  try {
    if (JSON.parse(Buffer.from(header, "base64url").toString("utf8")).alg !== "HS256") return undefined;
    const expected = createHmac("sha256", secret).update(`${header}.${payload}`).digest();
    const given = Buffer.from(signature, "base64url");
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Claims;
    if (!claims || typeof claims !== "object" || Array.isArray(claims)) return undefined;
    const now = options.now ?? Date.now() / 1000;
    if (typeof claims.exp !== "number" || claims.exp <= now) return undefined;
    if (claims.nbf !== undefined && (typeof claims.nbf !== "number" || claims.nbf > now)) return undefined;
    if (options.audience !== undefined) {
      const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
      if (!audiences.includes(options.audience)) return undefined;
    }
    return claims;
  } catch {
    return undefined;
  }
}
