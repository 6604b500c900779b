// 待办: how long public.todos() takes for each role — in the database (the function alone, as that role, median of
// BENCH_RUNS calls on one connection as PostgREST keeps them) and through the API (the request the home page and
// the 待办 page send) — and how long the recompute after a change takes (a write to one table, then one call:
// only the kinds that read that table are recomputed).
// Target: ≤ 50 ms in the database at scale 10.
//
// Needs a running stack (SUPABASE_API_PORT / SUPABASE_DB_PORT). BENCH_SCALES=1,10 reloads the seed at each scale
// first (supabase/seed/load.ts) — it replaces the stack's data.
import pg from "pg";
import { DB_URL, DEMO_ACCOUNTS } from "../supabase/local/env";
import { signedInClient } from "../supabase/local/testing";
import { median, printTable } from "./support";

const RUNS = Number(process.env.BENCH_RUNS ?? 9);

async function timed<T>(work: () => Promise<T>): Promise<[number, T]> {
  const started = performance.now();
  const result = await work();
  return [performance.now() - started, result];
}

/** The function's own time as one role: a transaction as PostgREST runs it (role authenticated, the JWT claims). */
async function databaseTime(db: pg.Client, userId: string, runs = RUNS): Promise<{ ms: number; first: number; items: number }> {
  const samples: number[] = [];
  let first = 0;
  let items = 0;
  for (let i = 0; i < runs + 1; i++) {
    await db.query("begin");
    await db.query("set local role authenticated");
    await db.query("select set_config('request.jwt.claims', $1, true)", [JSON.stringify({ sub: userId, role: "authenticated" })]);
    const [ms, result] = await timed(() => db.query("select sum(count)::int as n from public.todos()"));
    await db.query("commit"); // as PostgREST does: a recompute the call made is kept
    items = result.rows[0].n;
    if (i > 0) samples.push(ms); // the first call plans (and may recompute after the last change)
    else first = ms;
  }
  return { ms: median(samples), first, items };
}

async function measure(label: string) {
  const db = new pg.Client({ connectionString: DB_URL });
  await db.connect();
  try {
    const rows: [string, string | number, string][] = [];
    for (const account of DEMO_ACCOUNTS) {
      const { rows: users } = await db.query("select id::text from auth.users where email = $1", [account.email]);
      const { ms, items } = await databaseTime(db, users[0].id);
      const client = await signedInClient(account.email);
      const api: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const [elapsed, { error }] = await timed(async () => client.rpc("todos"));
        if (error) throw new Error(`todos as ${account.role}: ${error.message}`);
        api.push(elapsed);
      }
      rows.push([`${account.role}: todos() in the database (${items} items)`, ms.toFixed(1), "ms"]);
      rows.push([`${account.role}: POST /rpc/todos through the API`, median(api).toFixed(1), "ms"]);
    }
    // the recompute: the first call after a write (a no-op update of one row) computes the kinds that read that
    // table, for the whole school
    const { rows: admins } = await db.query("select id::text from auth.users where email = 'admin@dangjian.test'");
    const writes: [string, string][] = [
      ["branches", "update public.branches set name = name where id = (select min(id) from public.branches)"],
      ["members", "update public.members set name = name where id = (select min(id) from public.members)"],
      ["visits", "update public.visits set follow_up = follow_up where id = (select min(id) from public.visits)"],
    ];
    for (const [table, write] of writes) {
      const recompute: number[] = [];
      for (let i = 0; i < Math.min(RUNS, 5); i++) {
        await db.query(write);
        recompute.push((await databaseTime(db, admins[0].id, 1)).first);
      }
      rows.push([`recompute after a write to ${table} (first call, whole school)`, median(recompute).toFixed(1), "ms"]);
    }
    printTable(`待办 (${label}), median of ${RUNS}`, rows);
  } finally {
    await db.end();
  }
}

export async function run() {
  const scales = (process.env.BENCH_SCALES ?? "").split(",").filter(Boolean).map(Number);
  if (scales.length === 0) return measure("current data");
  const { loadSeed } = await import("../supabase/seed/load");
  for (const scale of scales) {
    const { seconds, counts } = await loadSeed(scale);
    console.log(`\nseed scale ${scale}: loaded in ${seconds.toFixed(0)} s (${counts.branches} branches, ${counts.members} members, ${counts.carriers} carriers)`);
    await measure(`scale ${scale}`);
  }
}
