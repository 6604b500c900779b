// 组织生活 completion for the whole school comes from stored cells (app.meeting_cells): a reader of the whole
// school gets the same figures as the independent count, a write through the API moves them at once, the store
// keeps at most 20 periods, and a committee admin still gets its own unit only.
import type { SupabaseClient } from "@supabase/supabase-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signedInClient } from "../local/testing";
import { createFixture, dropFixture, one, withDb, type Fixture } from "./fixture";

const DAY = "2026-05-15";
let f: Fixture;
let leader: SupabaseClient;
let committee: SupabaseClient;

beforeAll(async () => {
  f = await createFixture();
  await withDb(async (db) => {
    for (const [kind, day] of [["branch_committee", "2026-01-05"], ["branch_committee", "2026-01-25"], ["general_meeting", "2026-02-10"], ["theme_day", "2026-04-15"]]) {
      await one<number>(db, "insert into public.meetings (org_unit_id, branch_id, kind, held_on, title) values ($1, $2, $3, $4, '测试') returning id", [f.orgUnits.A, f.branches.A, kind, day]);
    }
  });
  leader = await signedInClient("leader@dangjian.test");
  committee = await signedInClient(f.committee.email);
});

afterAll(async () => {
  if (f) await withDb((db) => db.query("delete from public.meetings where org_unit_id = any($1)", [[f.orgUnits.A, f.orgUnits.B]]));
  await dropFixture(f);
});

// Independent: unit A's periods owed by the day (per active branch and standard) and those with a meeting, by the
// quarter the period ends in (a year's period ends in Q4), capped at the standard's number per period.
const unitQuarters = (unit: number) =>
  withDb(async (db) => {
    const { rows } = await db.query<{ quarter: string; expected: number; held: number }>(
      `with std as (select kind, per_period, case frequency when 'monthly' then 'month' when 'quarterly' then 'quarter' else 'year' end as unit,
                           case frequency when 'monthly' then interval '1 month' when 'quarterly' then interval '3 months' else interval '1 year' end as step
                      from public.meeting_standards where kind <> 'secretary_forum'),
            br as (select id, founded_on from public.branches where status = 'active' and org_unit_id = $1),
            owed as (select br.id as branch_id, std.kind, std.unit, std.per_period, p::date as period_start
                       from br cross join std
                       cross join lateral generate_series(date_trunc(std.unit, date_trunc('year', $2::date)), $2::date, std.step) p
                      where br.founded_on is null or br.founded_on <= (p + std.step - interval '1 day')::date),
            met as (select m.branch_id, m.kind, date_trunc(std.unit, m.held_on)::date as period_start, count(*) as n
                      from public.meetings m join std on std.kind = m.kind
                     where m.held_on between date_trunc('year', $2::date) and $2::date group by 1, 2, 3)
       select case when o.unit = 'year' then 'Q4' else 'Q' || extract(quarter from o.period_start) end as quarter,
              sum(o.per_period)::int as expected, sum(least(coalesce(m.n, 0), o.per_period))::int as held
         from owed o left join met m using (branch_id, kind, period_start)
        group by 1 order by 1`,
      [unit, DAY],
    );
    return rows;
  });

async function leaderQuarters(unit: number) {
  const { data, error } = await leader.rpc("meeting_completion_by_unit_quarter", { p_day: DAY });
  expect(error).toBeNull();
  return (data as { org_unit_id: number; quarter: string; expected: number; held: number }[])
    .filter((row) => Number(row.org_unit_id) === unit)
    .map(({ quarter, expected, held }) => ({ quarter, expected: Number(expected), held: Number(held) }));
}

describe("组织生活 completion for the whole school, stored", () => {
  it("the whole school's figures for a unit equal the independent count, and the call stores them", async () => {
    expect(await leaderQuarters(f.orgUnits.A)).toEqual(await unitQuarters(f.orgUnits.A));
    const stored = await withDb((db) =>
      db.query(
        `select k.version = app.tables_version(array['meetings', 'branches', 'meeting_standards']) as current, count(c.*)::int as cells
           from app.meeting_cells_keys k left join app.meeting_cells c on c.key_id = k.id
          where k.p_from = '2026-01-01' and k.p_to = $1 and k.p_branch_kind is null group by k.version`,
        [DAY],
      ),
    );
    expect(stored.rows).toEqual([{ current: true, cells: expect.any(Number) }]);
    expect(stored.rows[0].cells).toBeGreaterThan(0);
    // the second call reads the store and says the same
    expect(await leaderQuarters(f.orgUnits.A)).toEqual(await unitQuarters(f.orgUnits.A));
  });

  it("a meeting recorded through the API counts at once, and its removal too", async () => {
    const before = await leaderQuarters(f.orgUnits.A);
    const { data, error } = await committee
      .from("meetings")
      .insert({ org_unit_id: f.orgUnits.A, branch_id: f.spareBranches.A, kind: "party_lecture", held_on: "2026-04-20", title: "测试党课" })
      .select("id")
      .single();
    expect(error).toBeNull();
    const after = await leaderQuarters(f.orgUnits.A);
    expect(after).toEqual(await unitQuarters(f.orgUnits.A));
    const q2 = (rows: { quarter: string; held: number }[]) => rows.find((row) => row.quarter === "Q2")!.held;
    expect(q2(after)).toBe(q2(before) + 1);
    const removed = await committee.from("meetings").delete().eq("id", data!.id).select("id");
    expect(removed.error).toBeNull();
    expect(removed.data).toHaveLength(1);
    expect(await leaderQuarters(f.orgUnits.A)).toEqual(before);
  });

  it("the summary for the whole school equals the sum over every unit's quarters", async () => {
    const { data: summary } = await leader.rpc("meeting_completion_summary", { p_day: DAY });
    const { data: quarters } = await leader.rpc("meeting_completion_by_unit_quarter", { p_day: DAY });
    const sum = (key: "expected" | "held") => (quarters as Record<string, number>[]).reduce((total, row) => total + Number(row[key]), 0);
    expect(summary).toEqual([expect.objectContaining({ expected: sum("expected"), held: sum("held") })]);
  });

  it("a committee admin asking for the whole school gets its own unit only", async () => {
    const { data, error } = await committee.rpc("meeting_completion_by_unit_quarter", { p_day: DAY });
    expect(error).toBeNull();
    expect(new Set((data as { org_unit_id: number }[]).map((row) => Number(row.org_unit_id)))).toEqual(new Set([f.orgUnits.A]));
  });

  it("the store keeps the 20 periods asked for last", async () => {
    for (let day = 1; day <= 22; day++) {
      const { error } = await leader.rpc("meeting_completion_summary", { p_day: `2026-03-${String(day).padStart(2, "0")}` });
      expect(error).toBeNull();
    }
    const { rows } = await withDb((db) => db.query<{ n: number; newest: boolean }>(
      "select count(*)::int as n, bool_or(p_to = '2026-03-22') as newest from app.meeting_cells_keys"));
    expect(rows[0]).toEqual({ n: 20, newest: true });
  });
});
