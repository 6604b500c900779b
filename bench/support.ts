// Shared plumbing for the benchmarks that run the whole product: a copy of the project to build and serve
// (so the benchmark never rebuilds the user's dist/ with its own API URL), `npm start` on the benchmark's own
// ports, the process tree it leaves behind, headless Chromium, and tables.
import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { chromium, type Browser, type Page } from "@playwright/test";

export const projectRoot = resolve(import.meta.dirname, "..");

/** The benchmark's own ports: never those of `npm start` (54321/54322/4173) or `npm test` (54421/54422/4421). */
export const BENCH_API_PORT = 55121;
export const BENCH_DB_PORT = 55122;
export const BENCH_APP_PORT = 5121;
export const BENCH_API_URL = `http://127.0.0.1:${BENCH_API_PORT}`;
export const BENCH_DB_URL = `postgresql://postgres:postgres@127.0.0.1:${BENCH_DB_PORT}/postgres`;
export const BENCH_APP_URL = `http://127.0.0.1:${BENCH_APP_PORT}`;

/** Everything the benchmarks write: the project copy and their databases (postgres must traverse every parent). */
export const benchDir = "/tmp/dangjian-bench";

export const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
export const seconds = (ms: number) => (ms / 1000).toFixed(1);

/** Prints rows of (what, value, unit) as an aligned table under a title. */
export function printTable(title: string, rows: [what: string, value: string | number, unit: string][]) {
  const widths = [0, 1, 2].map((column) => Math.max(...rows.map((row) => String(row[column]).length), ["what", "value", "unit"][column].length));
  const line = (cells: (string | number)[]) =>
    `  ${String(cells[0]).padEnd(widths[0])}  ${String(cells[1]).padStart(widths[1])}  ${String(cells[2]).padEnd(widths[2])}`.trimEnd();
  console.log(`\n${title}`);
  console.log(line(["what", "value", "unit"]));
  console.log(`  ${"-".repeat(widths[0])}  ${"-".repeat(widths[1])}  ${"-".repeat(widths[2])}`);
  for (const row of rows) console.log(line(row));
}

// ─── The project copy ───

/**
 * What a fresh checkout holds, minus installed and generated things (node_modules is linked, not copied) and a
 * personal .env.local (its keys would be another project's, not the local stack's demo values in .env).
 */
const NOT_COPIED = new Set(["node_modules", "dist", ".git", "test-results", "playwright-report", ".temp", ".auth", ".env.local"]);

/**
 * Refreshes the copy of the project under `benchDir`/app and returns its path. Timestamps are kept, so the copy's
 * dist/ counts as up to date exactly when it was built from the current sources; `withoutBuild` removes it.
 */
export function projectCopy({ withoutBuild = false } = {}): string {
  const root = join(benchDir, "app");
  mkdirSync(root, { recursive: true });
  for (const entry of readdirSync(root)) {
    if (entry === "node_modules" || (entry === "dist" && !withoutBuild)) continue;
    rmSync(join(root, entry), { recursive: true, force: true });
  }
  for (const entry of readdirSync(projectRoot)) {
    if (NOT_COPIED.has(entry)) continue;
    cpSync(join(projectRoot, entry), join(root, entry), {
      recursive: true,
      preserveTimestamps: true,
      filter: (source) => !NOT_COPIED.has(basename(source)),
    });
  }
  if (!existsSync(join(root, "node_modules"))) symlinkSync(join(projectRoot, "node_modules"), join(root, "node_modules"));
  return root;
}

// ─── Processes ───

type ProcessId = { pid: number; startTime: string; command?: string };

const commandLine = (pid: number) => {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ").trim().slice(0, 120);
  } catch {
    return undefined;
  }
};

function processStat(pid: number): { ppid: number; startTime: string } | undefined {
  try {
    // Fields after the parenthesised command name: state, ppid, …; starttime is field 22 overall.
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ").at(-1)!.split(" ");
    return { ppid: Number(fields[1]), startTime: fields[19] };
  } catch {
    return undefined;
  }
}

/** The process and all its descendants now, each with its start time so a reused pid is not mistaken for it. */
export function processTree(rootPid: number): ProcessId[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    const stat = processStat(pid);
    if (stat) children.set(stat.ppid, [...(children.get(stat.ppid) ?? []), pid]);
  }
  const tree: ProcessId[] = [];
  for (const queue = [rootPid]; queue.length; ) {
    const pid = queue.shift()!;
    const stat = processStat(pid);
    if (stat) tree.push({ pid, startTime: stat.startTime, command: commandLine(pid) });
    queue.push(...(children.get(pid) ?? []));
  }
  return tree;
}

const stillRunning = (process: ProcessId) => processStat(process.pid)?.startTime === process.startTime;

function postmaster(dataDir: string): ProcessId | undefined {
  const file = join(dataDir, "postmaster.pid");
  if (!existsSync(file)) return undefined;
  const pid = Number(readFileSync(file, "utf8").split("\n")[0]);
  const stat = processStat(pid);
  return stat && { pid, startTime: stat.startTime, command: commandLine(pid) };
}

/** How long a process may outlive `npm start`'s exit before it counts as left behind. */
const LINGER_MS = 5000;

export type RunningProduct = {
  /** Milliseconds from spawn to the "Press Ctrl-C" line. */
  readyMs: number;
  /** Milliseconds from spawn to the first output line matching `pattern`, if any. */
  markMs(pattern: RegExp): number | undefined;
  /** Ctrl-C, then: how long it took to exit, and which of the processes it ran are still there (pid and command). */
  stop(): Promise<{ stopMs: number; processes: number; leftovers: string[] }>;
};

/**
 * `npm start` (as its script runs it: `node --import tsx scripts/start.ts`) in `root` on the benchmark's ports and
 * data directory, resolved once it prints "Press Ctrl-C".
 */
export async function startProduct({ root, dataDir, timeoutMs = 300_000 }: { root: string; dataDir: string; timeoutMs?: number }): Promise<RunningProduct> {
  const started = performance.now();
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    cwd: root,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      SUPABASE_API_PORT: String(BENCH_API_PORT),
      SUPABASE_DB_PORT: String(BENCH_DB_PORT),
      SUPABASE_DATA_DIR: dataDir,
      APP_PORT: String(BENCH_APP_PORT),
      // The build inside the copy talks to this stack (a real environment variable outranks .env).
      VITE_SUPABASE_URL: BENCH_API_URL,
    },
  });
  const lines: { at: number; text: string }[] = [];
  const collect = (chunk: Buffer) => {
    const at = performance.now() - started;
    for (const text of chunk.toString().split("\n")) if (text.trim()) lines.push({ at, text });
  };
  child.stdout!.on("data", collect);
  child.stderr!.on("data", collect);
  const exited = new Promise<number | null>((done) => child.once("exit", (code) => done(code)));
  let hasExited = false;
  void exited.then(() => (hasExited = true));

  const seen = new Map<string, ProcessId>();
  const remember = () => {
    for (const process of [...processTree(child.pid!), postmaster(dataDir)]) if (process) seen.set(`${process.pid}/${process.startTime}`, process);
  };

  const deadline = Date.now() + timeoutMs;
  while (!lines.some((line) => line.text.includes("Press Ctrl-C"))) {
    if (hasExited || Date.now() > deadline) {
      if (!hasExited) child.kill("SIGINT");
      await exited;
      const tail = lines.slice(-8).map((line) => `    ${line.text}`).join("\n");
      throw new Error(`npm start in ${root} ${hasExited ? "exited" : "did not get ready"} before "Press Ctrl-C":\n${tail}`);
    }
    remember();
    await sleep(50);
  }
  const readyMs = lines.find((line) => line.text.includes("Press Ctrl-C"))!.at;
  remember();

  return {
    readyMs,
    markMs: (pattern) => lines.find((line) => pattern.test(line.text))?.at,
    async stop() {
      remember();
      const stopping = performance.now();
      child.kill("SIGINT");
      let timer: NodeJS.Timeout | undefined;
      const gracefully = await Promise.race([exited.then(() => true), new Promise<false>((done) => (timer = setTimeout(done, 60_000, false)))]);
      clearTimeout(timer);
      const stopMs = performance.now() - stopping;
      if (!gracefully) child.kill("SIGKILL");
      // Helpers such as esbuild's service process end on their own once their parent's pipe closes: give them a moment.
      let leftovers = [...seen.values()].filter(stillRunning);
      for (let waited = 0; leftovers.length && waited < LINGER_MS; waited += 100) {
        await sleep(100);
        leftovers = leftovers.filter(stillRunning);
      }
      // Whatever is left was started here: end it by pid so the next run finds its ports free.
      for (const { pid } of leftovers) {
        try {
          process.kill(pid, "SIGKILL");
        } catch {
          // gone meanwhile
        }
      }
      return { stopMs, processes: seen.size, leftovers: leftovers.map(({ pid, command }) => `${pid} ${command}`) };
    },
  };
}

/** Runs a TypeScript script of the project to completion (`node --import tsx`); rejects with its output if it fails. */
export async function runNodeScript(root: string, args: string[], env: Record<string, string>): Promise<string> {
  const child = spawn(process.execPath, ["--import", "tsx", ...args], { cwd: root, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, ...env } });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk));
  const code = await new Promise<number | null>((done) => child.once("exit", done));
  if (code !== 0) throw new Error(`${args.join(" ")} failed (exit ${code}):\n${output}`);
  return output;
}

// ─── Browser ───

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
  });
}

/** One script the page loaded: file name, size as served and gzipped (node:zlib, default level), when it arrived. */
export type ScriptLoad = { name: string; bytes: number; gzipBytes: number; at: number };

/** Records every JavaScript file the page loads from now on; `loaded()` lists them with their gzip sizes. */
export function recordScripts(page: Page): { loaded(): Promise<ScriptLoad[]> } {
  const pending: Promise<ScriptLoad | undefined>[] = [];
  page.on("response", (response) => {
    const at = performance.now();
    const url = new URL(response.url());
    if (!url.pathname.endsWith(".js") && !/javascript/.test(response.headers()["content-type"] ?? "")) return;
    pending.push(
      response.body().then(
        (body) => ({ name: url.pathname.split("/").at(-1)!, bytes: body.length, gzipBytes: gzipSync(body).length, at }),
        () => undefined,
      ),
    );
  });
  return { loaded: async () => (await Promise.all(pending)).filter((load): load is ScriptLoad => load !== undefined) };
}

export const kilobytes = (bytes: number) => (bytes / 1024).toFixed(1);
export const gzipKilobytes = (scripts: ScriptLoad[]) => kilobytes(scripts.reduce((sum, script) => sum + script.gzipBytes, 0));

/** Scripts as table rows, largest first. */
export const scriptRows = (scripts: ScriptLoad[]): [string, string, string][] =>
  [...scripts].sort((a, b) => b.gzipBytes - a.gzipBytes).map((script) => [script.name, kilobytes(script.gzipBytes), "KB gzip"]);
