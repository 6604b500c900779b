// The independent side of the dashboard checks: each panel's rows recomputed in plain SQL over the tables
// (as the postgres superuser, with the scope a role sees passed in), from the definitions in DESIGN.md —
// not through the analytics functions. Column names match the panel's query so the same table model formats both.
import { endOfYear as endOfYearOn } from "../src/dashboards/drill";
import { sql } from "../supabase/local/testing";
import { EXCELLENCE_SQL } from "./dashboards-sql.excellence";

/** orgUnitId: the page's org unit filter; visibleOrgUnitId: what RLS lets the role read (a committee: its own unit). */
/** user: the signed-in account's email, for the panels about the caller's own rows (the home page's 我的联系点). */
export type Scope = { year: number; orgUnitId: number | null; visibleOrgUnitId?: number | null; category?: string; quarter?: number; user?: string };

const activeOn = `cc.started_on <= $1::date and (cc.ended_on is null or cc.ended_on >= $1::date) and b.status = 'active'`;
const coveredOn = `select distinct cc.carrier_id from carrier_coverages cc join branches b on b.id = cc.branch_id where ${activeOn}`;
const unitFilter = (column: string, index: number) => `($${index}::bigint is null or ${column} = $${index}::bigint)`;

// The browser decides "today" in its time zone (the e2e config runs Asia/Shanghai): read the day the same way.
const TIME_ZONE = "Asia/Shanghai";
const endOfYear = (year: number) => endOfYearOn(year, new Date(new Date().toLocaleString("en-US", { timeZone: TIME_ZONE })));

type Query = (scope: Scope) => Promise<Record<string, unknown>[]>;

// the analytics functions return rates rounded to 4 decimals: compare like with like
const round4 = (n: number) => Math.round(n * 1e4) / 1e4;

const coverageRows = (group: string[], order: string) => (s: Scope) =>
  sql(
    `with covered as (${coveredOn})
     select ${[...group, "count(*) as carriers", "count(v.carrier_id) as covered", "count(*) - count(v.carrier_id) as uncovered",
       "round(count(v.carrier_id)::numeric / nullif(count(*), 0), 4) as coverage_rate"].join(", ")}
       from carriers c join org_units u on u.id = c.org_unit_id left join covered v on v.carrier_id = c.id
      where ${unitFilter("c.org_unit_id", 2)}
      ${group.length ? `group by ${group.map((g) => g.split(" as ")[0]).join(", ")} order by ${order}` : ""}`,
    [endOfYear(s.year), s.orgUnitId],
  );

const evaluations = `from branch_evaluations e join evaluation_cycles c on c.id = e.cycle_id join branches b on b.id = e.branch_id
  join org_units u on u.id = b.org_unit_id where e.total is not null and ${unitFilter("b.org_unit_id", 2)}`;

const fundsPerUnitCategory = (category: "param" | "all") => (s: Scope) =>
  sql(
    `select u.id as org_unit_id, u.name as org_unit_name, f.category,
            coalesce(sum(f.amount) filter (where f.branch_id is null), 0) as budget,
            coalesce(sum(f.amount) filter (where f.branch_id is not null), 0) as allocated,
            coalesce(sum((select sum(x.amount) from fund_expenditures x where x.budget_id = f.id)), 0) as spent,
            round(coalesce(sum(f.amount) filter (where f.branch_id is not null), 0) / nullif(sum(f.amount) filter (where f.branch_id is null), 0), 4) as allocation_rate,
            round(coalesce(sum((select sum(x.amount) from fund_expenditures x where x.budget_id = f.id)), 0) / nullif(sum(f.amount) filter (where f.branch_id is null), 0), 4) as execution_rate
       from fund_budgets f join org_units u on u.id = f.org_unit_id
      where f.fiscal_year = $1 and ${unitFilter("f.org_unit_id", 2)} and ($3::fund_category is null or f.category = $3::fund_category)
      group by u.id, u.code, u.name, f.category order by u.code, f.category`,
    [s.year, s.orgUnitId, category === "param" ? (s.category ?? null) : null],
  );

const monthly = (s: Scope, category: string | null) =>
  sql(
    `with budgets as (select f.id, f.branch_id, f.amount from fund_budgets f
                       where f.fiscal_year = $1 and ${unitFilter("f.org_unit_id", 2)} and ($3::fund_category is null or f.category = $3::fund_category)),
          total as (select sum(amount) filter (where branch_id is null) as budget from budgets),
          per_month as (select m, (select coalesce(sum(x.amount), 0) from fund_expenditures x join budgets g on g.id = x.budget_id
                                    where extract(month from x.spent_on) = m) as spent from generate_series(1, 12) m)
     select to_char(make_date($1, m, 1), 'YYYY-MM-DD') as month, spent,
            sum(spent) over (order by m) as cumulative_spent, t.budget,
            round(sum(spent) over (order by m) / nullif(t.budget, 0), 4) as cumulative_rate, round(m / 12.0, 4) as even_spend_rate
       from per_month cross join total t order by m`,
    [s.year, s.orgUnitId, category],
  );

const ranking = (bottom: boolean) => (s: Scope) =>
  sql(
    `select * from (
       select rank() over (order by e.total desc) as rank, b.name as branch_name, u.name as org_unit_name, e.total, e.grade, b.code
         ${evaluations} and c.year = $1) r
      order by ${bottom ? "r.total asc" : "r.total desc"}, r.code limit 10`,
    [s.year, s.orgUnitId],
  ).then((rows) => rows.sort((a, b) => Number(a.rank) - Number(b.rank) || String(a.code).localeCompare(String(b.code))));

const evaluationTrend: Query = (s) =>
  sql(
    `select c.year, c.status as cycle_status, count(x.total) as evaluated, round(avg(x.total), 2) as average_total,
            round((count(*) filter (where x.grade = 'excellent'))::numeric / nullif(count(x.total), 0), 4) as excellent_rate
       from evaluation_cycles c
       left join (select e.* from branch_evaluations e join branches b on b.id = e.branch_id
                   where e.total is not null and ${unitFilter("b.org_unit_id", 1)}) x on x.cycle_id = c.id
      group by c.year, c.status order by c.year`,
    [s.orgUnitId],
  );

// 组织生活: every period (month, quarter or year of a standard) begun between $1's period and $2 that an active
// branch founded by the period's end owes, and whether a meeting of the kind was held in it by $2. A period counts
// once however many meetings it had: the capped count while every standard asks for one per period (the seed's).
const meetingPeriods = `
  with std as (select kind, frequency,
                      case frequency when 'monthly' then interval '1 month' when 'quarterly' then interval '3 months' else interval '1 year' end as step,
                      case frequency when 'monthly' then 'month' when 'quarterly' then 'quarter' else 'year' end as unit
                 from meeting_standards),
       owed as (select b.id as branch_id, b.code as branch_code, b.name as branch_name, b.org_unit_id, b.founded_on, std.kind, std.frequency,
                       p::date as period_start, (p + std.step - interval '1 day')::date as period_end
                  from branches b cross join std
                  cross join lateral generate_series(date_trunc(std.unit, $1::date), $2::date, std.step) p
                 where b.status = 'active' and ($3::bigint is null or b.org_unit_id = $3::bigint))
  select o.*, exists (select 1 from meetings m where m.branch_id = o.branch_id and m.kind = o.kind
                         and m.held_on between o.period_start and least(o.period_end, $2::date)) as held
    from owed o where o.founded_on is null or o.founded_on <= o.period_end`;
const yearStart = (s: Scope) => `${s.year}-01-01`;
const completion = `count(*) as expected, count(*) filter (where held) as held,
                    round((count(*) filter (where held))::numeric / nullif(count(*), 0), 4) as completion_rate`;
const quarterStart = (s: Scope) => {
  const day = endOfYear(s.year);
  const quarter = s.quarter ?? Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1;
  return `${s.year}-${String(quarter * 3 - 2).padStart(2, "0")}-01`;
};
// 队伍建设: a year's secretaries are the current secretaries of the active branches founded by its end; their hours
// are their attendance at the trainings held in the year; the standard is the setting training_hours_standard.
const teamWith = `with hours as (select a.member_id, sum(a.hours) as h from training_attendance a join trainings t on t.id = a.training_id
                                  where t.held_on >= make_date($1::int, 1, 1) and t.held_on < make_date($1::int + 1, 1, 1)
                                  group by a.member_id),
       br as (select b.* from branches b where b.status = 'active' and coalesce(b.founded_on, '-infinity') <= make_date($1::int, 12, 31)
                 and ${unitFilter("b.org_unit_id", 2)}),
       sec as (select br.org_unit_id, m.professional_title::text as title, coalesce(h.h, 0) as h
                 from br join members m on m.id = br.secretary_id left join hours h on h.member_id = m.id),
       std as (select value as s from settings where key = 'training_hours_standard')`;
const senior = `title in ('senior', 'associate_senior')`;
const teamByUnit: Query = (s) =>
  sql(
    `${teamWith}
     select u.id as org_unit_id, u.name as org_unit_name,
            (select count(*) from br where br.org_unit_id = u.id) as branches,
            (select count(*) from br where br.org_unit_id = u.id and br.secretary_id is null) as branches_without_secretary,
            (select count(*) from sec where sec.org_unit_id = u.id) as secretaries,
            (select count(*) from sec where sec.org_unit_id = u.id and title = 'senior') as senior,
            (select count(*) from sec where sec.org_unit_id = u.id and title = 'associate_senior') as associate_senior,
            (select count(*) from sec where sec.org_unit_id = u.id and not ${senior}) as other_titles,
            (select round(count(*) filter (where ${senior})::numeric / nullif(count(*), 0), 4) from sec where sec.org_unit_id = u.id) as senior_title_share,
            (select count(*) from sec, std where sec.org_unit_id = u.id and h >= std.s) as secretaries_meeting_standard,
            (select round(count(*) filter (where h >= std.s)::numeric / nullif(count(*), 0), 4) from sec, std where sec.org_unit_id = u.id) as training_coverage,
            (select round(avg(h), 1) from sec where sec.org_unit_id = u.id) as average_hours
       from org_units u where u.id in (select org_unit_id from br) order by u.code`,
    [s.year, s.orgUnitId],
  );
const teamKpis: Query = (s) =>
  sql(
    `${teamWith}
     select (select count(*) from br where secretary_id is null) as branches_without_secretary,
            (select round(count(*) filter (where ${senior})::numeric / nullif(count(*), 0), 4) from sec) as senior_title_share,
            (select round(count(*) filter (where h >= std.s)::numeric / nullif(count(*), 0), 4) from sec, std) as training_coverage,
            (select round(avg(h), 1) from sec) as average_hours`,
    [s.year, s.orgUnitId],
  );
// 联系点: a contact point is in force on a day between started_on and ended_on (open end); a follow-up is open on a
// day when one was written, the visit was made by then and it was not resolved by then.
const inForce = (alias: string) => `${alias}.started_on <= $1::date and coalesce(${alias}.ended_on, 'infinity') >= $1::date`;
const openOn = (alias: string) =>
  `coalesce(btrim(${alias}.follow_up), '') <> '' and ${alias}.visited_on <= $1::date and (${alias}.resolved_on is null or ${alias}.resolved_on > $1::date)`;
const contactRows = (perUnit: boolean) => (s: Scope) =>
  sql(
    `with br as (select b.*, exists (select 1 from contact_points c where c.branch_id = b.id and ${inForce("c")}) as with_contact,
                        exists (select 1 from contact_points c join profiles p on p.user_id = c.contact_id
                                 where c.branch_id = b.id and p.role = 'leader' and ${inForce("c")}) as with_leader_contact
                   from branches b where b.status = 'active' and coalesce(b.founded_on, '-infinity') <= $1::date and ${unitFilter("b.org_unit_id", 2)})
     select ${perUnit ? "u.id as org_unit_id, u.name as org_unit_name," : ""} count(*) as branches,
            count(*) filter (where with_contact) as with_contact, count(*) filter (where with_leader_contact) as with_leader_contact,
            round((count(*) filter (where with_leader_contact))::numeric / nullif(count(*), 0), 4) as leader_contact_share,
            round((count(*) filter (where with_contact))::numeric / nullif(count(*), 0), 4) as contact_share
       from br ${perUnit ? "join org_units u on u.id = br.org_unit_id group by u.id, u.code, u.name order by u.code" : ""}`,
    [endOfYear(s.year), s.orgUnitId],
  );
const userId = `(select id from auth.users where email = $2)`;

/** Rows per "<dashboard>/<panel>", for the filters the page shows. */
export const PANEL_SQL: Record<string, Query> = {
  "coverage/overall": coverageRows([], ""),
  "coverage/by_kind": coverageRows(["c.kind as carrier_kind"], "c.kind"),
  "coverage/by_unit": coverageRows(["u.id as org_unit_id", "u.code", "u.name as org_unit_name", "c.kind as carrier_kind"], "u.code, c.kind"),
  "coverage/trend": (s) =>
    sql(
      `with days as (select m::date as month, least((m + interval '1 month' - interval '1 day')::date, $1::date) as day
                       from generate_series(date_trunc('month', $1::date) - interval '23 months', date_trunc('month', $1::date), interval '1 month') m),
            scope as (select c.id from carriers c where ${unitFilter("c.org_unit_id", 2)})
       select to_char(d.month, 'YYYY-MM-DD') as month, (select count(*) from scope) as carriers,
              (select count(distinct cc.carrier_id) from carrier_coverages cc join branches b on b.id = cc.branch_id
                where cc.carrier_id in (select id from scope) and cc.started_on <= d.day and (cc.ended_on is null or cc.ended_on >= d.day)
                  and b.status = 'active') as covered
         from days d order by d.month`,
      [endOfYear(s.year), s.orgUnitId],
    ).then((rows) => rows.map((r) => ({ ...r, coverage_rate: round4(Number(r.covered) / Number(r.carriers)) }))),
  "coverage/uncovered": (s) =>
    sql(
      `select c.name as carrier_name, c.kind as carrier_kind, u.name as org_unit_name, c.headcount,
              (select to_char(max(least(coalesce(cc.ended_on, $1::date), $1::date)), 'YYYY-MM-DD') from carrier_coverages cc
                where cc.carrier_id = c.id and cc.started_on <= $1::date) as last_covered_on
         from carriers c join org_units u on u.id = c.org_unit_id
        where ${unitFilter("c.org_unit_id", 2)}
          and c.id not in (select distinct cc.carrier_id from carrier_coverages cc join branches b on b.id = cc.branch_id where ${activeOn})
        order by c.headcount desc, c.id`,
      [endOfYear(s.year), s.orgUnitId],
    ),

  "evaluation/distribution": (s) =>
    sql(
      `with scored as (select least(floor(e.total / 5) * 5, 95) as bucket ${evaluations} and c.year = $1)
       select g || '–' || (g + 5) as label, (select count(*) from scored where bucket = g) as branches
         from generate_series((select coalesce(min(bucket), 95) from scored)::int, 95, 5) g order by g`,
      [s.year, s.orgUnitId],
    ),
  "evaluation/six": (s) =>
    sql(
      `with e as (select e.*, b.org_unit_id from branch_evaluations e join evaluation_cycles c on c.id = e.cycle_id
                    join branches b on b.id = e.branch_id where c.year = $1 and ${unitFilter("b.org_unit_id", 3)})
       select d.label, round(avg(d.score), 2) as school_average,
              case when $2::bigint is not null then round(avg(d.score) filter (where e.org_unit_id = $2::bigint), 2) end as unit_average
         from e cross join lateral (values (1, '领导班子', e.score_leadership), (2, '骨干队伍', e.score_backbone), (3, '服务场所', e.score_venue),
                                           (4, '服务载体', e.score_carrier), (5, '制度机制', e.score_system), (6, '服务业绩', e.score_performance)) d (ord, label, score)
        group by d.ord, d.label order by d.ord`,
      [s.year, s.orgUnitId, s.visibleOrgUnitId ?? null],
    ),
  "evaluation/trend": evaluationTrend,
  "evaluation/grades": (s) =>
    sql(
      `select u.id as org_unit_id, u.name as org_unit_name, count(*) as evaluated,
              count(*) filter (where e.grade = 'excellent') as excellent, count(*) filter (where e.grade = 'good') as good,
              count(*) filter (where e.grade = 'qualified') as qualified, count(*) filter (where e.grade = 'unqualified') as unqualified,
              round(avg(e.total), 2) as average_total
         ${evaluations} and c.year = $1 group by u.id, u.code, u.name order by u.code`,
      [s.year, s.orgUnitId],
    ),
  "evaluation/top": ranking(false),
  "evaluation/bottom": ranking(true),
  "evaluation/year_over_year": (s) =>
    sql(
      `with per_unit as (select b.org_unit_id, c.year, avg(e.total) as average_total, count(*) as evaluated
                           ${evaluations.replace("join org_units u on u.id = b.org_unit_id", "")} and c.year in ($1, $1 - 1)
                          group by b.org_unit_id, c.year)
       select u.name as org_unit_name, round(prev.average_total, 2) as previous_average_total, round(cur.average_total, 2) as average_total,
              round(cur.average_total - prev.average_total, 2) as change, coalesce(cur.evaluated, 0) as evaluated, coalesce(prev.evaluated, 0) as previous_evaluated
         from org_units u left join per_unit cur on cur.org_unit_id = u.id and cur.year = $1
         left join per_unit prev on prev.org_unit_id = u.id and prev.year = $1 - 1
        where cur.org_unit_id is not null or prev.org_unit_id is not null order by u.code`,
      [s.year, s.orgUnitId],
    ),

  "funds/by_unit": fundsPerUnitCategory("param"),
  "funds/execution_heatmap": fundsPerUnitCategory("all"),
  "funds/monthly": (s) => monthly(s, s.category ?? null),
  "funds/categories": (s) =>
    sql(
      `select f.category, sum(f.amount) filter (where f.branch_id is null) as budget,
              coalesce(sum(f.amount) filter (where f.branch_id is not null), 0) as allocated,
              coalesce(sum((select sum(x.amount) from fund_expenditures x where x.budget_id = f.id)), 0) as spent
         from fund_budgets f where f.fiscal_year = $1 and ${unitFilter("f.org_unit_id", 2)} group by f.category order by f.category`,
      [s.year, s.orgUnitId],
    ).then((rows) => rows.map((r) => ({ ...r, execution_rate: round4(Number(r.spent) / Number(r.budget)) }))),
  "funds/below_standard": (s) =>
    sql(
      `with m as (select branch_id, count(*) as members from members group by branch_id),
            a as (select branch_id, sum(amount) as allocated from fund_budgets where fiscal_year = $1 and category = 'activity' and branch_id is not null group by branch_id)
       select b.name as branch_name, u.name as org_unit_name, m.members, coalesce(a.allocated, 0) as allocated,
              round(coalesce(a.allocated, 0) / m.members, 2) as per_member, 200 as standard, round(200 * m.members - coalesce(a.allocated, 0), 2) as shortfall
         from branches b join org_units u on u.id = b.org_unit_id join m on m.branch_id = b.id left join a on a.branch_id = b.id
        where b.status = 'active' and ${unitFilter("b.org_unit_id", 2)} and coalesce(a.allocated, 0) < 200 * m.members
        order by coalesce(a.allocated, 0) / m.members, b.code`,
      [s.year, s.orgUnitId],
    ),

  "team/kpis": teamKpis,
  "team/titles_by_unit": teamByUnit,
  "team/training_by_unit": teamByUnit,
  "team/hours_distribution": (s) =>
    sql(
      `${teamWith}
       select b.label, (select count(*) from sec, std where case b.k when 0 then h = 0 when 5 then h >= std.s
                                                   else h > 0 and h >= std.s * (b.k - 1) / 4 and h < std.s * b.k / 4 and h < std.s end) as secretaries
         from (values (0, '0 学时'), (1, '不足 14 学时'), (2, '14–28 学时'), (3, '28–42 学时'), (4, '42–56 学时'), (5, '56 学时及以上 (达标)')) b (k, label)
        order by b.k`,
      [s.year, s.orgUnitId],
    ),
  "team/trend": async (s) => {
    const rows = [];
    for (let year = 2024; year <= s.year; year++) {
      const [row] = await sql(
        `${teamWith}
         select $1::int as year, (select count(*) from sec) as secretaries,
                (select count(*) from sec where ${senior}) as senior_title_secretaries,
                (select round(count(*) filter (where ${senior})::numeric / nullif(count(*), 0), 4) from sec) as senior_title_share,
                (select count(*) from sec, std where h >= std.s) as secretaries_meeting_standard,
                (select round(count(*) filter (where h >= std.s)::numeric / nullif(count(*), 0), 4) from sec, std) as training_coverage,
                (select round(avg(h), 1) from sec) as average_hours`,
        [year, s.orgUnitId],
      );
      rows.push(row);
    }
    return rows;
  },
  "team/vacant_branches": (s) =>
    sql(
      `${teamWith}
       select br.name as branch_name, br.kind as branch_kind, u.name as org_unit_name,
              (select count(*) from members m where m.branch_id = br.id) as members, to_char(br.last_election_on, 'YYYY-MM-DD') as last_election_on
         from br join org_units u on u.id = br.org_unit_id where br.secretary_id is null order by u.code, br.code`,
      [s.year, s.orgUnitId],
    ),

  "home/kpis": (s) =>
    sql(
      `with br as (select * from branches b where b.status = 'active' and ${unitFilter("b.org_unit_id", 3)}
                    and coalesce(b.founded_on, '-infinity') <= $1::date),
            sec as (select m.professional_title from br join members m on m.id = br.secretary_id),
            cov as (select count(*) as carriers, count(v.carrier_id) as covered from carriers c
                      left join (${coveredOn}) v on v.carrier_id = c.id where ${unitFilter("c.org_unit_id", 3)}),
            money as (select sum(f.amount) filter (where f.branch_id is null) as budget,
                             (select coalesce(sum(x.amount), 0) from fund_expenditures x join fund_budgets g on g.id = x.budget_id
                               where g.fiscal_year = $2 and ${unitFilter("g.org_unit_id", 3)}) as spent
                        from fund_budgets f where f.fiscal_year = $2 and ${unitFilter("f.org_unit_id", 3)})
       select (select count(*) from br) as branches,
              (select count(*) from members m where m.branch_id in (select id from br) and coalesce(m.joined_on, '-infinity') <= $1::date) as members,
              round(cov.covered::numeric / nullif(cov.carriers, 0), 4) as coverage_rate,
              (select round(count(*) filter (where professional_title in ('senior', 'associate_senior'))::numeric / nullif(count(*), 0), 4) from sec) as senior_title_secretary_share,
              round(money.spent / nullif(money.budget, 0), 4) as execution_rate,
              (select count(*) from br where coalesce(br.last_election_on, br.founded_on) is null
                  or coalesce(br.last_election_on, br.founded_on) + make_interval(years => br.term_years) < $1::date) as elections_overdue
         from cov cross join money`,
      [endOfYear(s.year), s.year, s.orgUnitId],
    ),
  "home/training_coverage": teamKpis,
  "home/contact_points": contactRows(false),
  "home/my_contact_points": (s) =>
    sql(
      `select b.name as branch_name, u.name as org_unit_name, to_char(c.started_on, 'YYYY-MM-DD') as started_on,
              (select count(*) from visits v where v.branch_id = c.branch_id and v.visitor_id = c.contact_id
                  and v.visited_on between date_trunc('year', $1::date) and $1::date) as visits_this_year,
              (select to_char(max(v.visited_on), 'YYYY-MM-DD') from visits v
                where v.branch_id = c.branch_id and v.visitor_id = c.contact_id and v.visited_on <= $1::date) as last_visited_on,
              (select count(*) from visits v where v.branch_id = c.branch_id and v.visitor_id = c.contact_id and ${openOn("v")}) as open_follow_ups
         from contact_points c join branches b on b.id = c.branch_id join org_units u on u.id = b.org_unit_id
        where c.contact_id = ${userId} and ${inForce("c")} order by u.code, b.code, c.id`,
      [endOfYear(s.year), s.user ?? null],
    ),
  "home/my_open_follow_ups": (s) =>
    sql(
      `select to_char(v.visited_on, 'YYYY-MM-DD') as visited_on, b.name as branch_name, u.name as org_unit_name, v.kind,
              v.problems, v.follow_up, $1::date - v.visited_on as days_open
         from visits v join branches b on b.id = v.branch_id join org_units u on u.id = b.org_unit_id
        where v.visitor_id = ${userId} and ${openOn("v")} order by v.visited_on, v.id`,
      [endOfYear(s.year), s.user ?? null],
    ),

  "contacts/overall": contactRows(false),
  "contacts/by_unit": contactRows(true),
  "contacts/by_leader": (s) =>
    sql(
      `select p.display_name as visitor_name, y as year,
              (select count(*) from visits v join branches b on b.id = v.branch_id
                where v.visitor_id = p.user_id and extract(year from v.visited_on) = y and ${unitFilter("b.org_unit_id", 2)}) as visits,
              (select count(*) from visits v join branches b on b.id = v.branch_id
                where v.visitor_id = p.user_id and extract(year from v.visited_on) = y and ${unitFilter("b.org_unit_id", 2)}
                  and coalesce(btrim(v.problems), '') <> '') as with_problems
         from profiles p cross join generate_series(2024, $1::int) y
        where p.role = 'leader' order by p.display_name, p.user_id, y`,
      [s.year, s.orgUnitId],
    ),
  "contacts/open_follow_ups": (s) =>
    sql(
      `select to_char(v.visited_on, 'YYYY-MM-DD') as visited_on, b.name as branch_name, u.name as org_unit_name,
              coalesce(p.display_name, v.visitor_name) as visitor, v.kind, v.problems, v.follow_up, $1::date - v.visited_on as days_open
         from visits v join branches b on b.id = v.branch_id join org_units u on u.id = b.org_unit_id
         left join profiles p on p.user_id = v.visitor_id
        where ${openOn("v")} and ${unitFilter("b.org_unit_id", 2)} order by v.visited_on, v.id`,
      [endOfYear(s.year), s.orgUnitId],
    ),

  "home/coverage": coverageRows(["c.kind as carrier_kind"], "c.kind"),
  "home/evaluation": evaluationTrend,
  "home/funds": (s) => monthly(s, null),
  "life/completion_heatmap": (s) =>
    sql(
      `select u.id as org_unit_id, u.code as org_unit_code, u.name as org_unit_name, 'Q' || extract(quarter from p.period_end) as quarter, ${completion}
         from (${meetingPeriods}) p join org_units u on u.id = p.org_unit_id group by u.id, u.code, u.name, 4 order by u.code, 4`,
      [yearStart(s), endOfYear(s.year), s.orgUnitId],
    ),
  "life/by_kind": (s) =>
    sql(`select p.kind, p.frequency, ${completion} from (${meetingPeriods}) p group by p.kind, p.frequency order by p.kind`, [
      yearStart(s), endOfYear(s.year), s.orgUnitId,
    ]),
  "life/attendance_trend": (s) =>
    sql(
      `select to_char(q, 'YYYY-MM-DD') as quarter_start, to_char(q, 'YYYY') || '-Q' || extract(quarter from q) as quarter_label,
              count(m.id) as meetings, coalesce(sum(m.expected_count), 0) as expected, coalesce(sum(m.present_count), 0) as present,
              round(sum(m.present_count)::numeric / nullif(sum(m.expected_count), 0), 4) as attendance_rate
         from generate_series(make_date($1 - 2, 1, 1), date_trunc('quarter', $2::date), interval '3 months') q
         left join meetings m on m.held_on >= q and m.held_on < q + interval '3 months' and m.held_on <= $2::date and m.expected_count > 0
                             and ${unitFilter("m.org_unit_id", 3)}
        group by q order by q`,
      [s.year, endOfYear(s.year), s.orgUnitId],
    ),
  "life/quarter_status": (s) => {
    const from = quarterStart(s);
    return sql(
      `with q as (select $1::date as q_start, least(($1::date + interval '3 months' - interval '1 day')::date, $2::date) as q_to),
            per_kind as (select p.branch_id, p.branch_code, p.branch_name, p.org_unit_id, p.kind, bool_and(p.held) as done
                           from (${meetingPeriods.replaceAll("$2::date", "(select q_to from q)")}) p
                          where $1::date <= $2::date
                          group by 1, 2, 3, 4, 5)
       select k.branch_id, k.branch_name, u.name as org_unit_name,
              ${["branch_committee", "general_meeting", "group_meeting", "party_lecture", "theme_day", "org_life"]
                .map((kind) => `max(case when k.kind = '${kind}' then (case when k.done then 'done' else 'open' end) end) as ${kind}`).join(", ")},
              count(*) filter (where k.done) as kinds_done, count(*) as kinds_due
         from per_kind k join org_units u on u.id = k.org_unit_id
        group by k.branch_id, k.branch_code, k.branch_name, u.name, u.code
        order by (count(*) filter (where k.done))::numeric / count(*), u.code, k.branch_code`,
      [from, endOfYear(s.year), s.orgUnitId],
    );
  },
  "life/without_meetings": (s) =>
    sql(
      `select b.id as branch_id, b.code as branch_code, b.name as branch_name, u.name as org_unit_name,
              (select count(*) from members x where x.branch_id = b.id) as members,
              (select to_char(max(m.held_on), 'YYYY-MM-DD') from meetings m where m.branch_id = b.id and m.held_on <= $1::date) as last_held_on
         from branches b join org_units u on u.id = b.org_unit_id
        where b.status = 'active' and coalesce(b.founded_on, '-infinity') <= $1::date and ${unitFilter("b.org_unit_id", 2)}
          and not exists (select 1 from meetings m where m.branch_id = b.id and m.held_on between date_trunc('quarter', $1::date) and $1::date)
        order by u.code, b.code`,
      [endOfYear(s.year), s.orgUnitId],
    ),
  "home/meeting_completion": (s) =>
    sql(`select ${completion} from (${meetingPeriods}) p`, [yearStart(s), endOfYear(s.year), s.orgUnitId]),
  ...EXCELLENCE_SQL,
  // 待办: each registered kind's count in the scope. The kinds themselves are checked against independent SQL,
  // kind by kind and role by role, in supabase/tests/todos.test.ts; here the panel must show what they count.
  "home/todos": async (s) => {
    const kinds = await sql<{ kind: string; label: string }>("select kind, label from app.todo_kinds order by position, kind");
    const unit = s.orgUnitId ?? s.visibleOrgUnitId ?? null;
    const rows: Record<string, unknown>[] = [];
    for (const { kind, label } of kinds) {
      const [{ n }] = await sql<{ n: number }>(
        `select count(*)::int as n from app."todo_${kind}"() i where ($1::bigint is null or i.org_unit_id = $1::bigint)`,
        [unit],
      );
      rows.push({ label, count: n });
    }
    return rows;
  },
};
