-- The audit trail: every insert, update and delete on the domain tables and profiles leaves one row in
-- public.audit_log, written by triggers only. It is append-only for every role (no write grants at all, and a
-- trigger refuses updates and deletes even from the table owner's sessions). org_admin and leader read all of
-- it; a committee reads the entries of its own unit.

create type public.audit_action as enum ('insert', 'update', 'delete');
comment on type public.audit_action is '变更类型: 新增 / 修改 / 删除';

create table public.audit_log (
  id bigint generated always as identity primary key,
  at timestamptz not null default now(),
  actor_id uuid,
  actor_name text not null,
  table_name text not null,
  row_id text not null,
  action public.audit_action not null,
  org_unit_id bigint,
  old_values jsonb,
  new_values jsonb,
  changed_columns text[]
);
comment on table public.audit_log is '变更记录: 由触发器写入, 只追加不可改; 组织部与校领导可读全部, 二级党组织读本单位';
comment on column public.audit_log.at is '变更时间 (即本行的创建时间; 只追加, 无 updated_at)';
comment on column public.audit_log.actor_id is '操作人 auth.users.id; 为空表示系统维护 (非 API 操作)';
comment on column public.audit_log.actor_name is '操作人显示名 (记录当时的名字)';
comment on column public.audit_log.table_name is '被修改的表名';
comment on column public.audit_log.row_id is '被修改行的主键 (id, profiles 为 user_id), 以文本保存';
comment on column public.audit_log.org_unit_id is '该行当时所属的二级党组织 (决定二级党组织能否看到此记录); 不设外键, 组织删除后记录仍在';
comment on column public.audit_log.old_values is '修改或删除前的整行 (新增时为空)';
comment on column public.audit_log.new_values is '新增或修改后的整行 (删除时为空)';
comment on column public.audit_log.changed_columns is '修改时变化的列 (不含 updated_at)';

create index audit_log_table_name_row_id_at_idx on public.audit_log (table_name, row_id, at desc);
create index audit_log_org_unit_id_at_idx on public.audit_log (org_unit_id, at desc);
create index audit_log_at_idx on public.audit_log (at desc);
create index audit_log_actor_id_idx on public.audit_log (actor_id);

-- The org unit a row belongs to, through its parents.
create function app.row_org_unit_id(p_table text, p_row jsonb) returns bigint
language sql stable security definer
set search_path = ''
as $$
  select case
    when p_table = 'org_units' then (p_row ->> 'id')::bigint
    when p_table in ('branches', 'carriers', 'fund_budgets', 'profiles') then (p_row ->> 'org_unit_id')::bigint
    when p_table in ('members', 'carrier_coverages', 'partnerships', 'branch_evaluations') then
      (select b.org_unit_id from public.branches b where b.id = (p_row ->> 'branch_id')::bigint)
    when p_table = 'partnership_activities' then
      (select b.org_unit_id from public.partnerships p join public.branches b on b.id = p.branch_id
        where p.id = (p_row ->> 'partnership_id')::bigint)
    when p_table = 'fund_expenditures' then
      (select f.org_unit_id from public.fund_budgets f where f.id = (p_row ->> 'budget_id')::bigint)
    when p_table in ('member_posts', 'member_reviews') then
      (select b.org_unit_id from public.members m join public.branches b on b.id = m.branch_id
        where m.id = (p_row ->> 'member_id')::bigint)
  end
$$;
comment on function app.row_org_unit_id(text, jsonb) is '一行数据所属的二级党组织 (经支部、党员、共建或预算追溯)';

create function app.write_audit_log() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  old_row jsonb := case when tg_op <> 'INSERT' then to_jsonb(old) end;
  new_row jsonb := case when tg_op <> 'DELETE' then to_jsonb(new) end;
  changed text[];
  actor uuid := auth.uid();
begin
  -- Bulk loads of demo data (seed.sql) switch the trail off for their own session only.
  if current_setting('app.audit_disabled', true) = 'on' then
    return null;
  end if;
  if tg_op = 'UPDATE' then
    select array_agg(n.key order by n.key) into changed
      from jsonb_each(new_row) n
     where n.key <> 'updated_at' and n.value is distinct from old_row -> n.key;
    if changed is null then
      return null; -- nothing but updated_at changed: no entry
    end if;
  end if;

  insert into public.audit_log (actor_id, actor_name, table_name, row_id, action, org_unit_id,
                                old_values, new_values, changed_columns)
  values (
    actor,
    coalesce((select p.display_name from public.profiles p where p.user_id = actor),
             auth.jwt() ->> 'email',
             case when auth.role() = 'service_role' then '服务账号' else '系统' end),
    tg_table_name,
    coalesce(new_row, old_row) ->> (case when tg_table_name = 'profiles' then 'user_id' else 'id' end),
    lower(tg_op)::public.audit_action,
    coalesce(app.row_org_unit_id(tg_table_name, new_row), app.row_org_unit_id(tg_table_name, old_row)),
    old_row,
    new_row,
    changed
  );
  return null;
end;
$$;
comment on function app.write_audit_log() is 'AFTER 行触发器: 每次增删改写一条变更记录';

do $$
declare
  t text;
begin
  foreach t in array array['org_units', 'profiles', 'branches', 'members', 'carriers', 'carrier_coverages',
                           'partnerships', 'partnership_activities', 'fund_budgets', 'fund_expenditures',
                           'evaluation_cycles', 'branch_evaluations', 'member_posts', 'member_reviews']
  loop
    execute format('create trigger %I after insert or update or delete on public.%I '
                   'for each row execute function app.write_audit_log()', t || '_audit', t);
  end loop;
end;
$$;

create function app.refuse_audit_change() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  perform app.reject('audit_log_append_only', null, '变更记录只能追加, 不能修改或删除', '42501');
  return null;
end;
$$;
create trigger audit_log_append_only before update or delete on public.audit_log
  for each row execute function app.refuse_audit_change();
create trigger audit_log_no_truncate before truncate on public.audit_log
  for each statement execute function app.refuse_audit_change();

alter table public.audit_log enable row level security;
create policy audit_log_select on public.audit_log for select to authenticated
  using ((select app.reads_all()) or org_unit_id = (select app.committee_org_unit_id()));

revoke all on public.audit_log from anon, authenticated, service_role;
grant select on public.audit_log to authenticated, service_role;

revoke all on all functions in schema app from public;
grant execute on all functions in schema app to anon, authenticated, service_role;
