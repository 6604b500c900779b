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
