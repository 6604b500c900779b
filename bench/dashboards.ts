// Dashboards: how long each dashboard's numbers take, computed in Postgres (the analytics RPCs the panels call)
// against the naive way (download the raw rows through supabase-js, 1,000 per request as PostgREST's max_rows
// allows, and add them up in JavaScript). Also the time until every panel is drawn in the browser.
//
// Needs a running stack (SUPABASE_API_PORT / SUPABASE_DB_PORT) and, for the browser figure, the app served at
// APP_URL (default http://127.0.0.1:$APP_PORT, APP_PORT 4173) built against that stack; without it that column is "—".
// BENCH_SCALES=1,10 reloads the seed at each scale first (supabase/seed/load.ts) — it replaces the stack's data.
import type { SupabaseClient } from "@supabase/supabase-js";
import coverage from "../dashboards/coverage";
import evaluation from "../dashboards/evaluation";
import funds from "../dashboards/funds";
import home from "../dashboards/home";
import team from "../dashboards/team";
import { queryParams } from "../src/dashboards/drill";
import type { DashboardSpec } from "../src/dashboards/spec";
import { DEMO_PASSWORD } from "../supabase/local/env";
import { signedInClient } from "../supabase/local/testing";

const DASHBOARDS: DashboardSpec[] = [coverage, evaluation, funds, team, home];
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const LEADER = "leader@dangjian.test";
const APP_URL = process.env.APP_URL ?? `http://127.0.0.1:${process.env.APP_PORT ?? 4173}`;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
async function timed<T>(work: () => Promise<T>): Promise<[number, T]> {
  const started = performance.now();
  const result = await work();
  return [performance.now() - started, result];
}

const filtersFor = (spec: DashboardSpec) => ({
  year: spec.id === "evaluation" ? new Date().getFullYear() - 1 : new Date().getFullYear(),
  org_unit: null,
  branch_kind: null,
  category: "activity",
});

/** The distinct RPC calls a dashboard makes (panels sharing a query share the request, as in the browser). */
function callsOf(spec: DashboardSpec) {
  const calls = new Map<string, { rpc: string; params: Record<string, unknown> }>();
  for (const panel of spec.panels) {
    const params = queryParams(panel, filtersFor(spec));
    calls.set(JSON.stringify([panel.query.source.rpc, params]), { rpc: panel.query.source.rpc!, params });
  }
  return [...calls.values()];
}

async function rpcTimes(client: SupabaseClient, spec: DashboardSpec) {
  const perCall: Record<string, number> = {};
  let rows = 0;
  for (const call of callsOf(spec)) {
    const samples: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const [ms, { data, error }] = await timed(async () => client.rpc(call.rpc, call.params));
      if (error) throw new Error(`${call.rpc}: ${error.message}`);
      samples.push(ms);
      if (i === 0) rows += (data as unknown[]).length;
    }
    perCall[call.rpc] = Math.max(perCall[call.rpc] ?? 0, median(samples));
  }
  // all of a dashboard's requests at once, as the page sends them
  const together: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const [ms] = await timed(() => Promise.all(callsOf(spec).map((c) => client.rpc(c.rpc, c.params))));
    together.push(ms);
  }
  return { perCall, parallel: median(together), rows };
}

// ---- the naive way: raw rows, added up in the browser's language ----

type Raw = Record<string, any>;
async function fetchAll(client: SupabaseClient, table: string, columns: string): Promise<Raw[]> {
  const pageSize = 1000;
  const rows: Raw[] = [];
  for (let from = 0; ; from += pageSize) {
    const { data, error } = await client.from(table).select(columns).order("id").range(from, from + pageSize - 1);
    if (error) throw new Error(`${table}: ${error.message}`);
    rows.push(...(data as Raw[]));
    if (data.length < pageSize) return rows;
  }
}

const groupCount = <T>(rows: T[], key: (row: T) => string, value: (row: T) => number = () => 1) => {
  const sums = new Map<string, number>();
  for (const row of rows) sums.set(key(row), (sums.get(key(row)) ?? 0) + value(row));
  return sums;
};

const today = new Date().toISOString().slice(0, 10);
const activeOn = (c: Raw, day: string, branches: Map<number, Raw>) =>
  c.started_on <= day && (c.ended_on === null || c.ended_on >= day) && branches.get(c.branch_id)?.status === "active";

async function naiveCoverage(client: SupabaseClient) {
  const [carriers, coverages, branchRows] = await Promise.all([
    fetchAll(client, "carriers", "id,org_unit_id,kind,name,headcount"),
    fetchAll(client, "carrier_coverages", "id,carrier_id,branch_id,started_on,ended_on"),
    fetchAll(client, "branches", "id,status,kind,org_unit_id"),
  ]);
  const branches = new Map(branchRows.map((b) => [b.id, b]));
  const coveredOn = (day: string) => new Set(coverages.filter((c) => activeOn(c, day, branches)).map((c) => c.carrier_id));
  const covered = coveredOn(today);
  groupCount(carriers, (c) => `${c.org_unit_id}/${c.kind}`, (c) => (covered.has(c.id) ? 1 : 0));
  groupCount(carriers, (c) => c.kind, (c) => (covered.has(c.id) ? 1 : 0));
  carriers.filter((c) => !covered.has(c.id)).sort((a, b) => b.headcount - a.headcount);
  for (let m = 0; m < 24; m++) {
    const d = new Date();
    d.setMonth(d.getMonth() - m + 1, 0);
    coveredOn(d.toISOString().slice(0, 10));
  }
}

async function naiveEvaluation(client: SupabaseClient) {
  const [evaluations, cycles, branchRows] = await Promise.all([
    fetchAll(client, "branch_evaluations", "id,cycle_id,branch_id,score_leadership,score_backbone,score_venue,score_carrier,score_system,score_performance,satisfaction,total,grade"),
    fetchAll(client, "evaluation_cycles", "id,year,status"),
    fetchAll(client, "branches", "id,org_unit_id,kind,name,code"),
  ]);
  const branches = new Map(branchRows.map((b) => [b.id, b]));
  const yearOf = new Map(cycles.map((c) => [c.id, c.year]));
  const year = new Date().getFullYear() - 1;
  const scored = evaluations.filter((e) => e.total !== null && yearOf.get(e.cycle_id) === year);
  groupCount(scored, (e) => String(Math.min(Math.floor(Number(e.total) / 5) * 5, 95)));
  for (const dim of ["leadership", "backbone", "venue", "carrier", "system", "performance"]) groupCount(scored, () => dim, (e) => Number(e[`score_${dim}`]));
  groupCount(scored, (e) => `${branches.get(e.branch_id)?.org_unit_id}/${e.grade}`);
  [...scored].sort((a, b) => Number(b.total) - Number(a.total)).slice(0, 10);
  groupCount(evaluations.filter((e) => e.total !== null), (e) => `${branches.get(e.branch_id)?.org_unit_id}/${yearOf.get(e.cycle_id)}`, (e) => Number(e.total));
}

async function naiveFunds(client: SupabaseClient) {
  const year = new Date().getFullYear();
  const [budgets, expenditures, members] = await Promise.all([
    fetchAll(client, "fund_budgets", "id,fiscal_year,org_unit_id,branch_id,category,amount"),
    fetchAll(client, "fund_expenditures", "id,budget_id,spent_on,amount"),
    fetchAll(client, "members", "id,branch_id"),
  ]);
  const ofYear = new Map(budgets.filter((b) => b.fiscal_year === year).map((b) => [b.id, b]));
  const spent = expenditures.filter((x) => ofYear.has(x.budget_id));
  groupCount([...ofYear.values()], (b) => `${b.org_unit_id}/${b.category}/${b.branch_id === null}`, (b) => Number(b.amount));
  groupCount(spent, (x) => `${ofYear.get(x.budget_id)!.org_unit_id}/${ofYear.get(x.budget_id)!.category}`, (x) => Number(x.amount));
  groupCount(spent, (x) => x.spent_on.slice(0, 7), (x) => Number(x.amount));
  groupCount(members, (m) => String(m.branch_id));
}

async function naiveHome(client: SupabaseClient) {
  const [branches, members] = await Promise.all([
    fetchAll(client, "branches", "id,status,secretary_id,last_election_on,founded_on,term_years"),
    fetchAll(client, "members", "id,branch_id,professional_title"),
  ]);
  const titles = new Map(members.map((m) => [m.id, m.professional_title]));
  branches.filter((b) => b.status === "active" && b.secretary_id).map((b) => titles.get(b.secretary_id));
  await Promise.all([naiveCoverage(client), naiveFunds(client)]);
}

const NAIVE: Record<string, (client: SupabaseClient) => Promise<void>> = {
  coverage: naiveCoverage,
  evaluation: naiveEvaluation,
  funds: naiveFunds,
  home: naiveHome,
};

// ---- the browser: time from navigation until no panel is loading ----

async function browserTimes(): Promise<Record<string, number> | undefined> {
  const reachable = await fetch(APP_URL).then((r) => r.ok).catch(() => false);
  if (!reachable) return undefined;
  const { chromium } = await import("@playwright/test");
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
  });
  try {
    const page = await browser.newPage({ locale: "zh-CN", viewport: { width: 1440, height: 1000 } });
    await page.goto(`${APP_URL}/login`);
    await page.getByLabel("邮箱").fill(LEADER);
    await page.getByLabel("密码").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: /登\s?录/ }).click();
    await page.waitForURL((url) => !url.pathname.startsWith("/login"));
    const times: Record<string, number> = {};
    for (const spec of DASHBOARDS) {
      const samples: number[] = [];
      for (let i = 0; i < Math.min(RUNS, 3); i++) {
        // a fresh document each time: no query cache, the chart chunk from the HTTP cache as on a revisit
        const started = Date.now();
        await page.goto(`${APP_URL}${spec.id === "home" ? "/" : `/dashboards/${spec.id}`}`);
        await page.waitForFunction(
          (count) => {
            const panels = Array.from(document.querySelectorAll("[data-panel]"));
            return panels.length === count && panels.every((p) => p.getAttribute("data-state") !== "loading");
          },
          spec.panels.length,
          { timeout: 60_000 },
        );
        samples.push(Date.now() - started);
      }
      times[spec.id] = median(samples);
    }
    return times;
  } finally {
    await browser.close();
  }
}

async function measure(label: string) {
  const client = await signedInClient(LEADER);
  const browser = await browserTimes();
  console.log(`\n${label} — medians of ${RUNS} runs, ms (leader, default filters)`);
  console.log("dashboard   | RPC calls | slowest RPC         | RPCs in parallel | browser, all panels | naive (raw rows + JS) | naive / RPC");
  for (const spec of DASHBOARDS) {
    const rpc = await rpcTimes(client, spec);
    const naive: number[] = [];
    for (let i = 0; i < Math.min(RUNS, 3); i++) naive.push((await timed(() => NAIVE[spec.id](client)))[0]);
    const slowest = Object.entries(rpc.perCall).sort((a, b) => b[1] - a[1])[0];
    console.log(
      [
        spec.id.padEnd(11),
        String(callsOf(spec).length).padStart(9),
        `${slowest[0]} ${slowest[1].toFixed(0)}`.padEnd(19),
        rpc.parallel.toFixed(0).padStart(16),
        (browser ? String(browser[spec.id]) : "—").padStart(19),
        median(naive).toFixed(0).padStart(21),
        `${(median(naive) / rpc.parallel).toFixed(1)}×`.padStart(11),
      ].join(" | "),
    );
    console.log(`            per RPC: ${Object.entries(rpc.perCall).map(([name, ms]) => `${name} ${ms.toFixed(0)}`).join(", ")}; ${rpc.rows} rows received`);
  }
}

export async function run() {
  const scales = (process.env.BENCH_SCALES ?? "").split(",").filter(Boolean).map(Number);
  if (scales.length === 0) return measure("current data");
  const { loadSeed } = await import("../supabase/seed/load");
  for (const scale of scales) {
    const { seconds, counts } = await loadSeed(scale);
    console.log(`\nseed scale ${scale}: loaded in ${seconds.toFixed(0)} s (${counts.members} members, ${counts.fund_expenditures} expenditures, ${counts.carriers} carriers)`);
    await measure(`scale ${scale}`);
  }
}
