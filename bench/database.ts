// Database: how long the demo seed takes to load (default scale and scale 10; the target is under 120 s at scale 10)
// and how long each analytics RPC takes at scale 10, as org_admin and as the committee account, with the indexes
// their plans used.
//
// Runs its own PostgreSQL (port BENCH_DB_PORT, a fresh data directory it removes afterwards) with the migrations
// applied, and nothing else: the RPCs are measured in SQL, as the role and JWT claims PostgREST would set, so RLS
// applies as it does through the API. Ports and paths are passed explicitly rather than through env.ts, which another
// benchmark in the same process may already have imported with other values.
//
// The RPCs are PL/pgSQL, so EXPLAIN of a call shows one Function Scan. The plans of the statements inside come from
// auto_explain (nested statements, sent to this client as LOG notices) on a first, untimed call that also warms the
// cache; then EXPLAIN (ANALYZE, BUFFERS) three times, and the median execution time is reported.
import { existsSync, readFileSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import pg from "pg";
import { localDataDir } from "../supabase/local/dataDir";
import { applyMigrations, startPostgres, type Database } from "../supabase/local/database";
import { supabaseDir } from "../supabase/local/env";
import { assertPortFree, isAlive } from "../supabase/local/processes";
import { loadSeed, seededTables } from "../supabase/seed/load";

export const BENCH_DB_PORT = 55222;
const DB_URL = `postgresql://postgres:postgres@127.0.0.1:${BENCH_DB_PORT}/postgres`;
const DATA_DIR = localDataDir(supabaseDir, "bench-database");
const MIGRATIONS_DIR = resolve(supabaseDir, "migrations");
const ANALYTICS_MIGRATION = join(MIGRATIONS_DIR, "20261125000500_analytics.sql");

const SCALE_10_TARGET_SECONDS = 120;
const RUNS = 3;

// Inside the seeded range: coverages and expenditures run to 2026-11-20; 2025 is the last closed cycle (with 2024
// before it for the year-over-year change) and the last complete fiscal year.
const DAY = "'2026-11-20'";
const YEAR = 2025;
const FISCAL_YEAR = 2025;

/**
 * Each analytics RPC as a dashboard calls it. `unit` is null for org_admin (the whole school) and the committee's own
 * org unit for the committee account, whose dashboards are fixed to it.
 */
const CALLS: Record<string, (unit: string) => string> = {
  coverage_by_unit_kind: (unit) => `coverage_by_unit_kind(p_day => ${DAY}, p_org_unit_id => ${unit})`,
  coverage_by_kind: (unit) => `coverage_by_kind(p_day => ${DAY}, p_org_unit_id => ${unit})`,
  coverage_summary: (unit) => `coverage_summary(p_day => ${DAY}, p_org_unit_id => ${unit})`,
  uncovered_carriers: (unit) => `uncovered_carriers(p_day => ${DAY}, p_org_unit_id => ${unit})`,
  coverage_trend: (unit) => `coverage_trend(p_months => 24, p_end => ${DAY}, p_org_unit_id => ${unit})`,
  evaluation_distribution: (unit) => `evaluation_distribution(p_year => ${YEAR}, p_org_unit_id => ${unit})`,
  evaluation_six_averages: (unit) => `evaluation_six_averages(p_year => ${YEAR}, p_org_unit_id => ${unit})`,
  evaluation_grades_by_unit: (unit) => `evaluation_grades_by_unit(p_year => ${YEAR}, p_org_unit_id => ${unit})`,
  evaluation_ranking: (unit) => `evaluation_ranking(p_year => ${YEAR}, p_org_unit_id => ${unit})`,
  evaluation_year_over_year: (unit) => `evaluation_year_over_year(p_year => ${YEAR}, p_org_unit_id => ${unit})`,
  evaluation_trend: (unit) => `evaluation_trend(p_org_unit_id => ${unit})`,
  funds_by_unit_category: (unit) => `funds_by_unit_category(p_fiscal_year => ${FISCAL_YEAR}, p_org_unit_id => ${unit})`,
  funds_by_category: (unit) => `funds_by_category(p_fiscal_year => ${FISCAL_YEAR}, p_org_unit_id => ${unit})`,
  funds_monthly_execution: (unit) => `funds_monthly_execution(p_fiscal_year => ${FISCAL_YEAR}, p_org_unit_id => ${unit})`,
  branches_below_activity_standard: (unit) =>
    `branches_below_activity_standard(p_fiscal_year => ${FISCAL_YEAR}, p_org_unit_id => ${unit})`,
  home_kpis: (unit) => `home_kpis(p_day => ${DAY}, p_fiscal_year => 2026, p_org_unit_id => ${unit})`,
};

const ACCOUNTS = [
  { label: "org_admin", email: "admin@dangjian.test" },
  { label: "committee", email: "committee@dangjian.test" },
] as const;

type Account = { label: string; userId: string; unit: string };
type Measured = { ms: number; sharedBlocks: number; rows: number; indexes: Set<string>; seqScans: Set<string> };

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Prints rows under a header, each column as wide as its widest cell; numbers right-aligned. */
function printColumns(title: string, header: string[], rows: (string | number)[][]) {
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => String(row[column]).length)));
  const line = (cells: (string | number)[]) =>
    "  " + cells.map((cell, column) => (typeof cell === "number" ? String(cell).padStart(widths[column]) : cell.padEnd(widths[column]))).join("  ").trimEnd();
  console.log(`\n${title}`);
  console.log(line(header));
  console.log(line(widths.map((width) => "-".repeat(width))));
  for (const row of rows) console.log(line(row));
}

/** The analytics RPCs the migration defines; every one must have a call above, so a new one is not left out. */
function analyticsFunctions(): string[] {
  const names = [...readFileSync(ANALYTICS_MIGRATION, "utf8").matchAll(/^create function public\.(\w+)\(/gm)].map((match) => match[1]);
  const unmeasured = names.filter((name) => !(name in CALLS));
  if (unmeasured.length) throw new Error(`no benchmark call for ${unmeasured.join(", ")}: add it to CALLS in bench/database.ts`);
  return names;
}

/** Runs `work` in a transaction as the account, signed in the way PostgREST sets it up; rolled back afterwards. */
async function asAccount<T>(client: pg.Client, account: Account, work: () => Promise<T>, setup: string[] = []): Promise<T> {
  await client.query("begin");
  try {
    for (const statement of setup) await client.query(statement); // superuser settings, before the role switch
    await client.query("set local role authenticated");
    await client.query("select set_config('request.jwt.claims', $1, true)", [JSON.stringify({ sub: account.userId, role: "authenticated" })]);
    return await work();
  } finally {
    await client.query("rollback");
  }
}

/** Index and sequential scans in auto_explain's text plans, leaving out nodes that never ran. */
function scansIn(plans: string[]) {
  const indexes = new Set<string>();
  const seqScans = new Set<string>();
  for (const line of plans.flatMap((plan) => plan.split("\n"))) {
    if (line.includes("(never executed)")) continue;
    const index = /Index (?:Only )?Scan(?: Backward)? using (\S+) on (\S+)/.exec(line) ?? /Bitmap Index Scan on (\S+)/.exec(line);
    if (index) indexes.add(index[1]);
    const seq = /Seq Scan on (\S+)/.exec(line);
    if (seq) seqScans.add(seq[1]);
  }
  return { indexes, seqScans };
}

async function measure(client: pg.Client, account: Account, name: string): Promise<Measured> {
  const call = `public.${CALLS[name](account.unit)}`;

  const plans: string[] = [];
  const collect = (notice: { message?: string }) => void (notice.message && plans.push(notice.message));
  client.on("notice", collect);
  const rows = await asAccount(client, account, async () => (await client.query(`select * from ${call}`)).rowCount ?? 0, [
    "set local auto_explain.log_min_duration = 0",
    "set local auto_explain.log_nested_statements = on",
    "set local auto_explain.log_analyze = on",
    "set local auto_explain.log_timing = off", // row counts are enough to tell which nodes ran
    "set local client_min_messages = log",
  ]).finally(() => client.off("notice", collect));

  const samples: { ms: number; sharedBlocks: number }[] = [];
  for (let run = 0; run < RUNS; run++) {
    const [explained] = await asAccount(client, account, async () =>
      (await client.query(`explain (analyze, buffers, format json) select * from ${call}`)).rows[0]["QUERY PLAN"],
    );
    // The Function Scan's buffer counts include the statements run inside the function.
    samples.push({ ms: explained["Execution Time"], sharedBlocks: explained.Plan["Shared Hit Blocks"] + explained.Plan["Shared Read Blocks"] });
  }
  return { ms: median(samples.map((sample) => sample.ms)), sharedBlocks: median(samples.map((sample) => sample.sharedBlocks)), rows, ...scansIn(plans) };
}

async function startDatabase(): Promise<Database> {
  await assertPortFree(BENCH_DB_PORT, "benchmark database");
  const leftoverPid = existsSync(join(DATA_DIR, "postmaster.pid")) && Number(readFileSync(join(DATA_DIR, "postmaster.pid"), "utf8").split("\n")[0]);
  if (leftoverPid && isAlive(leftoverPid)) throw new Error(`a postgres server (pid ${leftoverPid}) still runs on ${DATA_DIR}`);
  rmSync(DATA_DIR, { recursive: true, force: true }); // a previous run that did not finish
  const database = await startPostgres({ dataDir: DATA_DIR, port: BENCH_DB_PORT, reset: false, log: () => undefined });
  try {
    const client = await database.connect();
    try {
      await applyMigrations(client, MIGRATIONS_DIR, () => undefined);
    } finally {
      await client.end();
    }
  } catch (error) {
    await stopDatabase(database);
    throw error;
  }
  return database;
}

/** Stops the postmaster (by its pid if a clean stop fails) and removes the data directory. */
async function stopDatabase(database: Database) {
  const pid = database.pid();
  await database.stop().catch((error: Error) => console.error(`stopping postgres: ${error.message}`));
  if (pid && isAlive(pid)) process.kill(pid, "SIGKILL");
  rmSync(DATA_DIR, { recursive: true, force: true });
}

export async function run() {
  const functions = analyticsFunctions();
  const started = performance.now();
  const database = await startDatabase();
  console.log(`postgres ${BENCH_DB_PORT} (pid ${database.pid()}), data ${DATA_DIR}, migrations applied`);
  let failed = false;
  try {
    // ─── Seeds ───
    const seeds = [];
    for (const scale of [1, 10]) {
      const seed = await loadSeed(scale, DB_URL);
      console.log(`seed scale ${scale}: ${seed.seconds.toFixed(1)} s`);
      seeds.push({ scale, ...seed });
    }
    const [defaultSeed, scale10] = seeds;
    const total = (counts: Record<string, number>) => Object.values(counts).reduce((sum, n) => sum + n, 0);
    printColumns(
      "Seed: rows per table and load time (supabase/seed/load.ts: truncate, seed.sql, commit)",
      ["table", "default (scale 1)", "scale 10"],
      [
        ...seededTables.map((table) => [table, defaultSeed.counts[table], scale10.counts[table]]),
        ["total", total(defaultSeed.counts), total(scale10.counts)],
        ["seconds", Number(defaultSeed.seconds.toFixed(1)), Number(scale10.seconds.toFixed(1))],
      ],
    );
    if (scale10.seconds >= SCALE_10_TARGET_SECONDS) {
      failed = true;
      console.log(`FAIL: scale 10 took ${scale10.seconds.toFixed(1)} s, the target is under ${SCALE_10_TARGET_SECONDS} s`);
    } else {
      console.log(`ok: scale 10 in ${scale10.seconds.toFixed(1)} s (target < ${SCALE_10_TARGET_SECONDS} s)`);
    }

    // ─── Analytics RPCs at scale 10 ───
    const client = new pg.Client({ connectionString: DB_URL });
    await client.connect();
    try {
      await client.query("load 'auto_explain'");
      const accounts: Account[] = [];
      for (const { label, email } of ACCOUNTS) {
        const { rows } = await client.query(
          `select u.id, p.role, p.org_unit_id from auth.users u join public.profiles p on p.user_id = u.id where u.email = $1`,
          [email],
        );
        if (!rows[0]) throw new Error(`no seeded account ${email}`);
        accounts.push({ label, userId: rows[0].id, unit: rows[0].role === "committee_admin" ? String(rows[0].org_unit_id) : "null" });
      }

      const results = new Map<string, Measured[]>();
      for (const name of functions) {
        const perAccount: Measured[] = [];
        for (const account of accounts) perAccount.push(await measure(client, account, name));
        results.set(name, perAccount);
      }

      const committeeUnit = accounts[1].unit;
      printColumns(
        `Analytics RPCs at scale 10: execution ms (EXPLAIN ANALYZE, median of ${RUNS}), shared buffers hit+read, rows returned` +
          `\n  org_admin: whole school; committee: p_org_unit_id => ${committeeUnit} (its unit); day ${DAY}, year ${YEAR}, fiscal year ${FISCAL_YEAR}`,
        ["function", "admin ms", "admin bufs", "admin rows", "committee ms", "committee bufs", "committee rows"],
        [...results].map(([name, [admin, committee]]) => [
          name,
          Number(admin.ms.toFixed(1)), admin.sharedBlocks, admin.rows,
          Number(committee.ms.toFixed(1)), committee.sharedBlocks, committee.rows,
        ]),
      );

      console.log("\nIndexes the plans used (auto_explain, nested statements that ran; RLS helpers included), and tables read by a sequential scan");
      for (const [name, perAccount] of results) {
        for (const [index, account] of accounts.entries()) {
          const { indexes, seqScans } = perAccount[index];
          console.log(`  ${name} [${account.label}]`);
          console.log(`      indexes: ${[...indexes].sort().join(", ") || "—"}`);
          console.log(`      seq scans: ${[...seqScans].sort().join(", ") || "—"}`);
        }
      }
    } finally {
      await client.end();
    }
  } finally {
    await stopDatabase(database);
    console.log(`\nstopped postgres, removed ${DATA_DIR} (${((performance.now() - started) / 1000).toFixed(0)} s in all)`);
  }
  if (failed) process.exitCode = 1;
}
