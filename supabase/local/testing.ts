// What tests share: clients signed in as the demo accounts, and direct SQL for independent checks.
// The stack under test is the one at SUPABASE_API_PORT / SUPABASE_DB_PORT (npm test starts one).
import { createClient, type SupabaseClient } from "@supabase/supabase-js";
import { randomInt } from "node:crypto";
import http from "node:http";
import pg from "pg";
import ws from "ws";
import { ANON_KEY, API_URL, DB_URL, DEMO_PASSWORD, SERVICE_ROLE_KEY } from "./env";

/**
 * Each test file talks to the stack from an address of its own on the loopback network (127.0.0.0/8), as people
 * on separate machines would: the auth service limits sign-ins per client address (150 per 5 minutes), and the
 * whole suite from one address could spend that (a second run right after the first failed with 429).
 */
const ownAddress = `127.${1 + randomInt(250)}.${randomInt(250)}.${2 + randomInt(250)}`;
const agent = new http.Agent({ keepAlive: true });

/** fetch, from this file's address: what supabase-js sends (a string body or none), over node:http. */
export const apiFetch: typeof fetch = (input, init = {}) =>
  new Promise((resolve, reject) => {
    if (init.body !== undefined && init.body !== null && typeof init.body !== "string") throw new TypeError("apiFetch sends string bodies only");
    const url = input instanceof Request ? input.url : String(input);
    const headers: Record<string, string> = {};
    new Headers(init.headers ?? (input instanceof Request ? input.headers : undefined)).forEach((value, name) => (headers[name] = value));
    // node:http frames a DELETE's body only with a length (it sends GET/DELETE bodies unchunked)
    if (typeof init.body === "string") headers["content-length"] = String(Buffer.byteLength(init.body));
    const request = http.request(url, { method: init.method ?? "GET", headers, agent, localAddress: ownAddress, signal: init.signal ?? undefined }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("error", reject);
      response.on("end", () => {
        const status = response.statusCode ?? 0;
        const empty = [101, 204, 205, 304].includes(status) || init.method === "HEAD";
        const responseHeaders = new Headers();
        for (const [name, value] of Object.entries(response.headers)) for (const one of [value ?? []].flat()) responseHeaders.append(name, one);
        resolve(new Response(empty ? null : Buffer.concat(chunks), { status, statusText: response.statusMessage, headers: responseHeaders }));
      });
    });
    request.on("error", reject);
    request.end(init.body ?? undefined);
  });

const clientOptions = {
  auth: { persistSession: false, autoRefreshToken: false },
  global: { fetch: apiFetch },
  realtime: { transport: ws as never },
};

export const anonClient = (): SupabaseClient => createClient(API_URL, ANON_KEY, clientOptions);
export const serviceClient = (): SupabaseClient => createClient(API_URL, SERVICE_ROLE_KEY, clientOptions);

export async function signedInClient(email: string, password = DEMO_PASSWORD): Promise<SupabaseClient> {
  const client = anonClient();
  const { error } = await client.auth.signInWithPassword({ email, password });
  if (error) throw new Error(`sign-in as ${email} failed: ${error.message}`);
  return client;
}

/** One query as the postgres superuser, outside RLS: the independent side of a check. */
export async function sql<Row = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<Row[]> {
  const client = new pg.Client({ connectionString: DB_URL });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as Row[];
  } finally {
    await client.end();
  }
}
