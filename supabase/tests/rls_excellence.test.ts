// The RLS matrix of the 案例与卓越 registers: cases, excellence_plans, excellence_tasks, branch_excellence_years ×
// org_admin / committee_admin / leader / anon × select / insert / update / delete, on rows of the committee's own
// unit (A) and of another unit (B), as rls.test.ts does for the first tables. PostgREST answers a blocked read,
// update or delete with zero rows, so every cell counts rows and then checks the database itself.
import type { SupabaseClient } from "@supabase/supabase-js";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anonClient, signedInClient } from "../local/testing";
import { createExcellenceRows, dropExcellenceRows, type ExcellenceRows } from "./excellence_fixture";
import { createFixture, dropFixture, one, units, withDb, type Fixture, type Unit } from "./fixture";

type Role = "org_admin" | "committee_admin" | "leader" | "anon";
type Action = "select" | "insert" | "update" | "delete";
const roles: Role[] = ["org_admin", "committee_admin", "leader", "anon"];

type Access =
  | "unit" //              org_admin all, leader reads all, committee its unit only
  | "unit_reads_admin_writes"; // org_admin writes, leader reads all, committee reads its unit only

type TableSpec = {
  table: string;
  access: Access;
  row: (r: ExcellenceRows) => Record<Unit, number>;
  insert: (f: Fixture, r: ExcellenceRows, unit: Unit) => Record<string, unknown>;
  make: (f: Fixture, r: ExcellenceRows, unit: Unit, db: pg.Client) => Promise<number>;
  update: { column: string; value: (n: number) => unknown };
};

let n = 0;
// Years nobody else uses for a row that is unique per branch and year.
const freshYear = () => 2030 + (n++ % 60);

const specs: TableSpec[] = [
  {
    table: "cases",
    access: "unit",
    row: (r) => r.cases,
    insert: (f, _r, u) => ({ branch_id: f.branches[u], year: 2026, title: `新案例${n++}`, service_area: "society" }),
    make: (f, _r, u, db) =>
      one<number>(db, "insert into public.cases (branch_id, year, title, service_area) values ($1, 2025, '待删案例', 'reform') returning id", [
        f.branches[u],
      ]),
    update: { column: "title", value: (i) => `改名案例${i}` },
  },
  {
    table: "excellence_plans",
    access: "unit",
    row: (r) => r.plans,
    insert: (f, _r, u) => ({ branch_id: f.spareBranches[u], year: freshYear(), goals: "新计划目标" }),
    make: (f, _r, u, db) =>
      one<number>(db, "insert into public.excellence_plans (branch_id, year, goals) values ($1, $2, '待删计划') returning id", [
        f.spareBranches[u],
        freshYear(),
      ]),
    update: { column: "goals", value: (i) => `改写目标${i}` },
  },
  {
    table: "excellence_tasks",
    access: "unit",
    row: (r) => r.tasks,
    insert: (_f, r, u) => ({ plan_id: r.plans[u], title: `新任务${n++}`, due_on: "2026-09-30" }),
    make: (_f, r, u, db) =>
      one<number>(db, "insert into public.excellence_tasks (plan_id, title, due_on) values ($1, '待删任务', '2026-10-01') returning id", [r.plans[u]]),
    update: { column: "note", value: (i) => `备注${i}` },
  },
  {
    table: "branch_excellence_years",
    access: "unit_reads_admin_writes",
    row: (r) => r.years,
    insert: (f, _r, u) => ({ branch_id: f.spareBranches[u], year: freshYear(), status: "cultivating" }),
    make: (f, _r, u, db) =>
      one<number>(db, "insert into public.branch_excellence_years (branch_id, year, status) values ($1, $2, 'none') returning id", [
        f.spareBranches[u],
        freshYear(),
      ]),
    update: { column: "status", value: (i) => (i % 2 ? "cultivating" : "none") },
  },
];

function expected(spec: TableSpec, role: Role, action: Action, unit: Unit): "allow" | "deny" {
  if (role === "anon") return "deny";
  if (role === "org_admin") return "allow";
  if (action === "select") return role === "leader" || unit === "A" ? "allow" : "deny";
  return role === "committee_admin" && spec.access === "unit" && unit === "A" ? "allow" : "deny";
}

let fixture: Fixture;
let rows: ExcellenceRows;
const clients = {} as Record<Role, SupabaseClient>;

beforeAll(async () => {
  fixture = await createFixture();
  rows = await createExcellenceRows(fixture);
  clients.org_admin = await signedInClient("admin@dangjian.test");
  clients.committee_admin = await signedInClient(fixture.committee.email);
  clients.leader = await signedInClient("leader@dangjian.test");
  clients.anon = anonClient();
});

afterAll(async () => {
  await dropExcellenceRows(fixture);
  await dropFixture(fixture);
});

const exists = (db: pg.Client, spec: TableSpec, key: number) => one<boolean>(db, `select exists (select 1 from public.${spec.table} where id = $1)`, [key]);
const valueOf = (db: pg.Client, spec: TableSpec, key: number) =>
  one<unknown>(db, `select ${spec.update.column}::text from public.${spec.table} where id = $1`, [key]);
const countRows = (db: pg.Client, spec: TableSpec) => one<number>(db, `select count(*)::int from public.${spec.table}`);

describe.each(specs)("$table", (spec) => {
  describe.each(roles)("%s", (role) => {
    describe.each(units)("unit %s", (unit) => {
      it("select", async () => {
        const { data, error } = await clients[role].from(spec.table).select("id").eq("id", spec.row(rows)[unit]);
        if (role === "anon") {
          expect(error?.code).toBe("42501");
          return;
        }
        expect(error).toBeNull();
        expect(data).toHaveLength(expected(spec, role, "select", unit) === "allow" ? 1 : 0);
      });

      it("insert", async () => {
        await withDb(async (db) => {
          const payload = spec.insert(fixture, rows, unit);
          const before = await countRows(db, spec);
          const { data, error } = await clients[role].from(spec.table).insert(payload).select("id");
          const after = await countRows(db, spec);
          if (expected(spec, role, "insert", unit) === "allow") {
            expect(error).toBeNull();
            expect(data).toHaveLength(1);
            expect(after).toBe(before + 1);
            await db.query(`delete from public.${spec.table} where id = $1`, [(data![0] as { id: number }).id]);
          } else {
            expect(error?.code).toBe("42501");
            expect(after).toBe(before);
          }
        });
      });

      it("update", async () => {
        await withDb(async (db) => {
          const key = spec.row(rows)[unit];
          const before = await valueOf(db, spec, key);
          const value = spec.update.value(n++);
          const { data, error } = await clients[role].from(spec.table).update({ [spec.update.column]: value }).eq("id", key).select("id");
          const after = await valueOf(db, spec, key);
          if (expected(spec, role, "update", unit) === "allow") {
            expect(error).toBeNull();
            expect(data).toHaveLength(1);
            expect(after).toBe(String(value));
          } else {
            if (error) expect(error.code).toBe("42501");
            else expect(data).toHaveLength(0);
            expect(after).toBe(before);
          }
        });
      });

      it("delete", async () => {
        await withDb(async (db) => {
          const key = await spec.make(fixture, rows, unit, db);
          const { data, error } = await clients[role].from(spec.table).delete().eq("id", key).select("id");
          if (expected(spec, role, "delete", unit) === "allow") {
            expect(error).toBeNull();
            expect(data).toHaveLength(1);
            expect(await exists(db, spec, key)).toBe(false);
          } else {
            if (error) expect(error.code).toBe("42501");
            else expect(data).toHaveLength(0);
            expect(await exists(db, spec, key)).toBe(true);
            await db.query(`delete from public.${spec.table} where id = $1`, [key]);
          }
        });
      });
    });
  });
});

describe("committee_admin limits beyond the matrix", () => {
  it("cannot move its case into another unit's branch", async () => {
    const { error } = await clients.committee_admin.from("cases").update({ branch_id: fixture.branches.B }).eq("id", rows.cases.A).select("id");
    expect(error?.code).toBe("42501");
    const branchNow = await withDb((db) => one<number>(db, "select branch_id from public.cases where id = $1", [rows.cases.A]));
    expect(branchNow).toBe(fixture.branches.A);
  });

  it("cannot add a task to another unit's plan", async () => {
    const { error } = await clients.committee_admin.from("excellence_tasks").insert({ plan_id: rows.plans.B, title: "越权任务", due_on: "2026-05-01" }).select("id");
    expect(error?.code).toBe("42501");
    const count = await withDb((db) => one<number>(db, "select count(*)::int from public.excellence_tasks where plan_id = $1", [rows.plans.B]));
    expect(count).toBe(1);
  });

  it("sees only its unit's cases in a whole-table read", async () => {
    const { data, error } = await clients.committee_admin.from("cases").select("id").in("id", [rows.cases.A, rows.cases.B]);
    expect(error).toBeNull();
    expect(data!.map((r) => r.id)).toEqual([rows.cases.A]);
  });
});
