// 待办 (public.todos): every kind against independent SQL, for each role (组织部 and 校领导 the whole school with a
// per-unit breakdown, a committee admin its own unit only), on the seed plus a fixture that makes every kind
// occur; the register's list filter (the computed column todo_<kind>) selects the same records as the to-do
// function for every registered kind; a threshold change moves the items at once.
import type { SupabaseClient } from "@supabase/supabase-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anonClient, signedInClient, sql } from "../local/testing";
import { createFixture, dropFixture, one, withDb, type Fixture } from "./fixture";

type Todo = { kind: string; register: string; count: number; ids: number[]; by_unit: { org_unit_id: number; count: number }[] | null };

let f: Fixture;
let clients: Record<"org_admin" | "leader" | "committee_admin", SupabaseClient>;
const made: Record<string, number> = {};

// Plain SQL for each built-in kind, written from the wording (not from the migration's functions).
// $1 = the org unit to keep, or null for the whole school. "Live" branch = active and founded by today.
const LIVE = "b.status = 'active' and (b.founded_on is null or b.founded_on <= current_date)";
const DUE = "(coalesce(b.last_election_on, b.founded_on) + b.term_years * interval '1 year')";
const setting = (key: string) => `(select value from public.settings where key = '${key}')`;
const inUnit = "($1::bigint is null or b.org_unit_id = $1)";
const branchKinds: Record<string, string> = {
  election_overdue: `${LIVE} and (${DUE} is null or ${DUE} < current_date)`,
  election_due_soon: `${LIVE} and ${DUE} >= current_date and ${DUE} <= current_date + ${setting("election_urgent_months")} * interval '1 month'`,
  election_due: `${LIVE} and ${DUE} > current_date + ${setting("election_urgent_months")} * interval '1 month'
                 and ${DUE} <= current_date + ${setting("election_warn_months")} * interval '1 month'`,
  no_secretary: `${LIVE} and b.secretary_id is null`,
  secretary_not_full: `${LIVE} and b.secretary_id in (select id from public.members where status = 'probationary' or branch_id <> b.id)`,
  branch_oversize: `${LIVE} and (select count(*) from public.members m where m.branch_id = b.id) > ${setting("branch_max_members")}`,
  branch_too_few_full: `${LIVE} and (select count(*) from public.members m where m.branch_id = b.id and m.status = 'full') < ${setting("branch_min_full_members")}`,
  activity_fund_low: `b.status = 'active' and (select count(*) from public.members m where m.branch_id = b.id) > 0
    and (select coalesce(sum(amount), 0) from public.fund_budgets x where x.branch_id = b.id and x.category = 'activity'
           and x.fiscal_year = extract(year from current_date))
        < ${setting("activity_fund_per_member")} * (select count(*) from public.members m where m.branch_id = b.id)`,
  evaluation_report_missing: `${LIVE} and exists (select 1 from public.evaluation_cycles c where c.status = 'open' and b.id not in
    (select e.branch_id from public.branch_evaluations e where e.cycle_id = c.id and e.report_submitted_on is not null))`,
  evaluation_scores_missing: `${LIVE} and exists (select 1 from public.evaluation_cycles c where c.status = 'open' and b.id not in
    (select e.branch_id from public.branch_evaluations e where e.cycle_id = c.id and e.total is not null))`,
};
const independent: Record<string, string> = {
  ...Object.fromEntries(
    Object.entries(branchKinds).map(([kind, where]) => [kind, `select b.id, b.org_unit_id from public.branches b where ${where} and ${inUnit}`]),
  ),
  probation_due: `select m.id, b.org_unit_id from public.members m join public.branches b on b.id = m.branch_id
    where m.status = 'probationary' and m.joined_on <= (current_date - interval '1 year')::date
      and m.joined_on >= (current_date - interval '2 years')::date and ${inUnit}`,
  probation_overdue: `select m.id, b.org_unit_id from public.members m join public.branches b on b.id = m.branch_id
    where m.status = 'probationary' and m.joined_on < (current_date - interval '2 years')::date and ${inUnit}`,
  carrier_uncovered: `select c.id, c.org_unit_id from public.carriers c where ($1::bigint is null or c.org_unit_id = $1)
    and c.id not in (select v.carrier_id from public.carrier_coverages v join public.branches b on b.id = v.branch_id
                      where b.status = 'active' and v.started_on <= current_date and coalesce(v.ended_on, current_date) >= current_date)`,
  budget_lagging: `select f.id, f.org_unit_id from public.fund_budgets f
    where f.fiscal_year = extract(year from current_date) and ($1::bigint is null or f.org_unit_id = $1)
      and (select coalesce(sum(x.amount), 0) from public.fund_expenditures x join public.fund_budgets a on a.id = x.budget_id
            where a.id = f.id or (f.branch_id is null and a.branch_id is not null and a.org_unit_id = f.org_unit_id
                                  and a.fiscal_year = f.fiscal_year and a.category = f.category)) * 100
          < f.amount * (100 * extract(month from current_date) / 12 - ${setting("funds_lag_margin")})`,
  // the policy-measure registers' kinds
  meetings_none_this_quarter: `select b.id, b.org_unit_id from public.branches b where ${LIVE} and ${inUnit}
    and b.id not in (select m.branch_id from public.meetings m join public.meeting_standards s on s.kind = m.kind
                      where m.branch_id is not null and m.held_on >= date_trunc('quarter', current_date) and m.held_on <= current_date)`,
  case_awaiting_recommendation: `select c.id, b.org_unit_id from public.cases c join public.branches b on b.id = c.branch_id
    where c.status = 'submitted' and ${inUnit}`,
  case_awaiting_rating: `select c.id, b.org_unit_id from public.cases c join public.branches b on b.id = c.branch_id
    where c.status = 'recommended' and ${inUnit}`,
  plan_awaiting_review: `select p.id, b.org_unit_id from public.excellence_plans p join public.branches b on b.id = p.branch_id
    where p.status = 'submitted' and ${inUnit}`,
  follow_up_overdue: `select v.id, b.org_unit_id from public.visits v join public.branches b on b.id = v.branch_id
    where v.follow_up is not null and trim(v.follow_up) <> '' and v.resolved_on is null
      and current_date - v.visited_on > ${setting("visit_follow_up_days")} and ${inUnit}`,
};

const expectedIds = async (kind: string, unit: number | null) =>
  (await sql<{ id: string }>(`select id from (${independent[kind]}) t order by id`, [unit])).map((r) => Number(r.id));
const expectedByUnit = async (kind: string) =>
  Object.fromEntries(
    (await sql<{ org_unit_id: string; n: string }>(`select org_unit_id, count(*) as n from (${independent[kind]}) t group by 1`, [null])).map(
      (r) => [Number(r.org_unit_id), Number(r.n)],
    ),
  );

const todos = async (client: SupabaseClient): Promise<Record<string, Todo>> => {
  const { data, error } = await client.rpc("todos");
  expect(error).toBeNull();
  return Object.fromEntries((data as Todo[]).map((t) => [t.kind, { ...t, count: Number(t.count), ids: t.ids.map(Number) }]));
};

beforeAll(async () => {
  f = await createFixture();
  clients = {
    org_admin: await signedInClient("admin@dangjian.test"),
    leader: await signedInClient("leader@dangjian.test"),
    committee_admin: await signedInClient(f.committee.email),
  };
  await withDb(async (db) => {
    const branch = (unit: number, code: string, elected: string) =>
      one<number>(
        db,
        `insert into public.branches (org_unit_id, code, name, kind, basis, founded_on, last_election_on)
         values ($1, $2, $3, 'student', 'major', '2010-09-01', ${elected}) returning id`,
        [unit, `${f.tag}-${code}`, `待办测试${code}党支部`],
      );
    const member = (branchId: number, code: string, status: string, joined: string, role = "member") =>
      one<number>(
        db,
        `insert into public.members (branch_id, name, gender, category, student_or_staff_no, status, joined_on, branch_role)
         values ($1, $2, 'male', 'student', $3, $4, ${joined}, $5) returning id`,
        [branchId, `待办测试${code}`, `${f.tag}-${code}`, status, role],
      );
    // Unit A: overdue, without secretary or members; due within a month with a probationary secretary;
    // due in five months with a member a year past probation; an uncovered carrier.
    made.overdue = await branch(f.orgUnits.A, "A-OVERDUE", "current_date - interval '4 years'");
    made.soon = await branch(f.orgUnits.A, "A-SOON", "current_date - interval '3 years' + interval '1 month'");
    made.due = await branch(f.orgUnits.A, "A-DUE", "current_date - interval '3 years' + interval '5 months'");
    made.probationSecretary = await member(made.soon, "A-P1", "probationary", "current_date - interval '13 months'", "secretary");
    made.probationOverdue = await member(made.due, "A-P2", "probationary", "current_date - interval '25 months'");
    made.uncovered = await one<number>(
      db,
      "insert into public.carriers (org_unit_id, kind, name, headcount) values ($1, 'lab', $2, 30) returning id",
      [f.orgUnits.A, `待办测试实验室 ${f.tag}`],
    );
    // Unit B: one overdue branch the unit A committee must not see.
    made.overdueB = await branch(f.orgUnits.B, "B-OVERDUE", "current_date - interval '5 years'");
  });
});

afterAll(() => dropFixture(f));

describe("todos: each kind against independent SQL", () => {
  it("the fixture makes the kinds occur where the issue says", async () => {
    const all = await todos(clients.org_admin);
    const has = (kind: string, id: number) => expect(all[kind].ids, kind).toContain(id);
    has("election_overdue", made.overdue);
    has("election_overdue", made.overdueB);
    has("no_secretary", made.overdue);
    has("branch_too_few_full", made.overdue);
    has("election_due_soon", made.soon);
    has("secretary_not_full", made.soon);
    has("activity_fund_low", made.soon);
    has("election_due", made.due);
    has("probation_due", made.probationSecretary);
    has("probation_overdue", made.probationOverdue);
    has("carrier_uncovered", made.uncovered);
    has("budget_lagging", f.unitBudgets.A);
    has("evaluation_report_missing", made.overdue);
    has("evaluation_scores_missing", made.overdue);
    // and not where it should not: the fixture's evaluated branch has its report and scores in
    expect(all.evaluation_report_missing.ids).not.toContain(f.branches.A);
    expect(all.evaluation_scores_missing.ids).not.toContain(f.branches.A);
    expect(all.election_overdue.ids).not.toContain(made.soon);
    expect(all.probation_due.ids).not.toContain(made.probationOverdue);
  });

  it("the seed makes each policy-measure kind occur (meetings, cases, plans, visits)", async () => {
    const all = await todos(clients.org_admin);
    for (const kind of ["meetings_none_this_quarter", "case_awaiting_recommendation", "case_awaiting_rating", "plan_awaiting_review", "follow_up_overdue"]) {
      expect(all[kind].count, kind).toBeGreaterThan(0);
    }
  });

  it.each(["org_admin", "leader"] as const)("%s: the whole school, every kind, with the per-unit breakdown", async (role) => {
    const got = await todos(clients[role]);
    expect(Object.keys(got).sort()).toEqual(expect.arrayContaining(Object.keys(independent).sort()));
    for (const kind of Object.keys(independent)) {
      const ids = await expectedIds(kind, null);
      expect(got[kind].ids, kind).toEqual(ids);
      expect(got[kind].count, kind).toBe(ids.length);
      const byUnit = Object.fromEntries((got[kind].by_unit ?? []).map((u) => [u.org_unit_id, u.count]));
      expect(byUnit, kind).toEqual(await expectedByUnit(kind));
    }
  });

  it("committee_admin: its own unit only, without a breakdown", async () => {
    const got = await todos(clients.committee_admin);
    for (const kind of Object.keys(independent)) {
      expect(got[kind].ids, kind).toEqual(await expectedIds(kind, f.orgUnits.A));
      expect(got[kind].by_unit, kind).toBeNull();
    }
    expect(got.election_overdue.ids).toContain(made.overdue);
    expect(got.election_overdue.ids).not.toContain(made.overdueB);
  });

  it("a fix through the API takes the item away at once (the stored items are recomputed after a write)", async () => {
    expect((await todos(clients.committee_admin)).no_secretary.ids).toContain(f.spareBranches.A);
    // the spare branch has no members of its own: move the fixture's spare member there and make them secretary
    await withDb((db) => db.query("update public.members set branch_id = $1 where id = $2", [f.spareBranches.A, f.spareMembers.A]));
    const { error } = await clients.committee_admin.from("branches").update({ secretary_id: f.spareMembers.A }).eq("id", f.spareBranches.A);
    expect(error).toBeNull();
    const after = await todos(clients.committee_admin);
    expect(after.no_secretary.ids).not.toContain(f.spareBranches.A);
    expect(after.no_secretary.ids).toEqual(await expectedIds("no_secretary", f.orgUnits.A));
  });

  it("a write recomputes only the kinds that read the written table", async () => {
    await todos(clients.org_admin); // every kind stored as of now
    const state = () =>
      withDb(async (db) => {
        const { rows } = await db.query<{ kind: string; version: string }>("select kind, version::text from app.todo_kind_state");
        return Object.fromEntries(rows.map((row) => [row.kind, row.version]));
      });
    const before = await state();
    await withDb((db) => db.query("update public.visits set follow_up = follow_up where id = (select min(id) from public.visits)"));
    await todos(clients.org_admin);
    const after = await state();
    expect(after.follow_up_overdue).not.toEqual(before.follow_up_overdue); // reads visits
    expect(after.election_overdue).toEqual(before.election_overdue); // reads branches, not visits
    expect(after.budget_lagging).toEqual(before.budget_lagging);
  });

  it("the breakdown names each org unit as it is now (a renamed unit is renamed in the stored items)", async () => {
    const unitName = async () =>
      (await todos(clients.org_admin)).election_overdue.by_unit?.find((unit) => Number(unit.org_unit_id) === f.orgUnits.A) as
        | { org_unit_name: string }
        | undefined;
    const original = (await unitName())!.org_unit_name;
    try {
      await withDb((db) => db.query("update public.org_units set name = name || '（更名）' where id = $1", [f.orgUnits.A]));
      expect((await unitName())?.org_unit_name).toBe(`${original}（更名）`);
    } finally {
      await withDb((db) => db.query("update public.org_units set name = $2 where id = $1", [f.orgUnits.A, original]));
    }
  });

  it("anonymous callers get nothing", async () => {
    const { error } = await anonClient().rpc("todos");
    expect(error).not.toBeNull();
  });
});

describe("todos: the register's list filter selects the same records", () => {
  it.each(["org_admin", "leader", "committee_admin"] as const)("%s: todo_<kind>=eq.true on every registered kind", async (role) => {
    const got = await todos(clients[role]);
    for (const todo of Object.values(got)) {
      const { data, error, count } = await clients[role]
        .from(todo.register)
        .select("id", { count: "exact" })
        .eq(`todo_${todo.kind}`, true)
        .order("id")
        .range(0, 9999);
      expect(error, todo.kind).toBeNull();
      expect(count, todo.kind).toBe(todo.count);
      expect((data ?? []).map((r: { id: number }) => Number(r.id)), todo.kind).toEqual(todo.ids);
    }
  });
});

describe("todos: a threshold change moves the items at once", () => {
  const setValue = (key: string, value: number) => sql("update public.settings set value = $2 where key = $1", [key, value]);
  let maxMembers: number;
  let warnMonths: number;
  beforeAll(async () => {
    maxMembers = Number((await sql<{ value: string }>("select value from public.settings where key = 'branch_max_members'"))[0].value);
    warnMonths = Number((await sql<{ value: string }>("select value from public.settings where key = 'election_warn_months'"))[0].value);
  });
  afterAll(async () => {
    await setValue("branch_max_members", maxMembers);
    await setValue("election_warn_months", warnMonths);
  });

  it("branch size: lowering the limit below a branch's size makes it oversize, raising it back clears it", async () => {
    await withDb((db) =>
      db.query(
        `insert into public.members (branch_id, name, gender, category, student_or_staff_no, status, joined_on)
         select $1, '规模测试' || n, 'female', 'student', $2 || n, 'full', '2015-07-01' from generate_series(1, 3) n`,
        [f.branches.A, `${f.tag}-SIZE`],
      ),
    );
    const size = await withDb((db) => one<number>(db, "select count(*) from public.members where branch_id = $1", [f.branches.A]));
    expect((await todos(clients.committee_admin)).branch_oversize.ids).not.toContain(f.branches.A);
    // the admin changes it through the API, as in the settings page
    const { error } = await clients.org_admin.from("settings").update({ value: size - 1 }).eq("key", "branch_max_members");
    expect(error).toBeNull();
    const moved = await todos(clients.committee_admin);
    expect(moved.branch_oversize.ids).toContain(f.branches.A);
    expect(moved.branch_oversize.ids).toEqual(await expectedIds("branch_oversize", f.orgUnits.A));
    await setValue("branch_max_members", maxMembers);
    expect((await todos(clients.committee_admin)).branch_oversize.ids).not.toContain(f.branches.A);
  });

  it("warning period: 24 months ahead brings the fixture's branch elected in 2024 into 即将换届", async () => {
    // fixture branch A: elected 2024-06-01 for 3 years, due 2027-06-01
    await setValue("election_warn_months", 24);
    const far = await todos(clients.committee_admin);
    expect(far.election_due.ids).toEqual(await expectedIds("election_due", f.orgUnits.A));
    expect(far.election_due.ids).toContain(f.branches.A);
    await setValue("election_warn_months", 1);
    const near = await todos(clients.committee_admin);
    expect(near.election_due.ids).toEqual([]);
    expect(near.election_due.ids).toEqual(await expectedIds("election_due", f.orgUnits.A));
  });
});
