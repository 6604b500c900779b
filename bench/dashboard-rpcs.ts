// Dashboard RPCs, one by one: the median time of every distinct RPC call any dashboard spec in dashboards/*.ts
// makes (with its default filters, as the page sends it), through the API, for each of the three roles.
// The goal (issue 12, Speed) is ≤ ~100 ms each at seed scale 10.
//
// Needs a running stack (SUPABASE_API_PORT / SUPABASE_DB_PORT). BENCH_RUNS (default 5) samples per call;
// BENCH_ROLES=leader,admin,committee limits the roles; BENCH_RPCS=a,b limits the RPCs.
import { readdirSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { SupabaseClient } from "@supabase/supabase-js";
import { queryParams } from "../src/dashboards/drill";
import type { DashboardSpec } from "../src/dashboards/spec";
import { signedInClient } from "../supabase/local/testing";

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const ROLES: Record<string, string> = {
  leader: "leader@dangjian.test",
  admin: "admin@dangjian.test",
  committee: "committee@dangjian.test",
};
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function specs(): Promise<DashboardSpec[]> {
  const folder = `${dirname(fileURLToPath(import.meta.url))}/../dashboards`;
  const files = readdirSync(folder).filter((f) => f.endsWith(".ts")).sort();
  return Promise.all(files.map(async (f) => (await import(pathToFileURL(`${folder}/${f}`).href)).default as DashboardSpec));
}

const filtersFor = (spec: DashboardSpec) => ({
  year: spec.id === "evaluation" ? new Date().getFullYear() - 1 : new Date().getFullYear(),
  org_unit: null,
  branch_kind: null,
  category: "activity",
});

/** Every distinct (rpc, params) pair of every dashboard, keyed by rpc name (a name may be called with several). */
function calls(all: DashboardSpec[]) {
  const seen = new Map<string, { rpc: string; params: Record<string, unknown> }>();
  for (const spec of all)
    for (const panel of spec.panels) {
      const rpc = panel.query.source.rpc;
      if (!rpc) continue;
      const params = queryParams(panel, filtersFor(spec));
      seen.set(JSON.stringify([rpc, params]), { rpc, params });
    }
  const wanted = (process.env.BENCH_RPCS ?? "").split(",").filter(Boolean);
  return [...seen.values()]
    .filter((c) => wanted.length === 0 || wanted.includes(c.rpc))
    .sort((a, b) => a.rpc.localeCompare(b.rpc));
}

async function time(client: SupabaseClient, rpc: string, params: Record<string, unknown>) {
  const samples: number[] = [];
  for (let i = 0; i <= RUNS; i++) {
    const started = performance.now();
    const { error } = await client.rpc(rpc, params);
    if (error) return Number.NaN; // e.g. the statement timeout: shown as NaN rather than stopping the table
    if (i > 0) samples.push(performance.now() - started); // the first call warms the connection and caches
  }
  return median(samples);
}

export async function run() {
  const roles = (process.env.BENCH_ROLES ?? "leader,admin,committee").split(",").filter(Boolean);
  const clients = await Promise.all(roles.map((r) => signedInClient(ROLES[r])));
  const list = calls(await specs());
  console.log(`\ndashboard RPCs — median of ${RUNS} runs, ms, through the API`);
  console.log(`${"rpc".padEnd(36)} ${roles.map((r) => r.padStart(9)).join(" ")}   params`);
  for (const call of list) {
    const ms: number[] = [];
    for (const client of clients) ms.push(await time(client, call.rpc, call.params));
    console.log(`${call.rpc.padEnd(36)} ${ms.map((m) => m.toFixed(0).padStart(9)).join(" ")}   ${JSON.stringify(call.params)}`);
  }
}
