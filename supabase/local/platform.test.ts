// The database roles as on a Supabase project (issue 13): `postgres`, which applies migrations and the seed, is not
// a superuser; auth is GoTrue's; new public objects are not granted to the API roles by default; and PostgREST
// picks DDL up through the pgrst_ddl_watch / pgrst_drop_watch event triggers, without a restart.
import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { applyMigrations } from "./database";
import { ANON_KEY, API_URL, DB_URL, supabaseDir } from "./env";
import { sql } from "./testing";

async function asPostgres<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: DB_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Runs `statement` as postgres in a transaction that is rolled back; returns the SQLSTATE it failed with, if any. */
async function refusedCode(statement: string): Promise<string | undefined> {
  return asPostgres(async (client) => {
    await client.query("begin");
    try {
      await client.query(statement);
      return undefined;
    } catch (error) {
      return (error as pg.DatabaseError).code;
    } finally {
      await client.query("rollback");
    }
  });
}

describe("the postgres role", () => {
  it("has Supabase's attributes: no superuser, bypassrls, createrole, createdb", async () => {
    const [role] = await sql<Record<string, boolean>>(
      `select rolsuper, rolbypassrls, rolcreaterole, rolcreatedb, rolreplication from pg_roles where rolname = current_user`,
    );
    expect(role).toEqual({ rolsuper: false, rolbypassrls: true, rolcreaterole: true, rolcreatedb: true, rolreplication: true });
  });

  it("is a member of the API roles but not of GoTrue's", async () => {
    const rows = await sql<{ role: string; member: boolean }>(
      `select r as role, pg_has_role('postgres', r, 'member') as member
         from unnest(array['anon', 'authenticated', 'service_role', 'supabase_auth_admin']) r order by 1`,
    );
    expect(rows).toEqual([
      { role: "anon", member: true },
      { role: "authenticated", member: true },
      { role: "service_role", member: true },
      { role: "supabase_auth_admin", member: false },
    ]);
  });

  it("refuses what only a superuser may do: an event trigger, ALTER SYSTEM, an object in auth", async () => {
    expect(await refusedCode("create event trigger probe on ddl_command_end execute function extensions.pgrst_ddl_watch()")).toBe("42501");
    expect(await asPostgres((c) => c.query("alter system set work_mem = '8MB'").then(() => undefined, (e: pg.DatabaseError) => e.code))).toBe("42501");
    expect(await refusedCode("create table auth.probe (id int)")).toBe("42501");
    expect(await refusedCode("create function auth.probe() returns int language sql as 'select 1'")).toBe("42501");
  });

  it("still reads and writes auth's tables, as seeds and app.create_auth_user need", async () => {
    const [privileges] = await sql<Record<string, boolean>>(
      `select has_table_privilege('postgres', 'auth.users', 'select') as select,
              has_table_privilege('postgres', 'auth.users', 'insert') as insert,
              has_table_privilege('postgres', 'auth.users', 'delete') as delete,
              has_schema_privilege('postgres', 'auth', 'create') as create`,
    );
    expect(privileges).toEqual({ select: true, insert: true, delete: true, create: false });
  });
});

describe("migrations as the non-superuser postgres", () => {
  it("applied every migration of the project", async () => {
    const files = readdirSync(resolve(supabaseDir, "migrations")).filter((f) => /^\d+_.+\.sql$/.test(f)).map((f) => f.split("_")[0]);
    const rows = await sql<{ version: string }>("select version from supabase_migrations.schema_migrations order by 1");
    expect(rows.map((r) => r.version)).toEqual([...files].sort());
  });

  it("fails, and records nothing, for a migration that needs a superuser", async () => {
    const dir = mkdtempSync(join(tmpdir(), "dj-superuser-migration-"));
    writeFileSync(join(dir, "29991231000000_needs_superuser.sql"),
      "create event trigger needs_superuser on ddl_command_end execute function extensions.pgrst_ddl_watch();");
    await asPostgres(async (client) => {
      await expect(applyMigrations(client, dir, () => undefined)).rejects.toThrow(/permission denied to create event trigger/);
    });
    expect(await sql("select 1 from supabase_migrations.schema_migrations where version = '29991231000000'")).toEqual([]);
    expect(await sql("select 1 from pg_event_trigger where evtname = 'needs_superuser'")).toEqual([]);
  });

  it("owns what the migrations made", async () => {
    const owners = await sql<{ owner: string }>(
      `select distinct c.relowner::regrole::text as owner from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname in ('public', 'app') and c.relkind in ('r', 'v', 'm')`,
    );
    expect(owners).toEqual([{ owner: "postgres" }]);
  });
});

describe("grants", () => {
  it("gives a new table in public to no API role by default (projects since 2026-05-30)", async () => {
    const granted = await asPostgres(async (client) => {
      await client.query("begin");
      try {
        await client.query("create table public.default_privileges_probe (id int)");
        const { rows } = await client.query(
          `select r from unnest(array['anon', 'authenticated', 'service_role']) r
            where has_table_privilege(r, 'public.default_privileges_probe', 'select')`,
        );
        return rows;
      } finally {
        await client.query("rollback");
      }
    });
    expect(granted).toEqual([]);
  });

  it("so every table the app reads is granted to authenticated by its migration, and none to anon", async () => {
    const rows = await sql<{ table: string; authenticated: boolean; anon: boolean }>(
      `select c.relname as table, has_table_privilege('authenticated', c.oid, 'select') as authenticated,
              has_table_privilege('anon', c.oid, 'select') as anon
         from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind in ('r', 'v') order by 1`,
    );
    expect(rows.length).toBeGreaterThan(15);
    expect(rows.filter((r) => !r.authenticated).map((r) => r.table)).toEqual([]);
    expect(rows.filter((r) => r.anon).map((r) => r.table)).toEqual([]);
  });

  it("leaves GoTrue's first token columns without a '' default", async () => {
    const rows = await sql<{ column_name: string; column_default: string | null }>(
      `select column_name, column_default from information_schema.columns
        where table_schema = 'auth' and table_name = 'users'
          and column_name in ('confirmation_token', 'recovery_token', 'email_change_token_new', 'email_change') order by 1`,
    );
    expect(rows).toEqual(["confirmation_token", "email_change", "email_change_token_new", "recovery_token"].map((column_name) => ({ column_name, column_default: null })));
  });
});

describe("schema reloads", () => {
  const probe = `ddl_watch_probe_${process.pid}`;
  const call = () => fetch(`${API_URL}/rest/v1/rpc/${probe}`, { method: "POST", headers: { apikey: ANON_KEY, "content-type": "application/json" }, body: "{}" });
  async function until(status: number) {
    for (let tries = 0; tries < 100; tries++) {
      const response = await call();
      if (response.status === status) return response;
      await new Promise((done) => setTimeout(done, 100));
    }
    return call();
  }

  it("serves a function created on the running stack, and forgets it when dropped, without a restart", async () => {
    expect((await call()).status).toBe(404);
    await sql(`create function public.${probe}() returns int language sql as 'select 42'`);
    try {
      const created = await until(200);
      expect(created.status).toBe(200);
      expect(await created.json()).toBe(42);
    } finally {
      await sql(`drop function public.${probe}()`);
    }
    expect((await until(404)).status).toBe(404);
  });
});
