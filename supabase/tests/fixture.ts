// A small hand-made world for the database tests, beside the seed and other tests' data: two org units
// (A and B) with one row of every kind each, a committee_admin account for unit A, and spare accounts.
// Every code, number and email carries a unique tag; dropFixture() removes it all again.
import pg from "pg";
import { DB_URL, DEMO_PASSWORD } from "../local/env";

export type Unit = "A" | "B";
export const units: Unit[] = ["A", "B"];
type PerUnit = Record<Unit, number>;

export type Fixture = {
  tag: string;
  orgUnits: PerUnit;
  branches: PerUnit;
  /** A second branch per unit, without evaluation or allocation: room for inserts. */
  spareBranches: PerUnit;
  members: PerUnit;
  /** A second member per unit, without review. */
  spareMembers: PerUnit;
  carriers: PerUnit;
  coverages: PerUnit;
  partnerships: PerUnit;
  activities: PerUnit;
  unitBudgets: PerUnit;
  branchBudgets: PerUnit;
  expenditures: PerUnit;
  evaluations: PerUnit;
  posts: PerUnit;
  reviews: PerUnit;
  /** Two draft cycles of the fixture's own (years nobody else uses). */
  cycles: PerUnit;
  /** The seeded open 2026 cycle. */
  openCycle: number;
  /** The seeded closed 2025 cycle. */
  closedCycle: number;
  committee: { email: string; userId: string };
  /** A leader account of the fixture's own (profile row "B" of the profiles matrix). */
  otherProfileUserId: string;
};

let counter = 0;
/** A value unique across test files and runs. */
export const unique = (prefix = "") => `${prefix}${Date.now().toString(36)}${(counter++).toString(36)}${Math.floor(Math.random() * 1e4)}`;

export async function withDb<T>(work: (db: pg.Client) => Promise<T>): Promise<T> {
  const db = new pg.Client({ connectionString: DB_URL });
  await db.connect();
  try {
    return await work(db);
  } finally {
    await db.end();
  }
}

/** First column of the first row. */
export async function one<T = number>(db: pg.Client, text: string, params: unknown[] = []): Promise<T> {
  const { rows, fields } = await db.query(text, params);
  const value = rows[0]?.[fields[0].name];
  return (typeof value === "string" && /^\d+$/.test(value) && fields[0].dataTypeID === 20 ? Number(value) : value) as T;
}

/** A year in 2040–2099 that no evaluation cycle has yet. */
export const freeCycleYear = (db: pg.Client) =>
  one<number>(db, "select min(y) from generate_series(2040, 2099) y where not exists (select 1 from public.evaluation_cycles c where c.year = y)");

export async function createAuthUser(db: pg.Client, email: string, displayName: string): Promise<string> {
  return one<string>(db, "select app.create_auth_user(gen_random_uuid(), $1, $2, $3)::text", [email, DEMO_PASSWORD, displayName]);
}

export async function createFixture(): Promise<Fixture> {
  const tag = unique("T");
  return withDb(async (db) => {
    const id = (text: string, params: unknown[]) => one<number>(db, text, params);
    const perUnit = async (make: (unit: Unit) => Promise<number>): Promise<PerUnit> => ({ A: await make("A"), B: await make("B") });

    const orgUnits = await perUnit((u) =>
      id("insert into public.org_units (code, name, kind, category) values ($1, $2, 'party_committee', 'college') returning id", [
        `${tag}-${u}`,
        `测试学院${u}党委 ${tag}`,
      ]),
    );
    const branch = (u: Unit, n: number) =>
      id(
        `insert into public.branches (org_unit_id, code, name, kind, basis, founded_on, last_election_on)
         values ($1, $2, $3, 'student', 'major', '2015-09-01', '2024-06-01') returning id`,
        [orgUnits[u], `${tag}-${u}-B${n}`, `测试学院${u}第${n}党支部`],
      );
    const branches = await perUnit((u) => branch(u, 1));
    const spareBranches = await perUnit((u) => branch(u, 2));
    const member = (u: Unit, branchId: number, n: number) =>
      id(
        `insert into public.members (branch_id, name, gender, category, student_or_staff_no, status, joined_on, professional_title)
         values ($1, $2, 'female', 'teacher', $3, 'full', '2010-07-01', 'senior') returning id`,
        [branchId, `测试党员${u}${n}`, `${tag}-${u}-M${n}`],
      );
    const members = await perUnit((u) => member(u, branches[u], 1));
    const spareMembers = await perUnit((u) => member(u, branches[u], 2));
    const carriers = await perUnit((u) =>
      id("insert into public.carriers (org_unit_id, kind, name, headcount) values ($1, 'dormitory', $2, 100) returning id", [
        orgUnits[u],
        `测试公寓${u} ${tag}`,
      ]),
    );
    const coverages = await perUnit((u) =>
      id(
        "insert into public.carrier_coverages (carrier_id, branch_id, form, started_on) values ($1, $2, 'party_group', '2025-01-01') returning id",
        [carriers[u], branches[u]],
      ),
    );
    const partnerships = await perUnit((u) =>
      id(
        `insert into public.partnerships (branch_id, mode, partner_kind, partner_name, started_on)
         values ($1, 'joint_building', 'community', $2, '2026-01-01') returning id`,
        [branches[u], `测试社区${u}党总支`],
      ),
    );
    const activities = await perUnit((u) =>
      id(
        `insert into public.partnership_activities (partnership_id, held_on, title, service_area, participants)
         values ($1, '2026-02-01', '联合主题党日', 'members', 20) returning id`,
        [partnerships[u]],
      ),
    );
    const unitBudgets = await perUnit((u) =>
      id("insert into public.fund_budgets (fiscal_year, org_unit_id, category, amount) values (2026, $1, 'activity', 10000) returning id", [
        orgUnits[u],
      ]),
    );
    const branchBudgets = await perUnit((u) =>
      id(
        "insert into public.fund_budgets (fiscal_year, org_unit_id, branch_id, category, amount) values (2026, $1, $2, 'activity', 1000) returning id",
        [orgUnits[u], branches[u]],
      ),
    );
    const expenditures = await perUnit((u) =>
      id(
        "insert into public.fund_expenditures (budget_id, spent_on, amount, purpose) values ($1, '2026-03-15', 100, '主题党日活动') returning id",
        [branchBudgets[u]],
      ),
    );
    const openCycle = await id("select id from public.evaluation_cycles where year = 2026", []);
    const closedCycle = await id("select id from public.evaluation_cycles where year = 2025", []);
    const evaluations = await perUnit((u) =>
      id(
        `insert into public.branch_evaluations (cycle_id, branch_id, report_submitted_on, score_leadership, score_backbone,
           score_venue, score_carrier, score_system, score_performance, satisfaction)
         values ($1, $2, '2026-11-01', 80, 80, 80, 80, 80, 80, 90) returning id`,
        [openCycle, branches[u]],
      ),
    );
    const posts = await perUnit((u) =>
      id("insert into public.member_posts (member_id, year, post_title) values ($1, 2026, '学习帮扶岗') returning id", [members[u]]),
    );
    const reviews = await perUnit((u) =>
      id("insert into public.member_reviews (cycle_id, member_id, grade) values ($1, $2, 'qualified') returning id", [openCycle, members[u]]),
    );
    const cycles = await perUnit(async (u) => {
      const year = await freeCycleYear(db);
      return id(
        `insert into public.evaluation_cycles (year, title, starts_on, ends_on) values ($1::int, $2, make_date($1::int, 1, 1), make_date($1::int, 12, 31))
         returning id`,
        [year, `测试周期${u} ${tag}`],
      );
    });

    const committeeEmail = `committee-${tag.toLowerCase()}@dangjian.test`;
    const committeeId = await createAuthUser(db, committeeEmail, `测试管理员 ${tag}`);
    await db.query("insert into public.profiles (user_id, role, org_unit_id, display_name) values ($1, 'committee_admin', $2, $3)", [
      committeeId,
      orgUnits.A,
      `测试管理员 ${tag}`,
    ]);
    const otherProfileUserId = await createAuthUser(db, `leader-${tag.toLowerCase()}@dangjian.test`, `测试校领导 ${tag}`);
    await db.query("insert into public.profiles (user_id, role, display_name) values ($1, 'leader', $2)", [otherProfileUserId, `测试校领导 ${tag}`]);

    return {
      tag,
      orgUnits,
      branches,
      spareBranches,
      members,
      spareMembers,
      carriers,
      coverages,
      partnerships,
      activities,
      unitBudgets,
      branchBudgets,
      expenditures,
      evaluations,
      posts,
      reviews,
      cycles,
      openCycle,
      closedCycle,
      committee: { email: committeeEmail, userId: committeeId },
      otherProfileUserId,
    };
  });
}

/** Removes everything that belongs to the fixture: its org units with all their rows, its cycles and its accounts
 * (audit entries stay: append-only). */
export async function dropFixture(fixture: Fixture | undefined): Promise<void> {
  if (!fixture) return;
  await dropTagged(fixture.tag);
  // The fixture's own cycles, even if a test renamed them (their evaluations went with the branches).
  // (A test may have closed them: clean-up is maintenance, see dropTagged.)
  await withDb(async (db) => {
    await db.query("begin");
    await db.query("select set_config('app.maintenance', 'on', true)");
    await db.query("delete from public.evaluation_cycles where id = any($1)", [[fixture.cycles.A, fixture.cycles.B]]);
    await db.query("commit");
  });
}

/** Deletes org units whose code starts with `tag` with all their rows, and accounts and cycles carrying the tag. */
export async function dropTagged(tag: string): Promise<void> {
  await withDb(async (db) => {
    await db.query("begin");
    // Clean-up is maintenance: the fixture's rows in the closed cycle (analytics plants some) are frozen for the API.
    await db.query("select set_config('app.maintenance', 'on', true)");
    await db.query("create temp table drop_units on commit drop as select id from public.org_units where code like $1", [`${tag}%`]);
    await db.query("create temp table drop_branches on commit drop as select id from public.branches where org_unit_id in (select id from drop_units)");
    const steps = [
      "delete from public.fund_expenditures where budget_id in (select id from public.fund_budgets where org_unit_id in (select id from drop_units))",
      "delete from public.fund_budgets where org_unit_id in (select id from drop_units) and branch_id is not null",
      "delete from public.fund_budgets where org_unit_id in (select id from drop_units)",
      "delete from public.branch_evaluations where branch_id in (select id from drop_branches)",
      "delete from public.member_reviews where member_id in (select id from public.members where branch_id in (select id from drop_branches))",
      "delete from public.partnerships where branch_id in (select id from drop_branches) or partner_branch_id in (select id from drop_branches)",
      "delete from public.carrier_coverages where branch_id in (select id from drop_branches)",
      "delete from public.carriers where org_unit_id in (select id from drop_units)",
      "update public.branches set secretary_id = null where id in (select id from drop_branches) and secretary_id is not null",
      "delete from public.members where branch_id in (select id from drop_branches)",
      "delete from public.branches where id in (select id from drop_branches)",
      "delete from public.profiles where org_unit_id in (select id from drop_units)",
      "delete from public.org_units where id in (select id from drop_units)",
    ];
    for (const step of steps) await db.query(step);
    await db.query("delete from public.profiles where user_id in (select id from auth.users where email ilike $1)", [`%${tag}%`]);
    await db.query("delete from auth.users where email ilike $1", [`%${tag}%`]);
    await db.query(
      `delete from public.evaluation_cycles c where c.title like $1
          and not exists (select 1 from public.branch_evaluations e where e.cycle_id = c.id)
          and not exists (select 1 from public.member_reviews r where r.cycle_id = c.id)`,
      [`%${tag}%`],
    );
    await db.query("commit");
  });
}
