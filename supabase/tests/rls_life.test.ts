// The RLS matrix for 组织生活: meetings, meeting_attendance and meeting_standards × org_admin / committee_admin /
// leader / anon × select / insert / update / delete, on rows of the committee's own unit (A) and of another (B),
// as rls.test.ts does for the first tables: every cell counts the rows PostgREST returns and checks the database.
import type { SupabaseClient } from "@supabase/supabase-js";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anonClient, signedInClient } from "../local/testing";
import { createFixture, dropFixture, one, units, withDb, type Fixture, type Unit } from "./fixture";

type Role = "org_admin" | "committee_admin" | "leader" | "anon";
const roles: Role[] = ["org_admin", "committee_admin", "leader", "anon"];

let fixture: Fixture;
const clients = {} as Record<Role, SupabaseClient>;
let n = 0;

const meetingIn = (db: pg.Client, f: Fixture, u: Unit, title = "测试党员大会") =>
  one<number>(
    db,
    "insert into public.meetings (org_unit_id, branch_id, kind, held_on, title) values ($1, $2, 'general_meeting', '2026-03-10', $3) returning id",
    [f.orgUnits[u], f.branches[u], title],
  );

// Rows the select and update cells read: one meeting per unit with the spare member on its roster.
const meetings = {} as Record<Unit, number>;
const attendance = {} as Record<Unit, number>;

type Spec = {
  table: string;
  row: (u: Unit) => number;
  insert: (u: Unit, db: pg.Client) => Promise<Record<string, unknown>>;
  make: (u: Unit, db: pg.Client) => Promise<number>;
  update: { column: string; value: (i: number) => unknown };
};

const specs: Spec[] = [
  {
    table: "meetings",
    row: (u) => meetings[u],
    insert: async (u) => ({ org_unit_id: fixture.orgUnits[u], branch_id: fixture.branches[u], kind: "party_lecture", held_on: "2026-04-01", title: "新党课" }),
    make: (u, db) => meetingIn(db, fixture, u, "待删会议"),
    update: { column: "title", value: (i) => `改名会议${i}` },
  },
  {
    table: "meeting_attendance",
    row: (u) => attendance[u],
    insert: async (u, db) => ({ meeting_id: await meetingIn(db, fixture, u, "出勤会议"), member_id: fixture.members[u], present: true }),
    make: async (u, db) =>
      one<number>(db, "insert into public.meeting_attendance (meeting_id, member_id, present) values ($1, $2, true) returning id", [
        await meetingIn(db, fixture, u, "待删出勤会议"),
        fixture.members[u],
      ]),
    update: { column: "absence_reason", value: (i) => `病假${i}` },
  },
];

function allowed(role: Role, action: "select" | "write", unit: Unit): boolean {
  if (role === "anon") return false;
  if (role === "org_admin") return true;
  if (role === "leader") return action === "select";
  return unit === "A";
}

beforeAll(async () => {
  fixture = await createFixture();
  await withDb(async (db) => {
    for (const u of units) {
      meetings[u] = await meetingIn(db, fixture, u);
      attendance[u] = await one<number>(
        db,
        "insert into public.meeting_attendance (meeting_id, member_id, present, absence_reason) values ($1, $2, false, '出差') returning id",
        [meetings[u], fixture.spareMembers[u]],
      );
    }
  });
  clients.org_admin = await signedInClient("admin@dangjian.test");
  clients.committee_admin = await signedInClient(fixture.committee.email);
  clients.leader = await signedInClient("leader@dangjian.test");
  clients.anon = anonClient();
});

afterAll(async () => {
  if (fixture) {
    await withDb((db) => db.query("delete from public.meetings where org_unit_id = any($1)", [[fixture.orgUnits.A, fixture.orgUnits.B]]));
  }
  await dropFixture(fixture);
});

const count = (db: pg.Client, table: string) => one<number>(db, `select count(*)::int from public.${table}`);
const valueOf = (db: pg.Client, table: string, column: string, id: number) =>
  one<string | null>(db, `select ${column}::text from public.${table} where id = $1`, [id]);
const exists = (db: pg.Client, table: string, id: number) => one<boolean>(db, `select exists (select 1 from public.${table} where id = $1)`, [id]);

describe.each(specs)("$table", (spec) => {
  describe.each(roles)("%s", (role) => {
    describe.each(units)("unit %s", (unit) => {
      it("select", async () => {
        const { data, error } = await clients[role].from(spec.table).select("id").eq("id", spec.row(unit));
        if (role === "anon") return expect(error?.code).toBe("42501");
        expect(error).toBeNull();
        expect(data).toHaveLength(allowed(role, "select", unit) ? 1 : 0);
      });

      it("insert", async () => {
        await withDb(async (db) => {
          const payload = await spec.insert(unit, db);
          const before = await count(db, spec.table);
          const { data, error } = await clients[role].from(spec.table).insert(payload).select("id");
          const after = await count(db, spec.table);
          if (allowed(role, "write", unit)) {
            expect(error).toBeNull();
            expect(data).toHaveLength(1);
            expect(after).toBe(before + 1);
          } else {
            expect(error?.code).toBe("42501");
            expect(after).toBe(before);
          }
        });
      });

      it("update", async () => {
        await withDb(async (db) => {
          const id = spec.row(unit);
          const before = await valueOf(db, spec.table, spec.update.column, id);
          const value = spec.update.value(n++);
          const { data, error } = await clients[role].from(spec.table).update({ [spec.update.column]: value }).eq("id", id).select("id");
          const after = await valueOf(db, spec.table, spec.update.column, id);
          if (allowed(role, "write", unit)) {
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
          if (allowed(role, "write", unit)) {
            expect(error).toBeNull();
            expect(data).toHaveLength(1);
            expect(await exists(db, spec.table, id)).toBe(false);
          } else {
            if (error) expect(error.code).toBe("42501");
            else expect(data).toHaveLength(0);
            expect(await exists(db, spec.table, id)).toBe(true);
          }
        });
      });
    });
  });
});

// The standards are 组织部's: everyone signed in reads them, only org_admin writes. One row per kind, so the
// insert and delete cells use the 主题党日 row: org_admin deletes and inserts it back; others are refused.
describe("meeting_standards", () => {
  const themeDay = () => withDb((db) => one<number | null>(db, "select (select id from public.meeting_standards where kind = 'theme_day')"));
  const restore = () =>
    withDb((db) =>
      db.query(
        "insert into public.meeting_standards (kind, frequency, per_period, note) select 'theme_day', 'monthly', 1, '每月固定主题党日' where not exists (select 1 from public.meeting_standards where kind = 'theme_day')",
      ),
    );
  afterAll(restore);

  describe.each(roles)("%s", (role) => {
    it("select", async () => {
      const { data, error } = await clients[role].from("meeting_standards").select("kind");
      if (role === "anon") return expect(error?.code).toBe("42501");
      expect(error).toBeNull();
      expect(data!.map((r) => r.kind).sort()).toEqual(["branch_committee", "general_meeting", "group_meeting", "org_life", "party_lecture", "theme_day"]);
    });

    it("update", async () => {
      const id = (await themeDay())!;
      const note = `说明${n++}`;
      const { data, error } = await clients[role].from("meeting_standards").update({ note }).eq("id", id).select("id");
      const after = await withDb((db) => one<string>(db, "select note from public.meeting_standards where id = $1", [id]));
      if (role === "org_admin") {
        expect(error).toBeNull();
        expect(data).toHaveLength(1);
        expect(after).toBe(note);
      } else {
        if (error) expect(error.code).toBe("42501");
        else expect(data).toHaveLength(0);
        expect(after).not.toBe(note);
      }
    });

    it("delete and insert", async () => {
      const id = (await themeDay())!;
      const { data, error } = await clients[role].from("meeting_standards").delete().eq("id", id).select("id");
      if (role === "org_admin") {
        expect(error).toBeNull();
        expect(data).toHaveLength(1);
        expect(await themeDay()).toBeNull();
        const inserted = await clients[role].from("meeting_standards").insert({ kind: "theme_day", frequency: "monthly", per_period: 1, note: "每月固定主题党日" }).select("id");
        expect(inserted.error).toBeNull();
        expect(await themeDay()).not.toBeNull();
      } else {
        if (error) expect(error.code).toBe("42501");
        else expect(data).toHaveLength(0);
        expect(await themeDay()).toBe(id);
        await withDb((db) => db.query("delete from public.meeting_standards where kind = 'theme_day'"));
        const inserted = await clients[role].from("meeting_standards").insert({ kind: "theme_day", frequency: "monthly", per_period: 1 }).select("id");
        expect(inserted.error?.code).toBe("42501");
        expect(await themeDay()).toBeNull();
        await restore();
      }
    });
  });
});
