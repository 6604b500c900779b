// The RLS matrix of 联系点与走访 (contact_points, visits) × org_admin / committee_admin / leader / anon × select /
// insert / update / delete, on rows of the committee's own unit (A) and of another unit (B), as in rls.test.ts;
// then who appears in contact_people for each role.
// A contact point or visit of unit X names unit X's own committee account, so the triggers let every write through
// and only row level security decides (a refused write is 42501 or zero rows, never a rule's 23514).
import type { SupabaseClient } from "@supabase/supabase-js";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anonClient, signedInClient } from "../local/testing";
import { createAuthUser, createFixture, dropFixture, one, units, withDb, type Fixture, type Unit } from "./fixture";

type Role = "org_admin" | "committee_admin" | "leader" | "anon";
const roles: Role[] = ["org_admin", "committee_admin", "leader", "anon"];

type TableSpec = {
  table: string;
  row: () => Record<Unit, number>;
  insert: (unit: Unit) => Record<string, unknown>;
  make: (unit: Unit, db: pg.Client) => Promise<number>;
  update: { column: string; value: (n: number) => unknown };
};

let f: Fixture;
/** The committee account of each unit: A is the fixture's, B one of this file's. */
const people = {} as Record<Unit, string>;
const rows = { contact_points: {} as Record<Unit, number>, visits: {} as Record<Unit, number> };
let n = 0;
/** A day of its own for every contact point, so no two of one person and branch overlap. */
const day = () => new Date(Date.UTC(2001, 0, 1 + n++)).toISOString().slice(0, 10);

const specs: TableSpec[] = [
  {
    table: "contact_points",
    row: () => rows.contact_points,
    insert: (u) => {
      const d = day();
      return { contact_id: people[u], branch_id: f.spareBranches[u], started_on: d, ended_on: d };
    },
    make: (u, db) => {
      const d = day();
      return one<number>(db, "insert into public.contact_points (contact_id, branch_id, started_on, ended_on) values ($1, $2, $3, $3) returning id", [
        people[u],
        f.spareBranches[u],
        d,
      ]);
    },
    update: { column: "duties", value: (i) => `联系工作${i}` },
  },
  {
    table: "visits",
    row: () => rows.visits,
    insert: (u) => ({ branch_id: f.branches[u], visitor_id: people[u], kind: "guidance", visited_on: "2026-03-01" }),
    make: (u, db) =>
      one<number>(db, "insert into public.visits (branch_id, visitor_name, kind, visited_on) values ($1, '待删走访人', 'visit', '2026-04-01') returning id", [
        f.branches[u],
      ]),
    update: { column: "summary", value: (i) => `走访内容${i}` },
  },
];

function expected(role: Role, action: "select" | "insert" | "update" | "delete", unit: Unit): "allow" | "deny" {
  if (role === "anon") return "deny";
  if (role === "org_admin") return "allow";
  if (role === "leader") return action === "select" ? "allow" : "deny";
  return unit === "A" ? "allow" : "deny";
}

const clients = {} as Record<Role, SupabaseClient>;

beforeAll(async () => {
  f = await createFixture();
  await withDb(async (db) => {
    people.A = f.committee.userId;
    const email = `committee-b-${f.tag.toLowerCase()}@dangjian.test`;
    people.B = await createAuthUser(db, email, `测试管理员B ${f.tag}`);
    await db.query("insert into public.profiles (user_id, role, org_unit_id, display_name) values ($1, 'committee_admin', $2, $3)", [
      people.B,
      f.orgUnits.B,
      `测试管理员B ${f.tag}`,
    ]);
    for (const u of units) {
      rows.contact_points[u] = await one<number>(
        db,
        "insert into public.contact_points (contact_id, branch_id, started_on) values ($1, $2, '2025-03-01') returning id",
        [people[u], f.branches[u]],
      );
      rows.visits[u] = await one<number>(
        db,
        `insert into public.visits (branch_id, visitor_id, kind, visited_on, problems, follow_up)
         values ($1, $2, 'research', '2026-05-10', '活动场所不足', '协调活动室') returning id`,
        [f.branches[u], people[u]],
      );
    }
  });
  clients.org_admin = await signedInClient("admin@dangjian.test");
  clients.committee_admin = await signedInClient(f.committee.email);
  clients.leader = await signedInClient("leader@dangjian.test");
  clients.anon = anonClient();
});

afterAll(async () => {
  // The rows name the fixture's accounts, which dropFixture removes: these go first.
  await withDb(async (db) => {
    await db.query("delete from public.visits where branch_id in (select id from public.branches where org_unit_id = any($1))", [[f.orgUnits.A, f.orgUnits.B]]);
    await db.query("delete from public.contact_points where contact_id = any($1)", [[people.A, people.B]]);
    await db.query("delete from auth.users where id = $1", [people.B]);
  });
  await dropFixture(f);
});

const exists = (db: pg.Client, table: string, id: number) => one<boolean>(db, `select exists (select 1 from public.${table} where id = $1)`, [id]);
const valueOf = (db: pg.Client, spec: TableSpec, id: number) =>
  one<unknown>(db, `select ${spec.update.column}::text from public.${spec.table} where id = $1`, [id]);
const countRows = (db: pg.Client, table: string) => one<number>(db, `select count(*)::int from public.${table}`);

describe.each(specs)("$table", (spec) => {
  describe.each(roles)("%s", (role) => {
    describe.each(units)("unit %s", (unit) => {
      it("select", async () => {
        const { data, error } = await clients[role].from(spec.table).select("id").eq("id", spec.row()[unit]);
        if (role === "anon") {
          expect(error?.code).toBe("42501");
          return;
        }
        expect(error).toBeNull();
        expect(data).toHaveLength(expected(role, "select", unit) === "allow" ? 1 : 0);
      });

      it("insert", async () => {
        await withDb(async (db) => {
          const before = await countRows(db, spec.table);
          const { data, error } = await clients[role].from(spec.table).insert(spec.insert(unit)).select("id");
          const after = await countRows(db, spec.table);
          if (expected(role, "insert", unit) === "allow") {
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
          const id = spec.row()[unit];
          const before = await valueOf(db, spec, id);
          const value = spec.update.value(n++);
          const { data, error } = await clients[role].from(spec.table).update({ [spec.update.column]: value }).eq("id", id).select("id");
          const after = await valueOf(db, spec, id);
          if (expected(role, "update", unit) === "allow") {
            expect(error).toBeNull();
            expect(data).toHaveLength(1);
            expect(after).toBe(value);
          } else {
            if (error) expect(error.code).toBe("42501");
            else expect(data).toHaveLength(0);
            expect(after).toBe(before);
          }
        });
      });

      it("delete", async () => {
        await withDb(async (db) => {
          const id = await spec.make(unit, db);
          const { data, error } = await clients[role].from(spec.table).delete().eq("id", id).select("id");
          if (expected(role, "delete", unit) === "allow") {
            expect(error).toBeNull();
            expect(data).toHaveLength(1);
            expect(await exists(db, spec.table, id)).toBe(false);
          } else {
            if (error) expect(error.code).toBe("42501");
            else expect(data).toHaveLength(0);
            expect(await exists(db, spec.table, id)).toBe(true);
            await db.query(`delete from public.${spec.table} where id = $1`, [id]);
          }
        });
      });
    });
  });
});

describe("committee_admin beyond the matrix", () => {
  it("cannot move its unit's visit to another unit's branch", async () => {
    const { error } = await clients.committee_admin.from("visits").update({ branch_id: f.branches.B, visitor_id: null, visitor_name: "张三" })
      .eq("id", rows.visits.A).select("id");
    expect(error?.code).toBe("42501");
    const branch = await withDb((db) => one<number>(db, "select branch_id from public.visits where id = $1", [rows.visits.A]));
    expect(branch).toBe(f.branches.A);
  });
});

describe("contact_people: the names a role may pick and read", () => {
  const visible = async (role: Role, ids: string[]) => {
    const { data, error } = await clients[role].from("contact_people").select("id").in("id", ids);
    expect(error).toBeNull();
    return (data as { id: string }[]).map((r) => r.id).sort();
  };
  const leaderId = "00000000-0000-4000-8000-000000000002";
  const adminId = "00000000-0000-4000-8000-000000000001";

  it("org_admin and leader see every account", async () => {
    const all = [leaderId, adminId, people.A, people.B].sort();
    expect(await visible("org_admin", all)).toEqual(all);
    expect(await visible("leader", all)).toEqual(all);
  });

  it("a committee sees the school's leaders and 组织部 and its own unit's people, not another unit's", async () => {
    expect(await visible("committee_admin", [leaderId, adminId, people.A, people.B])).toEqual([leaderId, adminId, people.A].sort());
  });

  it("anon sees nobody", async () => {
    const { error } = await clients.anon.from("contact_people").select("id").limit(1);
    expect(error?.code).toBe("42501");
  });

  it("a committee reads the name of the leader keeping contact with its branch through the embed", async () => {
    const id = await withDb((db) =>
      one<number>(db, "insert into public.contact_points (contact_id, branch_id, started_on) values ($1, $2, '2024-01-01') returning id", [
        leaderId,
        f.branches.A,
      ]),
    );
    const { data, error } = await clients.committee_admin.from("contact_points").select("id, contact:contact_people!contact_id(display_name)").eq("id", id);
    expect(error).toBeNull();
    expect(data).toEqual([{ id, contact: { display_name: "王建国（校领导）" } }]);
    await withDb((db) => db.query("delete from public.contact_points where id = $1", [id]));
  });
});
