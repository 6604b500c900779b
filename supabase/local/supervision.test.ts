// Durability and supervision, on a stack of its own: each child (PostgREST, auth, gateway, a postgres backend,
// the postmaster) is killed with SIGKILL under a running write load; the API serves again within 10 s, every
// write that was acknowledged is in the table afterwards, and Ctrl-C still stops everything. A child that keeps
// crashing is given up in one clear line, and the stack exits non-zero instead of serving half a stack.
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  childKinds,
  childPid,
  cliHarness,
  createProbeTable,
  isAlive,
  killAndTimeRecovery,
  portFree,
  PROBE_TABLE,
  processesUsing,
  sleep,
  writeLoad,
  type StartedCli,
} from "./cliHarness";
import { DEMO_PASSWORD } from "./env";

const harness = await cliHarness("dj-supervision-");
const { apiUrl, apiPort, dbPort, scratch, startCli, query, client } = harness;
const env = { SUPABASE_DATA_DIR: join(scratch, "db") };
afterAll(harness.cleanup);

describe("a crashed child under write load", () => {
  let stack: StartedCli;
  let load: ReturnType<typeof writeLoad>;

  beforeAll(async () => {
    stack = await startCli(env);
    await createProbeTable(query, apiUrl);
    load = writeLoad(apiUrl);
    while (load.acknowledged.length < 20) await sleep(50);
  });

  afterAll(async () => {
    await load?.stop();
    if (stack?.child.exitCode === null) (stack.child.kill("SIGINT"), await stack.exit);
  });

  it.each(childKinds)("%s killed: restarted, serving again within 10 s", async (kind) => {
    const before = load.acknowledged.length;
    const { killed, recoveredMs } = await killAndTimeRecovery(stack.child.pid!, kind, load, apiUrl, 10_000);
    expect(recoveredMs, `${kind} was not serving again within 10 s`).toBeDefined();
    for (let attempt = 0; attempt < 50 && isAlive(killed); attempt++) await sleep(20); // reaped by its parent
    expect(isAlive(killed)).toBe(false);
    expect(load.acknowledged.length).toBeGreaterThan(before);
    expect(await query("select 1 as up")).toEqual([{ up: 1 }]);
    if (kind !== "backend") {
      const replacement = childPid(stack.child.pid!, kind);
      expect(replacement).toBeDefined();
      expect(replacement).not.toBe(killed);
    }
    expect(stack.stdout()).toMatch(kind === "backend" ? /postgres|API ready/ : new RegExp(`${kind === "postmaster" ? "postgres" : kind} exited unexpectedly`));
  });

  it("kept every acknowledged write, signs in again, and stops on Ctrl-C leaving nothing", async () => {
    await load.stop();
    const acknowledged = [...load.acknowledged];
    expect(acknowledged.length).toBeGreaterThan(50);
    const [{ present }] = await query<{ present: number }>(`select count(*)::int as present from public.${PROBE_TABLE} where id = any($1)`, [
      acknowledged,
    ]);
    expect(present).toBe(acknowledged.length);

    // The auth service's database pool survived the postmaster's restart.
    const signIn = await client().auth.signInWithPassword({ email: "admin@dangjian.test", password: DEMO_PASSWORD });
    expect(signIn.error).toBeNull();

    // Stopping after a postmaster restart must not wait for the exit of the postgres that was killed.
    stack.child.kill("SIGINT");
    expect(await stack.exit).toBe(0);
    for (let attempt = 0; attempt < 30 && processesUsing(env.SUPABASE_DATA_DIR).length; attempt++) await sleep(100);
    expect(processesUsing(env.SUPABASE_DATA_DIR)).toEqual([]);
    expect(await portFree(apiPort)).toBe(true);
    expect(await portFree(dbPort)).toBe(true);
  });
});

describe("a child that keeps crashing", () => {
  it("is given up in one clear line, and the stack stops and exits non-zero", async () => {
    const stack = await startCli(env);
    const killed = new Set<number>();
    // Kill PostgREST each time it comes back until the stack gives up (6 crashes within a minute).
    while (stack.child.exitCode === null && killed.size < 20) {
      const pid = childPid(stack.child.pid!, "postgrest");
      if (pid && !killed.has(pid)) {
        killed.add(pid);
        process.kill(pid, "SIGKILL");
      }
      await sleep(20);
    }
    expect(await stack.exit).toBe(1);
    expect(killed.size).toBe(6);
    expect(stack.stderr().trim().split("\n")).toEqual([
      "error: postgrest crashed 6 times within a minute; giving up; the stack is stopped",
    ]);
    expect(processesUsing(env.SUPABASE_DATA_DIR)).toEqual([]);
    expect(await portFree(apiPort)).toBe(true);
    expect(await portFree(dbPort)).toBe(true);
  });
});
