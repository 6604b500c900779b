// Recovery: how long the API takes to serve a write again after each kind of child is killed with SIGKILL under a
// write load (PostgREST, auth, gateway, a postgres backend, the postmaster), whether every acknowledged write
// survived, and how long a cold and a warm `supabase:start` take with durable commits.
import { join } from "node:path";
import {
  childKinds,
  cliHarness,
  createProbeTable,
  killAndTimeRecovery,
  PROBE_TABLE,
  sleep,
  stopCli,
  writeLoad,
} from "../supabase/local/cliHarness";
import { median, printTable, seconds } from "./support";

const ROUNDS = 3;
const WARM_RUNS = 3;

/** Ready time as the CLI reports it ("ready in N s"), in ms. */
const readyMs = (stdout: string) => Number(/ready in ([\d.]+)s/.exec(stdout)?.[1] ?? Number.NaN) * 1000;

export async function run(): Promise<void> {
  const harness = await cliHarness("dj-bench-recovery-");
  const env = { SUPABASE_DATA_DIR: join(harness.scratch, "db") };
  try {
    const cold = await harness.startCli(env);
    const coldMs = readyMs(cold.stdout());
    await stopCli(cold);
    const warm: number[] = [];
    for (let i = 0; i < WARM_RUNS; i++) {
      const stack = await harness.startCli(env);
      warm.push(readyMs(stack.stdout()));
      await stopCli(stack);
    }

    const stack = await harness.startCli(env);
    await createProbeTable(harness.query, harness.apiUrl);
    const load = writeLoad(harness.apiUrl);
    while (load.acknowledged.length < 20) await sleep(50);
    const recovery = new Map(childKinds.map((kind) => [kind, [] as number[]]));
    for (let round = 0; round < ROUNDS; round++) {
      for (const kind of childKinds) {
        const { recoveredMs } = await killAndTimeRecovery(stack.child.pid!, kind, load, harness.apiUrl);
        recovery.get(kind)!.push(recoveredMs ?? Number.NaN);
        await sleep(500); // let the load settle before the next kill
      }
    }
    await load.stop();
    const [{ present }] = await harness.query<{ present: number }>(
      `select count(*)::int as present from public.${PROBE_TABLE} where id = any($1)`,
      [load.acknowledged],
    );
    await stopCli(stack);

    printTable("supabase:start (durable commits)", [
      ["cold start to ready (initdb, migrations, seed, API)", seconds(coldMs), "s"],
      [`warm start to ready (median of ${WARM_RUNS})`, seconds(median(warm)), "s"],
    ]);
    printTable(`API serving a write again after SIGKILL (median of ${ROUNDS}, under a 3-writer load)`, [
      ...childKinds.map((kind): [string, string, string] => [kind, String(Math.round(median(recovery.get(kind)!))), "ms"]),
      ["acknowledged writes", load.acknowledged.length, "rows"],
      ["acknowledged writes missing afterwards", load.acknowledged.length - present, "rows"],
      ["failed write attempts (while a child was down)", load.failures(), "requests"],
    ]);
  } finally {
    await harness.cleanup();
  }
}
