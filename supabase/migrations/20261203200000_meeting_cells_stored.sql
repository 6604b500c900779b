-- 组织生活 completion for the whole school, stored: the cells (app.meeting_completion_cells: per org unit, kind
-- and period, the meetings owed and held) that the completion RPCs sum are kept for 组织部 and 校领导 until
-- meetings, branches or the standards are written, or the day turns, instead of grouping the year's meetings on
-- every call (127 k meetings at seed scale 10: 430–570 ms a call for the whole school; the home page makes one).
-- A committee admin, or a call narrowed to one org unit, computes them as before, under RLS (40–60 ms).
-- The counters are the tables' change counters (app.count_table_changes, as for 待办): writers count under the
-- shared advisory lock, a recompute holds it exclusively (when it is not free at once, or the calling
-- transaction has written something itself, the cells are computed live, without storing).
-- app.meeting_completion_cells keeps its name and becomes the choice between the two: the computation is renamed
-- app.meeting_completion_cells_computed, so the completion RPCs that sum the cells keep their bodies and only
-- become VOLATILE: a call may store, and PostgREST runs STABLE functions in a read-only transaction.

alter function app.meeting_completion_cells(date, date, bigint, public.branch_kind) rename to meeting_completion_cells_computed;

select app.count_table_changes('meetings');
select app.count_table_changes('branches');
select app.count_table_changes('meeting_standards');

create table app.meeting_cells_keys (
  id bigint generated always as identity primary key,
  p_from date not null,
  p_to date not null,
  p_branch_kind public.branch_kind,
  version bigint not null,
  computed_on date not null,
  constraint meeting_cells_keys_key unique nulls not distinct (p_from, p_to, p_branch_kind)
);
comment on table app.meeting_cells_keys is
  '组织生活完成情况缓存的键: 全校、统计区间与支部类型 (空为全部), 计算时相关表变更计数之和与日期';

create table app.meeting_cells (
  key_id bigint not null references app.meeting_cells_keys (id) on delete cascade,
  org_unit_id bigint,
  kind public.meeting_kind,
  frequency public.meeting_frequency,
  period_start date,
  period_end date,
  expected bigint,
  held bigint
);
comment on table app.meeting_cells is '组织生活完成情况缓存: 全校按二级党组织 × 类型 × 周期的应开与已开次数';
create index meeting_cells_key_id_idx on app.meeting_cells (key_id);

-- The whole school's cells for the period, from the store or computed and stored. As the owner (the store is
-- shared by every reader of the whole school), so it refuses anyone else.
create function app.meeting_cells_stored(p_from date, p_to date, p_branch_kind public.branch_kind)
returns table (
  org_unit_id bigint,
  kind public.meeting_kind,
  frequency public.meeting_frequency,
  period_start date,
  period_end date,
  expected bigint,
  held bigint
)
language plpgsql volatile security definer
set search_path = ''
as $$
#variable_conflict use_column
declare
  tables constant text[] := array['meetings', 'branches', 'meeting_standards'];
  stored app.meeting_cells_keys;
  stored_id bigint;
begin
  if not (select app.reads_all()) then
    raise exception '仅组织部与校领导可读取全校组织生活完成情况' using errcode = '42501';
  end if;
  select * into stored from app.meeting_cells_keys k
   where k.p_from = $1 and k.p_to = $2 and k.p_branch_kind is not distinct from $3;
  if stored.id is not null and stored.computed_on = current_date and stored.version = app.tables_version(tables) then
    return query select c.org_unit_id, c.kind, c.frequency, c.period_start, c.period_end, c.expected, c.held
                   from app.meeting_cells c where c.key_id = stored.id;
    return;
  end if;
  -- stored only from a transaction that has written nothing (what it stores must not depend on work that may
  -- still roll back) and once no write is in flight
  if pg_current_xact_id_if_assigned() is not null or not pg_try_advisory_xact_lock(app.table_changes_lock_key()) then
    return query select * from app.meeting_completion_cells_computed($1, $2, null, $3);
    return;
  end if;
  -- every write counted so far has committed: compute from what they left
  delete from app.meeting_cells_keys k where k.p_from = $1 and k.p_to = $2 and k.p_branch_kind is not distinct from $3;
  insert into app.meeting_cells_keys (p_from, p_to, p_branch_kind, version, computed_on)
  values ($1, $2, $3, app.tables_version(tables), current_date) returning id into stored_id;
  insert into app.meeting_cells (key_id, org_unit_id, kind, frequency, period_start, period_end, expected, held)
  select stored_id, c.* from app.meeting_completion_cells_computed($1, $2, null, $3) c;
  -- a bounded store: the 20 periods asked for last (each dashboard asks for one or two: this year, a past year)
  delete from app.meeting_cells_keys k where k.id not in (select k2.id from app.meeting_cells_keys k2 order by k2.id desc limit 20);
  return query select c.org_unit_id, c.kind, c.frequency, c.period_start, c.period_end, c.expected, c.held
                 from app.meeting_cells c where c.key_id = stored_id;
end;
$$;
comment on function app.meeting_cells_stored(date, date, public.branch_kind) is
  '全校组织生活完成情况 (按二级党组织 × 类型 × 周期), 取自缓存或计算后存入';
revoke all on function app.meeting_cells_stored(date, date, public.branch_kind) from public, anon;
grant execute on function app.meeting_cells_stored(date, date, public.branch_kind) to authenticated, service_role;

-- The cells the completion RPCs sum, for the caller: stored for readers of the whole school asking for the whole
-- school; otherwise computed under the caller's RLS.
create function app.meeting_completion_cells(p_from date, p_to date, p_org_unit_id bigint, p_branch_kind public.branch_kind)
returns table (
  org_unit_id bigint,
  kind public.meeting_kind,
  frequency public.meeting_frequency,
  period_start date,
  period_end date,
  expected bigint,
  held bigint
)
language plpgsql volatile security invoker
set search_path = ''
as $$
begin
  if p_org_unit_id is null and (select app.reads_all()) then
    return query select * from app.meeting_cells_stored(p_from, p_to, p_branch_kind);
  else
    return query select * from app.meeting_completion_cells_computed(p_from, p_to, p_org_unit_id, p_branch_kind);
  end if;
end;
$$;
comment on function app.meeting_completion_cells(date, date, bigint, public.branch_kind) is
  '组织生活完成情况 (按二级党组织 × 类型 × 周期): 全校读者看全校时取缓存, 否则按调用者权限计算';
revoke all on function app.meeting_completion_cells(date, date, bigint, public.branch_kind) from public, anon;
grant execute on function app.meeting_completion_cells(date, date, bigint, public.branch_kind) to authenticated, service_role;

alter function public.meeting_completion_by_unit_quarter(date, bigint, public.branch_kind) volatile;
alter function public.meeting_completion_by_kind(date, bigint, public.branch_kind) volatile;
alter function public.meeting_completion_summary(date, bigint, public.branch_kind) volatile;
