-- Dashboard results for the whole school, stored. 组织部 and 校领导 read the whole school, and every dashboard they
-- open asks the same questions (this year, every unit) of data that changes a few times an hour: each answer is
-- kept until any table is written or the day turns, instead of grouping tens of thousands of rows on every call
-- (at seed scale 10 a page's calls cost 150–300 ms of database time together, and on a two-core server they queue
-- behind each other and the browser; read from the store each is 1–3 ms).
--
-- What is stored: the rows of a dashboard function for a reader of the whole school calling it for the whole
-- school (p_org_unit_id null), per function and arguments. A committee admin, or a call narrowed to one unit,
-- computes under RLS as before. The answer is the same for every such reader, since RLS shows them all rows.
-- When it is current: every public table counts its writes (app.count_table_changes, as for 待办); a stored
-- answer carries the sum of all counters when it was computed, and any write anywhere makes it stale. That is
-- coarser than 待办's per-table versions, and on purpose: nobody has to list which tables a function reads.
-- Consistency is 待办's: writers count under the shared advisory lock, an answer is stored only under the
-- exclusive one (try-lock: when a write is in flight, or the calling transaction has written, or it is read-only,
-- the answer is computed live and not stored).
--
-- app.store_whole_school_results(f) moves public.f to app.f_computed and puts in its place a function of the same
-- name and signature that serves the stored answer (PostgREST sees no change but volatility: a call may store).

do $$
declare
  t text;
begin
  for t in select c.relname from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
            where n.nspname = 'public' and c.relkind = 'r' loop
    perform app.count_table_changes(t);
  end loop;
end;
$$;

-- The sum of every table's change counter: it moves whenever anything is written.
create function app.data_version() returns bigint
language sql stable security definer
set search_path = ''
as $$
  select coalesce(sum(coalesce(s.last_value, 0)), 0)::bigint
    from pg_catalog.pg_sequences s
   where s.schemaname = 'app' and s.sequencename like 'table\_changes\_%'
$$;
comment on function app.data_version() is '全部表变更计数之和 (任一表有写入即变化)';
revoke all on function app.data_version() from public, anon;
grant execute on function app.data_version() to authenticated, service_role;

create table app.whole_school_results (
  function_name text not null,
  arguments jsonb not null,
  version bigint not null,
  computed_on date not null,
  stored_at timestamptz not null default clock_timestamp(),
  rows jsonb not null,
  primary key (function_name, arguments)
);
comment on table app.whole_school_results is
  '看板全校结果缓存: 组织部、校领导以全校为范围调用看板函数的结果 (按函数与参数), 附计算时全部表变更计数之和与日期';

-- The stored answer of a function to these arguments if still current, else null.
create function app.stored_whole_school_result(p_function text, p_arguments jsonb) returns jsonb
language sql stable security definer
set search_path = ''
as $$
  select r.rows from app.whole_school_results r
   where r.function_name = p_function and r.arguments = p_arguments
     and r.computed_on = current_date and r.version = app.data_version()
$$;
comment on function app.stored_whole_school_result(text, jsonb) is '看板全校结果缓存: 仍有效的结果 (否则为空)';
revoke all on function app.stored_whole_school_result(text, jsonb) from public, anon;
grant execute on function app.stored_whole_school_result(text, jsonb) to authenticated, service_role;

-- Whether the answer about to be computed may be stored: the transaction can write and has written nothing (what
-- it stores must not depend on work that may still roll back), and no write is in flight; from here until the
-- transaction ends no write can be counted, so the answer and the version it is stored with agree.
create function app.may_store_whole_school_result() returns boolean
language plpgsql volatile
set search_path = ''
as $$
begin
  if pg_current_xact_id_if_assigned() is not null or current_setting('transaction_read_only') = 'on' then
    return false;
  end if;
  return pg_try_advisory_xact_lock(app.table_changes_lock_key());
end;
$$;
comment on function app.may_store_whole_school_result() is '看板全校结果缓存: 本事务可否存入 (未写入、非只读、且无进行中的写入)';
revoke all on function app.may_store_whole_school_result() from public, anon;
grant execute on function app.may_store_whole_school_result() to authenticated, service_role;

-- Stores an answer (the 20 argument sets asked for last per function), for readers of the whole school only.
create function app.store_whole_school_result(p_function text, p_arguments jsonb, p_rows jsonb) returns void
language plpgsql volatile security definer
set search_path = ''
as $$
begin
  if not (select app.reads_all()) then
    raise exception '仅组织部与校领导的全校结果可以存入' using errcode = '42501';
  end if;
  insert into app.whole_school_results (function_name, arguments, version, computed_on, rows)
  values (p_function, p_arguments, app.data_version(), current_date, p_rows)
  on conflict (function_name, arguments) do update
    set version = excluded.version, computed_on = excluded.computed_on, stored_at = excluded.stored_at, rows = excluded.rows;
  delete from app.whole_school_results r
   where r.function_name = p_function
     and r.arguments not in (select r2.arguments from app.whole_school_results r2
                              where r2.function_name = p_function order by r2.stored_at desc limit 20);
end;
$$;
comment on function app.store_whole_school_result(text, jsonb, jsonb) is '看板全校结果缓存: 存入一个结果 (每个函数保留最近 20 组参数)';
revoke all on function app.store_whole_school_result(text, jsonb, jsonb) from public, anon;
grant execute on function app.store_whole_school_result(text, jsonb, jsonb) to authenticated, service_role;

-- Migrations: serve public.<f> from the store for readers of the whole school asking for the whole school.
create function app.store_whole_school_results(p_function regprocedure) returns void
language plpgsql
set search_path = ''
as $generate$
declare
  f record;
  columns text;
begin
  select p.proname as name,
         pg_catalog.pg_get_function_arguments(p.oid) as arguments,
         pg_catalog.pg_get_function_identity_arguments(p.oid) as identity,
         pg_catalog.pg_get_function_result(p.oid) as result,
         pg_catalog.obj_description(p.oid, 'pg_proc') as description,
         (select string_agg(quote_ident(a.name), ', ' order by a.n)
            from unnest(p.proargnames[1:p.pronargs]) with ordinality a(name, n)) as call_arguments
    into f
    from pg_catalog.pg_proc p join pg_catalog.pg_namespace s on s.oid = p.pronamespace
   where p.oid = p_function and s.nspname = 'public';
  if f.name is null or f.result not like 'TABLE(%' or f.arguments not like '%p\_org\_unit\_id %' then
    raise exception '%: not a public table function with p_org_unit_id', p_function;
  end if;
  columns := substr(f.result, 7, length(f.result) - 7);
  execute format('alter function public.%I(%s) set schema app', f.name, f.identity);
  execute format('alter function app.%I(%s) rename to %I', f.name, f.identity, f.name || '_computed');
  execute format('comment on function app.%I(%s) is %L', f.name || '_computed', f.identity, coalesce(f.description, f.name) || ' (计算)');
  execute format($wrapper$
    create function public.%1$I(%2$s) returns table (%3$s)
    language plpgsql volatile security invoker
    set search_path = ''
    as $body$
    #variable_conflict use_column
    declare
      stored_rows jsonb;
    begin
      if p_org_unit_id is null and (select app.reads_all()) then
        stored_rows := app.stored_whole_school_result(%4$L, jsonb_build_array(%5$s));
        if stored_rows is null and app.may_store_whole_school_result() then
          stored_rows := (select coalesce(jsonb_agg(to_jsonb(t) - 'ordinality' order by t.ordinality), '[]'::jsonb)
                            from app.%6$I(%5$s) with ordinality t);
          perform app.store_whole_school_result(%4$L, jsonb_build_array(%5$s), stored_rows);
        end if;
      end if;
      if stored_rows is null then
        return query select * from app.%6$I(%5$s);
      else
        return query select * from jsonb_to_recordset(stored_rows) as r(%3$s);
      end if;
    end;
    $body$
  $wrapper$, f.name, f.arguments, columns, f.name, f.call_arguments, f.name || '_computed');
  execute format('comment on function public.%I(%s) is %L', f.name, f.identity,
                 coalesce(f.description, f.name) || ' (组织部、校领导看全校时取自缓存 app.whole_school_results)');
  execute format('revoke all on function public.%I(%s) from public, anon', f.name, f.identity);
  execute format('grant execute on function public.%I(%s) to authenticated, service_role', f.name, f.identity);
end;
$generate$;
comment on function app.store_whole_school_results(regprocedure) is
  '迁移用: 让看板函数在组织部、校领导看全校时取缓存 (原函数移为 app.<函数>_computed)';
revoke all on function app.store_whole_school_results(regprocedure) from public, anon, authenticated;

-- Every dashboard function with a unit filter, but the 组织生活 completion ones (they sum stored cells already).
do $$
declare
  f regprocedure;
begin
  for f in select p.oid::regprocedure from pg_catalog.pg_proc p join pg_catalog.pg_namespace n on n.oid = p.pronamespace
            where n.nspname = 'public' and p.provolatile = 's' and p.prokind = 'f'
              and 'p_org_unit_id' = any (p.proargnames) and pg_catalog.pg_get_function_result(p.oid) like 'TABLE(%'
            order by p.proname loop
    perform app.store_whole_school_results(f);
  end loop;
end;
$$;
