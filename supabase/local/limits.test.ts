// No request can hold the machine: the API roles have Supabase's statement timeouts (anon 3 s, authenticated 8 s)
// and a lock timeout, and PostgREST really applies them to the role each request runs as. A throwaway function
// that sleeps 20 s is cancelled by the timeout (SQLSTATE 57014), and no backend is left running it.
import type { SupabaseClient } from "@supabase/supabase-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anonClient, signedInClient, sql } from "./testing";

const sleepFn = "zz_limits_test_sleep";
const settingsFn = "zz_limits_test_settings";

async function reloadSchema(client: SupabaseClient, present: boolean) {
  await sql("notify pgrst, 'reload schema'");
  for (let attempt = 0; attempt < 100; attempt++) {
    const { error } = await client.rpc(settingsFn);
    if (present ? !error : error?.code === "PGRST202") return;
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error("PostgREST did not reload its schema cache");
}

beforeAll(async () => {
  await sql(`
    create function public.${sleepFn}() returns integer language sql volatile as $$ select pg_sleep(20); select 1 $$;
    create function public.${settingsFn}() returns jsonb language sql stable as $$
      select jsonb_build_object('role', current_user, 'statement_timeout', current_setting('statement_timeout'),
                                'lock_timeout', current_setting('lock_timeout'))
    $$;
    grant execute on function public.${sleepFn}(), public.${settingsFn}() to anon, authenticated;
  `);
  await reloadSchema(anonClient(), true);
});

afterAll(async () => {
  await sql(`drop function if exists public.${sleepFn}(); drop function if exists public.${settingsFn}();`);
  await reloadSchema(anonClient(), false).catch(() => undefined);
});

describe("API role limits", () => {
  it("are set on the roles", async () => {
    const rows = await sql<{ rolname: string; setconfig: string[] }>(
      `select r.rolname, s.setconfig from pg_db_role_setting s join pg_roles r on r.oid = s.setrole
        where r.rolname in ('anon', 'authenticated', 'authenticator') order by r.rolname`,
    );
    expect(rows).toEqual([
      { rolname: "anon", setconfig: ["statement_timeout=3s", "lock_timeout=3s"] },
      { rolname: "authenticated", setconfig: ["statement_timeout=8s", "lock_timeout=8s"] },
      { rolname: "authenticator", setconfig: ["statement_timeout=8s", "lock_timeout=8s"] },
    ]);
    const [{ temp_file_limit }] = await sql<{ temp_file_limit: string }>("show temp_file_limit");
    expect(temp_file_limit).toBe("2GB");
  });

  it("are what a request runs with, per role", async () => {
    expect((await anonClient().rpc(settingsFn)).data).toEqual({ role: "anon", statement_timeout: "3s", lock_timeout: "3s" });
    const admin = await signedInClient("admin@dangjian.test");
    expect((await admin.rpc(settingsFn)).data).toEqual({ role: "authenticated", statement_timeout: "8s", lock_timeout: "8s" });
  });

  it.each([
    ["anon", () => Promise.resolve(anonClient())],
    ["authenticated", () => signedInClient("admin@dangjian.test")],
  ])("cancel a 20 s query of %s with SQLSTATE 57014, leaving no backend running it", async (_role, makeClient) => {
    const client = await makeClient();
    const started = Date.now();
    const { data, error } = await client.rpc(sleepFn);
    const elapsed = Date.now() - started;
    expect(data).toBeNull();
    expect(error).toMatchObject({ code: "57014", message: "canceling statement due to statement timeout" });
    expect(elapsed).toBeLessThan(15_000); // the point of the limit, not a performance figure: 20 s would be no limit
    const running = await sql(
      `select pid from pg_stat_activity where state = 'active' and query like $1 and pid <> pg_backend_pid()`,
      [`%${sleepFn}%`],
    );
    expect(running).toEqual([]);
  });
});
