-- A cluster made by an older stack had `postgres` as its bootstrap superuser, which can never lose SUPERUSER.
-- It becomes supabase_admin (the bootstrap superuser, as on Supabase) and a new, ordinary `postgres` takes over
-- what the project owns: the database, the schemas public, app and supabase_migrations and everything in
-- them. Run once, by a temporary superuser (a session cannot rename its own role), in one transaction.
alter role postgres rename to supabase_admin;
create role postgres login password 'postgres';

do $$
declare
  object record;
begin
  execute 'alter database postgres owner to postgres';
  for object in
    select n.nspname as name from pg_namespace n
     where n.nspname in ('app', 'supabase_migrations') and n.nspowner = 'supabase_admin'::regrole
  loop
    execute format('alter schema %I owner to postgres', object.name);
  end loop;
  -- tables, views, materialized views and sequences not owned by a table (identity sequences follow theirs)
  for object in
    select c.oid::regclass as name, c.relkind
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname in ('public', 'app', 'supabase_migrations') and c.relowner = 'supabase_admin'::regrole
       and c.relkind in ('r', 'p', 'v', 'm', 'S', 'f')
       and not (c.relkind = 'S' and exists (select from pg_depend d where d.objid = c.oid and d.deptype in ('a', 'i')))
  loop
    execute format('alter %s %s owner to postgres',
                   case object.relkind when 'v' then 'view' when 'm' then 'materialized view' when 'S' then 'sequence'
                                       when 'f' then 'foreign table' else 'table' end, object.name);
  end loop;
  for object in
    select p.oid::regprocedure as name, p.prokind
      from pg_proc p join pg_namespace n on n.oid = p.pronamespace
     where n.nspname in ('public', 'app') and p.proowner = 'supabase_admin'::regrole
  loop
    execute format('alter %s %s owner to postgres', case object.prokind when 'p' then 'procedure' else 'function' end, object.name);
  end loop;
  -- enums and domains (a table's row type follows its table)
  for object in
    select t.oid::regtype as name, t.typtype
      from pg_type t join pg_namespace n on n.oid = t.typnamespace
     where n.nspname in ('public', 'app') and t.typowner = 'supabase_admin'::regrole and t.typtype in ('e', 'd')
  loop
    execute format('alter %s %s owner to postgres', case object.typtype when 'd' then 'domain' else 'type' end, object.name);
  end loop;
end
$$;
