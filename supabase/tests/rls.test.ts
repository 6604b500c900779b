// The RLS matrix: every table × org_admin / committee_admin / leader / anon × select / insert / update / delete,
// through supabase-js as a signed-in user, on rows of the committee's own unit (A) and of another unit (B).
// PostgREST answers a blocked read, update or delete with zero rows rather than an error, so every cell counts
// rows and then checks the database itself.
import type { SupabaseClient } from "@supabase/supabase-js";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anonClient, signedInClient } from "../local/testing";
import { createAuthUser, createFixture, dropFixture, freeCycleYear, one, units, withDb, type Fixture, type Unit } from "./fixture";

type Role = "org_admin" | "committee_admin" | "leader" | "anon";
type Action = "select" | "insert" | "update" | "delete";
const roles: Role[] = ["org_admin", "committee_admin", "leader", "anon"];

type Access =
  | "unit" //           org_admin all, leader reads all, committee its unit only
  | "org_admin_writes" // every signed-in role reads, only org_admin writes
  | "profiles" //       own row readable; leader reads all; org_admin writes
  | "audit"; //          readable per role, writable by nobody

type TableSpec = {
  table: string;
  key?: string;
  access: Access;
  /** Existing rows for select / update: A = in the committee's unit (its own profile), B = elsewhere. */
  row: (f: Fixture) => Record<Unit, number | string>;
  /** A payload for an insert into unit A or B. */
  insert: (f: Fixture, unit: Unit, db: pg.Client) => Promise<Record<string, unknown>> | Record<string, unknown>;
  /** A throwaway row in unit A or B for a delete, made directly in the database. */
  make: (f: Fixture, unit: Unit, db: pg.Client) => Promise<number | string>;
  /** The column an update changes and a fresh value for it. */
  update: { column: string; value: (n: number) => unknown };
};

const id = (db: pg.Client, text: string, params: unknown[]) => one<number>(db, text, params);
let n = 0;

const specs: TableSpec[] = [
  {
    table: "org_units",
    access: "org_admin_writes",
    row: (f) => f.orgUnits,
    insert: (f) => ({ code: `${f.tag}-N${n++}`, name: "新建党委", kind: "direct_branch", category: "college" }),
    make: (f, _u, db) =>
      id(db, "insert into public.org_units (code, name, kind, category) values ($1, '待删组织', 'direct_branch', 'college') returning id", [
        `${f.tag}-D${n++}`,
      ]),
    update: { column: "name", value: (i) => `改名党委${i}` },
  },
  {
    table: "profiles",
    key: "user_id",
    access: "profiles",
    row: (f) => ({ A: f.committee.userId, B: f.otherProfileUserId }),
    insert: async (f, _u, db) => ({
      user_id: await createAuthUser(db, `new-${f.tag.toLowerCase()}-${n++}@dangjian.test`, "新账号"),
      role: "leader",
      display_name: "新账号",
    }),
    make: async (f, _u, db) => {
      const userId = await createAuthUser(db, `gone-${f.tag.toLowerCase()}-${n++}@dangjian.test`, "待删账号");
      await db.query("insert into public.profiles (user_id, role, display_name) values ($1, 'leader', '待删账号')", [userId]);
      return userId;
    },
    update: { column: "display_name", value: (i) => `改名${i}` },
  },
  {
    table: "branches",
    access: "unit",
    row: (f) => f.branches,
    insert: (f, u) => ({ org_unit_id: f.orgUnits[u], code: `${f.tag}-${u}-N${n++}`, name: "新建党支部", kind: "teacher" }),
    make: (f, u, db) =>
      id(db, "insert into public.branches (org_unit_id, code, name, kind) values ($1, $2, '待删支部', 'staff') returning id", [
        f.orgUnits[u],
        `${f.tag}-${u}-D${n++}`,
      ]),
    update: { column: "name", value: (i) => `改名支部${i}` },
  },
  {
    table: "members",
    access: "unit",
    row: (f) => f.members,
    insert: (f, u) => ({
      branch_id: f.branches[u],
      name: "新党员",
      gender: "male",
      category: "student",
      student_or_staff_no: `${f.tag}-${u}-N${n++}`,
    }),
    make: (f, u, db) =>
      id(
        db,
        `insert into public.members (branch_id, name, gender, category, student_or_staff_no) values ($1, '待删党员', 'male', 'staff', $2)
         returning id`,
        [f.branches[u], `${f.tag}-${u}-D${n++}`],
      ),
    update: { column: "contact", value: (i) => `1380000${String(i).padStart(4, "0")}` },
  },
  {
    table: "carriers",
    access: "unit",
    row: (f) => f.carriers,
    insert: (f, u) => ({ org_unit_id: f.orgUnits[u], kind: "lab", name: "新实验室", headcount: 12 }),
    make: (f, u, db) =>
      // (unit, kind, name) is unique: each throwaway carrier gets its own name (a refused delete leaves it behind).
      id(db, "insert into public.carriers (org_unit_id, kind, name) values ($1, 'society', '待删社团' || $2) returning id", [f.orgUnits[u], n++]),
    update: { column: "headcount", value: (i) => 200 + i },
  },
  {
    table: "carrier_coverages",
    access: "unit",
    row: (f) => f.coverages,
    insert: (f, u) => ({ carrier_id: f.carriers[u], branch_id: f.branches[u], form: "model_post", started_on: "2026-01-01" }),
    make: (f, u, db) =>
      id(
        db,
        "insert into public.carrier_coverages (carrier_id, branch_id, form, started_on) values ($1, $2, 'liaison', '2026-02-01') returning id",
        [f.carriers[u], f.branches[u]],
      ),
    update: { column: "ended_on", value: (i) => `2030-01-${String((i % 28) + 1).padStart(2, "0")}` },
  },
  {
    table: "partnerships",
    access: "unit",
    row: (f) => f.partnerships,
    insert: (f, u) => ({
      branch_id: f.branches[u],
      mode: "dual_pairing",
      partner_kind: "enterprise",
      partner_name: "某企业党委",
      started_on: "2026-03-01",
    }),
    make: (f, u, db) =>
      id(
        db,
        `insert into public.partnerships (branch_id, mode, partner_kind, partner_name, started_on)
         values ($1, 'joint_building', 'street', '某街道党工委', '2026-01-01') returning id`,
        [f.branches[u]],
      ),
    update: { column: "partner_name", value: (i) => `共建单位${i}` },
  },
  {
    table: "partnership_activities",
    access: "unit",
    row: (f) => f.activities,
    insert: (f, u) => ({ partnership_id: f.partnerships[u], held_on: "2026-04-01", title: "科普进社区", service_area: "society" }),
    make: (f, u, db) =>
      id(
        db,
        "insert into public.partnership_activities (partnership_id, held_on, title, service_area) values ($1, '2026-05-01', '待删活动', 'reform') returning id",
        [f.partnerships[u]],
      ),
    update: { column: "participants", value: (i) => 30 + i },
  },
  {
    table: "fund_budgets",
    access: "unit",
    row: (f) => f.branchBudgets,
    insert: (f, u) => ({ fiscal_year: 2026, org_unit_id: f.orgUnits[u], branch_id: f.spareBranches[u], category: "activity", amount: 10 }),
    make: async (f, u, db) => {
      const branchId = await id(db, "insert into public.branches (org_unit_id, code, name, kind) values ($1, $2, '经费支部', 'staff') returning id", [
        f.orgUnits[u],
        `${f.tag}-${u}-F${n++}`,
      ]);
      return id(
        db,
        "insert into public.fund_budgets (fiscal_year, org_unit_id, branch_id, category, amount) values (2026, $1, $2, 'activity', 10) returning id",
        [f.orgUnits[u], branchId],
      );
    },
    update: { column: "note", value: (i) => `备注${i}` },
  },
  {
    table: "fund_expenditures",
    access: "unit",
    row: (f) => f.expenditures,
    insert: (f, u) => ({ budget_id: f.branchBudgets[u], spent_on: "2026-06-01", amount: 1, purpose: "党课学习资料" }),
    make: (f, u, db) =>
      id(
        db,
        "insert into public.fund_expenditures (budget_id, spent_on, amount, purpose) values ($1, '2026-07-01', 1, '待删支出') returning id",
        [f.branchBudgets[u]],
      ),
    update: { column: "purpose", value: (i) => `用途${i}` },
  },
  {
    table: "evaluation_cycles",
    access: "org_admin_writes",
    row: (f) => f.cycles,
    insert: async (f, _u, db) => {
      const year = await freeCycleYear(db);
      return { year, title: `新周期 ${f.tag}`, starts_on: `${year}-01-01`, ends_on: `${year}-12-31` };
    },
    make: async (f, _u, db) => {
      const year = await freeCycleYear(db);
      return id(
        db,
        "insert into public.evaluation_cycles (year, title, starts_on, ends_on) values ($1::int, $2, make_date($1::int, 1, 1), make_date($1::int, 12, 31)) returning id",
        [year, `待删周期 ${f.tag}`],
      );
    },
    update: { column: "title", value: (i) => `改名周期${i}` },
  },
  {
    table: "branch_evaluations",
    access: "unit",
    row: (f) => f.evaluations,
    insert: (f, u) => ({ cycle_id: f.openCycle, branch_id: f.spareBranches[u], score_leadership: 85 }),
    make: async (f, u, db) => {
      const branchId = await id(db, "insert into public.branches (org_unit_id, code, name, kind) values ($1, $2, '考核支部', 'staff') returning id", [
        f.orgUnits[u],
        `${f.tag}-${u}-E${n++}`,
      ]);
      return id(db, "insert into public.branch_evaluations (cycle_id, branch_id) values ($1, $2) returning id", [f.openCycle, branchId]);
    },
    update: { column: "satisfaction", value: (i) => 50 + (i % 50) },
  },
  {
    table: "member_posts",
    access: "unit",
    row: (f) => f.posts,
    insert: (f, u) => ({ member_id: f.members[u], year: 2030 + (n++ % 60), post_title: "志愿服务岗" }),
    make: (f, u, db) =>
      id(db, "insert into public.member_posts (member_id, year, post_title) values ($1, $2, '待删岗位') returning id", [f.members[u], 2030 + (n++ % 60)]),
    update: { column: "duties", value: (i) => `职责${i}` },
  },
  {
    table: "member_reviews",
    access: "unit",
    row: (f) => f.reviews,
    insert: (f, u) => ({ cycle_id: f.openCycle, member_id: f.spareMembers[u], grade: "excellent" }),
    make: async (f, u, db) => {
      const memberId = await id(
        db,
        "insert into public.members (branch_id, name, gender, category, student_or_staff_no) values ($1, '评议党员', 'male', 'staff', $2) returning id",
        [f.branches[u], `${f.tag}-${u}-R${n++}`],
      );
      return id(db, "insert into public.member_reviews (cycle_id, member_id, grade) values ($1, $2, 'qualified') returning id", [f.openCycle, memberId]);
    },
    update: { column: "comment", value: (i) => `评语${i}` },
  },
  {
    table: "audit_log",
    access: "audit",
    row: (f) => auditRows(f),
    insert: (f, u) => ({ actor_name: "伪造", table_name: "branches", row_id: "0", action: "insert", org_unit_id: f.orgUnits[u] }),
    make: async (f, u) => auditRows(f)[u],
    update: { column: "actor_name", value: (i) => `伪造${i}` },
  },
];

let auditEntries: Record<Unit, number>;
const auditRows = (_f: Fixture) => auditEntries;

/** What each role may do: "allow" or "deny" (anon is refused outright). */
function expected(spec: TableSpec, role: Role, action: Action, unit: Unit): "allow" | "deny" {
  if (role === "anon") return "deny";
  if (spec.access === "audit") {
    if (action !== "select") return "deny";
    return role === "committee_admin" && unit === "B" ? "deny" : "allow";
  }
  if (role === "org_admin") return "allow";
  if (action !== "select") {
    return role === "committee_admin" && spec.access === "unit" && unit === "A" ? "allow" : "deny";
  }
  if (role === "leader") return "allow";
  // committee_admin reading
  if (spec.access === "org_admin_writes") return "allow";
  return unit === "A" ? "allow" : "deny";
}

let fixture: Fixture;
const clients = {} as Record<Role, SupabaseClient>;

beforeAll(async () => {
  fixture = await createFixture();
  auditEntries = await withDb(async (db) => ({
    A: await one<number>(db, "select max(id) from public.audit_log where org_unit_id = $1", [fixture.orgUnits.A]),
    B: await one<number>(db, "select max(id) from public.audit_log where org_unit_id = $1", [fixture.orgUnits.B]),
  }));
  clients.org_admin = await signedInClient("admin@dangjian.test");
  clients.committee_admin = await signedInClient(fixture.committee.email);
  clients.leader = await signedInClient("leader@dangjian.test");
  clients.anon = anonClient();
});

afterAll(async () => {
  await dropFixture(fixture);
});

const exists = (db: pg.Client, spec: TableSpec, key: number | string) =>
  one<boolean>(db, `select exists (select 1 from public.${spec.table} where ${spec.key ?? "id"} = $1)`, [key]);
const valueOf = (db: pg.Client, spec: TableSpec, key: number | string) =>
  one<unknown>(db, `select ${spec.update.column}::text from public.${spec.table} where ${spec.key ?? "id"} = $1`, [key]);
/** Database text vs the value sent: numbers compare as numbers (numeric(5,2) reads back as "57.00"). */
const sameValue = (stored: unknown, sent: unknown) =>
  typeof sent === "number" ? Number(stored) === sent : stored === String(sent);
const countRows = (db: pg.Client, spec: TableSpec) => one<number>(db, `select count(*)::int from public.${spec.table}`);

describe.each(specs)("$table", (spec) => {
  const keyColumn = spec.key ?? "id";

  describe.each(roles)("%s", (role) => {
    describe.each(units)("unit %s", (unit) => {
      it("select", async () => {
        const { data, error } = await clients[role].from(spec.table).select(keyColumn).eq(keyColumn, spec.row(fixture)[unit]);
        if (role === "anon") {
          expect(error?.code).toBe("42501");
          return;
        }
        expect(error).toBeNull();
        expect(data).toHaveLength(expected(spec, role, "select", unit) === "allow" ? 1 : 0);
      });

      it("insert", async () => {
        await withDb(async (db) => {
          const payload = await spec.insert(fixture, unit, db);
          const before = await countRows(db, spec);
          const { data, error } = await clients[role].from(spec.table).insert(payload).select(keyColumn);
          const after = await countRows(db, spec);
          if (expected(spec, role, "insert", unit) === "allow") {
            expect(error).toBeNull();
            expect(data).toHaveLength(1);
            expect(after).toBe(before + 1);
            const key = (data![0] as unknown as Record<string, number | string>)[keyColumn];
            await db.query(`delete from public.${spec.table} where ${keyColumn} = $1`, [key]);
          } else {
            expect(error?.code).toBe("42501");
            expect(after).toBe(before);
          }
        });
      });

      it("update", async () => {
        await withDb(async (db) => {
          const key = spec.row(fixture)[unit];
          const before = await valueOf(db, spec, key);
          const value = spec.update.value(n++);
          const { data, error } = await clients[role].from(spec.table).update({ [spec.update.column]: value }).eq(keyColumn, key).select(keyColumn);
          const after = await valueOf(db, spec, key);
          if (expected(spec, role, "update", unit) === "allow") {
            expect(error).toBeNull();
            expect(data).toHaveLength(1);
            expect(sameValue(after, value)).toBe(true);
          } else {
            // RLS hides the row (zero rows, no error); without a grant at all (anon, audit_log) it is an error.
            if (error) expect(error.code).toBe("42501");
            else expect(data).toHaveLength(0);
            expect(after).toBe(before);
          }
        });
      });

      it("delete", async () => {
        await withDb(async (db) => {
          const key = await spec.make(fixture, unit, db);
          const { data, error } = await clients[role].from(spec.table).delete().eq(keyColumn, key).select(keyColumn);
          if (expected(spec, role, "delete", unit) === "allow") {
            expect(error).toBeNull();
            expect(data).toHaveLength(1);
            expect(await exists(db, spec, key)).toBe(false);
          } else {
            if (error) expect(error.code).toBe("42501");
            else expect(data).toHaveLength(0);
            expect(await exists(db, spec, key)).toBe(true);
          }
        });
      });
    });
  });
});

describe("committee_admin limits beyond the matrix", () => {
  it("cannot move its own branch into another unit", async () => {
    const { data, error } = await clients.committee_admin
      .from("branches")
      .update({ org_unit_id: fixture.orgUnits.B })
      .eq("id", fixture.branches.A)
      .select("id");
    expect(error?.code).toBe("42501");
    expect(data).toBeNull();
    const unitNow = await withDb((db) => one<number>(db, "select org_unit_id from public.branches where id = $1", [fixture.branches.A]));
    expect(unitNow).toBe(fixture.orgUnits.A);
  });

  it("cannot move a member into another unit's branch", async () => {
    const { error } = await clients.committee_admin.from("members").update({ branch_id: fixture.branches.B }).eq("id", fixture.members.A).select("id");
    expect(error?.code).toBe("42501");
    const branchNow = await withDb((db) => one<number>(db, "select branch_id from public.members where id = $1", [fixture.members.A]));
    expect(branchNow).toBe(fixture.branches.A);
  });

  it("cannot create a unit-level budget, even for its own unit", async () => {
    const { error } = await clients.committee_admin
      .from("fund_budgets")
      .insert({ fiscal_year: 2026, org_unit_id: fixture.orgUnits.A, category: "training", amount: 500 })
      .select("id");
    expect(error?.code).toBe("42501");
    const count = await withDb((db) =>
      one<number>(db, "select count(*)::int from public.fund_budgets where org_unit_id = $1 and category = 'training'", [fixture.orgUnits.A]),
    );
    expect(count).toBe(0);
  });

  it("reads its unit's budget but cannot change it", async () => {
    const read = await clients.committee_admin.from("fund_budgets").select("id").eq("id", fixture.unitBudgets.A);
    expect(read.data).toHaveLength(1);
    const write = await clients.committee_admin.from("fund_budgets").update({ amount: 999999 }).eq("id", fixture.unitBudgets.A).select("id");
    expect(write.data).toHaveLength(0);
    const amount = await withDb((db) => one<string>(db, "select amount::text from public.fund_budgets where id = $1", [fixture.unitBudgets.A]));
    expect(amount).toBe("10000.00");
  });

  it("cannot open or close a cycle", async () => {
    const { data } = await clients.committee_admin.from("evaluation_cycles").update({ status: "open" }).eq("id", fixture.cycles.A).select("id");
    expect(data).toHaveLength(0);
    const status = await withDb((db) => one<string>(db, "select status::text from public.evaluation_cycles where id = $1", [fixture.cycles.A]));
    expect(status).toBe("draft");
  });

  it("cannot raise its own role", async () => {
    const { data } = await clients.committee_admin.from("profiles").update({ role: "org_admin" }).eq("user_id", fixture.committee.userId).select("user_id");
    expect(data).toHaveLength(0);
    const role = await withDb((db) => one<string>(db, "select role::text from public.profiles where user_id = $1", [fixture.committee.userId]));
    expect(role).toBe("committee_admin");
  });

  it("sees only its unit in a whole-table read", async () => {
    const { data, error } = await clients.committee_admin.from("branches").select("org_unit_id").in("org_unit_id", [fixture.orgUnits.A, fixture.orgUnits.B]);
    expect(error).toBeNull();
    expect(new Set(data!.map((row) => row.org_unit_id))).toEqual(new Set([fixture.orgUnits.A]));
  });
});

describe("my_profile()", () => {
  it("returns the caller's role and unit", async () => {
    const { data, error } = await clients.committee_admin.rpc("my_profile").single();
    expect(error).toBeNull();
    expect(data).toMatchObject({ user_id: fixture.committee.userId, role: "committee_admin", org_unit_id: fixture.orgUnits.A, email: fixture.committee.email });
  });

  it("is refused to anon", async () => {
    const { error } = await clients.anon.rpc("my_profile");
    expect(error?.code).toBe("42501");
  });
});
