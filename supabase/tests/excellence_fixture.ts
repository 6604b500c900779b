// Rows of the 案例与卓越 registers in the shared fixture's two units (A, B): a draft case, a draft plan for 2026
// with one task, and a 卓越党支部 year, per unit. dropExcellenceRows() removes every row of these tables in the
// fixture's branches (as maintenance: rated cases and judged plans are frozen for the API) before dropFixture.
import type { Fixture, Unit } from "./fixture";
import { one, withDb } from "./fixture";

type PerUnit = Record<Unit, number>;
export type ExcellenceRows = { cases: PerUnit; plans: PerUnit; tasks: PerUnit; years: PerUnit };

export async function createExcellenceRows(f: Fixture): Promise<ExcellenceRows> {
  return withDb(async (db) => {
    const rows = { cases: {}, plans: {}, tasks: {}, years: {} } as ExcellenceRows;
    for (const u of ["A", "B"] as const) {
      rows.cases[u] = await one<number>(
        db,
        `insert into public.cases (branch_id, year, title, summary, service_area) values ($1, 2026, $2, '做法与成效', 'members') returning id`,
        [f.branches[u], `测试案例${u} ${f.tag}`],
      );
      rows.plans[u] = await one<number>(
        db,
        `insert into public.excellence_plans (branch_id, year, goals, entry_point, breakthrough) values ($1, 2026, '争创卓越党支部', '党建+专业', '示范岗') returning id`,
        [f.branches[u]],
      );
      rows.tasks[u] = await one<number>(db, `insert into public.excellence_tasks (plan_id, title, due_on) values ($1, '开展主题党日', '2026-06-30') returning id`, [
        rows.plans[u],
      ]);
      rows.years[u] = await one<number>(db, `insert into public.branch_excellence_years (branch_id, year, status) values ($1, 2023, 'cultivating') returning id`, [
        f.spareBranches[u],
      ]);
    }
    return rows;
  });
}

export async function dropExcellenceRows(f: Fixture | undefined): Promise<void> {
  if (!f) return;
  await withDb(async (db) => {
    await db.query("begin");
    await db.query("select set_config('app.maintenance', 'on', true)");
    const branches = "select b.id from public.branches b join public.org_units u on u.id = b.org_unit_id where u.code like $1";
    await db.query(`delete from public.cases where branch_id in (${branches})`, [`${f.tag}%`]);
    await db.query(`delete from public.branch_excellence_years where branch_id in (${branches})`, [`${f.tag}%`]);
    await db.query(`delete from public.excellence_plans where branch_id in (${branches})`, [`${f.tag}%`]);
    await db.query("commit");
  });
}
