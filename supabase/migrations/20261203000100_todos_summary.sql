-- 待办 at the home page's speed at scale 10: what a call returns is stored, and a write recomputes only the kinds
-- that read the table it wrote.
--
-- Measured before this (scale 10): public.todos() took 320 ms for 组织部 and 247 ms for 校领导 — every call
-- grouped all 16,784 cached items into per-kind id arrays and per-unit counts — and the first call after any
-- write to any of the tables recomputed all 19 kinds (2.6 s).
-- Now:
--   app.todo_summary      per kind: the whole school's count, ids and per-unit breakdown (org_unit_id null) and
--                         each unit's count and ids; a call reads one row per kind;
--   app.table_changes_<t> one change counter per table a kind reads (app.count_table_changes(<t>): a
--                         statement-level trigger on <t> advances it); a kind's version is the sum of its tables'
--                         counters, so it moves exactly when one of them is written. Other stored results (the
--                         meetings' completion cells) use the same counters;
--   app.todo_kind_state   the version and day each kind was computed for; a kind is recomputed when either moved.
-- The locking is as before: writers take the shared advisory lock (app.table_changes_lock_key()) before counting;
-- a recompute takes it exclusively, so every write counted before it has committed and is in its snapshot (when
-- it is not free at once, the stale kinds are computed live, without storing).
-- Every kind reads the thresholds, and the breakdown names the org units: `settings` and `org_units` are among
-- every kind's tables.

update app.todo_kinds set tables = array_append(tables, 'settings') where not ('settings' = any (tables));
update app.todo_kinds set tables = array_append(tables, 'org_units') where not ('org_units' = any (tables));

drop function public.todos();
drop table app.todo_items;
drop table app.todo_cache_state;
drop trigger settings_todo_change on public.settings;
-- the other tables' triggers are replaced by app.count_table_changes() below
do $$
declare t text;
begin
  for t in select distinct unnest(k.tables) from app.todo_kinds k loop
    execute format('drop trigger if exists %I on public.%I', t || '_todo_change', t);
  end loop;
end;
$$;
drop sequence app.todo_changes;
drop function app.todo_compute();
drop function app.note_todo_change();
drop function app.todo_lock_key();

-- ---------------------------------------------------------------------------------------------------------
-- Change counters, for results stored until a table they are computed from is written.
-- ---------------------------------------------------------------------------------------------------------
-- The advisory lock key between writers (shared) and recomputes (exclusive); any fixed number no other feature uses.
create function app.table_changes_lock_key() returns bigint language sql immutable as $$ select 20261202070100::bigint $$;
comment on function app.table_changes_lock_key() is '变更计数: 写入方 (共享) 与重算方 (排他) 之间的咨询锁编号';

create function app.note_table_change() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  perform pg_advisory_xact_lock_shared(app.table_changes_lock_key());
  perform nextval(tg_argv[0]::regclass);
  return null;
end;
$$;
comment on function app.note_table_change() is '语句级触发器: 表有写入, 其变更计数 (参数为计数序列) 加一, 由其计算的缓存结果失效';
revoke all on function app.note_table_change() from public, anon, authenticated;

-- Gives a table its change counter app.table_changes_<t> and the trigger that advances it (once).
create function app.count_table_changes(t text) returns void
language plpgsql
set search_path = ''
as $$
begin
  execute format('create sequence if not exists app.%I', 'table_changes_' || t);
  execute format('comment on sequence app.%I is %L', 'table_changes_' || t, t || ' 的写入次数 (语句级触发器递增)');
  if not exists (select 1 from pg_trigger g where g.tgrelid = ('public.' || quote_ident(t))::regclass
                                              and g.tgname = t || '_changes') then
    execute format('create trigger %I after insert or update or delete or truncate on public.%I '
                   'for each statement execute function app.note_table_change(%L)',
                   t || '_changes', t, format('app.%I', 'table_changes_' || t));
  end if;
end;
$$;
comment on function app.count_table_changes(text) is '迁移用: 为表安装变更计数序列 app.table_changes_<表> 与递增它的语句级触发器';
revoke all on function app.count_table_changes(text) from public, anon, authenticated;

-- The sum of the tables' change counters: it moves exactly when one of them is written.
create function app.tables_version(tables text[]) returns bigint
language sql stable
as $$
  select coalesce(sum(coalesce(s.last_value, 0)), 0)::bigint
    from pg_catalog.pg_sequences s
   where s.schemaname = 'app' and s.sequencename = any (select 'table_changes_' || t from unnest(tables) t)
$$;
comment on function app.tables_version(text[]) is '所列表变更计数之和 (任一表有写入即变化)';
revoke all on function app.tables_version(text[]) from public, anon, authenticated;

create table app.todo_summary (
  kind text not null references app.todo_kinds (kind) on delete cascade,
  org_unit_id bigint,
  count bigint not null,
  ids bigint[] not null,
  by_unit jsonb,
  constraint todo_summary_kind_org_unit_key unique nulls not distinct (kind, org_unit_id)
);
comment on table app.todo_summary is
  '待办缓存: 每类待办全校 (org_unit_id 为空, 另有按二级党组织的分布) 与各二级党组织的数量和记录编号 (由 public.todos() 重算)';

create table app.todo_kind_state (
  kind text primary key references app.todo_kinds (kind) on delete cascade,
  version bigint not null,
  computed_on date not null
);
comment on table app.todo_kind_state is '待办缓存状态: 每类计算时其相关表的变更计数之和与日期';

-- Each kind's version now: the sum of its tables' change counters.
create function app.todo_versions() returns table (kind text, version bigint)
language sql stable
as $$ select k.kind, app.tables_version(k.tables) from app.todo_kinds k $$;
comment on function app.todo_versions() is '待办用: 每类待办当前的版本 (其相关表变更计数之和)';
revoke all on function app.todo_versions() from public, anon, authenticated;

-- app.rebuild_todos(): writes app.todo_compute(kinds) (the union of the named kinds' set functions; a kind not
-- named is not run) and gives every table a kind reads its change counter and trigger. The migration registering
-- a kind calls it, as before; every kind is recomputed on the next call.
create or replace function app.rebuild_todos() returns void
language plpgsql
set search_path = ''
as $build$
declare
  items text;
  t text;
begin
  select string_agg(format('select %L::text as kind, i.id, i.org_unit_id from app.%I() i where %L = any (kinds)',
                           k.kind, 'todo_' || k.kind, k.kind),
                    E'\n  union all ' order by k.position, k.kind)
    into items from app.todo_kinds k;
  execute format($f$
create or replace function app.todo_compute(kinds text[]) returns table (kind text, id bigint, org_unit_id bigint)
language sql stable
as $$
  %s
$$
$f$, coalesce(items, 'select null::text, null::bigint, null::bigint where false'));
  execute $c$comment on function app.todo_compute(text[]) is '所列类型的全部待办 (各类判定的并集), 由 app.rebuild_todos() 生成'$c$;
  revoke all on function app.todo_compute(text[]) from public, anon, authenticated;
  for t in select distinct unnest(k.tables) from app.todo_kinds k loop
    perform app.count_table_changes(t);
  end loop;
  -- the stored items were computed by the previous definitions
  delete from app.todo_kind_state;
end;
$build$;
comment on function app.rebuild_todos() is
  '迁移用: 按 app.todo_kinds 重新生成 app.todo_compute(kinds) 并为相关表安装变更计数 (登记新的待办类型后调用)';
revoke all on function app.rebuild_todos() from public, anon, authenticated;
select app.rebuild_todos();

-- The rows app.todo_summary holds, for the named kinds.
create function app.todo_summarize(kinds text[])
returns table (kind text, org_unit_id bigint, count bigint, ids bigint[], by_unit jsonb)
language sql stable
as $$
  with items as materialized (select c.kind, c.id, c.org_unit_id from app.todo_compute(kinds) c),
  per_unit as materialized (
    select i.kind, i.org_unit_id, count(*) as n, array_agg(i.id order by i.id) as ids
      from items i where i.org_unit_id is not null group by i.kind, i.org_unit_id
  )
  select i.kind, null::bigint, count(*), array_agg(i.id order by i.id),
         (select jsonb_agg(jsonb_build_object('org_unit_id', o.id, 'org_unit_name', o.name, 'count', u.n)
                           order by u.n desc, o.code)
            from per_unit u join public.org_units o on o.id = u.org_unit_id where u.kind = i.kind)
    from items i group by i.kind
  union all
  select u.kind, u.org_unit_id, u.n, u.ids, null from per_unit u
$$;
comment on function app.todo_summarize(text[]) is '待办用: 所列类型全校 (含按二级党组织的分布) 与各二级党组织的数量和记录编号';
revoke all on function app.todo_summarize(text[]) from public, anon, authenticated;

create function public.todos()
returns table (
  kind text,
  "position" integer,
  label text,
  label_en text,
  description text,
  register text,
  fix_path text,
  count bigint,
  ids bigint[],
  by_unit jsonb
)
language plpgsql volatile security definer
set search_path = ''
as $$
#variable_conflict use_column
declare
  whole_school boolean := (select app.reads_all());
  unit bigint := (select app.committee_org_unit_id());
  stale text[];
  live text[] := '{}';
begin
  if not whole_school and unit is null then
    return; -- no role that reads these registers
  end if;
  select coalesce(array_agg(v.kind), '{}') into stale
    from app.todo_versions() v left join app.todo_kind_state s on s.kind = v.kind
   where s.version is distinct from v.version or s.computed_on is distinct from current_date;
  if cardinality(stale) > 0 then
    -- stored only from a transaction that has written nothing itself (its writes may still roll back)
    if pg_current_xact_id_if_assigned() is null and pg_try_advisory_xact_lock(app.table_changes_lock_key()) then
      -- every write counted so far has committed: recompute the stale kinds from what they left
      insert into app.todo_kind_state as s (kind, version, computed_on)
      select v.kind, v.version, current_date from app.todo_versions() v where v.kind = any (stale)
          on conflict (kind) do update set version = excluded.version, computed_on = excluded.computed_on;
      delete from app.todo_summary s where s.kind = any (stale);
      insert into app.todo_summary (kind, org_unit_id, count, ids, by_unit) select * from app.todo_summarize(stale);
    else
      live := stale; -- a write is in flight (or this transaction wrote): compute those kinds without storing
    end if;
  end if;

  return query
  with summary as (
    select s.kind, s.org_unit_id, s.count, s.ids, s.by_unit from app.todo_summary s
     where not (s.kind = any (live)) and s.org_unit_id is not distinct from (case when whole_school then null else unit end)
    union all
    select l.kind, l.org_unit_id, l.count, l.ids, l.by_unit from app.todo_summarize(live) l
     where l.org_unit_id is not distinct from (case when whole_school then null else unit end)
  )
  select k.kind, k.position, k.label, k.label_en, k.description, k.register, k.fix_path,
         coalesce(m.count, 0), coalesce(m.ids, '{}'),
         case when whole_school then coalesce(m.by_unit, '[]'::jsonb) end
    from app.todo_kinds k
    left join summary m on m.kind = k.kind
   order by k.position, k.kind;
end;
$$;
comment on function public.todos() is
  '待办与提醒: 每类一行 (名称、所在登记表、处理入口、数量、记录编号; 组织部与校领导另有按二级党组织的分布)。'
  '组织部、校领导为全校, 二级党组织管理员为本单位; 结果缓存在 app.todo_summary, 某类读取的表或阈值变更、日期变化后重算该类';
revoke execute on function public.todos() from public, anon;
grant execute on function public.todos() to authenticated, service_role;
