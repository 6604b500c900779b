// Child-process plumbing for the stack: port checks, readiness polling, and a supervised child that is
// restarted when it dies unexpectedly and stopped by pid (SIGTERM, then SIGKILL) when the stack stops.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import net from "node:net";

/** A start-up failure worth exactly one line to the user; the CLI prints `error: <message>`. */
export class StackError extends Error {}

export async function assertPortFree(port: number, what: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const server = net.createServer();
    server.once("error", (error: NodeJS.ErrnoException) =>
      reject(
        error.code === "EADDRINUSE"
          ? new StackError(`port ${port} (${what}) is already in use on 127.0.0.1`)
          : new StackError(`cannot listen on port ${port} (${what}): ${error.message}`),
      ),
    );
    server.listen(port, "127.0.0.1", () => server.close(() => resolve()));
  });
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until `probe` resolves true; gives up when `stillRunning` turns false or time runs out. */
export async function waitUntil(
  what: string,
  probe: () => Promise<boolean>,
  { timeoutMs = 30_000, stillRunning = () => true }: { timeoutMs?: number; stillRunning?: () => boolean } = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (let delay = 25; ; delay = Math.min(delay * 2, 250)) {
    if (await probe().catch(() => false)) return;
    if (!stillRunning()) throw new StackError(`${what} exited during start-up`);
    if (Date.now() > deadline) throw new StackError(`${what} did not become ready within ${timeoutMs / 1000}s`);
    await sleep(delay);
  }
}

export async function httpOk(url: string): Promise<boolean> {
  const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
  await response.body?.cancel();
  return response.ok;
}

/** Sends `signal` (SIGTERM), waits, then SIGKILL; resolves once the pid is gone. */
export async function terminate(pid: number, graceMs: number = 5000, signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
  if (!isAlive(pid)) return;
  try {
    process.kill(pid, signal);
  } catch {
    return;
  }
  const deadline = Date.now() + graceMs;
  while (isAlive(pid) && Date.now() < deadline) await sleep(25);
  if (isAlive(pid)) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      return;
    }
    while (isAlive(pid)) await sleep(25);
  }
}

type SupervisedOptions = {
  name: string;
  command: string;
  args?: string[];
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Resolves true once the child serves requests. */
  ready: () => Promise<boolean>;
  log: (line: string) => void;
  ipc?: boolean;
  /** Run the child as this user (root starting postgres as the `postgres` user). */
  uid?: number;
  gid?: number;
  /** How to ask the child to stop (postgres: SIGINT, its fast shutdown; SIGTERM would wait for every client). */
  stopSignal?: NodeJS.Signals;
  /** How long `stop()` waits after stopSignal before SIGKILL; 5 s by default. */
  stopGraceMs?: number;
  /** Which lines a running child writes are worth showing (all by default). */
  echo?: (line: string) => boolean;
  /** Start-up may take this long (postgres replaying WAL after a crash); 30 s by default. */
  readyTimeoutMs?: number;
  /** Called once when the child crashed too often to be restarted: the stack cannot serve without it. */
  onGiveUp?: (message: string) => void;
};

/** More crashes than this within a minute and a child is given up. */
export const MAX_CRASHES_PER_MINUTE = 5;

/**
 * A child the stack keeps alive: if it exits while the stack runs, it is started again (with a growing
 * pause, giving up after repeated quick crashes). `stop()` ends it for good.
 */
export class Supervised {
  private child?: ChildProcess;
  private stopping = false;
  private crashes: number[] = [];
  private recentOutput: string[] = [];
  private readyChild?: ChildProcess;

  constructor(private readonly options: SupervisedOptions) {
    if (!existsSync(options.command)) throw new StackError(`${options.name} binary not found: ${options.command}`);
  }

  get pid(): number | undefined {
    return this.child?.exitCode === null && this.child.signalCode === null ? this.child.pid : undefined;
  }

  /** The last lines the current child wrote (a start-up failure's explanation). */
  get output(): readonly string[] {
    return this.recentOutput;
  }

  async start(): Promise<void> {
    const child = this.spawnChild();
    await waitUntil(this.options.name, this.options.ready, {
      timeoutMs: this.options.readyTimeoutMs,
      stillRunning: () => child.exitCode === null && child.signalCode === null && !this.stopping,
    }).catch(async (error) => {
      // A child that never became ready must not linger (a postgres stuck in recovery, say).
      if (child.pid) await terminate(child.pid, this.options.stopGraceMs, this.options.stopSignal);
      const lastOutput = this.recentOutput.at(-1);
      throw new StackError(`${error.message}${lastOutput ? `: ${lastOutput.trim()}` : ""}`);
    });
    this.readyChild = child;
  }

  /** From now on an exit is expected: no restart, no more output (the stack is going down). */
  markStopping(): void {
    this.stopping = true;
  }

  /** Ends the child for good; returns at once when it has already exited (its exit was seen). */
  async stop(): Promise<void> {
    this.stopping = true;
    const pid = this.pid;
    if (pid) await terminate(pid, this.options.stopGraceMs, this.options.stopSignal);
  }

  private spawnChild(): ChildProcess {
    const { command, args = [], env, cwd, ipc, uid, gid } = this.options;
    const child = spawn(command, args, {
      env: { ...process.env, ...env },
      cwd,
      uid,
      gid,
      stdio: ipc ? ["ignore", "pipe", "pipe", "ipc"] : ["ignore", "pipe", "pipe"],
      // Its own process group: a terminal's Ctrl-C reaches the stack only, which stops children in order.
      detached: true,
    });
    this.child = child;
    this.recentOutput = [];
    const onOutput = (chunk: Buffer) => {
      for (const line of chunk.toString("utf8").split("\n")) {
        if (!line.trim()) continue;
        this.recentOutput = [...this.recentOutput.slice(-20), line];
        // Start-up chatter stays quiet; what a running child says afterwards is worth seeing.
        if (this.readyChild === child && !this.stopping && (this.options.echo?.(line) ?? true)) this.options.log(`${this.options.name}: ${line}`);
      }
    };
    child.stdout?.on("data", onOutput);
    child.stderr?.on("data", onOutput);
    child.on("error", (error) => this.recentOutput.push(error.message));
    child.on("exit", (code, signal) => {
      // A child that never became ready fails start() instead; one replaced or being stopped is expected to go.
      if (this.stopping || this.child !== child || this.readyChild !== child) return;
      this.restartAfterCrash(code, signal);
    });
    return child;
  }

  private restartAfterCrash(code: number | null, signal: NodeJS.Signals | null) {
    this.restartAfter(signal ? `signal ${signal}` : `code ${code}`);
  }

  /** Counts a crash (an exit, or a restart that failed) and restarts after a growing pause, or gives up. */
  private restartAfter(how: string) {
    const now = Date.now();
    this.crashes = [...this.crashes.filter((at) => now - at < 60_000), now];
    if (this.crashes.length > MAX_CRASHES_PER_MINUTE) {
      if (this.stopping) return;
      this.stopping = true;
      const message = `${this.options.name} crashed ${this.crashes.length} times within a minute; giving up`;
      // Said once, loudly: the stack is of no use without this child, and whoever hosts it must stop.
      if (this.options.onGiveUp) this.options.onGiveUp(message);
      else this.options.log(`error: ${message}`);
      return;
    }
    const pause = 250 * 2 ** (this.crashes.length - 1);
    // Decide after the pause: an exit that is part of the whole stack stopping is not a crash.
    setTimeout(() => {
      if (this.stopping) return;
      this.options.log(`${this.options.name} exited unexpectedly (${how}); restarting`);
      this.start().catch((error) => {
        if (this.stopping) return;
        this.options.log(`${this.options.name} restart failed: ${error.message}`);
        this.restartAfter(`restart failed: ${error.message}`);
      });
    }, pause);
  }
}

/**
 * Calls `stop` once: on Ctrl-C, SIGTERM or SIGHUP, or when the process that launched this one dies without passing
 * a signal on, so that a stack does not linger as an orphan.
 */
export function onStopRequest(stop: (signal: NodeJS.Signals) => void): void {
  let requested = false;
  const request = (signal: NodeJS.Signals) => {
    if (requested) return;
    requested = true;
    stop(signal);
  };
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => request(signal));
  const parent = process.ppid;
  setInterval(() => process.ppid !== parent && request("SIGHUP"), 1000).unref();
}
