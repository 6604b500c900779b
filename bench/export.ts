// 导出: the list export's own code (crud/export.ts: fetchAllRows through the app's data provider, toSheet,
// write-excel-file) run in Node against a running stack, signed in as org_admin: the members list (8,043 rows at
// the default seed) and the expenditures list (13,654), which bracket the 10,000-row target (≤ 3 s). Fetching
// pages through max_rows, building the sheet and writing the .xlsx are timed apart; median of three runs each.
// `npm run bench export` with SUPABASE_API_PORT (default 54321) pointing at the stack.
import { createClient } from "@supabase/supabase-js";
import ws from "ws";
import { ANON_KEY, DEMO_PASSWORD } from "../supabase/local/env";
import { median, printTable } from "./support";

type Translate = (key: string, options?: Record<string, unknown>) => string;
type Resource = { name: string; defaultSort?: { field: string; order: "asc" | "desc" } };
type Sheet = { data: unknown[][]; widths: number[] };
type ExportModule = {
  fetchAllRows(provider: unknown, options: { resource: Resource; sorters: unknown[] }): Promise<{ rows: unknown[] }>;
  exportColumns(resource: Resource, t: Translate): unknown[];
  toSheet(columns: unknown[], rows: unknown[]): Sheet;
  writeSheet(sheet: Sheet, name: string): Promise<Blob>;
};

const RUNS = 3;
const LISTS = ["members", "fund_expenditures"] as const;

export async function run(): Promise<void> {
  // The declarations hold JSX (menu icons); tsx compiles bench files with the classic transform, which needs React
  // in scope, so the app's modules load after it is.
  // (Loaded by a computed path: the bench's tsconfig has no JSX, so it does not type-check the app's .tsx.)
  (globalThis as { React?: unknown }).React = await import("react");
  const app = (path: string) => import(new URL(`../src/${path}`, import.meta.url).href);
  const { exportColumns, fetchAllRows, toSheet, writeSheet } = (await app("crud/export.ts")) as ExportModule;
  const { i18n } = (await app("i18n/index.ts")) as { i18n: { getFixedT(locale: string): Translate } };
  const { createDataProvider } = (await app("providers/dataProvider.ts")) as { createDataProvider(client: unknown): unknown };
  const { resourceByName } = (await app("resources/index.tsx")) as { resourceByName(name: string): Resource | undefined };
  const port = process.env.SUPABASE_API_PORT ?? "54321";
  const client = createClient(`http://127.0.0.1:${port}`, ANON_KEY, {
    auth: { persistSession: false },
    realtime: { transport: ws as never },
  });
  const { error } = await client.auth.signInWithPassword({ email: "admin@dangjian.test", password: DEMO_PASSWORD });
  if (error) throw new Error(`sign-in failed: ${error.message}`);
  const provider = createDataProvider(client);
  const t = i18n.getFixedT("zh-CN");
  const rows: [string, string | number, string][] = [];
  for (const name of LISTS) {
    const resource = resourceByName(name)!;
    const times = { fetch: [] as number[], sheet: [] as number[], write: [] as number[], total: [] as number[] };
    let count = 0;
    let bytes = 0;
    for (let i = 0; i < RUNS; i++) {
      const start = performance.now();
      const { rows: fetched } = await fetchAllRows(provider, { resource, sorters: [resource.defaultSort ?? { field: "id", order: "desc" }] });
      const fetchedAt = performance.now();
      const sheet = toSheet(exportColumns(resource, t), fetched);
      const builtAt = performance.now();
      const blob = await writeSheet(sheet, t(`${name}.label`));
      const end = performance.now();
      times.fetch.push(fetchedAt - start);
      times.sheet.push(builtAt - fetchedAt);
      times.write.push(end - builtAt);
      times.total.push(end - start);
      count = fetched.length;
      bytes = blob.size;
    }
    const per10k = (median(times.total) / count) * 10_000;
    rows.push(
      [`${name}: rows exported`, count, "rows"],
      [`${name}: fetch (pages of max_rows)`, Math.round(median(times.fetch)), "ms"],
      [`${name}: build sheet`, Math.round(median(times.sheet)), "ms"],
      [`${name}: write .xlsx`, Math.round(median(times.write)), "ms"],
      [`${name}: total`, Math.round(median(times.total)), "ms"],
      [`${name}: total per 10,000 rows`, Math.round(per10k), "ms"],
      [`${name}: file size`, (bytes / 1024).toFixed(0), "KB"],
    );
  }
  await client.auth.signOut();
  printTable(`export (API port ${port}, median of ${RUNS})`, rows);
}

if (process.argv[1]?.endsWith("export.ts")) await run();
