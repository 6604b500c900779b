-- What a new register needs, once: the policy-measure tables (meetings, visits, cases, plans, trainings, ...)
-- each cost one migration that creates the table and calls these helpers, instead of copying the blocks of
-- 20261125000200_domain.sql, 20261125000300_audit_log.sql and 20261201000200_input_limits.sql.
--
--   app.register_table(table, read_scope, write_scope)  RLS with the four scoped policies, the API grants,
--                                                      updated_at and the audit trail
--   app.apply_field_limits(table)                      the <table>_field_limits trigger and backstop CHECKs
--                                                      for the rows of app.field_limits that name the table
--   app.row_org_unit_id(table, row)                    now found from the row's own keys, so the audit trail
--                                                      of a new table is scoped to its unit without a new case
--
-- And the thresholds the to-dos and dashboards use: public.settings, one row per threshold, edited by 组织部.
-- Rows are inserted by the migration that introduces the rule reading them; `app.setting(key)` reads one.

-- ---------------------------------------------------------------------------------------------------------
-- The org unit a row belongs to. Tables of the first migrations keep their explicit paths; any other table
-- is placed by the first of its keys that says where it belongs: org_unit_id, branch_id, member_id, or the
-- parent of a child table (meeting_id, plan_id, training_id, visit_id, case_id). plpgsql: the parent tables
-- are looked up at run time, so the function may name tables a later migration creates.
-- ---------------------------------------------------------------------------------------------------------
create or replace function app.row_org_unit_id(p_table text, p_row jsonb) returns bigint
language plpgsql stable security definer
set search_path = ''
as $$
declare
  unit bigint;
begin
  if p_row is null then
    return null;
  end if;
  case
  when p_table = 'org_units' then
    return (p_row ->> 'id')::bigint;
  when p_table = 'partnership_activities' then
    select b.org_unit_id into unit from public.partnerships p join public.branches b on b.id = p.branch_id
     where p.id = (p_row ->> 'partnership_id')::bigint;
    return unit;
  when p_table = 'fund_expenditures' then
    select f.org_unit_id into unit from public.fund_budgets f where f.id = (p_row ->> 'budget_id')::bigint;
    return unit;
  when p_row ->> 'org_unit_id' is not null then
    return (p_row ->> 'org_unit_id')::bigint;
  when p_row ->> 'branch_id' is not null then
    select b.org_unit_id into unit from public.branches b where b.id = (p_row ->> 'branch_id')::bigint;
    return unit;
  when p_row ->> 'member_id' is not null then
    select b.org_unit_id into unit from public.members m join public.branches b on b.id = m.branch_id
     where m.id = (p_row ->> 'member_id')::bigint;
    return unit;
  else
    -- a child row: its parent's unit (the parent table is the key's name without _id, pluralised)
    declare
      parent_key text;
      parent_table text;
      parent_row jsonb;
    begin
      select k into parent_key from unnest(array['meeting_id', 'plan_id', 'training_id', 'visit_id', 'case_id']) k
       where p_row ->> k is not null limit 1;
      if parent_key is null then
        return null;
      end if;
      parent_table := case parent_key when 'plan_id' then 'excellence_plans'
                                      else left(parent_key, -3) || 's' end;
      if to_regclass('public.' || parent_table) is null then
        return null;
      end if;
      execute format('select to_jsonb(t) from public.%I t where t.id = $1', parent_table)
        into parent_row using (p_row ->> parent_key)::bigint;
      return app.row_org_unit_id(parent_table, parent_row);
    end;
  end case;
end;
$$;
comment on function app.row_org_unit_id(text, jsonb) is
  '一行数据所属的二级党组织: 按 org_unit_id、branch_id、member_id 或上级记录 (meeting_id、plan_id 等) 追溯';

-- ---------------------------------------------------------------------------------------------------------
-- app.register_table: the standard access and bookkeeping of a register. read_scope / write_scope are SQL
-- predicates on the row for a committee admin (org_admin and leader read everything; org_admin writes
-- everything), as in pg_temp.scoped_policies of the domain migration. A write scope of 'false' makes the
-- table 组织部's to write. Only the migration runner calls it (it needs to own the table).
-- ---------------------------------------------------------------------------------------------------------
create function app.register_table(p_table text, p_read_scope text, p_write_scope text default null)
returns void
language plpgsql
set search_path = ''
as $$
declare
  write_scope text := coalesce(p_write_scope, p_read_scope);
begin
  execute format('alter table public.%I enable row level security', p_table);
  execute format('create policy %I on public.%I for select to authenticated using ((select app.reads_all()) or %s)',
                 p_table || '_select', p_table, p_read_scope);
  execute format('create policy %I on public.%I for insert to authenticated with check ((select app.is_org_admin()) or %s)',
                 p_table || '_insert', p_table, write_scope);
  execute format('create policy %I on public.%I for update to authenticated using ((select app.is_org_admin()) or %s) '
                 'with check ((select app.is_org_admin()) or %s)', p_table || '_update', p_table, write_scope, write_scope);
  execute format('create policy %I on public.%I for delete to authenticated using ((select app.is_org_admin()) or %s)',
                 p_table || '_delete', p_table, write_scope);
  execute format('revoke all on public.%I from anon', p_table);
  execute format('grant select, insert, update, delete on public.%I to authenticated', p_table);
  execute format('grant all on public.%I to service_role', p_table);
  execute format('create trigger %I before update on public.%I for each row execute function app.touch_updated_at()',
                 p_table || '_touch_updated_at', p_table);
  execute format('create trigger %I after insert or update or delete on public.%I '
                 'for each row execute function app.write_audit_log()', p_table || '_audit', p_table);
end;
$$;
comment on function app.register_table(text, text, text) is
  '迁移用: 为新登记表开启 RLS (三种角色的标准策略)、授权、updated_at 与变更记录触发器';

-- app.apply_field_limits: the same trigger and backstops the input-limits migration made for the first
-- tables, for a table created later (its app.field_limits rows inserted first). A new table has no rows yet,
-- so every constraint is valid at once.
create function app.apply_field_limits(p_table text)
returns void
language plpgsql
set search_path = ''
as $$
declare
  l app.field_limits;
  rule text;
  predicate text;
begin
  execute format('create trigger %I before insert or update on public.%I for each row execute function app.check_field_limits()',
                 p_table || '_field_limits', p_table);
  for l in select * from app.field_limits f where f.table_name = p_table order by f.position loop
    case l.kind
    when 'text' then
      rule := l.table_name || '_' || l.column_name || '_length';
      predicate := format('char_length(%I) <= %s', l.column_name, l.max_length);
    when 'number' then
      rule := l.table_name || '_' || l.column_name || '_finite';
      predicate := format('%I not in (''NaN''::numeric, ''Infinity''::numeric, ''-Infinity''::numeric)', l.column_name);
    when 'date' then
      rule := l.table_name || '_' || l.column_name || '_range';
      predicate := format('%I between %L::date and %L::date', l.column_name, app.earliest_date(), app.final_date());
    end case;
    if l.kind <> 'number' or (select c.data_type from information_schema.columns c
                               where c.table_schema = 'public' and c.table_name = l.table_name
                                 and c.column_name = l.column_name) = 'numeric' then
      execute format('alter table public.%I add constraint %I check (%s)', l.table_name, rule, predicate);
    end if;
    if l.kind = 'number' and l.max_value is not null then
      execute format('alter table public.%I add constraint %I check (%I <= %s)',
                     l.table_name, l.table_name || '_' || l.column_name || '_max', l.column_name, l.max_value);
    end if;
  end loop;
end;
$$;
comment on function app.apply_field_limits(text) is
  '迁移用: 按 app.field_limits 为新表建立长度、有限数值与日期范围的触发器和 CHECK 约束';

revoke all on function app.register_table(text, text, text) from public, anon, authenticated;
revoke all on function app.apply_field_limits(text) from public, anon, authenticated;

-- ---------------------------------------------------------------------------------------------------------
-- Settings: the thresholds (term lengths, branch size, spending margin, funds and training standards). Rows
-- come from migrations (the rule that reads a threshold brings its row); 组织部 edits the values, nobody adds
-- or removes a key through the API.
-- ---------------------------------------------------------------------------------------------------------
create table public.settings (
  id bigint generated always as identity primary key,
  key text not null,
  label text not null,
  value numeric not null,
  unit text not null default '',
  min_value numeric not null,
  max_value numeric not null,
  description text not null default '',
  position integer not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint settings_key_key unique (key),
  constraint settings_key_format check (key ~ '^[a-z][a-z0-9_]{0,62}$'),
  constraint settings_value_range check (value between min_value and max_value)
);
comment on table public.settings is '阈值设置: 待办与看板使用的标准 (换届任期、支部规模、经费进度偏差、经费与培训标准等), 由组织部修改';
comment on column public.settings.key is '设置项标识 (规则中引用的名称), 由迁移写入';
comment on column public.settings.label is '设置项中文名';
comment on column public.settings.value is '当前取值';
comment on column public.settings.unit is '单位 (年、人、%、元、学时等)';
comment on column public.settings.min_value is '允许的最小值';
comment on column public.settings.max_value is '允许的最大值';
comment on column public.settings.description is '说明: 哪些待办或看板使用它';
comment on column public.settings.position is '列表中的顺序';

create function app.check_settings() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if tg_op = 'UPDATE' and (new.key, new.label, new.unit, new.min_value, new.max_value, new.description, new.position)
       is distinct from (old.key, old.label, old.unit, old.min_value, old.max_value, old.description, old.position)
     and current_setting('app.maintenance', true) is distinct from 'on' then
    perform app.reject('settings_fixed', 'value', '设置项的名称、单位与取值范围由系统维护, 只能修改取值', '23514');
  end if;
  if new.value is null or new.value in ('NaN'::numeric, 'Infinity'::numeric, '-Infinity'::numeric)
     or new.value not between new.min_value and new.max_value then
    perform app.reject('settings_value_range', 'value',
      format('%s 的取值应在 %s 至 %s %s 之间', new.label, trim_scale(new.min_value), trim_scale(new.max_value), new.unit));
  end if;
  return new;
end;
$$;
create trigger settings_rules before insert or update on public.settings
  for each row execute function app.check_settings();

insert into app.field_limits (table_name, column_name, label, kind, max_length, max_value, years_ahead) values
  ('settings', 'key', '设置项标识', 'text', 63, null, null),
  ('settings', 'label', '设置项名称', 'text', 50, null, null),
  ('settings', 'unit', '单位', 'text', 10, null, null),
  ('settings', 'description', '说明', 'text', 500, null, null),
  ('settings', 'value', '取值', 'number', null, null, null),
  ('settings', 'min_value', '最小值', 'number', null, null, null),
  ('settings', 'max_value', '最大值', 'number', null, null, null);
select app.apply_field_limits('settings');
select app.register_table('settings', 'true', 'false');
-- Keys come from migrations: the API may change a value, never add or remove a setting.
revoke insert, delete on public.settings from authenticated;

-- One threshold by key, for rules and analytics: `(select app.setting('branch_max_members'))`.
create function app.setting(p_key text) returns numeric
language sql stable security definer
set search_path = ''
as $$ select s.value from public.settings s where s.key = p_key $$;
comment on function app.setting(text) is '读取一个阈值设置 (public.settings.value); 不存在时为空';
grant execute on function app.setting(text) to anon, authenticated, service_role;
