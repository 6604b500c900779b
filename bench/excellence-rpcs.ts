// 案例与卓越: the dashboard's and the home card's RPC times as the leader (median of BENCH_RUNS calls each), for the
// current year, against whatever data the stack holds (load it at a scale first: supabase/seed/load.ts --scale N).
// Run alone: SUPABASE_API_PORT=… SUPABASE_DB_PORT=… node --import tsx bench/excellence-rpcs.ts
import excellence from "../dashboards/excellence";
import home from "../dashboards/home";
import { queryParams } from "../src/dashboards/drill";
import { signedInClient } from "../supabase/local/testing";

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const filters = { year: new Date().getFullYear(), org_unit: null };

const client = await signedInClient("leader@dangjian.test");
const panels = [...excellence.panels, ...home.panels.filter((p) => p.id === "rated_cases")];
const calls = new Map<string, { rpc: string; params: Record<string, unknown> }>();
for (const panel of panels) {
  const params = queryParams(panel, filters);
  calls.set(JSON.stringify([panel.query.source.rpc, params]), { rpc: panel.query.source.rpc!, params });
}
for (const call of calls.values()) {
  const samples: number[] = [];
  let rows = 0;
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    const { data, error } = await client.rpc(call.rpc, call.params);
    if (error) throw new Error(`${call.rpc}: ${error.message}`);
    samples.push(performance.now() - started);
    rows = (data as unknown[]).length;
  }
  console.log(`${call.rpc.padEnd(30)} ${String(rows).padStart(5)} rows  median ${median(samples).toFixed(1)} ms`);
}
