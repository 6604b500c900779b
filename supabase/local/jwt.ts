// HS256 JSON Web Tokens with node:crypto: all the auth service and the gateway need.
import { createHmac, timingSafeEqual } from "node:crypto";

export type Claims = Record<string, unknown> & { exp?: number; role?: string; sub?: string };

const base64url = (data: string | Buffer) => Buffer.from(data).toString("base64url");

export function signJwt(claims: Claims, secret: string): string {
  const header = base64url(JSON.stringify({ alg: "HS256", typ: "JWT" }));
  const payload = base64url(JSON.stringify(claims));
  const signature = createHmac("sha256", secret).update(`${header}.${payload}`).digest("base64url");
  return `${header}.${payload}.${signature}`;
}

/** The claims of a token signed with `secret` and not expired; undefined for anything else. */
export function verifyJwt(token: string, secret: string): Claims | undefined {
  const parts = token.split(".");
  if (parts.length !== 3) return undefined;
  const [header, payload, signature] = parts;
  try {
    if (JSON.parse(Buffer.from(header, "base64url").toString("utf8")).alg !== "HS256") return undefined;
    const expected = createHmac("sha256", secret).update(`${header}.${payload}`).digest();
    const given = Buffer.from(signature, "base64url");
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Claims;
    if (typeof claims.exp === "number" && claims.exp < Date.now() / 1000) return undefined;
    return claims;
  } catch {
    return undefined;
  }
}
