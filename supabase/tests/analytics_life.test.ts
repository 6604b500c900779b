// The 组织生活 analytics against independent SQL over a hand-made unit A (two branches, a dissolved one, a
// handful of meetings with rosters), called through the API so RLS applies; a committee gets its own unit only.
// The independent queries count distinct periods with a meeting, which is the capped count while every standard
// asks for one meeting per period (as the migration's standards do).
import type { SupabaseClient } from "@supabase/supabase-js";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signedInClient } from "../local/testing";
import { createFixture, dropFixture, one, withDb, type Fixture } from "./fixture";

const DAY = "2026-05-15"; // Q2: Jan-May begun (5 months), Q1 and Q2 begun, the year begun
let f: Fixture;
let admin: SupabaseClient;
let committee: SupabaseClient;

beforeAll(async () => {
  f = await createFixture();
  await withDb(async (db) => {
    const A = f.orgUnits.A;
    await db.query("insert into public.branches (org_unit_id, code, name, kind, status) values ($1, $2, '已撤销支部', 'student', 'dissolved')", [A, `${f.tag}-A-X`]);
    const meeting = (branch: number | null, kind: string, day: string) =>
      one<number>(db, "insert into public.meetings (org_unit_id, branch_id, kind, held_on, title) values ($1, $2, $3, $4, '测试') returning id", [A, branch, kind, day]);
    const b = f.branches.A;
    const s = f.spareBranches.A;
    // branch A: 支部委员会 twice in January and once in March (capped: Jan, Mar), 党员大会 in Q1 and Q2,
    // 主题党日 in every month so far, 组织生活会 in January; spare branch: one 党课 in Q1, nothing in Q2.
    for (const day of ["2026-01-05", "2026-01-25", "2026-03-10"]) await meeting(b, "branch_committee", day);
    const general = await meeting(b, "general_meeting", "2026-02-10");
    await meeting(b, "general_meeting", "2026-04-10");
    for (const day of ["2026-01-15", "2026-02-15", "2026-03-15", "2026-04-15", "2026-05-10"]) await meeting(b, "theme_day", day);
    await meeting(b, "org_life", "2026-01-20");
    const lecture = await meeting(s, "party_lecture", "2026-03-30");
    await meeting(null, "secretary_forum", "2026-02-01");
    await meeting(b, "theme_day", "2026-05-20"); // after DAY: not counted
    // Rosters: 2 of 2 at the 党员大会 (branch A), 1 of 2 at the 党课 (spare branch); a 2025 roster for the trend.
    await db.query("insert into public.meeting_attendance (meeting_id, member_id, present) values ($1, $2, true), ($1, $3, true)", [general, f.members.A, f.spareMembers.A]);
    const spare = (n: number) =>
      one<number>(db, "insert into public.members (branch_id, name, gender, category, student_or_staff_no) values ($1, '备用党员', 'male', 'student', $2) returning id", [s, `${f.tag}-A-S${n}`]);
    const [s1, s2] = [await spare(1), await spare(2)];
    await db.query("insert into public.meeting_attendance (meeting_id, member_id, present, absence_reason) values ($1, $2, true, null), ($1, $3, false, '病假')", [lecture, s1, s2]);
    const old = await meeting(b, "general_meeting", "2025-08-01");
    await db.query("insert into public.meeting_attendance (meeting_id, member_id, present, absence_reason) values ($1, $2, false, '出差')", [old, f.members.A]);
  });
  admin = await signedInClient("admin@dangjian.test");
  committee = await signedInClient(f.committee.email);
});

afterAll(async () => {
  if (f) await withDb((db) => db.query("delete from public.meetings where org_unit_id = any($1)", [[f.orgUnits.A, f.orgUnits.B]]));
  await dropFixture(f);
});

// Independent SQL: periods begun by the day (per kind: months, quarters or the year) × active branches, and the
// distinct periods that had a meeting of the kind by the day.
const periodsSql = `
  with std as (select kind, case frequency when 'monthly' then 'month' when 'quarterly' then 'quarter' else 'year' end as unit
                 from public.meeting_standards),
       br as (select id, org_unit_id from public.branches where status = 'active' and org_unit_id = $1),
       owed as (select br.id as branch_id, std.kind, std.unit, p::date as period_start
                  from br cross join std
                  cross join lateral generate_series(date_trunc('year', $2::date), $2::date, ('1 ' || case std.unit when 'quarter' then 'month' else std.unit end)::interval) p
                 where std.unit <> 'quarter' or extract(month from p)::int % 3 = 1),
       met as (select distinct m.branch_id, m.kind, date_trunc(std.unit, m.held_on)::date as period_start
                 from public.meetings m join std on std.kind = m.kind
                where m.held_on between date_trunc('year', $2::date) and $2::date)
  select o.branch_id, o.kind::text, o.unit, o.period_start, (m.branch_id is not null) as held
    from owed o left join met m using (branch_id, kind, period_start)`;

const sql = <T>(text: string, params: unknown[]) => withDb((db: pg.Client) => db.query(text, params).then((r) => r.rows as T[]));
const rate = (held: number, expected: number) => (expected === 0 ? null : Math.round((held / expected) * 10000) / 10000);

describe("组织生活 analytics", () => {
  it("meeting_completion_summary and by_kind equal the periods counted in SQL", async () => {
    const periods = await sql<{ kind: string; held: boolean }>(periodsSql, [f.orgUnits.A, DAY]);
    expect(periods.length).toBe(2 * (5 * 3 + 2 * 2 + 1)); // two active branches; the dissolved one owes nothing
    const held = periods.filter((p) => p.held).length;
    const { data: summary, error } = await admin.rpc("meeting_completion_summary", { p_day: DAY, p_org_unit_id: f.orgUnits.A });
    expect(error).toBeNull();
    expect(summary).toEqual([{ expected: periods.length, held, completion_rate: rate(held, periods.length) }]);
    expect(held).toBe(2 + 2 + 5 + 1 + 1); // 支部委员会 Jan+Mar, 党员大会 Q1+Q2, 主题党日 ×5, 组织生活会, 党课 Q1

    const { data: byKind } = await admin.rpc("meeting_completion_by_kind", { p_day: DAY, p_org_unit_id: f.orgUnits.A });
    const kinds = [...new Set(periods.map((p) => p.kind))].sort();
    expect(byKind!.map((r: { kind: string }) => r.kind).sort()).toEqual(kinds);
    for (const row of byKind as { kind: string; expected: number; held: number; completion_rate: number }[]) {
      const mine = periods.filter((p) => p.kind === row.kind);
      const h = mine.filter((p) => p.held).length;
      expect(row).toMatchObject({ expected: mine.length, held: h, completion_rate: rate(h, mine.length) });
    }
  });

  it("meeting_completion_by_unit_quarter puts each period in the quarter it ends in", async () => {
    const periods = await sql<{ unit: string; period_start: Date; held: boolean }>(periodsSql, [f.orgUnits.A, DAY]);
    const quarterOf = (p: { unit: string; period_start: Date }) =>
      p.unit === "year" ? "Q4" : `Q${Math.floor(new Date(p.period_start).getMonth() / 3) + 1}`;
    const expected = new Map<string, { expected: number; held: number }>();
    for (const p of periods) {
      const q = expected.get(quarterOf(p)) ?? { expected: 0, held: 0 };
      q.expected += 1;
      q.held += p.held ? 1 : 0;
      expected.set(quarterOf(p), q);
    }
    const { data } = await admin.rpc("meeting_completion_by_unit_quarter", { p_day: DAY, p_org_unit_id: f.orgUnits.A });
    expect(data).toEqual(
      [...expected.entries()].sort().map(([quarter, v]) => ({
        org_unit_id: f.orgUnits.A, org_unit_code: `${f.tag}-A`, org_unit_name: `测试学院A党委 ${f.tag}`, quarter,
        expected: v.expected, held: v.held, completion_rate: rate(v.held, v.expected),
      })),
    );
  });

  it("meeting_quarter_status says 已完成 per kind only when every period of the quarter so far is met", async () => {
    const { data, error } = await admin.rpc("meeting_quarter_status", { p_day: DAY, p_quarter: 1, p_org_unit_id: f.orgUnits.A });
    expect(error).toBeNull();
    const byBranch = Object.fromEntries((data as { branch_id: number }[]).map((r) => [r.branch_id, r]));
    expect(Object.keys(byBranch).map(Number).sort()).toEqual([f.branches.A, f.spareBranches.A].sort());
    expect(byBranch[f.branches.A]).toMatchObject({
      branch_committee: "open", general_meeting: "done", group_meeting: "open", party_lecture: "open", theme_day: "done", org_life: "done",
      kinds_done: 3, kinds_due: 6,
    });
    expect(byBranch[f.spareBranches.A]).toMatchObject({ party_lecture: "done", general_meeting: "open", kinds_done: 1, kinds_due: 6 });
    // Q2 so far: 党员大会 held again, 支部委员会 not.
    const q2 = await admin.rpc("meeting_quarter_status", { p_day: DAY, p_org_unit_id: f.orgUnits.A });
    const a = (q2.data as { branch_id: number }[]).find((r) => r.branch_id === f.branches.A);
    expect(a).toMatchObject({ general_meeting: "done", branch_committee: "open", theme_day: "done", party_lecture: "open" });
    // A quarter that has not begun has no status.
    const q4 = await admin.rpc("meeting_quarter_status", { p_day: DAY, p_quarter: 4, p_org_unit_id: f.orgUnits.A });
    expect(q4.data).toEqual([]);
    const bad = await admin.rpc("meeting_quarter_status", { p_day: DAY, p_quarter: 5 });
    expect(bad.error).toMatchObject({ code: "22023", hint: "field:p_quarter" });
  });

  it("branches_without_meetings lists the active branches with nothing in the quarter so far", async () => {
    const expected = await sql<{ id: number }>(
      `select b.id::int from public.branches b where b.org_unit_id = $1 and b.status = 'active'
          and not exists (select 1 from public.meetings m where m.branch_id = b.id and m.held_on between date_trunc('quarter', $2::date) and $2::date)
        order by b.code`,
      [f.orgUnits.A, DAY],
    );
    const { data } = await admin.rpc("branches_without_meetings", { p_day: DAY, p_org_unit_id: f.orgUnits.A });
    expect((data as { branch_id: number }[]).map((r) => r.branch_id)).toEqual(expected.map((r) => r.id));
    expect(expected.map((r) => r.id)).toEqual([f.spareBranches.A]);
    expect(data![0]).toMatchObject({ members: 2, last_held_on: "2026-03-30" });
  });

  it("meeting_attendance_trend is present / expected of the rostered meetings per quarter", async () => {
    const expected = await sql<{ q: string; expected: number; present: number }>(
      `select to_char(date_trunc('quarter', m.held_on), 'YYYY-"Q"Q') as q, sum(m.expected_count)::int as expected, sum(m.present_count)::int as present
         from public.meetings m where m.org_unit_id = $1 and m.expected_count > 0 and m.held_on <= $2 group by 1 order by 1`,
      [f.orgUnits.A, DAY],
    );
    const { data } = await admin.rpc("meeting_attendance_trend", { p_day: DAY, p_org_unit_id: f.orgUnits.A });
    const rows = data as { quarter_label: string; expected: number; present: number; attendance_rate: number | null }[];
    expect(rows).toHaveLength(4 + 4 + 2); // 2024 Q1 … 2026 Q2
    const withRoster = rows.filter((r) => r.expected > 0);
    expect(withRoster.map((r) => ({ q: r.quarter_label.replace("-", "-"), expected: r.expected, present: r.present }))).toEqual(
      expected.map((e) => ({ q: e.q.replace("-Q", "-Q"), expected: e.expected, present: e.present })),
    );
    expect(withRoster.map((r) => r.attendance_rate)).toEqual(expected.map((e) => rate(e.present, e.expected)));
    expect(expected.map((e) => e.q)).toEqual(["2025-Q3", "2026-Q1"]);
  });

  it("a committee sees its own unit's figures only", async () => {
    const { data } = await committee.rpc("meeting_completion_by_unit_quarter", { p_day: DAY });
    expect(new Set((data as { org_unit_id: number }[]).map((r) => r.org_unit_id))).toEqual(new Set([f.orgUnits.A]));
    const all = await committee.rpc("meeting_completion_summary", { p_day: DAY });
    const mine = await admin.rpc("meeting_completion_summary", { p_day: DAY, p_org_unit_id: f.orgUnits.A });
    expect(all.data).toEqual(mine.data);
  });

  it("bounds the day", async () => {
    for (const fn of ["meeting_completion_summary", "meeting_completion_by_kind", "meeting_completion_by_unit_quarter", "branches_without_meetings", "meeting_attendance_trend"]) {
      const { error } = await admin.rpc(fn, { p_day: "infinity" });
      expect(error, fn).toMatchObject({ code: "22023", hint: "field:p_day" });
    }
  });
});
