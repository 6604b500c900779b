// The independent side of the 案例与卓越 dashboard and its home card: each panel's rows recomputed in plain SQL
// over the tables (as in dashboards-sql.ts), not through the analytics functions. Spread into PANEL_SQL.
import { sql } from "../supabase/local/testing";
import type { Scope } from "./dashboards-sql";

const unitFilter = (column: string, index: number) => `($${index}::bigint is null or ${column} = $${index}::bigint)`;
type Query = (scope: Scope) => Promise<Record<string, unknown>[]>;

// One row per unit with cases of the year; each figure its own count.
const casesByUnit: Query = (s) =>
  sql(
    `select u.id as org_unit_id, u.code as org_unit_code, u.name as org_unit_name, count(*) as cases,
            sum(case when c.status = 'draft' then 1 else 0 end) as draft,
            sum(case when c.status = 'submitted' then 1 else 0 end) as submitted,
            sum(case when c.status = 'recommended' then 1 else 0 end) as recommended,
            sum(case when c.status = 'rated' then 1 else 0 end) as rated,
            sum(case when c.rating = 'best' then 1 else 0 end) as best,
            sum(case when c.rating = 'excellent' then 1 else 0 end) as excellent,
            sum(case when c.rating = 'none' then 1 else 0 end) as not_awarded
       from cases c join branches b on b.id = c.branch_id join org_units u on u.id = b.org_unit_id
      where c.year = $1 and ${unitFilter("b.org_unit_id", 2)}
      group by u.id, u.code, u.name order by u.code`,
    [s.year, s.orgUnitId ?? s.visibleOrgUnitId ?? null],
  );

export const EXCELLENCE_SQL: Record<string, Query> = {
  "excellence/cases_status": casesByUnit,
  "excellence/cases_rating": casesByUnit,
  "excellence/plans_status": (s) =>
    sql(
      `select s.status::text as status,
              (select count(*) from excellence_plans p join branches b on b.id = p.branch_id
                where p.year = $1 and p.status = s.status and ${unitFilter("b.org_unit_id", 2)}) as plans,
              ${["excellent", "qualified", "not_met"]
                .map((r) => `(select count(*) from excellence_plans p join branches b on b.id = p.branch_id
                where p.year = $1 and p.status = s.status and p.result::text = '${r}' and ${unitFilter("b.org_unit_id", 2)}) as ${r}`)
                .join(", ")}
         from unnest(enum_range(null::plan_status)) s (status) order by s.status`,
      [s.year, s.orgUnitId ?? s.visibleOrgUnitId ?? null],
    ),
  "excellence/task_completion": (s) =>
    sql(
      `with t as (select b.org_unit_id, p.id as plan_id, x.id as task_id, x.done_on, x.due_on
                    from excellence_plans p join branches b on b.id = p.branch_id left join excellence_tasks x on x.plan_id = p.id
                   where p.year = $1 and ${unitFilter("b.org_unit_id", 2)})
       select u.id as org_unit_id, u.name as org_unit_name, count(distinct t.plan_id) as plans, count(t.task_id) as tasks,
              count(t.done_on) as done, count(*) filter (where t.task_id is not null and t.done_on is null and t.due_on < current_date) as overdue,
              round(count(t.done_on)::numeric / nullif(count(t.task_id), 0), 4) as completion_rate
         from t join org_units u on u.id = t.org_unit_id group by u.id, u.code, u.name order by u.code`,
      [s.year, s.orgUnitId ?? s.visibleOrgUnitId ?? null],
    ),
  "excellence/excellent_by_year": (s) =>
    sql(
      `with h as (select b.org_unit_id, y.year, y.status from branch_excellence_years y join branches b on b.id = y.branch_id
                   where y.year between 2024 and $1 and ${unitFilter("b.org_unit_id", 2)})
       select u.id as org_unit_id, u.name as org_unit_name, g.year,
              (select count(*) from h where h.org_unit_id = u.id and h.year = g.year and h.status = 'excellent') as excellent_branches,
              (select count(*) from h where h.org_unit_id = u.id and h.year = g.year and h.status = 'cultivating') as cultivating_branches
         from org_units u cross join generate_series(2024, $1) g (year)
        where u.id in (select org_unit_id from h) order by u.code, g.year`,
      [s.year, s.orgUnitId ?? s.visibleOrgUnitId ?? null],
    ),
  "home/rated_cases": (s) =>
    sql(
      `select count(*) as rated_cases, count(*) filter (where c.rating = 'best') as best_cases,
              count(*) filter (where c.rating = 'excellent') as excellent_cases
         from cases c join branches b on b.id = c.branch_id
        where c.year = $1 and c.status = 'rated' and ${unitFilter("b.org_unit_id", 2)}`,
      [s.year, s.orgUnitId ?? s.visibleOrgUnitId ?? null],
    ),
};
