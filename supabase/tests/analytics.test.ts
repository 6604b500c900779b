// The analytics RPCs against independent SQL over a small hand-made fixture (unit A, with unit B beside it),
// called through the API so RLS applies; and scoped by role: a committee gets its own unit's numbers only.
import type { SupabaseClient } from "@supabase/supabase-js";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signedInClient } from "../local/testing";
import { createFixture, dropFixture, one, withDb, type Fixture } from "./fixture";

const DAY = "2026-06-30";
let f: Fixture;
let admin: SupabaseClient;
let leader: SupabaseClient;
let committee: SupabaseClient;
let teacherBranch: number;

beforeAll(async () => {
  f = await createFixture();
  await withDb(async (db) => {
    const id = (text: string, params: unknown[]) => one<number>(db, text, params);
    const A = f.orgUnits.A;
    // A teacher branch (overdue election: last one in 2020) with three members, and a dissolved branch.
    teacherBranch = await id(
      `insert into public.branches (org_unit_id, code, name, kind, basis, founded_on, last_election_on)
       values ($1, $2, '测试教师党支部', 'teacher', 'discipline', '2012-01-01', '2020-01-01') returning id`,
      [A, `${f.tag}-A-T`],
    );
    const dissolved = await id(
      "insert into public.branches (org_unit_id, code, name, kind, status) values ($1, $2, '已撤销支部', 'student', 'dissolved') returning id",
      [A, `${f.tag}-A-X`],
    );
    const teachers: number[] = [];
    for (const [i, title] of ["intermediate", "senior", "none"].entries()) {
      teachers.push(
        await id(
          `insert into public.members (branch_id, name, gender, category, student_or_staff_no, professional_title)
           values ($1, $2, 'male', 'teacher', $3, $4) returning id`,
          [teacherBranch, `教师${i}`, `${f.tag}-A-T${i}`, title],
        ),
      );
    }
    await db.query("update public.branches set secretary_id = $1 where id = $2", [f.members.A, f.branches.A]);
    await db.query("update public.branches set secretary_id = $1 where id = $2", [teachers[0], teacherBranch]);

    // Carriers of unit A beside the fixture's covered dormitory: covered later, covered earlier, covered by a
    // dissolved branch, never covered, covered twice (once by the teacher branch), covered by the spare branch.
    const carrier = (kind: string, name: string) =>
      id("insert into public.carriers (org_unit_id, kind, name, headcount) values ($1, $2, $3, 50) returning id", [A, kind, name]);
    const cover = (carrierId: number, branchId: number, from: string, to: string | null) =>
      db.query("insert into public.carrier_coverages (carrier_id, branch_id, form, started_on, ended_on) values ($1, $2, 'liaison', $3, $4)", [
        carrierId,
        branchId,
        from,
        to,
      ]);
    await cover(await carrier("society", "以后覆盖社团"), f.branches.A, "2026-07-01", null);
    await cover(await carrier("lab", "曾经覆盖实验室"), f.branches.A, "2024-01-01", "2025-12-31");
    await cover(await carrier("lab", "撤销支部实验室"), dissolved, "2024-01-01", null);
    await carrier("research_group", "无人覆盖课题组");
    const twice = await carrier("practice_base", "两次覆盖基地");
    await cover(twice, f.branches.A, "2026-01-01", null);
    await cover(twice, teacherBranch, "2026-02-01", null);
    await cover(await carrier("dormitory", "备用支部公寓"), f.spareBranches.A, "2026-03-01", null);

    // Evaluations: 2025 (closed cycle) three branches; 2026 adds the spare branch beside the fixture's branch A.
    const cycle2025 = f.closedCycle;
    const evaluate = (cycleId: number, branchId: number, score: number, satisfaction: number) =>
      db.query(
        `insert into public.branch_evaluations (cycle_id, branch_id, score_leadership, score_backbone, score_venue, score_carrier,
           score_system, score_performance, satisfaction) values ($1, $2, $3, $3, $3, $3, $3, $3, $4)`,
        [cycleId, branchId, score, satisfaction],
      );
    // The 2025 cycle is closed and so frozen for every API role: planting history in it is maintenance.
    await db.query("select set_config('app.maintenance', 'on', false)");
    await evaluate(cycle2025, f.branches.A, 70, 70);
    await evaluate(cycle2025, f.spareBranches.A, 95, 95);
    await evaluate(cycle2025, teacherBranch, 50, 50);
    await db.query("select set_config('app.maintenance', 'off', false)");
    await evaluate(f.openCycle, f.spareBranches.A, 90, 100);

    // Funds 2026: a training budget the unit spends itself, an activity allocation below the standard.
    const training = await id("insert into public.fund_budgets (fiscal_year, org_unit_id, category, amount) values (2026, $1, 'training', 5000) returning id", [A]);
    await db.query("insert into public.fund_expenditures (budget_id, spent_on, amount, purpose) values ($1, '2026-05-10', 2000, '书记培训班')", [training]);
    const low = await id(
      "insert into public.fund_budgets (fiscal_year, org_unit_id, branch_id, category, amount) values (2026, $1, $2, 'activity', 300) returning id",
      [A, teacherBranch],
    );
    await db.query("insert into public.fund_expenditures (budget_id, spent_on, amount, purpose) values ($1, '2026-03-20', 50, '主题党日')", [low]);
  });
  admin = await signedInClient("admin@dangjian.test");
  leader = await signedInClient("leader@dangjian.test");
  committee = await signedInClient(f.committee.email);
});

afterAll(() => dropFixture(f));

/** Rows of an RPC, numbers as numbers. */
async function rpc<Row = Record<string, unknown>>(client: SupabaseClient, name: string, args: Record<string, unknown>): Promise<Row[]> {
  const { data, error } = await client.rpc(name, args);
  expect(error).toBeNull();
  return data as Row[];
}

/** An independent query's rows, with numeric strings turned into numbers so they compare with the API's JSON. */
async function query(text: string, params: unknown[] = []): Promise<Record<string, unknown>[]> {
  return withDb(async (db: pg.Client) => {
    const { rows } = await db.query(text, params);
    return rows.map((row) =>
      Object.fromEntries(
        Object.entries(row).map(([k, v]) => [k, typeof v === "string" && /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v instanceof Date ? v.toISOString().slice(0, 10) : v]),
      ),
    );
  });
}

/** Carrier c is covered on the day in parameter $<day>: the definition, written independently of the functions. */
const covered = (day: number) => `exists (select 1 from public.carrier_coverages cc join public.branches b on b.id = cc.branch_id
                            where cc.carrier_id = c.id and b.status = 'active' and cc.started_on <= $${day}::date
                              and coalesce(cc.ended_on, 'infinity') >= $${day}::date)`;
const coveredOn = covered(2);

describe("coverage", () => {
  it("coverage_by_unit_kind matches a per-carrier count", async () => {
    const rows = await rpc(admin, "coverage_by_unit_kind", { p_day: DAY, p_org_unit_id: f.orgUnits.A });
    const expected = await query(
      `select c.org_unit_id, c.kind::text as carrier_kind, count(*) as carriers, count(*) filter (where ${coveredOn}) as covered
         from public.carriers c where c.org_unit_id = $1 group by c.org_unit_id, c.kind order by c.kind`,
      [f.orgUnits.A, DAY],
    );
    expect(rows.map((r) => ({ org_unit_id: r.org_unit_id, carrier_kind: r.carrier_kind, carriers: r.carriers, covered: r.covered }))).toEqual(expected);
    // The fixture as designed: 7 carriers, 3 covered (two dormitories and the practice base).
    expect(rows.reduce((n, r) => n + Number(r.carriers), 0)).toBe(7);
    expect(rows.reduce((n, r) => n + Number(r.covered), 0)).toBe(3);
    for (const r of rows) expect(Number(r.coverage_rate)).toBeCloseTo(Number(r.covered) / Number(r.carriers), 4);
  });

  it("coverage_by_kind and coverage_summary add up the same way; p_branch_kind counts that kind's coverage only", async () => {
    const summary = (await rpc(admin, "coverage_summary", { p_day: DAY, p_org_unit_id: f.orgUnits.A }))[0];
    expect(summary).toMatchObject({ carriers: 7, covered: 3, uncovered: 4, coverage_rate: 0.4286 });
    const byKind = await rpc(admin, "coverage_by_kind", { p_day: DAY, p_org_unit_id: f.orgUnits.A });
    expect(byKind.find((r) => r.carrier_kind === "lab")).toMatchObject({ carriers: 2, covered: 0 });
    const teacherOnly = (await rpc(admin, "coverage_summary", { p_day: DAY, p_org_unit_id: f.orgUnits.A, p_branch_kind: "teacher" }))[0];
    const expected = await query(
      `select count(*) filter (where exists (select 1 from public.carrier_coverages cc join public.branches b on b.id = cc.branch_id
                                           where cc.carrier_id = c.id and b.status = 'active' and b.kind = 'teacher'
                                             and cc.started_on <= $2::date and coalesce(cc.ended_on, 'infinity') >= $2::date)) as covered
         from public.carriers c where c.org_unit_id = $1`,
      [f.orgUnits.A, DAY],
    );
    expect(teacherOnly.covered).toBe(expected[0].covered);
    expect(teacherOnly.covered).toBe(1);
  });

  it("uncovered_carriers lists exactly the carriers not covered that day", async () => {
    const rows = await rpc<{ carrier_id: number; last_covered_on: string | null; carrier_name: string }>(admin, "uncovered_carriers", {
      p_day: DAY,
      p_org_unit_id: f.orgUnits.A,
    });
    const expected = await query(`select c.id from public.carriers c where c.org_unit_id = $1 and not ${coveredOn} order by c.id`, [f.orgUnits.A, DAY]);
    expect(rows.map((r) => r.carrier_id).sort((a, b) => a - b)).toEqual(expected.map((r) => r.id));
    expect(rows.find((r) => r.carrier_name === "曾经覆盖实验室")?.last_covered_on).toBe("2025-12-31");
    expect(rows.find((r) => r.carrier_name === "无人覆盖课题组")?.last_covered_on).toBeNull();
  });

  it("coverage_trend gives each month-end's coverage", async () => {
    const rows = await rpc<{ month: string; day: string; carriers: number; covered: number }>(admin, "coverage_trend", {
      p_months: 24,
      p_end: DAY,
      p_org_unit_id: f.orgUnits.A,
    });
    expect(rows).toHaveLength(24);
    expect(rows[0].month).toBe("2024-07-01");
    expect(rows.at(-1)).toMatchObject({ month: "2026-06-01", day: DAY });
    for (const row of rows) {
      const [expected] = await query(`select count(*) filter (where ${coveredOn}) as covered from public.carriers c where c.org_unit_id = $1`, [
        f.orgUnits.A,
        row.day,
      ]);
      expect({ month: row.month, covered: row.covered }).toEqual({ month: row.month, covered: expected.covered });
    }
    expect(rows.find((r) => r.month === "2025-06-01")?.covered).toBe(2);
  });
});

describe("evaluation", () => {
  const scoped = `from public.branch_evaluations e join public.evaluation_cycles c on c.id = e.cycle_id
                  join public.branches b on b.id = e.branch_id where c.year = $1 and b.org_unit_id = $2 and e.total is not null`;

  it("evaluation_grades_by_unit counts grades per unit", async () => {
    const [row] = await rpc(admin, "evaluation_grades_by_unit", { p_year: 2025, p_org_unit_id: f.orgUnits.A });
    const [expected] = await query(
      `select count(*) as evaluated, count(*) filter (where e.total >= 90) as excellent,
              count(*) filter (where e.total >= 80 and e.total < 90) as good, count(*) filter (where e.total >= 60 and e.total < 80) as qualified,
              count(*) filter (where e.total < 60) as unqualified, round(avg(e.total), 2) as average_total ${scoped}`,
      [2025, f.orgUnits.A],
    );
    expect(row).toMatchObject(expected);
    expect(row).toMatchObject({ evaluated: 3, excellent: 1, good: 0, qualified: 1, unqualified: 1, average_total: 71.67 });
  });

  it("evaluation_distribution buckets the totals", async () => {
    const rows = await rpc<{ bucket_from: number; branches: number; label: string }>(admin, "evaluation_distribution", {
      p_year: 2025,
      p_org_unit_id: f.orgUnits.A,
    });
    const expected = await query(`select floor(e.total / 5) * 5 as bucket, count(*) as n ${scoped} group by 1`, [2025, f.orgUnits.A]);
    const nonEmpty = rows.filter((r) => r.branches > 0).map((r) => ({ bucket: r.bucket_from, n: r.branches }));
    expect(nonEmpty).toEqual(expected.sort((a, b) => Number(a.bucket) - Number(b.bucket)));
    expect(rows[0]).toMatchObject({ bucket_from: 50, label: "50–55" });
    expect(rows.at(-1)).toMatchObject({ bucket_from: 95, label: "95–100" });
    expect(rows.reduce((n, r) => n + r.branches, 0)).toBe(3);
  });

  it("evaluation_six_averages: the unit's and the school's mean per 六有 dimension", async () => {
    const rows = await rpc<{ dimension: string; school_average: number; unit_average: number }>(admin, "evaluation_six_averages", {
      p_year: 2025,
      p_org_unit_id: f.orgUnits.A,
    });
    expect(rows.map((r) => r.dimension)).toEqual(["leadership", "backbone", "venue", "carrier", "system", "performance"]);
    const [expected] = await query(
      `select round(avg(e.score_venue) filter (where b.org_unit_id = $2), 2) as unit, round(avg(e.score_venue), 2) as school
         from public.branch_evaluations e join public.evaluation_cycles c on c.id = e.cycle_id join public.branches b on b.id = e.branch_id
        where c.year = $1`,
      [2025, f.orgUnits.A],
    );
    expect(rows[2]).toMatchObject({ unit_average: expected.unit, school_average: expected.school });
    expect(rows[2].unit_average).toBe(71.67);
  });

  it("evaluation_ranking: top and bottom with their rank in the selection", async () => {
    const top = await rpc<{ rank: number; branch_id: number; total: number }>(admin, "evaluation_ranking", { p_year: 2025, p_org_unit_id: f.orgUnits.A, p_limit: 2 });
    const bottom = await rpc<{ rank: number; branch_id: number }>(admin, "evaluation_ranking", {
      p_year: 2025,
      p_org_unit_id: f.orgUnits.A,
      p_limit: 2,
      p_bottom: true,
    });
    const expected = await query(`select e.branch_id, rank() over (order by e.total desc) as rank ${scoped} order by e.total desc`, [2025, f.orgUnits.A]);
    expect(top.map((r) => ({ branch_id: r.branch_id, rank: r.rank }))).toEqual(expected.slice(0, 2));
    expect(bottom.map((r) => ({ branch_id: r.branch_id, rank: r.rank }))).toEqual(expected.slice(1));
    expect(top[0]).toMatchObject({ branch_id: f.spareBranches.A, total: 95 });
    expect(bottom.at(-1)?.branch_id).toBe(teacherBranch);
  });

  it("evaluation_year_over_year: this year's and last year's mean and the change", async () => {
    const [row] = await rpc(admin, "evaluation_year_over_year", { p_year: 2026, p_org_unit_id: f.orgUnits.A });
    const [current] = await query(`select round(avg(e.total), 2) as avg, count(*) as n ${scoped}`, [2026, f.orgUnits.A]);
    const [previous] = await query(`select round(avg(e.total), 2) as avg, count(*) as n ${scoped}`, [2025, f.orgUnits.A]);
    expect(row).toMatchObject({
      year: 2026,
      previous_year: 2025,
      average_total: current.avg,
      evaluated: current.n,
      previous_average_total: previous.avg,
      previous_evaluated: previous.n,
    });
    expect(Number(row.change)).toBeCloseTo(Number(current.avg) - Number(previous.avg), 1);
    expect(row).toMatchObject({ evaluated: 2, previous_evaluated: 3 });
  });

  it("evaluation_trend: one row per cycle with its mean", async () => {
    const rows = await rpc<{ year: number; evaluated: number; average_total: number | null }>(admin, "evaluation_trend", { p_org_unit_id: f.orgUnits.A });
    const expected = await query(
      `select c.year, count(e.total) as evaluated from public.evaluation_cycles c
         left join public.branch_evaluations e on e.cycle_id = c.id and e.total is not null
               and e.branch_id in (select id from public.branches where org_unit_id = $1)
        group by c.year order by c.year`,
      [f.orgUnits.A],
    );
    expect(rows.map((r) => ({ year: r.year, evaluated: r.evaluated }))).toEqual(expected);
    expect(rows.find((r) => r.year === 2025)).toMatchObject({ evaluated: 3, average_total: 71.67 });
  });
});

describe("funds", () => {
  it("funds_by_unit_category: budget, allocated and spent per category", async () => {
    const rows = await rpc(admin, "funds_by_unit_category", { p_fiscal_year: 2026, p_org_unit_id: f.orgUnits.A });
    const expected = await query(
      `select f.category::text as category,
              sum(f.amount) filter (where f.branch_id is null) as budget,
              coalesce(sum(f.amount) filter (where f.branch_id is not null), 0) as allocated,
              coalesce(sum((select sum(x.amount) from public.fund_expenditures x where x.budget_id = f.id)), 0) as spent
         from public.fund_budgets f where f.fiscal_year = 2026 and f.org_unit_id = $1 group by 1 order by 1`,
      [f.orgUnits.A],
    );
    expect(rows.map((r) => ({ category: r.category, budget: r.budget, allocated: r.allocated, spent: r.spent }))).toEqual(expected);
    expect(rows.find((r) => r.category === "activity")).toMatchObject({ budget: 10000, allocated: 1300, spent: 150, execution_rate: 0.015 });
    expect(rows.find((r) => r.category === "training")).toMatchObject({ budget: 5000, allocated: 0, spent: 2000, execution_rate: 0.4 });
  });

  it("funds_by_category sums the units", async () => {
    const rows = await rpc(admin, "funds_by_category", { p_fiscal_year: 2026, p_org_unit_id: f.orgUnits.A });
    expect(rows.map((r) => [r.category, r.budget, r.spent])).toEqual([
      ["activity", 10000, 150],
      ["training", 5000, 2000],
    ]);
  });

  it("funds_monthly_execution: monthly and cumulative spending against the even-spend line", async () => {
    const rows = await rpc<{ month_number: number; spent: number; cumulative_spent: number; budget: number; cumulative_rate: number; even_spend_rate: number }>(
      admin,
      "funds_monthly_execution",
      { p_fiscal_year: 2026, p_org_unit_id: f.orgUnits.A },
    );
    expect(rows).toHaveLength(12);
    const expected = await query(
      `select extract(month from x.spent_on)::int as month, sum(x.amount) as spent from public.fund_expenditures x
         join public.fund_budgets f on f.id = x.budget_id where f.fiscal_year = 2026 and f.org_unit_id = $1 group by 1`,
      [f.orgUnits.A],
    );
    let cumulative = 0;
    for (const row of rows) {
      const spent = Number(expected.find((e) => e.month === row.month_number)?.spent ?? 0);
      cumulative += spent;
      expect(row).toMatchObject({ spent, cumulative_spent: cumulative, budget: 15000 });
      expect(row.even_spend_rate).toBeCloseTo(row.month_number / 12, 4);
      expect(row.cumulative_rate).toBeCloseTo(cumulative / 15000, 4);
    }
    expect(rows[11].cumulative_spent).toBe(2150);
  });

  it("branches_below_activity_standard: active branches whose activity funds per member fall short", async () => {
    const rows = await rpc(admin, "branches_below_activity_standard", { p_fiscal_year: 2026, p_org_unit_id: f.orgUnits.A, p_standard: 200 });
    const expected = await query(
      `select b.id as branch_id, (select count(*) from public.members m where m.branch_id = b.id) as members,
              coalesce((select sum(amount) from public.fund_budgets x where x.branch_id = b.id and x.fiscal_year = 2026 and x.category = 'activity'), 0) as allocated
         from public.branches b where b.org_unit_id = $1 and b.status = 'active'`,
      [f.orgUnits.A],
    );
    const below = expected.filter((e) => Number(e.members) > 0 && Number(e.allocated) < 200 * Number(e.members));
    expect(rows.map((r) => r.branch_id)).toEqual(below.map((e) => e.branch_id));
    expect(rows).toEqual([expect.objectContaining({ branch_id: teacherBranch, members: 3, allocated: 300, per_member: 100, shortfall: 300 })]);
  });
});

describe("home_kpis", () => {
  it("counts branches, members, coverage, senior-title secretaries, execution and overdue elections", async () => {
    const [row] = await rpc(admin, "home_kpis", { p_day: DAY, p_fiscal_year: 2026, p_org_unit_id: f.orgUnits.A });
    const [expected] = await query(
      `select (select count(*) from public.branches where org_unit_id = $1 and status = 'active') as branches,
              (select count(*) from public.members m join public.branches b on b.id = m.branch_id where b.org_unit_id = $1 and b.status = 'active') as members,
              (select count(*) from public.branches b join public.members m on m.id = b.secretary_id where b.org_unit_id = $1 and b.status = 'active') as secretaries,
              (select count(*) from public.branches b join public.members m on m.id = b.secretary_id
                where b.org_unit_id = $1 and b.status = 'active' and m.professional_title in ('senior', 'associate_senior')) as senior,
              (select count(*) from public.branches b where b.org_unit_id = $1 and b.status = 'active'
                  and coalesce(b.last_election_on, b.founded_on) + (b.term_years || ' years')::interval < $2::date) as overdue`,
      [f.orgUnits.A, DAY],
    );
    expect(row).toMatchObject({
      branches: expected.branches,
      members: expected.members,
      secretaries: expected.secretaries,
      senior_title_secretaries: expected.senior,
      elections_overdue: expected.overdue,
    });
    expect(row).toMatchObject({
      branches: 3,
      members: 5,
      carriers: 7,
      covered_carriers: 3,
      secretaries: 2,
      senior_title_secretaries: 1,
      senior_title_secretary_share: 0.5,
      budget: 15000,
      spent: 2150,
      execution_rate: 0.1433,
      elections_overdue: 1,
    });
  });
});

describe("scoped by role", () => {
  it("a committee sees only its unit, whatever it asks for", async () => {
    const own = await rpc<{ org_unit_id: number }>(committee, "coverage_by_unit_kind", { p_day: DAY });
    expect(new Set(own.map((r) => r.org_unit_id))).toEqual(new Set([f.orgUnits.A]));
    expect(await rpc(committee, "coverage_by_unit_kind", { p_day: DAY, p_org_unit_id: f.orgUnits.B })).toEqual([]);
    const grades = await rpc<{ org_unit_id: number }>(committee, "evaluation_grades_by_unit", { p_year: 2026 });
    expect(grades.map((r) => r.org_unit_id)).toEqual([f.orgUnits.A]);
    const funds = await rpc<{ org_unit_id: number }>(committee, "funds_by_unit_category", { p_fiscal_year: 2026 });
    expect(new Set(funds.map((r) => r.org_unit_id))).toEqual(new Set([f.orgUnits.A]));
  });

  it("a committee's home numbers are its unit's numbers", async () => {
    const [mine] = await rpc(committee, "home_kpis", { p_day: DAY, p_fiscal_year: 2026 });
    const [adminsView] = await rpc(admin, "home_kpis", { p_day: DAY, p_fiscal_year: 2026, p_org_unit_id: f.orgUnits.A });
    expect(mine).toEqual(adminsView);
    const [summary] = await rpc(committee, "coverage_summary", { p_day: DAY });
    expect(summary).toMatchObject({ carriers: 7, covered: 3 });
  });

  it("the leader sees the whole school like org_admin", async () => {
    const forLeader = await rpc(leader, "coverage_by_kind", { p_day: DAY });
    const forAdmin = await rpc(admin, "coverage_by_kind", { p_day: DAY });
    expect(forLeader).toEqual(forAdmin);
    const [school] = await query(`select count(*) as carriers, count(*) filter (where ${covered(1)}) as covered from public.carriers c`, [DAY]);
    expect(forAdmin.reduce((n, r) => n + Number(r.carriers), 0)).toBe(school.carriers);
    expect(forAdmin.reduce((n, r) => n + Number(r.covered), 0)).toBe(school.covered);
  });

  it("anon may not call them", async () => {
    const { anonClient } = await import("../local/testing");
    const { error } = await anonClient().rpc("home_kpis", {});
    expect(error?.code).toBe("42501");
  });
});
