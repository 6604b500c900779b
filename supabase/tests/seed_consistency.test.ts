// The demo seed obeys issue 8's rules at scale 1 and 2: every branch's secretary_id and its members' 书记 agree,
// no member sits in a merged or dissolved branch, none of those has an open coverage, carrier names are unique
// within (unit, kind), and the closed cycles are closed. Each scale is loaded inside a transaction that is rolled
// back, so the stack's data stays as it was.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { DB_URL, supabaseDir } from "../local/env";
import { seededTables } from "../seed/load";

const checks = {
  secretaryWithoutRole: `select count(*) from public.branches b join public.members m on m.id = b.secretary_id
                          where m.branch_role <> 'secretary' or m.branch_id <> b.id`,
  roleWithoutSecretary: `select count(*) from public.members m
                          where m.branch_role = 'secretary'
                            and not exists (select 1 from public.branches b where b.id = m.branch_id and b.secretary_id = m.id)`,
  membersInClosedBranches: `select count(*) from public.members m join public.branches b on b.id = m.branch_id where b.status <> 'active'`,
  openCoveragesOfClosedBranches: `select count(*) from public.carrier_coverages c join public.branches b on b.id = c.branch_id
                                   where b.status <> 'active' and (c.ended_on is null or c.ended_on > current_date)`,
  duplicateCarriers: `select count(*) from (select 1 from public.carriers group by org_unit_id, kind, name having count(*) > 1) d`,
};
const zero = Object.fromEntries(Object.keys(checks).map((k) => [k, 0]));

async function measure(db: pg.Client) {
  const result: Record<string, number> = {};
  for (const [name, text] of Object.entries(checks)) result[name] = Number((await db.query(text)).rows[0].count);
  return result;
}

describe("seed consistency", () => {
  it("holds on the stack's current data", async () => {
    const db = new pg.Client({ connectionString: DB_URL });
    await db.connect();
    try {
      expect(await measure(db)).toEqual(zero);
    } finally {
      await db.end();
    }
  });

  it.each([1, 2])("holds for a fresh seed at scale %i, which still has closed branches, vacancies and closed cycles", async (scale) => {
    const db = new pg.Client({ connectionString: DB_URL });
    await db.connect();
    try {
      await db.query("begin");
      await db.query("alter table public.audit_log disable trigger audit_log_no_truncate");
      await db.query(`truncate ${seededTables.map((t) => `public.${t}`).join(", ")} restart identity`);
      await db.query("delete from auth.users");
      await db.query("select set_config('app.seed_scale', $1, true)", [String(scale)]);
      await db.query(readFileSync(resolve(supabaseDir, "seed.sql"), "utf8"));
      expect(await measure(db)).toEqual(zero);
      const { rows: [shape] } = await db.query(
        `select (select count(*) from public.branches where status <> 'active')::int as closed,
                (select count(*) from public.branches where status = 'active' and secretary_id is null)::int as vacant,
                (select count(*) from public.branches where status = 'active' and secretary_id is not null)::int as filled,
                (select string_agg(year || ':' || status, ',' order by year) from public.evaluation_cycles) as cycles`,
      );
      expect(shape.closed).toBeGreaterThan(0);
      expect(shape.vacant).toBeGreaterThan(0);
      expect(shape.filled).toBeGreaterThan(shape.vacant * 10);
      expect(shape.cycles).toBe("2024:closed,2025:closed,2026:open");
    } finally {
      await db.query("rollback").catch(() => undefined);
      await db.end();
    }
  }, 300_000); // a whole seed load: about 10 s at scale 2 on an idle machine, several times that under load
});
