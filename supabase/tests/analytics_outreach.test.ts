// The 联系点 analytics against independent SQL over the seed (as postgres, from the definitions: a contact point is
// active on a day when started_on ≤ day ≤ ended_on (open end); a follow-up is open on a day when one was written,
// the visit was made by then and it was not resolved by then), for the whole school, one unit, and a committee's
// own scope; the leader's own figures (auth.uid()) for leader@dangjian.test; the parameter bounds.
import type { SupabaseClient } from "@supabase/supabase-js";
import { beforeAll, describe, expect, it } from "vitest";
import { signedInClient, sql } from "../local/testing";

const LEADER = "00000000-0000-4000-8000-000000000002";
const days = ["2024-12-31", "2025-06-30", "2026-11-20"];

let admin: SupabaseClient;
let leader: SupabaseClient;
let committee: SupabaseClient;
let unit1: number;

beforeAll(async () => {
  admin = await signedInClient("admin@dangjian.test");
  leader = await signedInClient("leader@dangjian.test");
  committee = await signedInClient("committee@dangjian.test");
  unit1 = Number((await sql<{ id: string }>("select id from public.org_units where code = 'U001'"))[0].id);
});

async function rpc(client: SupabaseClient, name: string, params: Record<string, unknown>) {
  const { data, error } = await client.rpc(name, params);
  expect(error).toBeNull();
  return data as Record<string, unknown>[];
}
/** Numbers as numbers on both sides (bigint and numeric arrive from pg as strings). */
const plain = (rows: Record<string, unknown>[]) =>
  rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === "string" && /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v])));

const coverageSql = (day: string, unit: number | null) =>
  sql(
    `select u.id as org_unit_id, u.code as org_unit_code, u.name as org_unit_name, count(*) as branches,
            count(*) filter (where exists (select 1 from contact_points c where c.branch_id = b.id
                                            and c.started_on <= $1::date and coalesce(c.ended_on, 'infinity') >= $1::date)) as with_contact,
            count(*) filter (where exists (select 1 from contact_points c join profiles p on p.user_id = c.contact_id
                                            where c.branch_id = b.id and p.role = 'leader'
                                              and c.started_on <= $1::date and coalesce(c.ended_on, 'infinity') >= $1::date)) as with_leader_contact
       from branches b join org_units u on u.id = b.org_unit_id
      where b.status = 'active' and coalesce(b.founded_on, '-infinity') <= $1::date and ($2::bigint is null or b.org_unit_id = $2)
      group by u.id, u.code, u.name order by u.code`,
    [day, unit],
  ).then((rows) =>
    plain(rows).map((r): Record<string, unknown> => ({
      ...r,
      contact_share: Math.round(((r.with_contact as number) / (r.branches as number)) * 1e4) / 1e4,
      leader_contact_share: Math.round(((r.with_leader_contact as number) / (r.branches as number)) * 1e4) / 1e4,
    })),
  );

const openSql = (day: string, unit: number | null, visitor: string | null = null) =>
  sql(
    `select v.id as visit_id, to_char(v.visited_on, 'YYYY-MM-DD') as visited_on, v.kind::text as kind, b.id as branch_id, b.name as branch_name,
            u.id as org_unit_id, u.name as org_unit_name, coalesce(p.display_name, v.visitor_name) as visitor, v.problems, v.follow_up,
            $1::date - v.visited_on as days_open
       from visits v join branches b on b.id = v.branch_id join org_units u on u.id = b.org_unit_id
       left join profiles p on p.user_id = v.visitor_id
      where v.follow_up is not null and btrim(v.follow_up) <> '' and v.visited_on <= $1::date
        and (v.resolved_on is null or v.resolved_on > $1::date)
        and ($2::bigint is null or b.org_unit_id = $2) and ($3::uuid is null or v.visitor_id = $3)
      order by v.visited_on, v.id`,
    [day, unit, visitor],
  ).then(plain);

describe("contact_point_coverage and contact_point_summary", () => {
  it.each(days)("per unit on %s equal independent SQL", async (day) => {
    const rows = plain(await rpc(admin, "contact_point_coverage", { p_day: day }));
    expect(rows).toEqual(await coverageSql(day, null));
    expect(rows.length).toBeGreaterThanOrEqual(20);
  });

  it("the school has branches with a leader's contact point and branches without", async () => {
    const [s] = plain(await rpc(admin, "contact_point_summary", { p_day: "2026-11-20" }));
    const per = await coverageSql("2026-11-20", null);
    const sum = (k: string) => per.reduce((t, r) => t + (r[k] as number), 0);
    expect(s).toEqual({
      branches: sum("branches"),
      with_contact: sum("with_contact"),
      with_leader_contact: sum("with_leader_contact"),
      contact_share: Math.round((sum("with_contact") / sum("branches")) * 1e4) / 1e4,
      leader_contact_share: Math.round((sum("with_leader_contact") / sum("branches")) * 1e4) / 1e4,
    });
    expect(s.with_leader_contact).toBeGreaterThan(0);
    expect(s.with_contact).toBeLessThan(s.branches as number);
  });

  it("a committee counts its own unit, leaders' contact points included (it cannot read their profiles)", async () => {
    const mine = plain(await rpc(committee, "contact_point_coverage", { p_day: "2026-11-20" }));
    expect(mine).toEqual(await coverageSql("2026-11-20", unit1));
    expect(plain(await rpc(committee, "contact_point_summary", { p_day: "2026-11-20" }))).toEqual(
      plain(await rpc(admin, "contact_point_summary", { p_day: "2026-11-20", p_org_unit_id: unit1 })),
    );
  });
});

describe("visits_by_leader_year", () => {
  const expected = (unit: number | null) =>
    sql(
      `select p.user_id as visitor_id, p.display_name as visitor_name, y as year,
              (select count(*) from visits v join branches b on b.id = v.branch_id
                where v.visitor_id = p.user_id and extract(year from v.visited_on) = y and ($1::bigint is null or b.org_unit_id = $1)) as visits,
              (select count(*) from visits v join branches b on b.id = v.branch_id
                where v.visitor_id = p.user_id and extract(year from v.visited_on) = y and ($1::bigint is null or b.org_unit_id = $1)
                  and coalesce(btrim(v.problems), '') <> '') as with_problems
         from profiles p cross join generate_series(2024, 2026) y
        where p.role = 'leader' order by p.display_name, p.user_id, y`,
      [unit],
    ).then(plain);

  it("every leader and year, zeros included, equals independent SQL", async () => {
    const rows = plain(await rpc(admin, "visits_by_leader_year", { p_from_year: 2024, p_to_year: 2026 }));
    expect(rows).toEqual(await expected(null));
    expect(rows.some((r) => (r.visits as number) > 0)).toBe(true);
  });

  it("one unit, and a committee's own scope", async () => {
    const unitRows = plain(await rpc(admin, "visits_by_leader_year", { p_from_year: 2024, p_to_year: 2026, p_org_unit_id: unit1 }));
    expect(unitRows).toEqual(await expected(unit1));
    expect(plain(await rpc(committee, "visits_by_leader_year", { p_from_year: 2024, p_to_year: 2026 }))).toEqual(unitRows);
  });
});

describe("open_follow_ups", () => {
  it.each(days)("on %s equal independent SQL", async (day) => {
    expect(plain(await rpc(admin, "open_follow_ups", { p_day: day }))).toEqual(await openSql(day, null));
  });

  it("there are some at the end of the seed, and a committee sees its own unit's", async () => {
    expect((await openSql("2026-11-20", null)).length).toBeGreaterThan(10);
    expect(plain(await rpc(committee, "open_follow_ups", { p_day: "2026-11-20" }))).toEqual(await openSql("2026-11-20", unit1));
  });
});

describe("the leader's own contact points and open follow-ups (auth.uid())", () => {
  it("my_contact_points equals independent SQL for leader@dangjian.test", async () => {
    const day = "2026-11-20";
    const expected = plain(
      await sql(
        `select c.id as contact_point_id, b.id as branch_id, b.name as branch_name, u.name as org_unit_name,
                to_char(c.started_on, 'YYYY-MM-DD') as started_on,
                (select count(*) from visits v where v.branch_id = c.branch_id and v.visitor_id = $2 and v.visited_on between '2026-01-01' and $1::date) as visits_this_year,
                (select to_char(max(v.visited_on), 'YYYY-MM-DD') from visits v where v.branch_id = c.branch_id and v.visitor_id = $2 and v.visited_on <= $1::date) as last_visited_on,
                (select count(*) from visits v where v.branch_id = c.branch_id and v.visitor_id = $2 and v.visited_on <= $1::date
                    and coalesce(btrim(v.follow_up), '') <> '' and (v.resolved_on is null or v.resolved_on > $1::date)) as open_follow_ups
           from contact_points c join branches b on b.id = c.branch_id join org_units u on u.id = b.org_unit_id
          where c.contact_id = $2 and c.started_on <= $1::date and coalesce(c.ended_on, 'infinity') >= $1::date
          order by u.code, b.code, c.id`,
        [day, LEADER],
      ),
    );
    const rows = plain(await rpc(leader, "my_contact_points", { p_day: day }));
    expect(rows).toEqual(expected);
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(rows.reduce((t, r) => t + (r.open_follow_ups as number), 0)).toBeGreaterThanOrEqual(2);
  });

  it("my_open_follow_ups: the leader's own open follow-ups, nobody else's", async () => {
    const day = "2026-11-20";
    const mine = (await openSql(day, null, LEADER)).map(({ visit_id, visited_on, kind, branch_name, org_unit_name, problems, follow_up, days_open }) => ({
      visit_id, visited_on, kind, branch_name, org_unit_name, problems, follow_up, days_open,
    }));
    const rows = plain(await rpc(leader, "my_open_follow_ups", { p_day: day }));
    expect(rows).toEqual(mine);
    expect(rows.length).toBeGreaterThanOrEqual(2);
    // 组织部 (李敏) made no visits with follow-ups of her own in the seed: her list is her own, not the school's.
    expect(plain(await rpc(admin, "my_open_follow_ups", { p_day: day }))).toEqual(
      (await openSql(day, null, "00000000-0000-4000-8000-000000000001")).map(({ visit_id }) => expect.objectContaining({ visit_id })),
    );
  });
});

describe("parameter bounds", () => {
  it.each([
    ["contact_point_coverage", { p_day: "infinity" }, "p_day"],
    ["open_follow_ups", { p_day: "1900-01-01" }, "p_day"],
    ["my_contact_points", { p_day: "2101-01-01" }, "p_day"],
    ["visits_by_leader_year", { p_from_year: 1999, p_to_year: 2026 }, "p_from_year"],
    ["visits_by_leader_year", { p_from_year: 2026, p_to_year: 2024 }, "p_to_year"],
    ["visits_by_leader_year", { p_from_year: 2000, p_to_year: 2100 }, "p_to_year"],
  ] as const)("%s refuses %j", async (name, params, field) => {
    const { error } = await admin.rpc(name, params);
    expect(error?.code).toBe("22023");
    expect(error?.hint).toBe(`field:${field}`);
    expect(error?.details).toBe("analytics_parameter_range");
  });
});
