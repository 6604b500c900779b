// Stack lifecycle through the CLI, on ports and a data directory of its own (never the stack under test):
// start, supervision, stop without leftovers, data across restarts, reset, and the one-line start-up failures.
import { spawn, type ChildProcess } from "node:child_process";
import { chmodSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createClient } from "@supabase/supabase-js";
import pg from "pg";
import ws from "ws";
import { afterAll, describe, expect, it } from "vitest";
import { ANON_KEY, DEMO_PASSWORD, projectRoot, supabaseDir } from "./env";

const API_PORT = 56321;
const DB_PORT = 56322;
const apiUrl = `http://127.0.0.1:${API_PORT}`;
const cli = resolve(supabaseDir, "local/cli.ts");
const scratch = mkdtempSync(join(tmpdir(), "dj-lifecycle-"));
chmodSync(scratch, 0o755); // postgres runs as its own user and must reach the data directories inside
const running = new Set<ChildProcess>();

afterAll(async () => {
  for (const child of running) child.kill("SIGTERM");
  await Promise.all([...running].map((child) => new Promise((done) => child.once("exit", done))));
  rmSync(scratch, { recursive: true, force: true });
});

type CliRun = { child: ChildProcess; stdout: () => string; stderr: () => string; exit: Promise<number | null> };

function runCli(args: string[], env: Record<string, string>): CliRun {
  const child = spawn(process.execPath, ["--import", "tsx", cli, ...args], {
    cwd: projectRoot,
    env: { ...process.env, SUPABASE_API_PORT: String(API_PORT), SUPABASE_DB_PORT: String(DB_PORT), ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.add(child);
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (chunk) => (stdout += chunk));
  child.stderr!.on("data", (chunk) => (stderr += chunk));
  const exit = new Promise<number | null>((done) =>
    child.once("exit", (code) => {
      running.delete(child);
      done(code);
    }),
  );
  return { child, stdout: () => stdout, stderr: () => stderr, exit };
}

/** Starts `cli.ts start` and resolves once it reports ready, with the pids it printed. */
async function startCli(env: Record<string, string>) {
  const run = runCli(["start"], env);
  const outcome = await Promise.race([
    run.exit.then((code) => ({ exited: code })),
    (async () => {
      while (!run.stdout().includes("Local Supabase is running")) await sleep(50);
      return { exited: undefined };
    })(),
  ]);
  if (outcome.exited !== undefined) throw new Error(`stack exited (${outcome.exited}): ${run.stderr()}`);
  while (!/pids: .*\n/.test(run.stdout())) await sleep(20);
  const pids = /pids:\s+([\d ]+)\n/.exec(run.stdout())![1].trim().split(/\s+/).map(Number);
  return { ...run, pids };
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

function isAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Every live descendant of a process, read from /proc (postgres backends included). */
function descendants(root: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      // exited while reading
    }
  }
  const found: number[] = [];
  const visit = (pid: number) => {
    for (const [child, parent] of parents) if (parent === pid) (found.push(child), visit(child));
  };
  visit(root);
  return found;
}

/** Processes whose command line names the data directory: a postgres left behind would. */
function processesUsing(dataDir: string): number[] {
  return readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .filter((entry) => {
      try {
        return readFileSync(`/proc/${entry}/cmdline`, "utf8").includes(dataDir);
      } catch {
        return false;
      }
    })
    .map(Number);
}

async function portFree(port: number): Promise<boolean> {
  return new Promise((done) => {
    const server = net.createServer();
    server.once("error", () => done(false));
    server.listen(port, "127.0.0.1", () => server.close(() => done(true)));
  });
}

async function query<Row>(text: string, params: unknown[] = []): Promise<Row[]> {
  const client = new pg.Client({ host: "127.0.0.1", port: DB_PORT, user: "postgres", password: "postgres", database: "postgres" });
  await client.connect();
  try {
    return (await client.query(text, params)).rows;
  } finally {
    await client.end();
  }
}

const client = () =>
  createClient(apiUrl, ANON_KEY, { auth: { persistSession: false, autoRefreshToken: false }, realtime: { transport: ws as never } });

async function stopCli(run: CliRun) {
  run.child.kill("SIGTERM");
  return run.exit;
}

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
