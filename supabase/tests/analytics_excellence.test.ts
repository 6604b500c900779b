// The 案例与卓越 analytics RPCs (cases_by_unit, excellence_plans_by_status, excellence_tasks_by_unit,
// excellent_branches_by_year, rated_cases_kpi) against independent SQL over the seeded data, through the API so RLS
// applies: 组织部 and the leader see every unit, a committee only its own; the parameters are bounded.
// Units other test files create beside the seed (codes with a tag) are left out of the comparison: their rows come
// and go while this file runs.
import type { SupabaseClient } from "@supabase/supabase-js";
import { beforeAll, describe, expect, it } from "vitest";
import { signedInClient } from "../local/testing";
import { one, withDb } from "./fixture";

let admin: SupabaseClient;
let leader: SupabaseClient;
let committee: SupabaseClient;
let committeeUnit: number;

beforeAll(async () => {
  admin = await signedInClient("admin@dangjian.test");
  leader = await signedInClient("leader@dangjian.test");
  committee = await signedInClient("committee@dangjian.test");
  committeeUnit = await withDb((db) => one<number>(db, "select id from public.org_units where code = 'U001'"));
});

const seeded = (rows: Record<string, unknown>[]) => rows.filter((r) => /^U\d+$/.test(String(r.org_unit_code)));
const sql = (text: string, params: unknown[] = []) => withDb(async (db) => (await db.query(text, params)).rows as Record<string, unknown>[]);
/** bigint and numeric columns arrive as strings from pg and as numbers from PostgREST. */
const numbers = (rows: Record<string, unknown>[]) =>
  rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === "string" && /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v])));

async function rpc(client: SupabaseClient, name: string, params: Record<string, unknown>) {
  const { data, error } = await client.rpc(name, params);
  expect(error).toBeNull();
  return numbers(data as Record<string, unknown>[]);
}

// Independent counts: one correlated subquery per figure, over each seeded unit that has any row.
const casesSql = `
  select u.id as org_unit_id, u.code as org_unit_code, u.name as org_unit_name,
         (select count(*) from public.cases c join public.branches b on b.id = c.branch_id where b.org_unit_id = u.id and c.year = $1) as cases,
         ${["draft", "submitted", "recommended", "rated"]
           .map((s) => `(select count(*) from public.cases c join public.branches b on b.id = c.branch_id where b.org_unit_id = u.id and c.year = $1 and c.status::text = '${s}') as ${s}`)
           .join(", ")},
         ${[["best", "best"], ["excellent", "excellent"], ["none", "not_awarded"]]
           .map(([r, as]) => `(select count(*) from public.cases c join public.branches b on b.id = c.branch_id where b.org_unit_id = u.id and c.year = $1 and c.rating::text = '${r}') as ${as}`)
           .join(", ")}
    from public.org_units u
   where u.code ~ '^U[0-9]+$' and ($2::bigint is null or u.id = $2)
     and exists (select 1 from public.cases c join public.branches b on b.id = c.branch_id where b.org_unit_id = u.id and c.year = $1)
   order by u.code`;

const tasksSql = `
  select u.id as org_unit_id, u.code as org_unit_code, u.name as org_unit_name,
         (select count(*) from public.excellence_plans p join public.branches b on b.id = p.branch_id where b.org_unit_id = u.id and p.year = $1) as plans,
         count(t.id) as tasks, count(t.id) filter (where t.done_on is not null) as done,
         count(t.id) filter (where t.done_on is null and t.due_on < current_date) as overdue,
         case when count(t.id) = 0 then null else round(count(t.id) filter (where t.done_on is not null)::numeric / count(t.id), 4) end as completion_rate
    from public.org_units u
    left join public.branches b on b.org_unit_id = u.id
    left join public.excellence_plans p on p.branch_id = b.id and p.year = $1
    left join public.excellence_tasks t on t.plan_id = p.id
   where u.code ~ '^U[0-9]+$' and ($2::bigint is null or u.id = $2)
   group by u.id, u.code, u.name
  having count(p.id) > 0
   order by u.code`;

describe.each([2024, 2025, 2026])("year %i", (year) => {
  it("cases_by_unit: per unit by status and rating, for 组织部 and the leader", async () => {
    const expected = numbers(await sql(casesSql, [year, null]));
    expect(expected.length).toBeGreaterThan(5);
    expect(seeded(await rpc(admin, "cases_by_unit", { p_year: year }))).toEqual(expected);
    expect(seeded(await rpc(leader, "cases_by_unit", { p_year: year }))).toEqual(expected);
  });

  it("cases_by_unit: a committee sees its own unit only, whatever it asks", async () => {
    const own = numbers(await sql(casesSql, [year, committeeUnit]));
    expect(await rpc(committee, "cases_by_unit", { p_year: year })).toEqual(own);
    const other = await withDb((db) => one<number>(db, "select id from public.org_units where code = 'U002'"));
    expect(await rpc(committee, "cases_by_unit", { p_year: year, p_org_unit_id: other })).toEqual([]);
  });

  it("excellence_plans_by_status: every status, with the results of the judged", async () => {
    const expected = numbers(
      await sql(
        `select s.status::text as status,
                (select count(*) from public.excellence_plans p join public.branches b on b.id = p.branch_id join public.org_units u on u.id = b.org_unit_id
                  where p.year = $1 and p.status = s.status and u.code ~ '^U[0-9]+$') as plans,
                ${["excellent", "qualified", "not_met"]
                  .map((r) => `(select count(*) from public.excellence_plans p join public.branches b on b.id = p.branch_id join public.org_units u on u.id = b.org_unit_id
                  where p.year = $1 and p.status = s.status and p.result::text = '${r}' and u.code ~ '^U[0-9]+$') as ${r}`)
                  .join(", ")}
           from unnest(enum_range(null::public.plan_status)) s (status) order by s.status`,
        [year],
      ),
    );
    // the whole school's figure includes other files' fixture units: compare unit by unit instead
    const units = await sql("select id from public.org_units where code ~ '^U[0-9]+$' order by code");
    const sum = expected.map((row) => ({ ...row, plans: 0, excellent: 0, qualified: 0, not_met: 0 }));
    for (const { id } of units) {
      const rows = await rpc(admin, "excellence_plans_by_status", { p_year: year, p_org_unit_id: id });
      expect(rows.map((r) => r.status)).toEqual(["draft", "submitted", "approved", "judged"]);
      rows.forEach((r, i) => {
        for (const k of ["plans", "excellent", "qualified", "not_met"] as const) (sum[i] as Record<string, number>)[k] += r[k] as number;
      });
    }
    expect(sum).toEqual(expected);
    expect(sum.reduce((n, r) => n + (r.plans as number), 0)).toBeGreaterThan(0);
  });

  it("excellence_tasks_by_unit: tasks, done, overdue and completion per unit", async () => {
    const expected = numbers(await sql(tasksSql, [year, null]));
    expect(expected.length).toBeGreaterThan(3);
    expect(seeded(await rpc(admin, "excellence_tasks_by_unit", { p_year: year }))).toEqual(expected);
    expect(await rpc(committee, "excellence_tasks_by_unit", { p_year: year })).toEqual(numbers(await sql(tasksSql, [year, committeeUnit])));
  });

  it("rated_cases_kpi: the rated cases of the year, per unit and for the committee", async () => {
    const kpiSql = `select count(*) filter (where c.status = 'rated') as rated_cases,
                           count(*) filter (where c.rating = 'best') as best_cases, count(*) filter (where c.rating = 'excellent') as excellent_cases
                      from public.cases c join public.branches b on b.id = c.branch_id where c.year = $1 and b.org_unit_id = $2`;
    const other = await withDb((db) => one<number>(db, "select id from public.org_units where code = 'U003'"));
    expect(await rpc(admin, "rated_cases_kpi", { p_year: year, p_org_unit_id: other })).toEqual(numbers(await sql(kpiSql, [year, other])));
    expect(await rpc(committee, "rated_cases_kpi", { p_year: year })).toEqual(numbers(await sql(kpiSql, [year, committeeUnit])));
  });
});

describe("excellent_branches_by_year", () => {
  const historySql = `
    select u.id as org_unit_id, u.code as org_unit_code, u.name as org_unit_name, g.year,
           (select count(*) from public.branch_excellence_years y join public.branches b on b.id = y.branch_id
             where b.org_unit_id = u.id and y.year = g.year and y.status = 'excellent') as excellent_branches,
           (select count(*) from public.branch_excellence_years y join public.branches b on b.id = y.branch_id
             where b.org_unit_id = u.id and y.year = g.year and y.status = 'cultivating') as cultivating_branches
      from public.org_units u cross join generate_series(2024, 2026) g (year)
     where u.code ~ '^U[0-9]+$' and ($1::bigint is null or u.id = $1)
       and exists (select 1 from public.branch_excellence_years y join public.branches b on b.id = y.branch_id
                    where b.org_unit_id = u.id and y.year between 2024 and 2026)
     order by u.code, g.year`;

  it("counts each unit's 卓越党支部 and 培育中 branches per year, every year of the range", async () => {
    const expected = numbers(await sql(historySql, [null]));
    expect(expected.some((r) => (r.excellent_branches as number) > 0)).toBe(true);
    expect(seeded(await rpc(admin, "excellent_branches_by_year", { p_from: 2024, p_to: 2026 }))).toEqual(expected);
    expect(await rpc(committee, "excellent_branches_by_year", { p_from: 2024, p_to: 2026 })).toEqual(numbers(await sql(historySql, [committeeUnit])));
  });
});

describe("parameter bounds", () => {
  it.each([
    ["cases_by_unit", { p_year: 1999 }, "p_year", "年度须在 2000 到 2100 之间"],
    ["excellence_plans_by_status", { p_year: 2101 }, "p_year", "年度须在 2000 到 2100 之间"],
    ["excellence_tasks_by_unit", { p_year: -1 }, "p_year", "年度须在 2000 到 2100 之间"],
    ["rated_cases_kpi", { p_year: 99999 }, "p_year", "年度须在 2000 到 2100 之间"],
    ["excellent_branches_by_year", { p_from: 1000, p_to: 2026 }, "p_from", "起始年度须在 2000 到 2100 之间"],
    ["excellent_branches_by_year", { p_from: 2024, p_to: 3000 }, "p_to", "截止年度须在 2000 到 2100 之间"],
  ])("%s refuses %j with 22023 on its parameter", async (name, params, field, message) => {
    const { error } = await admin.rpc(name, params);
    expect(error).toMatchObject({ code: "22023", message, details: "analytics_parameter_range", hint: `field:${field}` });
  });

  it("anon is refused", async () => {
    const { anonClient } = await import("../local/testing");
    const { error } = await anonClient().rpc("cases_by_unit", { p_year: 2026 });
    expect(error?.code).toBe("42501");
  });
});
