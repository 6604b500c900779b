// Open-loop load: N clients (default 50), each sending about one request a second at random (Poisson) moments,
// whatever the server's answers take, with the mix a working day brings: lists (members, carriers filtered on
// 覆盖情况, expenditures), show pages, dashboard RPCs and writes. Reports p50/p95 per request kind and the
// throughput achieved; then raises the offered rate step by step and reports where it saturates (achieved rate
// falls behind the offered one, or a kind's p95 passes 300 ms).
//
// Needs a running stack (SUPABASE_API_PORT / SUPABASE_DB_PORT) with the default seed. `npm run bench load`.
// LOAD_CLIENTS (50), LOAD_SECONDS (20 per step), LOAD_STEPS (offered rates per second, default "50,100,150,200").
import type { SupabaseClient } from "@supabase/supabase-js";
import { signedInClient, sql } from "../supabase/local/testing";
import { printTable } from "./support";

const CLIENTS = Number(process.env.LOAD_CLIENTS ?? 50);
const SECONDS = Number(process.env.LOAD_SECONDS ?? 20);
const STEPS = (process.env.LOAD_STEPS ?? "50,100,150,200").split(",").map(Number);
const P95_LIMIT_MS = 300;

/** `writes`: sent as 组织部 (the only role that may write every row); reads go as any of the three roles. */
type Kind = { name: string; weight: number; writes?: boolean; send: (client: SupabaseClient) => PromiseLike<{ error: unknown }> };

const pick = <T>(items: T[]) => items[Math.floor(Math.random() * items.length)];
const percentile = (values: number[], p: number) => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};

async function kinds(): Promise<Kind[]> {
  const members = (await sql<{ id: number }>("select id from public.members order by id limit 500")).map((r) => Number(r.id));
  const carriers = (await sql<{ id: number; headcount: number }>("select id, headcount from public.carriers order by id limit 200")).map((r) => ({
    id: Number(r.id),
    headcount: Number(r.headcount),
  }));
  const year = new Date().getFullYear();
  return [
    { name: "list members (page 1, exact count)", weight: 20, send: (c) => c.from("members").select("*,branch:branches!branch_id(id,name)", { count: "exact" }).order("name").order("id").range(0, 19) },
    {
      name: "list carriers, 未覆盖 (exact count)",
      weight: 10,
      send: (c) => c.from("carriers").select("*,covered,current_coverages()", { count: "exact" }).is("current_coverages", null).order("name").order("id").range(0, 19),
    },
    { name: "list expenditures (exact count)", weight: 10, send: (c) => c.from("fund_expenditures").select("*", { count: "exact" }).order("spent_on", { ascending: false }).order("id", { ascending: false }).range(0, 19) },
    { name: "show member", weight: 20, send: (c) => c.from("members").select("*,branch:branches!branch_id(id,name)").eq("id", pick(members)).maybeSingle() },
    { name: "search (header box)", weight: 10, send: (c) => c.from("members").select("id,name,student_or_staff_no").or("name.ilike.*王*,student_or_staff_no.ilike.*王*").order("name").limit(5) },
    { name: "rpc home_kpis", weight: 8, send: (c) => c.rpc("home_kpis", { p_day: `${year}-12-31`, p_fiscal_year: year }) },
    { name: "rpc coverage_by_kind", weight: 8, send: (c) => c.rpc("coverage_by_kind", {}) },
    { name: "rpc funds_monthly_execution", weight: 6, send: (c) => c.rpc("funds_monthly_execution", { p_fiscal_year: year }) },
    {
      name: "write carrier (same headcount)",
      weight: 8,
      writes: true,
      send: (c) => {
        const carrier = pick(carriers);
        return c.from("carriers").update({ headcount: carrier.headcount }).eq("id", carrier.id).select("id");
      },
    },
  ];
}

async function step(clients: SupabaseClient[], writer: SupabaseClient, mix: Kind[], ratePerSecond: number) {
  const totalWeight = mix.reduce((sum, kind) => sum + kind.weight, 0);
  const choose = () => {
    let r = Math.random() * totalWeight;
    for (const kind of mix) if ((r -= kind.weight) < 0) return kind;
    return mix[mix.length - 1];
  };
  const times = new Map<string, number[]>(mix.map((kind) => [kind.name, []]));
  // errors per kind: a kind that fails is not measured, it is reported
  const errors = new Map<string, number>();
  const failed = (kind: Kind) => void errors.set(kind.name, (errors.get(kind.name) ?? 0) + 1);
  const inFlight: Promise<void>[] = [];
  const started = performance.now();
  const end = started + SECONDS * 1000;
  // open loop: the next arrival is scheduled from the clock, not from the previous answer
  let next = started;
  while (next < end) {
    next += -Math.log(1 - Math.random()) * (1000 / ratePerSecond);
    const wait = next - performance.now();
    if (wait > 0) await new Promise((done) => setTimeout(done, wait));
    const kind = choose();
    const client = kind.writes ? writer : pick(clients);
    const sent = performance.now();
    inFlight.push(
      Promise.resolve(kind.send(client)).then(
        ({ error }) => {
          if (error) failed(kind);
          else times.get(kind.name)!.push(performance.now() - sent);
        },
        () => failed(kind),
      ),
    );
  }
  await Promise.all(inFlight);
  const elapsed = (performance.now() - started) / 1000;
  const done = [...times.values()].reduce((sum, list) => sum + list.length, 0);
  return { times, errors, achieved: done / elapsed };
}

export async function run() {
  const accounts = ["admin@dangjian.test", "committee@dangjian.test", "leader@dangjian.test"];
  const signedIn = await Promise.all(accounts.map((email) => signedInClient(email)));
  // one client per simulated user (HTTP keep-alive pools the connections as browsers do)
  const clients = Array.from({ length: CLIENTS }, (_, i) => signedIn[i % signedIn.length]);
  const mix = await kinds();
  let saturation: number | undefined;
  for (const offered of [CLIENTS, ...STEPS.filter((rate) => rate > CLIENTS)]) {
    const { times, errors, achieved } = await step(clients, signedIn[0], mix, offered);
    const rows: [string, string, string][] = [...times.entries()].map(([name, list]) => [
      name,
      `${percentile(list, 50).toFixed(0)} / ${percentile(list, 95).toFixed(0)}`,
      `ms p50 / p95 (${list.length} requests)`,
    ]);
    const errorCount = [...errors.values()].reduce((sum, n) => sum + n, 0);
    rows.push(
      ["achieved throughput", achieved.toFixed(1), `requests/s of ${offered} offered`],
      ["errors", String(errorCount), [...errors].map(([name, n]) => `${name}: ${n}`).join("; ")],
    );
    printTable(`open-loop load: ${offered} requests/s offered (${CLIENTS} clients), ${SECONDS} s`, rows);
    const worstP95 = Math.max(...[...times.values()].map((list) => percentile(list, 95)));
    if (saturation === undefined && (achieved < offered * 0.95 || worstP95 > P95_LIMIT_MS || errorCount > 0)) saturation = offered;
  }
  console.log(
    saturation === undefined
      ? `\nno saturation up to ${Math.max(CLIENTS, ...STEPS)} requests/s (every kind's p95 ≤ ${P95_LIMIT_MS} ms)`
      : `\nsaturates at about ${saturation} requests/s offered (a kind's p95 > ${P95_LIMIT_MS} ms, errors, or the achieved rate fell behind)`,
  );
}
