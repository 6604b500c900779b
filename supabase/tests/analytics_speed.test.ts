// The dashboard RPCs rewritten for speed (20261203100000_dashboard_rpc_speed.sql) against their former per-row
// definitions, written out here as independent SQL, over the seed data: the meeting completion per branch and
// period (with two standards raised to 2 a period, so the cap matters), the covered carriers per day counted
// distinct, the secretaries' hours and each budget's expenditures by a sub-select per row. Each comparison runs as the caller (the leader,
// who reads everything, and the seed's committee admin, who sees its own unit) inside a transaction that is rolled
// back, so row-level security applies to both sides alike.
import type pg from "pg";
import { describe, expect, it } from "vitest";
import { withDb } from "./fixture";

async function asCaller<T>(email: string, work: (db: pg.Client) => Promise<T>, setup?: (db: pg.Client) => Promise<void>) {
  return withDb(async (db) => {
    await db.query("begin");
    try {
      await setup?.(db);
      const { rows } = await db.query("select id from auth.users where email = $1", [email]);
      expect(rows).toHaveLength(1);
      await db.query("set local role authenticated");
      await db.query("select set_config('request.jwt.claims', $1, true)", [JSON.stringify({ sub: rows[0].id, role: "authenticated" })]);
      return await work(db);
    } finally {
      await db.query("rollback");
    }
  });
}

const rows = async (db: pg.Client, text: string, params: unknown[]) => (await db.query(text, params)).rows;
const CALLERS = ["leader@dangjian.test", "committee@dangjian.test"];

// app.meeting_periods as it was (one row per active branch in scope and period begun by p_to, held capped).
const periodsSql = `
  with standards as (
    select s.kind, s.frequency, s.per_period,
           case s.frequency when 'monthly' then 'month' when 'quarterly' then 'quarter' else 'year' end as unit,
           case s.frequency when 'monthly' then interval '1 month' when 'quarterly' then interval '3 months' else interval '1 year' end as step
      from public.meeting_standards s where s.kind <> 'secretary_forum'),
  periods as (
    select s.kind, s.frequency, s.per_period, s.unit, p::date as period_start, (p + s.step - interval '1 day')::date as period_end
      from standards s cross join lateral generate_series(date_trunc(s.unit, $1::date::timestamp), $2::date::timestamp, s.step) p),
  scoped as (
    select b.id, b.org_unit_id, b.founded_on from public.branches b
     where b.status = 'active' and ($3::bigint is null or b.org_unit_id = $3) and ($4::public.branch_kind is null or b.kind = $4)),
  held as (
    select m.branch_id, m.kind, date_trunc(s.unit, m.held_on::timestamp)::date as period_start, count(*)::integer as n
      from public.meetings m join standards s on s.kind = m.kind
     where m.held_on between date_trunc('year', $1::date::timestamp)::date and $2::date and m.branch_id is not null
       and ($3::bigint is null or m.org_unit_id = $3)
     group by 1, 2, 3)
  select b.id as branch_id, b.org_unit_id, p.kind, p.frequency, p.period_start, p.period_end,
         p.per_period::integer as expected, least(coalesce(h.n, 0), p.per_period)::integer as held
    from scoped b cross join periods p
    left join held h on h.branch_id = b.id and h.kind = p.kind and h.period_start = p.period_start
   where b.founded_on is null or b.founded_on <= p.period_end`;

// Two standards asking for 2 a period, and some periods with 2 or 3 meetings of those kinds (the seed holds one a
// period), so both sides must cap the same way.
const raiseTwoStandards = async (db: pg.Client) => {
  await db.query("update public.meeting_standards set per_period = 2 where kind in ('branch_committee', 'general_meeting')");
  for (const every of [11, 17])
    await db.query(
      `insert into public.meetings (org_unit_id, branch_id, kind, held_on, title)
       select org_unit_id, branch_id, kind, held_on, '补充会议' from public.meetings
        where kind in ('branch_committee', 'general_meeting', 'theme_day') and id % $1 = 0`,
      [every],
    );
};

const CASES: [string, number | null, string | null][] = [
  ["2026-05-15", null, null],
  ["2025-12-31", null, "teacher"],
  ["2024-02-29", 1, null],
  ["2026-10-01", 2, "student"],
];

describe("meeting completion: the sums equal the per-branch-and-period definition", () => {
  for (const email of CALLERS)
    it(`summary, by kind and by unit and quarter, as ${email}`, async () => {
      await asCaller(
        email,
        async (db) => {
          for (const [day, unit, kind] of CASES) {
            const from = `${day.slice(0, 4)}-01-01`;
            const params = [from, day, unit, kind];
            const summary = await rows(db, "select * from public.meeting_completion_summary($1, $2, $3)", [day, unit, kind]);
            const expectedSummary = await rows(
              db,
              `select coalesce(sum(expected), 0)::bigint as expected, coalesce(sum(held), 0)::bigint as held,
                      round(sum(held)::numeric / nullif(sum(expected), 0), 4) as completion_rate from (${periodsSql}) p`,
              params,
            );
            expect(summary).toEqual(expectedSummary);
            if (unit === null && email.startsWith("leader")) expect(Number(summary[0].expected)).toBeGreaterThan(1000);

            const byKind = await rows(db, "select * from public.meeting_completion_by_kind($1, $2, $3)", [day, unit, kind]);
            expect(byKind).toEqual(
              await rows(
                db,
                `select kind, frequency, sum(expected)::bigint as expected, sum(held)::bigint as held,
                        round(sum(held)::numeric / nullif(sum(expected), 0), 4) as completion_rate
                   from (${periodsSql}) p group by kind, frequency order by kind`,
                params,
              ),
            );

            const byUnit = await rows(db, "select * from public.meeting_completion_by_unit_quarter($1, $2, $3)", [day, unit, kind]);
            expect(byUnit).toEqual(
              await rows(
                db,
                `select u.id as org_unit_id, u.code as org_unit_code, u.name as org_unit_name,
                        'Q' || extract(quarter from p.period_end)::int as quarter,
                        sum(p.expected)::bigint as expected, sum(p.held)::bigint as held,
                        round(sum(p.held)::numeric / nullif(sum(p.expected), 0), 4) as completion_rate
                   from (${periodsSql}) p join public.org_units u on u.id = p.org_unit_id
                  group by u.id, u.code, u.name, 4 order by u.code, 4`,
                params,
              ),
            );
          }
        },
        raiseTwoStandards,
      );
    });

  it("a quarter's status per branch and kind follows the same periods", async () => {
    await asCaller(
      "leader@dangjian.test",
      async (db) => {
        const status = await rows(
          db,
          "select branch_id, kinds_done, kinds_due from public.meeting_quarter_status($1, 2, null, null) order by branch_id",
          ["2026-08-20"],
        );
        const expected = await rows(
          db,
          `select branch_id, count(*) filter (where done) as kinds_done, count(*) as kinds_due
             from (select branch_id, kind, bool_and(held >= expected) as done from (${periodsSql}) p
                    where period_end >= '2026-04-01' group by branch_id, kind) k
            group by branch_id order by branch_id`,
          ["2026-04-01", "2026-06-30", null, null],
        );
        expect(status.length).toBeGreaterThan(10);
        expect(status).toEqual(expected);
      },
      raiseTwoStandards,
    );
  });
});

describe("coverage_trend: the covered carriers of each day, counted distinct", () => {
  for (const email of CALLERS)
    it(`as ${email}`, async () => {
      await asCaller(email, async (db) => {
        for (const [months, end, carrierKind, branchKind] of [
          [24, "2026-12-02", null, null],
          [7, "2026-06-15", "lab", null],
          [13, "2025-02-28", null, "teacher"],
        ] as const) {
          const trend = await rows(db, "select * from public.coverage_trend($1, $2, null, $3, $4)", [months, end, carrierKind, branchKind]);
          const expected = await rows(
            db,
            `with days as (
               select m::date as month, least((m + interval '1 month' - interval '1 day')::date, $2::date) as day
                 from generate_series(date_trunc('month', $2::date) - make_interval(months => $1 - 1), date_trunc('month', $2::date), interval '1 month') m),
             scope as (select c.id from public.carriers c where $3::public.carrier_kind is null or c.kind = $3)
             select d.month, d.day, (select count(*) from scope) as carriers, count(distinct cc.carrier_id) as covered,
                    round(count(distinct cc.carrier_id)::numeric / nullif((select count(*) from scope), 0), 4) as coverage_rate
               from days d
               left join (public.carrier_coverages cc
                          join scope s on s.id = cc.carrier_id
                          join public.branches b on b.id = cc.branch_id and b.status = 'active'
                                                and ($4::public.branch_kind is null or b.kind = $4))
                 on cc.started_on <= d.day and (cc.ended_on is null or cc.ended_on >= d.day)
              group by d.month, d.day order by d.month`,
            [months, end, carrierKind, branchKind],
          );
          expect(trend).toHaveLength(months);
          expect(trend).toEqual(expected);
        }
      });
    });
});

describe("队伍建设: the secretaries' hours summed per secretary", () => {
  // The former app.team_secretaries: a sub-select per secretary.
  const secretariesSql = `
    select b.org_unit_id, m.professional_title,
           coalesce((select sum(a.hours) from public.training_attendance a join public.trainings t on t.id = a.training_id
                      where a.member_id = m.id and t.held_on between make_date($1, 1, 1) and make_date($1, 12, 31)), 0) as hours
      from public.branches b join public.members m on m.id = b.secretary_id
     where b.status = 'active' and (b.founded_on is null or b.founded_on <= make_date($1, 12, 31))
       and ($2::bigint is null or b.org_unit_id = $2)`;
  const standard = "(select value from public.settings where key = 'training_hours_standard')";

  // the whole school, one unit (each secretary's attendance summed on its own), and a committee's own unit
  const RUNS: [string, number | null][] = [["leader@dangjian.test", null], ["leader@dangjian.test", 2], ["committee@dangjian.test", null]];
  for (const [email, unit] of RUNS)
    it(`team_trend, team_summary and the hours distribution, as ${email}, unit ${unit ?? "all"}`, async () => {
      await asCaller(email, async (db) => {
        const trend = await rows(db, "select * from public.team_trend(2024, 2026, $1)", [unit]);
        expect(trend).toHaveLength(3);
        for (const year of [2024, 2025, 2026]) {
          const [mine] = await rows(
            db,
            `select $1::int as year, count(*) as secretaries,
                    count(*) filter (where professional_title in ('senior', 'associate_senior')) as senior_title_secretaries,
                    case when count(*) > 0 then round((count(*) filter (where professional_title in ('senior', 'associate_senior')))::numeric / count(*), 4) end as senior_title_share,
                    count(*) filter (where hours >= ${standard}) as secretaries_meeting_standard,
                    case when count(*) > 0 then round((count(*) filter (where hours >= ${standard}))::numeric / count(*), 4) end as training_coverage,
                    round(avg(hours), 1) as average_hours,
                    count(*) filter (where hours > 0) as trained
               from (${secretariesSql}) s`,
            [year, unit],
          );
          const { trained, ...row } = mine;
          expect(trend.find((r) => r.year === year)).toEqual(row);
          const [summary] = await rows(db, "select * from public.team_summary($1, $2)", [year, unit]);
          expect(summary).toMatchObject({
            secretaries: row.secretaries,
            senior_title_secretaries: row.senior_title_secretaries,
            senior_title_share: row.senior_title_share,
            trained_secretaries: trained,
            secretaries_meeting_standard: row.secretaries_meeting_standard,
            training_coverage: row.training_coverage,
            average_hours: row.average_hours,
          });
          const buckets = await rows(db, "select bucket, secretaries from public.team_training_hours_distribution($1, $2)", [year, unit]);
          expect(buckets.map((b) => b.bucket)).toEqual([0, 1, 2, 3, 4, 5]);
          expect(buckets.reduce((sum, b) => sum + Number(b.secretaries), 0)).toBe(Number(row.secretaries));
          expect(buckets[5].secretaries).toBe(row.secretaries_meeting_standard);
        }
        expect(Number(trend[2].secretaries)).toBeGreaterThan(unit === null && email.startsWith("leader") ? 50 : 3);
      });
    });
});

describe("funds_by_unit_category: each budget's expenditures summed", () => {
  for (const email of CALLERS)
    it(`as ${email}`, async () => {
      await asCaller(email, async (db) => {
        for (const [year, category, branchKind] of [
          [2026, null, null],
          [2025, "activity", null],
          [2026, null, "student"],
        ] as const) {
          const mine = await rows(db, "select * from public.funds_by_unit_category($1, null, $2, $3)", [year, category, branchKind]);
          const expected = await rows(
            db,
            `with g as (
               select f.id, f.org_unit_id, f.category, f.branch_id, f.amount,
                      (select sum(x.amount) from public.fund_expenditures x where x.budget_id = f.id) as spent
                 from public.fund_budgets f left join public.branches b on b.id = f.branch_id
                where f.fiscal_year = $1 and ($2::public.fund_category is null or f.category = $2)
                  and ($3::public.branch_kind is null or f.branch_id is null or b.kind = $3)),
             p as (
               select org_unit_id, category,
                      coalesce(sum(amount) filter (where branch_id is null), 0) as budget,
                      coalesce(sum(amount) filter (where branch_id is not null), 0) as allocated,
                      coalesce(sum(spent) filter (where $3::public.branch_kind is null or branch_id is not null), 0) as spent
                 from g group by org_unit_id, category)
             select u.id as org_unit_id, u.code as org_unit_code, u.name as org_unit_name, p.category, p.budget, p.allocated, p.spent,
                    case when p.budget > 0 then round(p.allocated / p.budget, 4) end as allocation_rate,
                    case when p.budget > 0 then round(p.spent / p.budget, 4) end as execution_rate
               from p join public.org_units u on u.id = p.org_unit_id order by u.code, p.category`,
            [year, category, branchKind],
          );
          expect(mine).toEqual(expected);
          if (year === 2026 && category === null && branchKind === null) expect(mine.length).toBeGreaterThan(3);
        }
      });
    });
});
