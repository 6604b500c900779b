// Stack lifecycle through the CLI, on ports and a data directory of its own (never the stack under test):
// start, supervision, stop without leftovers, data across restarts, reset, and the one-line start-up failures.
import { cpSync, existsSync, readdirSync, writeFileSync } from "node:fs";
import net from "node:net";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cliHarness, descendants, isAlive, portFree, processesUsing, sleep, stopCli } from "./cliHarness";
import { DEMO_PASSWORD, supabaseDir } from "./env";

const { apiPort: API_PORT, dbPort: DB_PORT, scratch, runCli, startCli, query, client, cleanup } = await cliHarness("dj-lifecycle-");
afterAll(cleanup);

describe("stack lifecycle", () => {
  const dataDir = join(scratch, "db");
  // A one-second reuse interval makes the "reused too late" case quick to reach.
  const env = { SUPABASE_DATA_DIR: dataDir, SUPABASE_AUTH_REFRESH_TOKEN_REUSE_INTERVAL: "1" };

  it("starts, restarts a crashed child, rejects late refresh-token reuse, and stops leaving no process", async () => {
    const stack = await startCli(env);
    expect(stack.stdout()).toMatch(/applied migration \d+_\w+\.sql/);
    expect(stack.stdout()).toContain("applied seed");
    expect(stack.pids).toHaveLength(4); // postgres, PostgREST, auth, gateway
    expect(stack.pids.every(isAlive)).toBe(true);

    const supabase = client();
    const signIn = await supabase.auth.signInWithPassword({ email: "admin@dangjian.test", password: DEMO_PASSWORD });
    expect(signIn.error).toBeNull();
    expect((await supabase.from("org_units").select("id")).data?.length).toBeGreaterThan(0);
    await query("insert into public.org_units (code, name, kind, category) values ('LIFE1', '持久化检查', 'party_committee', 'college')");

    // Rotation as GoTrue does it: after the reuse interval the parent of the active token still gets the active
    // token back (a client that lost the answer to its refresh), but an older one is refused and revokes them all.
    const first = signIn.data.session!.refresh_token;
    const second = (await supabase.auth.refreshSession()).data.session!.refresh_token;
    const third = (await supabase.auth.refreshSession()).data.session!.refresh_token;
    await sleep(1500);
    expect((await client().auth.refreshSession({ refresh_token: second })).data.session?.refresh_token).toBe(third);
    expect((await client().auth.refreshSession({ refresh_token: first })).error).toMatchObject({
      status: 400,
      code: "refresh_token_already_used",
    });
    await sleep(1500);
    expect((await client().auth.refreshSession({ refresh_token: third })).error?.status).toBe(400);

    // Supervision: PostgREST killed behind the stack's back comes back.
    const [, postgrestPid] = stack.pids;
    process.kill(postgrestPid, "SIGKILL");
    let served = false;
    for (let attempt = 0; attempt < 100 && !served; attempt++) {
      await sleep(100);
      served = stack.stdout().includes("postgrest exited unexpectedly") && !(await supabase.from("org_units").select("id")).error;
    }
    expect(served).toBe(true);

    // A database bootstrapped before the role limits existed: the next start must add them (see the next test).
    await query("alter role anon reset all; alter role authenticated reset all; alter role authenticator reset all");

    const children = descendants(stack.child.pid!);
    expect(children.length).toBeGreaterThanOrEqual(3);
    expect(await stopCli(stack)).toBe(0);
    // tsx's esbuild helper (a descendant too) leaves on its own once its stdin closes: allow it a moment.
    const leftovers = async () => {
      for (let attempt = 0; attempt < 30 && [...stack.pids, ...children].some(isAlive); attempt++) await sleep(100);
      return [...stack.pids, ...children].filter(isAlive);
    };
    expect(stack.pids.filter(isAlive)).toEqual([]);
    expect(await leftovers()).toEqual([]);
    expect(processesUsing(dataDir)).toEqual([]);
    expect(await portFree(API_PORT)).toBe(true);
    expect(await portFree(DB_PORT)).toBe(true);
  });

  it("keeps data across a restart without re-applying migrations or seed", async () => {
    const stack = await startCli(env);
    expect(stack.stdout()).not.toContain("applied migration");
    expect(stack.stdout()).not.toContain("applied seed");
    expect(await query("select name from public.org_units where code = 'LIFE1'")).toEqual([{ name: "持久化检查" }]);
    const migrations = readdirSync(resolve(supabaseDir, "migrations")).filter((file) => file.endsWith(".sql"));
    const recorded = await query<{ version: string; name: string; statements: string[] }>(
      "select version, name, statements from supabase_migrations.schema_migrations order by version",
    );
    expect(recorded.map((row) => `${row.version}_${row.name}.sql`)).toEqual(migrations.sort());
    expect(recorded.every((row) => row.statements.length > 0)).toBe(true);
    const limits = await query<{ rolname: string; setconfig: string[] }>(
      `select r.rolname, s.setconfig from pg_db_role_setting s join pg_roles r on r.oid = s.setrole
        where r.rolname in ('anon', 'authenticated', 'authenticator') order by r.rolname`,
    );
    expect(limits).toEqual([
      { rolname: "anon", setconfig: ["statement_timeout=3s", "lock_timeout=3s"] },
      { rolname: "authenticated", setconfig: ["statement_timeout=8s", "lock_timeout=8s"] },
      { rolname: "authenticator", setconfig: ["statement_timeout=8s", "lock_timeout=8s"] },
    ]);
    expect(await stopCli(stack)).toBe(0);
    expect(stack.pids.filter(isAlive)).toEqual([]);
  });

  it("db:reset rebuilds from migrations and seed", async () => {
    const reset = runCli(["reset"], env);
    expect(await reset.exit).toBe(0);
    expect(processesUsing(dataDir)).toEqual([]);
    const stack = await startCli(env);
    expect(await query("select 1 from public.org_units where code = 'LIFE1'")).toEqual([]);
    expect(await query("select email from auth.users where email = 'committee@dangjian.test'")).toHaveLength(1);
    expect(await stopCli(stack)).toBe(0);
  });
});

describe("start-up failures: one line, exit code 1, nothing left running", () => {
  it("names the failing migration, the Postgres error and its line", async () => {
    const migrationsDir = join(scratch, "broken-migrations");
    cpSync(resolve(supabaseDir, "migrations"), migrationsDir, { recursive: true });
    writeFileSync(join(migrationsDir, "29990101000000_broken.sql"), "-- fails on purpose\n\nselect * from missing_table;\n");
    const dataDir = join(scratch, "broken-db");
    const run = runCli(["start"], { SUPABASE_DATA_DIR: dataDir, SUPABASE_MIGRATIONS_DIR: migrationsDir });
    expect(await run.exit).toBe(1);
    expect(run.stderr().trim().split("\n")).toEqual([
      'error: migration 29990101000000_broken.sql failed: relation "missing_table" does not exist (line 3)',
    ]);
    expect(processesUsing(dataDir)).toEqual([]);
    expect(await portFree(DB_PORT)).toBe(true);
    expect(await portFree(API_PORT)).toBe(true);
  });

  it("names a failing seed and its line, and applies the fixed seed on the next start", async () => {
    const seedFile = join(scratch, "seed.sql");
    writeFileSync(seedFile, "insert into public.org_units (code, name, kind, category)\n  values ('S1', '种子', 'no_such_kind', 'college');\n");
    const env = { SUPABASE_DATA_DIR: join(scratch, "seed-db"), SUPABASE_SEED_FILE: seedFile };
    const failed = runCli(["start"], env);
    expect(await failed.exit).toBe(1);
    expect(failed.stderr().trim()).toMatch(/^error: seed .*seed\.sql failed: invalid input value for enum .*"no_such_kind" \(line 2\)$/);
    expect(await portFree(DB_PORT)).toBe(true);

    writeFileSync(seedFile, "insert into public.org_units (code, name, kind, category) values ('S1', '种子', 'party_committee', 'college');\n");
    const stack = await startCli(env);
    expect(stack.stdout()).toContain("applied seed");
    expect(await query("select name from public.org_units where code = 'S1'")).toEqual([{ name: "种子" }]);
    expect(await stopCli(stack)).toBe(0);
  });

  it("reports a port already in use before starting anything", async () => {
    const blocker = net.createServer();
    await new Promise<void>((done) => blocker.listen(API_PORT, "127.0.0.1", done));
    try {
      const dataDir = join(scratch, "blocked-db");
      const run = runCli(["start"], { SUPABASE_DATA_DIR: dataDir });
      expect(await run.exit).toBe(1);
      expect(run.stderr().trim()).toBe(`error: port ${API_PORT} (API) is already in use on 127.0.0.1`);
      expect(existsSync(dataDir)).toBe(false);
      expect(await portFree(DB_PORT)).toBe(true);
    } finally {
      await new Promise((done) => blocker.close(done));
    }
  });
});
