// The home page's branch and member figures for a past year are that year's: home_kpis counts the active branches
// founded by p_day and their members who had joined by p_day (unknown dates count), checked against independent
// SQL over the whole school and over a small fixture.
import type { SupabaseClient } from "@supabase/supabase-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signedInClient, sql } from "../local/testing";
import { createFixture, dropFixture, one, withDb, type Fixture } from "./fixture";

let f: Fixture;
let admin: SupabaseClient;
let committee: SupabaseClient;
let lateBranch: number;

beforeAll(async () => {
  f = await createFixture();
  admin = await signedInClient("admin@dangjian.test");
  committee = await signedInClient(f.committee.email);
  await withDb(async (db) => {
    // Unit A: a branch founded in November 2026 with a secretary, and a member of branch A who joined in 2026.
    lateBranch = await one<number>(
      db,
      `insert into public.branches (org_unit_id, code, name, kind, basis, founded_on, last_election_on)
       values ($1, $2, '新成立党支部', 'teacher', 'discipline', '2026-11-10', '2026-11-10') returning id`,
      [f.orgUnits.A, `${f.tag}-A-NEW`],
    );
    await db.query(
      `insert into public.members (branch_id, name, gender, category, student_or_staff_no, joined_on, branch_role, professional_title)
       values ($1, '新支部书记', 'male', 'teacher', $2, '2001-07-01', 'secretary', 'senior')`,
      [lateBranch, `${f.tag}-A-NEW1`],
    );
    await db.query(
      // Probationary: a full member must have joined at least a year ago.
      `insert into public.members (branch_id, name, gender, category, student_or_staff_no, joined_on, status)
       values ($1, '新党员', 'female', 'student', $2, '2026-05-04', 'probationary')`,
      [f.branches.A, `${f.tag}-A-M26`],
    );
  });
});

afterAll(() => dropFixture(f));

/** The figures written independently: active branches founded by the day, members joined by the day. */
const expected = (day: string, unit: number | null) =>
  sql<{ branches: string; members: string; secretaries: string }>(
    `with b as (select * from public.branches where status = 'active' and ($2::bigint is null or org_unit_id = $2)
                 and coalesce(founded_on, '-infinity') <= $1::date)
     select (select count(*) from b) as branches,
            (select count(*) from public.members m join b on b.id = m.branch_id where coalesce(m.joined_on, '-infinity') <= $1::date) as members,
            (select count(*) from b join public.members m on m.id = b.secretary_id) as secretaries`,
    [day, unit],
  ).then(([r]) => ({ branches: Number(r.branches), members: Number(r.members), secretaries: Number(r.secretaries) }));

const kpis = async (client: SupabaseClient, day: string, unit?: number) => {
  const { data, error } = await client.rpc("home_kpis", { p_day: day, p_fiscal_year: Number(day.slice(0, 4)), ...(unit ? { p_org_unit_id: unit } : {}) });
  expect(error).toBeNull();
  return (data as Record<string, number>[])[0];
};

describe("home_kpis as of the chosen year", () => {
  it.each(["2024-12-31", "2025-12-31", "2026-11-30"])("the whole school on %s matches independent SQL", async (day) => {
    expect(await kpis(admin, day)).toMatchObject(await expected(day, null));
  });

  it("2025 is not today: fewer members than today, and no branch founded after 2025", async () => {
    const then = await kpis(admin, "2025-12-31");
    const now = await kpis(admin, "2026-11-30");
    expect(then.members).toBeLessThan(now.members);
    const [{ later }] = await sql<{ later: string }>(
      "select count(*) as later from public.branches where status = 'active' and founded_on > '2025-12-31'",
    );
    expect(now.branches - then.branches).toBe(Number(later));
  });

  it("unit A: the branch founded in November 2026 and the member who joined in 2026 count from then on", async () => {
    const then = await kpis(admin, "2025-12-31", f.orgUnits.A);
    const now = await kpis(admin, "2026-11-30", f.orgUnits.A);
    expect(then).toMatchObject({ ...(await expected("2025-12-31", f.orgUnits.A)), branches: 2, members: 2, secretaries: 0 });
    expect(now).toMatchObject({ ...(await expected("2026-11-30", f.orgUnits.A)), branches: 3, members: 4, secretaries: 1, senior_title_secretaries: 1 });
  });

  it("a committee gets its own unit's figures for the year", async () => {
    expect(await kpis(committee, "2025-12-31")).toEqual(await kpis(admin, "2025-12-31", f.orgUnits.A));
  });
});
