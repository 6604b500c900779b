// Reloads the demo data at a scale: `npx tsx supabase/seed/load.ts --scale 10`.
// Empties every public table and every auth user of the local database (SUPABASE_DB_PORT), runs supabase/seed.sql
// with `app.seed_scale` set, then prints row counts and the seconds it took. For benchmarks and demos; the
// schema stays as the migrations left it.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { DB_URL, supabaseDir } from "../local/env";

export const seededTables = [
  "org_units", "profiles", "branches", "members", "carriers", "carrier_coverages", "partnerships",
  "partnership_activities", "fund_budgets", "fund_expenditures", "evaluation_cycles", "branch_evaluations",
  "member_posts", "member_reviews",
  // 组织生活
  "meetings", "meeting_attendance",

  // 示范岗、网络载体与书记培训
  "model_posts", "online_channels", "trainings", "training_attendance",

  // 联系点与走访
  "contact_points", "visits",

  // 案例与卓越
  "cases", "excellence_plans", "excellence_tasks", "branch_excellence_years",

  // 导入记录: none in the demo data, emptied with the units they refer to
  "imports",
  "audit_log",
] as const;

export async function loadSeed(scale: number, dbUrl = DB_URL): Promise<{ seconds: number; counts: Record<string, number> }> {
  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  try {
    const started = performance.now();
    await client.query("begin");
    // The audit trail refuses TRUNCATE through the API roles' eyes; a full reload is maintenance, not a change.
    await client.query("alter table public.audit_log disable trigger audit_log_no_truncate");
    await client.query(`truncate ${seededTables.map((t) => `public.${t}`).join(", ")} restart identity`);
    await client.query("alter table public.audit_log enable trigger audit_log_no_truncate");
    await client.query("delete from auth.users");
    await client.query("select set_config('app.seed_scale', $1, true)", [String(scale)]);
    await client.query(readFileSync(resolve(supabaseDir, "seed.sql"), "utf8"));
    await client.query("commit");
    const seconds = (performance.now() - started) / 1000;

    const counts: Record<string, number> = {};
    for (const table of seededTables) {
      const { rows } = await client.query(`select count(*)::int as n from public.${table}`);
      counts[table] = rows[0].n;
    }
    return { seconds, counts };
  } catch (error) {
    await client.query("rollback").catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { scale: { type: "string", default: "1" } } });
  const scale = Number(values.scale);
  if (!Number.isInteger(scale) || scale < 1) {
    console.error("usage: tsx supabase/seed/load.ts [--scale N]   (N a positive integer)");
    process.exit(2);
  }
  const { seconds, counts } = await loadSeed(scale);
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  for (const [table, n] of Object.entries(counts)) console.log(`${table.padEnd(24)} ${String(n).padStart(9)}`);
  console.log(`${"total".padEnd(24)} ${String(total).padStart(9)}`);
  console.log(`seeded at scale ${scale} in ${seconds.toFixed(1)} s (${DB_URL})`);
}
