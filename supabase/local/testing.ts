// What tests share: clients signed in as the demo accounts, and direct SQL for independent checks.
// The stack under test is the one at SUPABASE_API_PORT / SUPABASE_DB_PORT (npm test starts one).
import { createClient, type SupabaseClient } from "@supabase/supabase-js";
import pg from "pg";
import ws from "ws";
import { ANON_KEY, API_URL, DB_URL, DEMO_PASSWORD, SERVICE_ROLE_KEY } from "./env";

const clientOptions = {
  auth: { persistSession: false, autoRefreshToken: false },
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
