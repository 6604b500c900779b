// The 队伍建设 RPCs (team_summary, team_by_unit, team_trend, team_training_hours_distribution,
// branches_without_secretary) through the API, so RLS applies: against hand-counted figures of a small world in
// the fixture's unit A, against independent SQL over the whole seeded school, and scoped by role (a committee
// gets its own unit's figures, the leader the school's).
import type { SupabaseClient } from "@supabase/supabase-js";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signedInClient } from "../local/testing";
import { createFixture, dropFixture, one, withDb, type Fixture } from "./fixture";

let f: Fixture;
let admin: SupabaseClient;
let leader: SupabaseClient;
let committee: SupabaseClient;
let teacherBranch: number;
let newBranch: number;
let dissolved: number;
let standard: number;

const num = (v: unknown) => (v === null ? null : Number(v));
async function rpc<T = Record<string, unknown>>(client: SupabaseClient, name: string, args: Record<string, unknown>): Promise<T[]> {
  const { data, error } = await client.rpc(name, args);
  expect(error).toBeNull();
  return data as T[];
}

beforeAll(async () => {
  f = await createFixture();
  await withDb(async (db) => {
    const id = (text: string, params: unknown[]) => one<number>(db, text, params);
    const A = f.orgUnits.A;
    standard = Number(await one<string>(db, "select value::text from public.settings where key = 'training_hours_standard'"));
    const branch = (code: string, name: string, founded: string, status = "active") =>
      id(
        "insert into public.branches (org_unit_id, code, name, kind, founded_on, status) values ($1, $2, $3, 'teacher', $4, $5) returning id",
        [A, `${f.tag}-A-${code}`, name, founded, status],
      );
    const member = (branchId: number, code: string, title: string) =>
      id(
        `insert into public.members (branch_id, name, gender, category, student_or_staff_no, professional_title)
         values ($1, '书记' || $2, 'male', 'teacher', $3, $4) returning id`,
        [branchId, code, `${f.tag}-A-${code}`, title],
      );
    // Secretaries of unit A: member A (正高) of branch A; an intermediate-title teacher; an 副高 of a branch founded
    // in March 2026. The spare branch has none (vacant); a dissolved branch (no members, so none) is not vacant.
    teacherBranch = await branch("T", "测试教师党支部", "2012-01-01");
    newBranch = await branch("N", "新建党支部", "2026-03-01");
    dissolved = await branch("X", "已撤销支部", "2010-01-01", "dissolved");
    const teacher = await member(teacherBranch, "T1", "intermediate");
    const newcomer = await member(newBranch, "N1", "associate_senior");
    for (const [secretary, branchId] of [[f.members.A, f.branches.A], [teacher, teacherBranch], [newcomer, newBranch]]) {
      await db.query("update public.branches set secretary_id = $1 where id = $2", [secretary, branchId]);
    }

    const training = (title: string, organizer: string, unit: number | null, day: string, hours: number) =>
      id("insert into public.trainings (title, organizer, org_unit_id, held_on, hours) values ($1, $2, $3, $4, $5) returning id", [
        `${title} ${f.tag}`,
        organizer,
        unit,
        day,
        hours,
      ]);
    const school = await training("示范培训班", "school", null, "2026-03-20", 16);
    const external = await training("研修班", "external", null, "2026-09-01", 40);
    const unit2026 = await training("书记培训会", "unit", A, "2026-05-01", 8);
    const unit2025 = await training("集中轮训", "unit", A, "2025-07-01", 60);
    const attend = (trainingId: number, memberId: number, hours: number | null) =>
      db.query("insert into public.training_attendance (training_id, member_id, hours) values ($1, $2, $3)", [trainingId, memberId, hours]);
    // 2026: member A 16 + 40 + 8 = 64 (meets 56); teacher 5 of 8; newcomer 16; the spare member's 16 (not a
    // secretary) does not count. 2025: member A 60, teacher nothing.
    await attend(school, f.members.A, null);
    await attend(external, f.members.A, null);
    await attend(unit2026, f.members.A, null);
    await attend(unit2026, teacher, 5);
    await attend(school, newcomer, null);
    await attend(school, f.spareMembers.A, null);
    await attend(unit2025, f.members.A, null);
  });
  admin = await signedInClient("admin@dangjian.test");
  leader = await signedInClient("leader@dangjian.test");
  committee = await signedInClient(f.committee.email);
});

afterAll(async () => {
  if (f) {
    await withDb((db) =>
      db.query("delete from public.trainings where org_unit_id = any($1) or title like $2", [[f.orgUnits.A, f.orgUnits.B], `%${f.tag}%`]),
    );
  }
  await dropFixture(f);
});

describe("the fixture's unit, counted by hand", () => {
  it("the standard is 56 学时 (the figures below assume it)", () => {
    expect(standard).toBe(56);
  });

  it("team_summary 2026 and 2025", async () => {
    const [y2026] = await rpc(admin, "team_summary", { p_year: 2026, p_org_unit_id: f.orgUnits.A });
    expect(y2026).toEqual({
      branches: 4, branches_without_secretary: 1, secretaries: 3, senior_title_secretaries: 2, senior_title_share: 0.6667,
      standard_hours: 56, trained_secretaries: 3, secretaries_meeting_standard: 1, training_coverage: 0.3333, average_hours: 28.3,
    });
    const [y2025] = await rpc(admin, "team_summary", { p_year: 2025, p_org_unit_id: f.orgUnits.A });
    expect(y2025).toMatchObject({
      branches: 3, branches_without_secretary: 1, secretaries: 2, senior_title_secretaries: 1, senior_title_share: 0.5,
      trained_secretaries: 1, secretaries_meeting_standard: 1, training_coverage: 0.5, average_hours: 30,
    });
  });

  it("team_by_unit", async () => {
    const rows = await rpc(admin, "team_by_unit", { p_year: 2026, p_org_unit_id: f.orgUnits.A });
    expect(rows).toEqual([
      {
        org_unit_id: f.orgUnits.A, org_unit_code: `${f.tag}-A`, org_unit_name: `测试学院A党委 ${f.tag}`,
        branches: 4, branches_without_secretary: 1, secretaries: 3, senior: 1, associate_senior: 1, other_titles: 1,
        senior_title_share: 0.6667, secretaries_meeting_standard: 1, training_coverage: 0.3333, average_hours: 28.3,
      },
    ]);
  });

  it("team_trend", async () => {
    const rows = await rpc<Record<string, number>>(admin, "team_trend", { p_from_year: 2024, p_to_year: 2026, p_org_unit_id: f.orgUnits.A });
    expect(rows.map((r) => [r.year, r.secretaries, r.senior_title_share, r.secretaries_meeting_standard, r.training_coverage, r.average_hours])).toEqual([
      [2024, 2, 0.5, 0, 0, 0],
      [2025, 2, 0.5, 1, 0.5, 30],
      [2026, 3, 0.6667, 1, 0.3333, 28.3],
    ]);
  });

  it("team_training_hours_distribution: quarters of the standard", async () => {
    const rows = await rpc<Record<string, unknown>>(admin, "team_training_hours_distribution", { p_year: 2026, p_org_unit_id: f.orgUnits.A });
    expect(rows.map((r) => [r.bucket, num(r.hours_from), num(r.hours_to), r.label, r.secretaries])).toEqual([
      [0, 0, 0, "0 学时", 0],
      [1, 0, 14, "不足 14 学时", 1],
      [2, 14, 28, "14–28 学时", 1],
      [3, 28, 42, "28–42 学时", 0],
      [4, 42, 56, "42–56 学时", 0],
      [5, 56, null, "56 学时及以上 (达标)", 1],
    ]);
  });

  it("branches_without_secretary", async () => {
    const rows = await rpc<Record<string, unknown>>(admin, "branches_without_secretary", { p_year: 2026, p_org_unit_id: f.orgUnits.A });
    expect(rows.map((r) => [r.branch_id, r.branch_name, r.members])).toEqual([[f.spareBranches.A, "测试学院A第2党支部", 0]]);
    expect(rows.map((r) => r.branch_id)).not.toContain(dissolved);
  });

  it("a committee gets its own unit's figures, whatever unit it asks for", async () => {
    const [own] = await rpc(committee, "team_summary", { p_year: 2026 });
    const [asAdmin] = await rpc(admin, "team_summary", { p_year: 2026, p_org_unit_id: f.orgUnits.A });
    expect(own).toEqual(asAdmin);
    const byUnit = await rpc<{ org_unit_id: number }>(committee, "team_by_unit", { p_year: 2026 });
    expect(byUnit.map((r) => r.org_unit_id)).toEqual([f.orgUnits.A]);
    expect(await rpc(committee, "team_summary", { p_year: 2026, p_org_unit_id: f.orgUnits.B })).toEqual([
      expect.objectContaining({ branches: 0, secretaries: 0, senior_title_share: null, training_coverage: null }),
    ]);
  });
});

// Independent SQL: the same definitions written another way (hours per member and year grouped first, then joined).
const schoolSql = (db: pg.Client, year: number) =>
  db.query(
    `with hours as (
       select a.member_id, sum(a.hours) as h
         from public.training_attendance a join public.trainings t on t.id = a.training_id
        where extract(year from t.held_on) = $1::int group by a.member_id),
     sec as (
       select b.org_unit_id, m.professional_title::text as title, coalesce(h.h, 0) as h
         from public.branches b join public.members m on m.id = b.secretary_id left join hours h on h.member_id = m.id
        where b.status = 'active' and coalesce(b.founded_on, '1900-01-01') <= make_date($1::int, 12, 31)),
     br as (
       select b.org_unit_id, count(*)::int as branches, sum(case when b.secretary_id is null then 1 else 0 end)::int as vacant
         from public.branches b where b.status = 'active' and coalesce(b.founded_on, '1900-01-01') <= make_date($1::int, 12, 31)
        group by b.org_unit_id)
     select br.org_unit_id::int, br.branches, br.vacant,
            (select count(*)::int from sec where sec.org_unit_id = br.org_unit_id) as secretaries,
            (select count(*)::int from sec where sec.org_unit_id = br.org_unit_id and title = 'senior') as senior,
            (select count(*)::int from sec where sec.org_unit_id = br.org_unit_id and title = 'associate_senior') as associate_senior,
            (select count(*)::int from sec where sec.org_unit_id = br.org_unit_id and h >= $2::numeric) as meeting,
            (select round(avg(h), 1)::float8 from sec where sec.org_unit_id = br.org_unit_id) as average_hours,
            (select array_agg(h::float8 order by h) from sec) as all_hours
       from br order by br.org_unit_id`,
    [year, standard],
  );

describe("the whole school against independent SQL", () => {
  it.each([2024, 2025, 2026])("team_by_unit, team_summary and the distribution in %i", async (year) => {
    const { rows: expected } = await withDb((db) => schoolSql(db, year));
    const byUnit = await rpc<Record<string, number>>(leader, "team_by_unit", { p_year: year });
    expect([...byUnit].sort((a, b) => a.org_unit_id - b.org_unit_id).map((r) => ({
      org_unit_id: r.org_unit_id, branches: r.branches, vacant: r.branches_without_secretary, secretaries: r.secretaries, senior: r.senior,
      associate_senior: r.associate_senior, meeting: r.secretaries_meeting_standard, average_hours: r.average_hours,
    }))).toEqual(expected.map(({ all_hours: _, ...row }) => row));

    const sum = (key: string) => expected.reduce((total, row) => total + Number(row[key]), 0);
    const [summary] = await rpc<Record<string, number>>(leader, "team_summary", { p_year: year });
    const secretaries = sum("secretaries");
    expect(summary).toMatchObject({
      branches: sum("branches"),
      branches_without_secretary: sum("vacant"),
      secretaries,
      senior_title_secretaries: sum("senior") + sum("associate_senior"),
      senior_title_share: Math.round(((sum("senior") + sum("associate_senior")) / secretaries) * 1e4) / 1e4,
      secretaries_meeting_standard: sum("meeting"),
      training_coverage: Math.round((sum("meeting") / secretaries) * 1e4) / 1e4,
    });
    expect(secretaries).toBeGreaterThan(300); // the seeded school, not only the fixture

    const hours: number[] = expected[0].all_hours;
    const buckets = [0, 0, 0, 0, 0, 0];
    for (const h of hours) buckets[h === 0 ? 0 : h >= standard ? 5 : Math.min(4, 1 + Math.floor(h / (standard / 4)))]++;
    const distribution = await rpc<{ secretaries: number }>(leader, "team_training_hours_distribution", { p_year: year });
    expect(distribution.map((r) => r.secretaries)).toEqual(buckets);
  });

  it("team_trend is team_summary year by year", async () => {
    const trend = await rpc<Record<string, number>>(admin, "team_trend", { p_from_year: 2024, p_to_year: 2026 });
    expect(trend.map((r) => r.year)).toEqual([2024, 2025, 2026]);
    for (const row of trend) {
      const [summary] = await rpc<Record<string, number>>(admin, "team_summary", { p_year: row.year });
      expect(row).toEqual({
        year: row.year, secretaries: summary.secretaries, senior_title_secretaries: summary.senior_title_secretaries,
        senior_title_share: summary.senior_title_share, secretaries_meeting_standard: summary.secretaries_meeting_standard,
        training_coverage: summary.training_coverage, average_hours: summary.average_hours,
      });
    }
  });

  it("branches_without_secretary lists exactly the vacant active branches", async () => {
    const expected = await withDb(async (db) =>
      (await db.query(
        `select b.id::int from public.branches b where b.status = 'active' and b.secretary_id is null
            and coalesce(b.founded_on, '1900-01-01') <= '2026-12-31' order by b.id`,
      )).rows.map((r) => r.id),
    );
    const rows = await rpc<{ branch_id: number }>(leader, "branches_without_secretary", { p_year: 2026 });
    expect(rows.map((r) => r.branch_id).sort((a, b) => a - b)).toEqual(expected);
    expect(expected.length).toBeGreaterThan(0);
  });
});

describe("parameters are bounded", () => {
  it.each([
    ["team_summary", { p_year: 1999 }, "p_year"],
    ["team_by_unit", { p_year: 2101 }, "p_year"],
    ["team_training_hours_distribution", { p_year: 1 }, "p_year"],
    ["branches_without_secretary", { p_year: 99999 }, "p_year"],
    ["team_trend", { p_from_year: 2024, p_to_year: 2100 }, "p_to_year"],
    ["team_trend", { p_from_year: 2026, p_to_year: 2024 }, "p_to_year"],
  ] as const)("%s %j", async (name, args, field) => {
    const { error } = await admin.rpc(name, args);
    expect(error?.code).toBe("22023");
    expect(error?.details).toBe("analytics_parameter_range");
    expect(error?.hint).toBe(`field:${field}`);
  });
});
