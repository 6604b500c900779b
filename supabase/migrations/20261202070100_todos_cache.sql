-- 待办, fast enough for the home page at scale 10: the items are computed once for the whole school and kept until
-- something they are computed from changes, instead of on every call.
--
-- Measured before this (scale 1, loaded machine): public.todos() as the caller, every kind under RLS, took
-- 270–420 ms — a scan per kind over members, budgets, expenditures and carriers; ten times that at scale 10.
-- Now:
--   app.todo_items            every item of every kind for the whole school (kind, id, org_unit_id);
--   app.todo_cache_state      the change count and the day those items were computed for;
--   app.todo_changes          a sequence every write statement on a table a kind reads advances (statement-level
--                             triggers, installed by app.rebuild_todos() on the tables listed in todo_kinds.tables);
--   public.todos()            recomputes the items when the change count or the day has moved, then returns the
--                             caller's share: the whole school for 组织部 and 校领导, its unit's rows for a committee
--                             admin — what RLS lets each read of these registers (every one of them is scoped by
--                             the row's org unit; the registers' own lists keep RLS as ever).
-- A change is seen at once: the next call after a committed write recomputes. Writers never wait for each other:
-- each takes a shared advisory lock before counting its change; the recompute takes it exclusively, so every
-- write counted before it has committed and is in its snapshot, and any later write counts past it. When the
-- exclusive lock is not free at once (a write in flight), the call computes the items live instead of waiting.
-- SECURITY DEFINER so the items are computed over the whole school and can be stored; the scope is applied here.

alter table app.todo_kinds add column tables text[] not null default '{}';
comment on column app.todo_kinds.tables is '判定读取的表 (其变更使缓存的待办失效)';
update app.todo_kinds set tables = case
  when kind in ('election_overdue', 'election_due_soon', 'election_due', 'no_secretary') then array['branches']
  when kind in ('secretary_not_full', 'branch_oversize', 'branch_too_few_full', 'probation_due', 'probation_overdue')
    then array['branches', 'members']
  when kind = 'activity_fund_low' then array['branches', 'members', 'fund_budgets']
  when kind in ('evaluation_report_missing', 'evaluation_scores_missing')
    then array['branches', 'evaluation_cycles', 'branch_evaluations']
  when kind = 'carrier_uncovered' then array['carriers', 'carrier_coverages', 'branches']
  when kind = 'budget_lagging' then array['fund_budgets', 'fund_expenditures']
end;

create table app.todo_items (
  kind text not null,
  id bigint not null,
  org_unit_id bigint,
  constraint todo_items_pkey primary key (kind, id)
);
comment on table app.todo_items is '待办缓存: 全校每类待办的记录编号与所属二级党组织 (由 public.todos() 重算)';
create index todo_items_org_unit_id_idx on app.todo_items (org_unit_id, kind);

create table app.todo_cache_state (
  singleton boolean primary key default true,
  version bigint,
  computed_on date,
  constraint todo_cache_state_singleton check (singleton)
);
comment on table app.todo_cache_state is '待办缓存状态: 计算时的变更计数与日期';
insert into app.todo_cache_state default values;

create sequence app.todo_changes;
comment on sequence app.todo_changes is '待办相关表的写入次数 (语句级触发器递增)';

-- The advisory lock key of the to-do cache (any fixed number no other feature uses).
create function app.todo_lock_key() returns bigint language sql immutable as $$ select 20261202070100::bigint $$;

create function app.note_todo_change() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  perform pg_advisory_xact_lock_shared(app.todo_lock_key());
  perform nextval('app.todo_changes');
  return null;
end;
$$;
comment on function app.note_todo_change() is '语句级触发器: 待办相关表有写入, 缓存的待办失效';
revoke all on function app.note_todo_change() from public, anon, authenticated;

-- Thresholds change the items too.
create trigger settings_todo_change after insert or update or delete or truncate on public.settings
  for each statement execute function app.note_todo_change();

-- app.rebuild_todos(): now writes app.todo_compute() (the union of the registered set functions) and makes sure
-- every table a kind reads has the change trigger. The migration registering a kind calls it, as before.
drop function public.todos();
create or replace function app.rebuild_todos() returns void
language plpgsql
set search_path = ''
as $build$
declare
  items text;
  t text;
begin
  select string_agg(format('select %L::text as kind, i.id, i.org_unit_id from app.%I() i', k.kind, 'todo_' || k.kind),
                    E'\n  union all ' order by k.position, k.kind)
    into items from app.todo_kinds k;
  execute format($f$
create or replace function app.todo_compute() returns table (kind text, id bigint, org_unit_id bigint)
language sql stable
as $$
  %s
$$
$f$, coalesce(items, 'select null::text, null::bigint, null::bigint where false'));
  execute $c$comment on function app.todo_compute() is '全部待办 (各类判定的并集), 由 app.rebuild_todos() 生成'$c$;
  revoke all on function app.todo_compute() from public, anon, authenticated;
  for t in select distinct unnest(k.tables) from app.todo_kinds k loop
    if not exists (select 1 from pg_trigger g where g.tgrelid = ('public.' || quote_ident(t))::regclass
                                                and g.tgname = t || '_todo_change') then
      execute format('create trigger %I after insert or update or delete or truncate on public.%I '
                     'for each statement execute function app.note_todo_change()', t || '_todo_change', t);
    end if;
  end loop;
  -- the cached items were computed without the new kind
  perform nextval('app.todo_changes');
end;
$build$;
comment on function app.rebuild_todos() is
  '迁移用: 按 app.todo_kinds 重新生成 app.todo_compute() 并为相关表安装变更触发器 (登记新的待办类型后调用)';
revoke all on function app.rebuild_todos() from public, anon, authenticated;
select app.rebuild_todos();

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
  cached app.todo_cache_state;
  changes bigint;
  live boolean := false;
begin
  if not whole_school and unit is null then
    return; -- no role that reads these registers
  end if;
  select * into cached from app.todo_cache_state;
  changes := (select s.last_value from app.todo_changes s);
  if cached.version is distinct from changes or cached.computed_on is distinct from current_date then
    if pg_try_advisory_xact_lock(app.todo_lock_key()) then
      -- every write counted so far has committed: recompute from what they left
      changes := (select s.last_value from app.todo_changes s);
      delete from app.todo_items;
      insert into app.todo_items (kind, id, org_unit_id) select c.kind, c.id, c.org_unit_id from app.todo_compute() c;
      update app.todo_cache_state set version = changes, computed_on = current_date;
    else
      live := true; -- a write is in flight: compute without storing
    end if;
  end if;

  return query
  with items as materialized (
    select c.kind, c.id, c.org_unit_id from app.todo_compute() c
     where live and (whole_school or c.org_unit_id = unit)
    union all
    select i.kind, i.id, i.org_unit_id from app.todo_items i
     where not live and (whole_school or i.org_unit_id = unit)
  ),
  per_kind as (
    select i.kind, count(*) as n, array_agg(i.id order by i.id) as ids from items i group by i.kind
  ),
  -- the per-unit breakdown only for readers of the whole school
  per_unit as (
    select c.kind, jsonb_agg(jsonb_build_object('org_unit_id', o.id, 'org_unit_name', o.name, 'count', c.n)
                             order by c.n desc, o.code) as units
      from (select i.kind, i.org_unit_id, count(*) as n from items i where whole_school group by i.kind, i.org_unit_id) c
      join public.org_units o on o.id = c.org_unit_id
     group by c.kind
  )
  select k.kind, k.position, k.label, k.label_en, k.description, k.register, k.fix_path,
         coalesce(p.n, 0), coalesce(p.ids, '{}'),
         case when whole_school then coalesce(u.units, '[]'::jsonb) end
    from app.todo_kinds k
    left join per_kind p on p.kind = k.kind
    left join per_unit u on u.kind = k.kind
   order by k.position, k.kind;
end;
$$;
comment on function public.todos() is
  '待办与提醒: 每类一行 (名称、所在登记表、处理入口、数量、记录编号; 组织部与校领导另有按二级党组织的分布)。'
  '组织部、校领导为全校, 二级党组织管理员为本单位; 全校结果缓存在 app.todo_items, 相关表或阈值变更、日期变化后重算';
revoke execute on function public.todos() from public, anon;
grant execute on function public.todos() to authenticated, service_role;
