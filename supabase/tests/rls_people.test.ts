// The RLS matrix of the people registers (示范岗/责任区, 网络载体, 书记培训): each table × org_admin /
// committee_admin / leader / anon × select / insert / update / delete, on rows of the committee's unit (A) and of
// another unit (B), as in rls.test.ts. Trainings twice: a unit's own training is that unit's committee's to
// write; a school training is read by everyone and written by 组织部 only.
import type { SupabaseClient } from "@supabase/supabase-js";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anonClient, signedInClient } from "../local/testing";
import { createFixture, dropFixture, one, units, withDb, type Fixture, type Unit } from "./fixture";

type Role = "org_admin" | "committee_admin" | "leader" | "anon";
type Action = "select" | "insert" | "update" | "delete";
const roles: Role[] = ["org_admin", "committee_admin", "leader", "anon"];
type PerUnit = Record<Unit, number>;

/** The people rows beside the shared fixture. */
type People = {
  posts: PerUnit;
  channels: PerUnit;
  unitTrainings: PerUnit;
  /** School trainings (no unit): "A" and "B" are two of them, both outside every committee's write scope. */
  schoolTrainings: PerUnit;
  attendance: PerUnit;
};

type TableSpec = {
  name: string;
  table: string;
  access: "unit" | "org_admin_writes";
  row: (p: People) => PerUnit;
  insert: (f: Fixture, unit: Unit, db: pg.Client) => Promise<Record<string, unknown>> | Record<string, unknown>;
  make: (f: Fixture, unit: Unit, db: pg.Client) => Promise<number>;
  update: { column: string; value: (n: number) => unknown };
};

const id = (db: pg.Client, text: string, params: unknown[]) => one<number>(db, text, params);
let n = 0;
let people: People;

/** A member of unit `u` made for one cell (an attendance row is unique per training and member). */
const freshMember = (f: Fixture, u: Unit, db: pg.Client) =>
  id(
    db,
    "insert into public.members (branch_id, name, gender, category, student_or_staff_no) values ($1, '培训党员', 'male', 'teacher', $2) returning id",
    [f.branches[u], `${f.tag}-${u}-P${n++}`],
  );

const specs: TableSpec[] = [
  {
    name: "model_posts",
    table: "model_posts",
    access: "unit",
    row: (p) => p.posts,
    insert: (f, u) => ({ member_id: f.members[u], kind: "model_post", title: "宿舍党员示范岗", carrier_id: f.carriers[u], started_on: "2026-03-01" }),
    make: (f, u, db) =>
      id(db, "insert into public.model_posts (member_id, kind, title, started_on) values ($1, 'responsibility_zone', '待删责任区', '2026-01-01') returning id", [
        f.members[u],
      ]),
    update: { column: "place", value: (i) => `实验楼${i}` },
  },
  {
    name: "online_channels",
    table: "online_channels",
    access: "unit",
    row: (p) => p.channels,
    insert: (f, u) => ({ branch_id: f.branches[u], kind: "wechat", name: "支部公众号", url: "https://mp.weixin.qq.com/s/abc", audience: 300 }),
    make: (f, u, db) =>
      id(db, "insert into public.online_channels (branch_id, kind, name) values ($1, 'qq', '待删QQ群') returning id", [f.branches[u]]),
    update: { column: "audience", value: (i) => 100 + i },
  },
  {
    name: "trainings (unit)",
    table: "trainings",
    access: "unit",
    row: (p) => p.unitTrainings,
    insert: (f, u) => ({ title: `书记培训会 ${f.tag}`, organizer: "unit", org_unit_id: f.orgUnits[u], held_on: "2026-05-01", hours: 4 }),
    make: (f, u, db) =>
      id(db, "insert into public.trainings (title, organizer, org_unit_id, held_on, hours) values ($1, 'unit', $2, '2026-06-01', 2) returning id", [
        `待删培训 ${f.tag}`,
        f.orgUnits[u],
      ]),
    update: { column: "title", value: (i) => `改名培训${i}` },
  },
  {
    name: "trainings (school)",
    table: "trainings",
    access: "org_admin_writes",
    row: (p) => p.schoolTrainings,
    insert: (f) => ({ title: `学校示范培训班 ${f.tag}`, organizer: "school", held_on: "2026-05-01", hours: 16 }),
    make: (f, _u, db) =>
      id(db, "insert into public.trainings (title, organizer, held_on, hours) values ($1, 'external', '2026-06-01', 32) returning id", [
        `待删校外培训 ${f.tag}`,
      ]),
    update: { column: "title", value: (i) => `改名学校培训${i}` },
  },
  {
    name: "training_attendance",
    table: "training_attendance",
    access: "unit",
    row: (p) => p.attendance,
    // a committee records its members at a school training
    insert: async (f, u, db) => ({ training_id: people.schoolTrainings.A, member_id: await freshMember(f, u, db) }),
    make: async (f, u, db) =>
      id(db, "insert into public.training_attendance (training_id, member_id, hours) values ($1, $2, 2) returning id", [
        people.unitTrainings[u],
        await freshMember(f, u, db),
      ]),
    update: { column: "hours", value: (i) => 1 + (i % 7) },
  },
];

function expected(spec: TableSpec, role: Role, action: Action, unit: Unit): "allow" | "deny" {
  if (role === "anon") return "deny";
  if (role === "org_admin") return "allow";
  if (action !== "select") return role === "committee_admin" && spec.access === "unit" && unit === "A" ? "allow" : "deny";
  if (role === "leader") return "allow";
  return spec.access === "org_admin_writes" || unit === "A" ? "allow" : "deny";
}

let fixture: Fixture;
const clients = {} as Record<Role, SupabaseClient>;

beforeAll(async () => {
  fixture = await createFixture();
  const f = fixture;
  people = await withDb(async (db) => {
    const perUnit = async (make: (u: Unit) => Promise<number>): Promise<PerUnit> => ({ A: await make("A"), B: await make("B") });
    const unitTrainings = await perUnit((u) =>
      id(db, "insert into public.trainings (title, organizer, org_unit_id, held_on, hours) values ($1, 'unit', $2, '2026-04-01', 8) returning id", [
        `支部书记培训会${u} ${f.tag}`,
        f.orgUnits[u],
      ]),
    );
    return {
      posts: await perUnit((u) =>
        id(db, "insert into public.model_posts (member_id, kind, title, started_on) values ($1, 'model_post', '学业帮扶岗', '2025-09-01') returning id", [
          f.members[u],
        ]),
      ),
      channels: await perUnit((u) =>
        id(db, "insert into public.online_channels (branch_id, kind, name, audience) values ($1, 'qq', '支部党员群', 40) returning id", [f.branches[u]]),
      ),
      unitTrainings,
      schoolTrainings: await perUnit((u) =>
        id(db, "insert into public.trainings (title, organizer, held_on, hours) values ($1, 'school', '2026-03-01', 16) returning id", [
          `学校培训${u} ${f.tag}`,
        ]),
      ),
      attendance: await perUnit((u) =>
        id(db, "insert into public.training_attendance (training_id, member_id) values ($1, $2) returning id", [unitTrainings[u], f.members[u]]),
      ),
    };
  });
  clients.org_admin = await signedInClient("admin@dangjian.test");
  clients.committee_admin = await signedInClient(fixture.committee.email);
  clients.leader = await signedInClient("leader@dangjian.test");
  clients.anon = anonClient();
});

afterAll(async () => {
  if (fixture) {
    // trainings keep their unit (on delete restrict): remove them, and the school ones carrying the tag, first
    await withDb((db) =>
      db.query("delete from public.trainings where org_unit_id = any($1) or title like $2", [
        [fixture.orgUnits.A, fixture.orgUnits.B],
        `%${fixture.tag}%`,
      ]),
    );
  }
  await dropFixture(fixture);
});

const exists = (db: pg.Client, spec: TableSpec, key: number) => one<boolean>(db, `select exists (select 1 from public.${spec.table} where id = $1)`, [key]);
const valueOf = (db: pg.Client, spec: TableSpec, key: number) => one<unknown>(db, `select ${spec.update.column}::text from public.${spec.table} where id = $1`, [key]);
const sameValue = (stored: unknown, sent: unknown) => (typeof sent === "number" ? Number(stored) === sent : stored === String(sent));
const countRows = (db: pg.Client, spec: TableSpec) => one<number>(db, `select count(*)::int from public.${spec.table}`);

describe.each(specs)("$name", (spec) => {
  describe.each(roles)("%s", (role) => {
    describe.each(units)("unit %s", (unit) => {
      it("select", async () => {
        const { data, error } = await clients[role].from(spec.table).select("id").eq("id", spec.row(people)[unit]);
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
          const { data, error } = await clients[role].from(spec.table).insert(payload).select("id");
          const after = await countRows(db, spec);
          if (expected(spec, role, "insert", unit) === "allow") {
            expect(error).toBeNull();
            expect(data).toHaveLength(1);
            expect(after).toBe(before + 1);
            await db.query(`delete from public.${spec.table} where id = $1`, [(data![0] as { id: number }).id]);
          } else {
            // RLS refuses (42501); a committee's school training is refused earlier by its rule, with a sentence
            if (role === "committee_admin" && spec.name === "trainings (school)") {
              expect(error?.code).toBe("23514");
              expect(error?.details).toBe("trainings_school_by_org_admin");
            } else {
              expect(error?.code).toBe("42501");
            }
            expect(after).toBe(before);
          }
        });
      });

      it("update", async () => {
        await withDb(async (db) => {
          const key = spec.row(people)[unit];
          const before = await valueOf(db, spec, key);
          const value = spec.update.value(n++);
          const { data, error } = await clients[role].from(spec.table).update({ [spec.update.column]: value }).eq("id", key).select("id");
          const after = await valueOf(db, spec, key);
          if (expected(spec, role, "update", unit) === "allow") {
            expect(error).toBeNull();
            expect(data).toHaveLength(1);
            expect(sameValue(after, value)).toBe(true);
          } else {
            if (error) expect(error.code).toBe("42501");
            else expect(data).toHaveLength(0);
            expect(after).toBe(before);
          }
        });
      });

      it("delete", async () => {
        await withDb(async (db) => {
          const key = await spec.make(fixture, unit, db);
          const { data, error } = await clients[role].from(spec.table).delete().eq("id", key).select("id");
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
  it("cannot move its unit's training to another unit", async () => {
    // (a training without attendance: with some, the rule on the attendees' unit refuses first)
    const trainingId = await withDb((db) =>
      one<number>(db, "insert into public.trainings (title, organizer, org_unit_id, held_on, hours) values ($1, 'unit', $2, '2026-04-02', 3) returning id", [
        `无人参加的培训 ${fixture.tag}`,
        fixture.orgUnits.A,
      ]),
    );
    const { error } = await clients.committee_admin.from("trainings").update({ org_unit_id: fixture.orgUnits.B }).eq("id", trainingId).select("id");
    expect(error?.code).toBe("42501");
    const unitNow = await withDb((db) => one<number>(db, "select org_unit_id from public.trainings where id = $1", [trainingId]));
    expect(unitNow).toBe(fixture.orgUnits.A);
  });

  it("cannot record another unit's member at a school training", async () => {
    const { error } = await clients.committee_admin
      .from("training_attendance")
      .insert({ training_id: people.schoolTrainings.B, member_id: fixture.spareMembers.B })
      .select("id");
    expect(error?.code).toBe("42501");
    const count = await withDb((db) =>
      one<number>(db, "select count(*)::int from public.training_attendance where member_id = $1", [fixture.spareMembers.B]),
    );
    expect(count).toBe(0);
  });

  it("cannot move its own channel to another unit's branch", async () => {
    const { error } = await clients.committee_admin
      .from("online_channels")
      .update({ branch_id: fixture.branches.B })
      .eq("id", people.channels.A)
      .select("id");
    expect(error?.code).toBe("42501");
    const branchNow = await withDb((db) => one<number>(db, "select branch_id from public.online_channels where id = $1", [people.channels.A]));
    expect(branchNow).toBe(fixture.branches.A);
  });

  it("writes to the people registers are in the audit trail of the row's unit", async () => {
    const { data, error } = await clients.committee_admin
      .from("online_channels")
      .insert({ branch_id: fixture.branches.A, kind: "yiban", name: "支部易班工作站" })
      .select("id")
      .single();
    expect(error).toBeNull();
    const entry = await withDb((db) =>
      db.query("select action::text, org_unit_id from public.audit_log where table_name = 'online_channels' and row_id = $1", [String(data!.id)]),
    );
    expect(entry.rows).toEqual([{ action: "insert", org_unit_id: String(fixture.orgUnits.A) }]);
  });
});
