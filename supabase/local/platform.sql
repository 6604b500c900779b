-- What the `postgres` role is on a Supabase project, applied on every start as the bootstrap superuser
-- supabase_admin (idempotent, so a database bootstrapped by an older stack, where postgres was the superuser,
-- becomes the same). Migrations and the seed run as postgres: a migration that needs a superuser (an event
-- trigger, an object in auth, ALTER SYSTEM) fails here as it would on `supabase db push`.
-- After supabase/postgres: migrations/db/migrations/10000000000000_demote-postgres.sql,
-- 20240319072844_lock_down_postgres_access_to_auth_*, 20250421084701_revoke_admin_roles_from_postgres.sql,
-- 20250605172253_grant_with_admin_to_postgres_16_and_above.sql, 20260923021047_update_pgrst_watch_triggers.sql.

alter role postgres nosuperuser createdb createrole login replication bypassrls;
grant anon, authenticated, service_role, authenticator to postgres with admin option;
grant pg_monitor, pg_read_all_data, pg_signal_backend to postgres;
revoke supabase_auth_admin from postgres;

-- The project database and its public schema are postgres's (as `pg_database_owner`).
alter database postgres owner to postgres;
grant all on schema extensions to postgres;
grant all on all tables in schema extensions to postgres;
grant all on all routines in schema extensions to postgres;
-- The local auth service hashes with pgcrypto (GoTrue does it in Go): its role uses the extensions schema.
grant usage on schema extensions to supabase_auth_admin;

-- auth belongs to GoTrue (supabase_auth_admin): postgres reads and writes its tables (seeds insert users, a
-- profile references auth.users) but creates nothing in it.
grant usage on schema auth to postgres;
revoke create on schema auth from postgres;
grant all on all tables in schema auth to postgres;
grant all on all sequences in schema auth to postgres;
grant all on all routines in schema auth to postgres;

-- New projects (since 2026-05-30) do not grant what postgres creates in public to the API roles: migrations
-- grant explicitly. A database bootstrapped earlier loses the old default grants (existing grants stay).
alter default privileges for role postgres in schema public revoke all on tables from anon, authenticated, service_role;
alter default privileges for role postgres in schema public revoke all on functions from anon, authenticated, service_role;
alter default privileges for role postgres in schema public revoke all on sequences from anon, authenticated, service_role;

-- GoTrue's first token columns have no '' default (see bootstrap.sql).
alter table auth.users alter column confirmation_token drop default,
                       alter column recovery_token drop default,
                       alter column email_change_token_new drop default,
                       alter column email_change drop default;

-- PostgREST reloads its schema cache when DDL changes what it serves, as on Supabase: a migration applied to
-- a running stack is served without a restart.
create or replace function extensions.pgrst_ddl_watch() returns event_trigger
language plpgsql
as $$
declare
  cmd record;
begin
  for cmd in select * from pg_event_trigger_ddl_commands()
  loop
    if cmd.command_tag in (
      'CREATE SCHEMA', 'ALTER SCHEMA', 'CREATE TABLE', 'CREATE TABLE AS', 'SELECT INTO', 'ALTER TABLE',
      'CREATE FOREIGN TABLE', 'ALTER FOREIGN TABLE', 'CREATE VIEW', 'ALTER VIEW', 'CREATE MATERIALIZED VIEW',
      'ALTER MATERIALIZED VIEW', 'CREATE FUNCTION', 'ALTER FUNCTION', 'CREATE TYPE', 'ALTER TYPE', 'CREATE RULE',
      'COMMENT')
      -- not for temporary objects, nor for the platform's own schemas
      and coalesce(cmd.schema_name, '') not in ('pg_temp', 'auth', 'realtime', '_realtime', 'storage')
      or (cmd.command_tag = 'CREATE TRIGGER' and cmd.object_identity not like '% pg\_temp.%')
    then
      notify pgrst, 'reload schema';
    end if;
  end loop;
end;
$$;

create or replace function extensions.pgrst_drop_watch() returns event_trigger
language plpgsql
as $$
declare
  obj record;
begin
  for obj in select * from pg_event_trigger_dropped_objects()
  loop
    if obj.object_type in ('schema', 'table', 'foreign table', 'view', 'materialized view', 'function', 'type', 'rule')
      and obj.is_temporary is false
      and coalesce(obj.schema_name, '') not in ('auth', 'realtime', '_realtime', 'storage')
      or (obj.object_type = 'trigger' and obj.object_identity not like '% pg\_temp.%')
    then
      notify pgrst, 'reload schema';
    end if;
  end loop;
end;
$$;

do $$
begin
  if not exists (select from pg_event_trigger where evtname = 'pgrst_ddl_watch') then
    create event trigger pgrst_ddl_watch on ddl_command_end execute function extensions.pgrst_ddl_watch();
  end if;
  if not exists (select from pg_event_trigger where evtname = 'pgrst_drop_watch') then
    create event trigger pgrst_drop_watch on sql_drop execute function extensions.pgrst_drop_watch();
  end if;
end
$$;
