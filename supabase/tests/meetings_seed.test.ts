// The demo seed loads meetings and rosters in bulk without the per-row rule triggers (supabase/seed.sql, section
// meetings), so this checks the loaded data against every rule of those triggers, and that the derived counts are
// what the trigger would have written. It reads the stack's current data (the seed as loaded).
import { describe, expect, it } from "vitest";
import { one, withDb } from "./fixture";

const violations = {
  branchByKind: "select count(*) from public.meetings where (kind = 'secretary_forum') <> (branch_id is null)",
  branchInUnit: "select count(*) from public.meetings m join public.branches b on b.id = m.branch_id where b.org_unit_id <> m.org_unit_id",
  beforeFounding: "select count(*) from public.meetings m join public.branches b on b.id = m.branch_id where m.held_on < b.founded_on",
  inFuture: "select count(*) from public.meetings where held_on > current_date",
  notMemberOfBranch: `select count(*) from public.meeting_attendance a join public.meetings m on m.id = a.meeting_id
                       join public.members x on x.id = a.member_id where m.branch_id is not null and x.branch_id <> m.branch_id`,
  forumNotSecretary: `select count(*) from public.meeting_attendance a join public.meetings m on m.id = a.meeting_id
                       where m.branch_id is null and not exists (select 1 from public.branches b where b.secretary_id = a.member_id and b.org_unit_id = m.org_unit_id)`,
  absentWithoutReason: "select count(*) from public.meeting_attendance where not present and btrim(coalesce(absence_reason, '')) = ''",
  presentWithReason: "select count(*) from public.meeting_attendance where present and absence_reason is not null",
  countsOff: `select count(*) from public.meetings m
               left join (select meeting_id, count(*) as e, count(*) filter (where present) as p from public.meeting_attendance group by meeting_id) c on c.meeting_id = m.id
              where (m.expected_count, m.present_count, m.absent_count) <> (coalesce(c.e, 0), coalesce(c.p, 0), coalesce(c.e - c.p, 0))`,
};

describe("meetings seed", () => {
  it("obeys the meetings and attendance rules", async () => {
    const found = await withDb(async (db) => {
      const result: Record<string, number> = {};
      for (const [name, text] of Object.entries(violations)) result[name] = Number(await one(db, text));
      return result;
    });
    expect(found).toEqual(Object.fromEntries(Object.keys(violations).map((k) => [k, 0])));
  });

  it("has meetings of every kind in each of 2024-2026, rosters, and branches that lag", async () => {
    const shape = await withDb((db) =>
      db.query(`select (select count(distinct (kind, extract(year from held_on))) from public.meetings where held_on >= '2024-01-01')::int as kind_years,
                       (select count(*) from public.meeting_attendance)::int as rows,
                       (select count(*) from public.meeting_attendance where not present)::int as absent,
                       (select count(*) from public.branches_without_meetings(date '2026-11-20'))::int as idle`).then((r) => r.rows[0]),
    );
    expect(shape.kind_years).toBe(7 * 3);
    expect(shape.rows).toBeGreaterThan(1000);
    expect(shape.absent).toBeGreaterThan(0);
    expect(shape.idle).toBeGreaterThan(0);
  });
});
