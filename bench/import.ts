// Import of 10,000 members, as the browser does it, against a running stack (SUPABASE_API_PORT / SUPABASE_DB_PORT):
// write a 10,000-row .xlsx as people fill the template, parse it (read-excel-file + heading matching + cell
// conversion, src/crud/import), check it (public.import_rows dry run) and import it, as org_admin; peak memory of
// the parse. The imported members are removed again afterwards.
//   SUPABASE_API_PORT=<api> SUPABASE_DB_PORT=<db> npm run bench import
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { readSheet } from "read-excel-file/node";
import writeXlsxFile from "write-excel-file/node";
import { importColumns, matchHeadings, templateHeading, toImportRows, type Cell } from "../src/crud/import/core";
import { parseSpreadsheet } from "../src/crud/import/parse";
import type { ResourceDef } from "../src/crud/types";
import { i18n } from "../src/i18n";
import { DB_PORT } from "../supabase/local/env";
import { signedInClient } from "../supabase/local/testing";
import { printTable } from "./support";

const ROWS = 10_000;

export async function run(): Promise<void> {
  const db = new pg.Client({ connectionString: `postgresql://postgres:postgres@127.0.0.1:${DB_PORT}/postgres` });
  await db.connect();
  const dir = mkdtempSync(join(tmpdir(), "bench-import-"));
  const tag = `BI${Date.now().toString(36)}`;
  try {
    const codes = (await db.query<{ code: string }>("select code from public.branches where status = 'active' order by code")).rows.map((r) => r.code);
    // the declarations are .tsx (icons): tsx compiles them for the classic JSX runtime, which wants a global React
    (globalThis as { React?: unknown }).React = await import("react");
    const registry = "../src/resources/index.tsx"; // (a .tsx module: not part of the bench's own type check)
    const { resources } = (await import(registry)) as { resources: ResourceDef[] };
    const columns = importColumns(resources.find((r) => r.name === "members")!, i18n.getFixedT("zh-CN"), i18n.getFixedT("en"));
    const headings = columns.map(templateHeading);
    const data = Array.from({ length: ROWS }, (_, i) => [
      `导入党员${i + 1}`, `${tag}${String(i).padStart(5, "0")}`, codes[i % codes.length], i % 2 ? "男" : "女", "学生",
      i % 4 ? "正式党员" : "预备党员", ["2020/9/1", "2021年6月30日", "2019-12-01"][i % 3], "党员", "无", `1380000${String(i).padStart(4, "0")}`,
    ]);
    const file = join(dir, "members.xlsx");
    await writeXlsxFile([headings, ...data] as never).toFile(file);
    const bytes = new Uint8Array(readFileSync(file));

    let peak = process.memoryUsage().rss;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
    const baseline = process.memoryUsage().rss;
    const t0 = performance.now();
    const sheet = await parseSpreadsheet("members.xlsx", bytes, async (input) => (await readSheet(Buffer.from(input))) as Cell[][]);
    const { rows, errors } = toImportRows(sheet.rows, matchHeadings(sheet.headings, columns), columns, sheet.headingRow);
    const parseMs = performance.now() - t0;
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    if (errors.length || rows.length !== ROWS) throw new Error(`parse: ${rows.length} rows, ${errors.length} errors`);

    const admin = await signedInClient("admin@dangjian.test");
    const call = async (dryRun: boolean) => {
      const start = performance.now();
      const { data: result, error } = await admin.rpc("import_rows", { p_table: "members", p_rows: rows, p_mode: "insert", p_dry_run: dryRun });
      if (error || result.errors.length || result.created !== ROWS) throw new Error(`import_rows: ${error?.message ?? JSON.stringify(result.errors.slice(0, 3))}`);
      return performance.now() - start;
    };
    const checkMs = await call(true);
    const importMs = await call(false);
    const load = (await import("node:os")).loadavg()[0];
    printTable(`import of ${ROWS.toLocaleString("en")} members (.xlsx ${Math.round(bytes.length / 1024)} KB, request ${Math.round(JSON.stringify(rows).length / 1024)} KB)`, [
      ["parse (read-excel-file + headings + conversion)", Math.round(parseMs), "ms"],
      ["parse: peak RSS above the start", Math.round((peak - baseline) / 1024 / 1024), "MB"],
      ["check (import_rows dry run, via the API)", Math.round(checkMs), "ms"],
      ["import (import_rows, via the API)", Math.round(importMs), "ms"],
      ["machine load average (1 min) at the end", load.toFixed(1), ""],
    ]);
  } finally {
    await db.query("begin");
    await db.query("select set_config('app.maintenance', 'on', true)");
    await db.query("delete from public.members where student_or_staff_no like $1", [`${tag}%`]);
    await db.query("commit");
    await db.end();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
