-- Import from a spreadsheet (issue 9, DESIGN.md "Import and export"): one function for every register,
-- public.import_rows(table, rows, mode, dry_run, file_name). The browser reads the file, maps headings to
-- columns and converts what it can (enum labels, dates, amounts); it resolves nothing. Here, as the caller
-- (security invoker: RLS applies):
--   * references are resolved by natural key (org unit by code or name, branch by code, member by 学号/工号,
--     carrier by unit + kind + name, budget by year + unit + branch + category, cycle by year), from the
--     declarations in app.import_keys and the table's own foreign keys: no branch per table here;
--   * every row goes through the same constraints and triggers as a form save, each in its own savepoint, so
--     every error is collected (row, column from the error's hint field:<column>, zh-CN message);
--   * all rows are written or none: with any error, or with p_dry_run, everything is rolled back;
--   * p_mode 'upsert' matches existing rows on app.import_targets.upsert_key and counts created / updated /
--     unchanged;
--   * one import id (public.imports) on every audit entry it causes (audit_log.import_id, through the
--     transaction-local setting app.import_id that app.write_audit_log() reads).
-- A later register opts in with one row in app.import_targets (and one in app.import_keys if others refer to it
-- by a natural key).

-- ---------------------------------------------------------------------------------------------------------
-- Declarations
-- ---------------------------------------------------------------------------------------------------------
create table app.import_targets (
  table_name text primary key,
  upsert_key text[],
  scope_column text
);
comment on table app.import_targets is '可导入的登记表: 一行一个表; upsert_key 为"新增或更新"匹配的列 (为空: 只能新增)';
comment on column app.import_targets.upsert_key is '"新增或更新"时按这些列 (引用解析后的值) 找已有记录';
comment on column app.import_targets.scope_column is '越权 (RLS) 拒绝时错误标在哪一列 (决定所属单位的列)';

create table app.import_keys (
  ref_table text primary key,
  noun text not null,
  text_columns text[] not null default '{}',
  part_columns text[]
);
comment on table app.import_keys is '表格中如何写出对某表的引用 (自然键); 引用列由外键自动找出';
comment on column app.import_keys.noun is '错误信息中的名称, 如"支部"';
comment on column app.import_keys.text_columns is '单元格文字等于其中任一列即匹配 (如二级党组织: 编码或名称)';
comment on column app.import_keys.part_columns is
  '组合键: 浏览器发来 {列: 值} 对象, 每一列都须相等; 本身是引用的列再按被引用表的自然键解析, 空值匹配空';

insert into app.import_keys (ref_table, noun, text_columns, part_columns) values
  ('org_units', '二级党组织', '{code,name}', null),
  ('branches', '支部', '{code}', null),
  ('members', '党员', '{student_or_staff_no}', null),
  ('evaluation_cycles', '考核周期', '{year}', null),
  ('carriers', '载体', '{}', '{org_unit_id,kind,name}'),
  ('partnerships', '共建', '{}', '{branch_id,partner_name}'),
  ('fund_budgets', '预算', '{}', '{fiscal_year,org_unit_id,branch_id,category}');

insert into app.import_targets (table_name, upsert_key, scope_column) values
  ('org_units', '{code}', null),
  ('branches', '{code}', 'org_unit_id'),
  ('members', '{student_or_staff_no}', 'branch_id'),
  ('carriers', '{org_unit_id,kind,name}', 'org_unit_id'),
  ('carrier_coverages', null, 'branch_id'),
  ('partnerships', null, 'branch_id'),
  ('partnership_activities', null, 'partnership_id'),
  ('fund_budgets', '{fiscal_year,org_unit_id,branch_id,category}', 'branch_id'),
  ('fund_expenditures', null, 'budget_id'),
  ('branch_evaluations', '{cycle_id,branch_id}', 'branch_id'),
  ('member_posts', '{member_id,year}', 'member_id'),
  ('member_reviews', '{cycle_id,member_id}', 'member_id');

-- ---------------------------------------------------------------------------------------------------------
-- The import record: who imported what, when, with which counts. Written only by import_rows (through the
-- security-definer helpers below), kept only when the import was written.
-- ---------------------------------------------------------------------------------------------------------
create table public.imports (
  id bigint generated always as identity primary key,
  table_name text not null,
  mode text not null,
  file_name text,
  actor_id uuid,
  actor_name text not null,
  org_unit_id bigint references public.org_units (id) on delete set null,
  row_count integer not null default 0,
  created integer not null default 0,
  updated integer not null default 0,
  unchanged integer not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.imports is '导入记录: 每次成功导入一条 (谁、何时、哪个登记表、新增/更新/未变条数); 变更记录按导入编号筛选';
comment on column public.imports.table_name is '导入的登记表';
comment on column public.imports.mode is '导入方式: insert 新增 / upsert 新增或更新';
comment on column public.imports.file_name is '上传的文件名';
comment on column public.imports.actor_id is '导入人 auth.users.id';
comment on column public.imports.actor_name is '导入人显示名';
comment on column public.imports.org_unit_id is '二级党组织管理员导入时为其单位; 组织部导入时为空';
comment on column public.imports.row_count is '导入的行数';
comment on column public.imports.created is '新增条数';
comment on column public.imports.updated is '更新条数';
comment on column public.imports.unchanged is '未变条数 (新增或更新时与已有记录相同)';
create index imports_created_at_idx on public.imports (created_at desc);
create index imports_org_unit_id_idx on public.imports (org_unit_id);

insert into app.field_limits (table_name, column_name, label, kind, max_length, max_value, years_ahead) values
  ('imports', 'table_name', '登记表', 'text', 63, null, null),
  ('imports', 'mode', '导入方式', 'text', 10, null, null),
  ('imports', 'file_name', '文件名', 'text', 255, null, null),
  ('imports', 'actor_name', '导入人', 'text', 100, null, null);
select app.apply_field_limits('imports');

alter table public.imports enable row level security;
create policy imports_select on public.imports for select to authenticated
  using ((select app.reads_all()) or org_unit_id = (select app.committee_org_unit_id()) or actor_id = (select auth.uid()));
revoke all on public.imports from anon, authenticated;
grant select on public.imports to authenticated;
grant all on public.imports to service_role;

alter table public.audit_log add column import_id bigint;
comment on column public.audit_log.import_id is '由哪次导入造成 (imports.id); 为空表示逐条编辑';
create index audit_log_import_id_idx on public.audit_log (import_id) where import_id is not null;

-- The audit trigger of 20261125000300_audit_log.sql, now also recording the import the change belongs to.
create or replace function app.write_audit_log() returns trigger
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
                                old_values, new_values, changed_columns, import_id)
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
    changed,
    -- set by public.import_rows for its own transaction only
    nullif(current_setting('app.import_id', true), '')::bigint
  );
  return null;
end;
$$;
comment on function app.write_audit_log() is 'AFTER 行触发器: 每次增删改写一条变更记录 (导入时带导入编号)';

create function app.begin_import(p_table text, p_mode text, p_file_name text) returns bigint
language sql security definer
set search_path = ''
as $$
  insert into public.imports (table_name, mode, file_name, actor_id, actor_name, org_unit_id)
  values (p_table, p_mode, left(p_file_name, 255), auth.uid(),
          coalesce((select p.display_name from public.profiles p where p.user_id = auth.uid()), auth.jwt() ->> 'email', '系统'),
          app.committee_org_unit_id())
  returning id
$$;
comment on function app.begin_import(text, text, text) is 'import_rows 用: 建立导入记录, 返回导入编号';

create function app.finish_import(p_id bigint, p_rows integer, p_created integer, p_updated integer, p_unchanged integer)
returns void
language sql security definer
set search_path = ''
as $$
  update public.imports set row_count = p_rows, created = p_created, updated = p_updated, unchanged = p_unchanged
   where id = p_id
$$;
comment on function app.finish_import(bigint, integer, integer, integer, integer) is 'import_rows 用: 写入导入记录的条数';

-- ---------------------------------------------------------------------------------------------------------
-- Natural keys. app.import_resolve_texts: every distinct cell text of one reference column at once (one query),
-- as {text: [ids]}; app.import_resolve_parts: one composite key object, as [ids]. An empty array is an unknown
-- key, more than one id an ambiguous one. Both run as the caller: a row the caller cannot see is unknown.
-- ---------------------------------------------------------------------------------------------------------
create function app.import_resolve_texts(p_ref_table text, p_texts text[]) returns jsonb
language plpgsql stable
set search_path = ''
as $$
declare
  k app.import_keys;
  matches text;
  result jsonb;
begin
  select * into k from app.import_keys where ref_table = p_ref_table;
  if k is null or cardinality(k.text_columns) = 0 then
    return '{}';
  end if;
  select string_agg(format('r.%I::text = t.key', c), ' or ') into matches from unnest(k.text_columns) c;
  execute format(
    'select coalesce(jsonb_object_agg(t.key, t.ids), ''{}'') from (
       select t.key, coalesce(jsonb_agg(distinct r.id) filter (where r.id is not null), ''[]'') as ids
         from unnest($1::text[]) t(key) left join public.%I r on (%s)
        group by t.key) t', p_ref_table, matches)
    into result using p_texts;
  return result;
end;
$$;

create function app.import_resolve_parts(p_ref_table text, p_key jsonb) returns jsonb
language plpgsql stable
set search_path = ''
as $$
declare
  k app.import_keys;
  part text;
  v jsonb;
  target text;
  ids jsonb;
  conditions text[] := '{}';
  result jsonb;
begin
  select * into k from app.import_keys where ref_table = p_ref_table;
  if k is null or k.part_columns is null or jsonb_typeof(p_key) <> 'object' then
    return '[]';
  end if;
  foreach part in array k.part_columns loop
    v := p_key -> part;
    if v is null or v = 'null' or btrim(v #>> '{}') = '' then
      conditions := conditions || format('r.%I is null', part);
      continue;
    end if;
    target := app.import_reference(p_ref_table, part);
    if target is null then
      conditions := conditions || format('r.%I::text = %L', part, btrim(v #>> '{}'));
    else
      ids := case when jsonb_typeof(v) = 'object' then app.import_resolve_parts(target, v)
                  else coalesce(app.import_resolve_texts(target, array[btrim(v #>> '{}')]) -> btrim(v #>> '{}'), '[]') end;
      conditions := conditions || format('r.%I in (select (jsonb_array_elements_text(%L::jsonb))::bigint)', part, ids);
    end if;
  end loop;
  execute format('select coalesce(jsonb_agg(r.id), ''[]'') from public.%I r where %s', p_ref_table,
                 array_to_string(conditions, ' and '))
    into result;
  return result;
end;
$$;

-- The table a column refers to (a single-column foreign key), when that table has a declared natural key.
create function app.import_reference(p_table text, p_column text) returns text
language sql stable
set search_path = ''
as $$
  select t.relname::text
    from pg_catalog.pg_constraint c
    join pg_catalog.pg_class t on t.oid = c.confrelid
    join pg_catalog.pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
   where c.conrelid = to_regclass('public.' || p_table) and c.contype = 'f' and cardinality(c.conkey) = 1
     and a.attname = p_column
     and exists (select 1 from app.import_keys k where k.ref_table = t.relname::text)
   limit 1
$$;

-- A refused row as {column, message}: the rule's own zh-CN message and field when it came from app.reject;
-- a readable message for what the column types and constraints refuse by themselves.
create function app.import_error(p_table text, p_state text, p_message text, p_hint text, p_column text,
                                 p_constraint text, p_row jsonb, p_scope_column text)
returns jsonb
language plpgsql stable
set search_path = ''
as $$
declare
  col text := p_column;
  msg text;
  c text;
  type_name text;
begin
  if p_hint like 'field:%' then
    return jsonb_build_object('column', substr(p_hint, 7), 'message', p_message);
  end if;
  if p_state = '23502' then
    return jsonb_build_object('column', col, 'message', '必填, 不能为空');
  end if;
  if p_state in ('23505', '23514', '23503') and col is null and p_constraint is not null then
    select a.attname into col
      from pg_catalog.pg_constraint k join pg_catalog.pg_attribute a on a.attrelid = k.conrelid and a.attnum = k.conkey[1]
     where k.conrelid = to_regclass('public.' || p_table) and k.conname = p_constraint;
    if col is null then -- a unique index (not a constraint): its first column
      select a.attname into col
        from pg_catalog.pg_index i join pg_catalog.pg_attribute a on a.attrelid = i.indrelid and a.attnum = i.indkey[0]
       where i.indexrelid = to_regclass('public.' || p_constraint);
    end if;
  end if;
  case
  when p_state = '23505' then
    msg := '与已有记录重复 (或与文件中前面的行重复)';
  when p_state = '23503' then
    msg := '引用的记录不存在';
  when p_state = '23514' then
    msg := '不符合数据规则';
  when p_state = '42501' then
    return jsonb_build_object('column', p_scope_column, 'message', '无权导入这一行: 只能导入本单位的记录');
  when p_state like '22%' then
    -- which value the column's type refused: cast each given value on its own
    for c, type_name in
      select a.attname::text, pg_catalog.format_type(a.atttypid, a.atttypmod)
        from pg_catalog.pg_attribute a
       where a.attrelid = to_regclass('public.' || p_table) and a.attnum > 0 and not a.attisdropped
         and p_row ? a.attname::text
    loop
      begin
        execute format('select ($1 ->> %L)::%s', c, type_name) using p_row;
      exception when others then
        col := c;
        msg := format('「%s」', p_row ->> c) || case
          when type_name = 'date' then '不是有效的日期 (应为 2024-03-05 这样的日期)'
          when type_name in ('smallint', 'integer', 'bigint') or type_name like 'numeric%' then
            case when sqlstate = '22003' then '超出数值范围' else '不是有效的数字' end
          when type_name = 'boolean' then '应为 是 或 否'
          when type_name like 'public.%' then '不是允许的取值'
          else '不是有效的值' end;
        exit;
      end;
    end loop;
    msg := coalesce(msg, '值无效');
  else
    msg := p_message;
  end case;
  return jsonb_build_object('column', col, 'message', msg);
end;
$$;

-- ---------------------------------------------------------------------------------------------------------
-- public.import_rows
--   p_rows: [{"_row": 2, "<column>": value, ...}, ...]: _row is the spreadsheet row number shown in errors;
--           an empty cell is left out (on insert the column's default applies, on update the value is kept);
--           a reference is the cell text, or for a composite key an object {part column: value}.
--   returns {dry_run, written, import_id, rows, created, updated, unchanged, error_rows,
--            errors: [{row, column, message}]}
-- Speed: the rows are written a chunk at a time, each chunk in one statement per kind of write (match,
-- update, insert), so 10,000 rows cost a few dozen statements, not 10,000 plans and savepoints. A chunk that
-- fails is split in two and retried, down to the single row whose error is then recorded: the rows before a
-- failing one stay written (later rows see them, as in a row-by-row save), the failing row does not.
-- ---------------------------------------------------------------------------------------------------------
create function public.import_rows(p_table text, p_rows jsonb, p_mode text default 'insert',
                                   p_dry_run boolean default true, p_file_name text default null)
returns jsonb
language plpgsql security invoker
set search_path = ''
as $$
declare
  max_rows constant integer := 20000;
  chunk_size constant integer := 500;
  caller public.app_role := app.current_role();
  target app.import_targets;
  writable text[];
  present text[];
  refs jsonb := '{}';     -- reference column -> referenced table
  resolved jsonb := '{}'; -- reference column -> {cell text: [ids]}
  ref_column text;
  ref_table text;
  texts text[];
  obj jsonb;
  n_rows integer;
  batch jsonb := '[]';    -- the rows to write: [{"o": position, "n": row number, "r": row}]
  n_batch integer := 0;
  -- accumulated in arrays, which plpgsql appends to in place (a jsonb || in a loop copies the whole value)
  good jsonb[] := '{}';   -- rows without cell errors
  good_keys text[] := '{}'; -- upsert: their natural keys
  errors_arr jsonb[] := '{}';
  duplicates jsonb[];
  problems jsonb;
  error_count integer := 0;
  created integer := 0;
  updated integer := 0;
  unchanged integer := 0;
  import_id bigint;
  rec jsonb;
  match_sql text;
  update_sql text;
  insert_sql text;
  slice text;
  matched jsonb;
  n_updated integer;
  n_inserted integer;
  stack_lo integer[];
  stack_hi integer[];
  lo integer;
  hi integer;
  mid integer;
  e_state text; e_message text; e_hint text; e_column text; e_constraint text;
  err jsonb;
begin
  if caller is distinct from 'org_admin' and caller is distinct from 'committee_admin' then
    perform app.reject('import_rows_not_allowed', null, '只有组织部或二级党组织管理员可以导入', '42501');
  end if;
  select * into target from app.import_targets t where t.table_name = p_table;
  if target is null then
    perform app.reject('import_rows_table', 'table', '该登记表不支持导入', '22023');
  end if;
  if p_mode is null or p_mode not in ('insert', 'upsert') then
    perform app.reject('import_rows_mode', 'mode', '导入方式只能是 新增 或 新增或更新', '22023');
  end if;
  if p_mode = 'upsert' and target.upsert_key is null then
    perform app.reject('import_rows_mode', 'mode', '该登记表只能新增, 不能按已有记录更新', '22023');
  end if;
  if p_rows is null or jsonb_typeof(p_rows) <> 'array' then
    perform app.reject('import_rows_rows', 'rows', '导入的数据应为行的列表', '22023');
  end if;
  n_rows := jsonb_array_length(p_rows);
  if n_rows = 0 then
    perform app.reject('import_rows_rows', 'rows', '文件中没有数据行', '22023');
  end if;
  if n_rows > max_rows then
    perform app.reject('import_rows_rows', 'rows',
      format('一次最多导入 %s 行 (本次 %s 行), 请分成几个文件导入', to_char(max_rows, 'FM99,999'), to_char(n_rows, 'FM999,999,999')), '22023');
  end if;
  if exists (select 1 from jsonb_array_elements(p_rows) e where jsonb_typeof(e) <> 'object') then
    perform app.reject('import_rows_rows', 'rows', '每一行应为 列名: 值 的对象', '22023');
  end if;

  -- The columns a row may set: not the id, the timestamps or generated columns.
  select array_agg(a.attname::text order by a.attnum) into writable
    from pg_catalog.pg_attribute a
   where a.attrelid = to_regclass('public.' || p_table) and a.attnum > 0 and not a.attisdropped
     and a.attidentity = '' and a.attgenerated = '' and a.attname not in ('id', 'created_at', 'updated_at');

  -- Resolve every reference column's natural keys up front: all distinct texts in one query per column.
  foreach ref_column in array writable loop
    ref_table := app.import_reference(p_table, ref_column);
    continue when ref_table is null;
    refs := refs || jsonb_build_object(ref_column, ref_table);
    select array_agg(distinct btrim(e ->> ref_column)) into texts
      from jsonb_array_elements(p_rows) e where jsonb_typeof(e -> ref_column) in ('string', 'number');
    resolved := resolved || jsonb_build_object(ref_column,
      case when texts is null then '{}'::jsonb else app.import_resolve_texts(ref_table, texts) end);
    for obj in select distinct e -> ref_column from jsonb_array_elements(p_rows) e
                where jsonb_typeof(e -> ref_column) = 'object' loop
      resolved := jsonb_set(resolved, array[ref_column, obj::text], app.import_resolve_parts(ref_table, obj));
    end loop;
  end loop;

  -- Each row: unknown columns and unresolved references are errors on their cells; the rest go to the batch.
  -- One statement over every cell (not a loop per row): references replaced by their ids.
  with cells as (
    select e.ordinality::integer as ord,
           case when jsonb_typeof(e.value -> '_row') = 'number' then (e.value ->> '_row')::numeric::integer
                else e.ordinality::integer end as row_no,
           kv.key, kv.value,
           case when refs ? kv.key and kv.value <> 'null' then
             coalesce(resolved -> kv.key -> (case when jsonb_typeof(kv.value) = 'object' then kv.value::text
                                                  else btrim(kv.value #>> '{}') end), '[]') end as ids,
           ik.noun
      from jsonb_array_elements(p_rows) with ordinality e
      left join lateral jsonb_each(e.value - '_row') kv on true
      left join app.import_keys ik on ik.ref_table = refs ->> kv.key),
  judged as (
    select c.ord, c.row_no, c.key,
           case when c.ids is not null and jsonb_array_length(c.ids) = 1 then c.ids -> 0 else c.value end as value,
           case
             when c.key is null then null
             when not (c.key = any(writable)) then '不是可导入的列'
             when c.ids is null or jsonb_array_length(c.ids) = 1 then null
             -- a composite key's parts hold converted values (enum names): the message names the parts instead
             when jsonb_typeof(c.value) = 'object' then
               case when jsonb_array_length(c.ids) = 0 then format('未找到对应的%s (各部分须与已有记录一致)', c.noun)
                    else format('对应的%s不唯一 (有 %s 个)', c.noun, jsonb_array_length(c.ids)) end
             when jsonb_array_length(c.ids) = 0 then format('未找到%s「%s」', c.noun, btrim(c.value #>> '{}'))
             else format('%s「%s」不唯一 (有 %s 个), 请写得更具体, 如用编码', c.noun, btrim(c.value #>> '{}'), jsonb_array_length(c.ids))
           end as problem
      from cells c),
  per_row as (
    select j.ord, j.row_no,
           coalesce(jsonb_object_agg(j.key, j.value) filter (where j.key is not null), '{}') as rec,
           jsonb_agg(jsonb_build_object('row', j.row_no, 'column', j.key, 'message', j.problem) order by j.key)
             filter (where j.problem is not null) as problems
      from judged j
     group by j.ord, j.row_no)
  select coalesce(array_agg(jsonb_build_object('n', r.row_no, 'r', r.rec) order by r.ord) filter (where r.problems is null), '{}'),
         case when p_mode = 'upsert' then
           coalesce(array_agg((select jsonb_agg(coalesce(r.rec -> c, 'null') order by c)::text from unnest(target.upsert_key) c) order by r.ord)
                      filter (where r.problems is null), '{}') end,
         count(*) filter (where r.problems is not null),
         coalesce(jsonb_agg(r.problems) filter (where r.problems is not null), '[]')
    into good, good_keys, error_count, problems
    from per_row r;
  errors_arr := array(select e from jsonb_array_elements(problems) p, jsonb_array_elements(p) e);

  -- Upsert: one row per natural key (a second one would silently overwrite the first); the batch in file order.
  with g as (select x.r, x.k, x.i,
                    first_value((x.r ->> 'n')) over (partition by x.k order by x.i) as first_row,
                    row_number() over (partition by x.k order by x.i) as nth
               from unnest(good, case when p_mode = 'upsert' then good_keys else null end) with ordinality x(r, k, i))
  select coalesce(jsonb_agg(jsonb_build_object('o', g.i - 1, 'n', g.r -> 'n', 'r', g.r -> 'r') order by g.i)
                    filter (where g.k is null or g.nth = 1), '[]'),
         coalesce(array_agg(jsonb_build_object('row', (g.r ->> 'n')::integer, 'column', target.upsert_key[cardinality(target.upsert_key)],
                                               'message', format('与第 %s 行重复 (同一条记录只能出现一次)', g.first_row)))
                    filter (where g.k is not null and g.nth > 1), '{}')
    into batch, duplicates
    from g;
  errors_arr := errors_arr || duplicates;
  error_count := error_count + cardinality(duplicates);
  n_batch := jsonb_array_length(batch);
  -- The statements for one chunk ($1 the batch, $2 the jsonpath of the chunk, $3 {position: existing id}).
  -- A column no row mentions is left out (its default applies); a cell left out on insert gets the default.
  select array_agg(c order by c) into present
    from (select distinct jsonb_object_keys(e -> 'r') c from jsonb_array_elements(batch) e) x;
  if present is not null then
    select format('insert into public.%I (%s) select %s from jsonb_path_query($1, $2::jsonpath) s(e) '
                  'cross join lateral jsonb_populate_record(null::public.%I, s.e -> ''r'') p where not ($3 ? (s.e ->> ''o''))',
                  p_table,
                  string_agg(format('%I', c), ', '),
                  string_agg(format('case when s.e -> ''r'' ? %L then p.%I else %s end', c, c,
                                    coalesce((select pg_catalog.pg_get_expr(d.adbin, d.adrelid) from pg_catalog.pg_attrdef d
                                               join pg_catalog.pg_attribute a on a.attrelid = d.adrelid and a.attnum = d.adnum
                                              where d.adrelid = to_regclass('public.' || p_table) and a.attname = c), 'null')), ', '),
                  p_table)
      into insert_sql from unnest(present) c;
    if p_mode = 'upsert' then
      select format('select coalesce(jsonb_object_agg(s.e ->> ''o'', t.id), ''{}'') from jsonb_path_query($1, $2::jsonpath) s(e) '
                    'cross join lateral jsonb_populate_record(null::public.%I, s.e -> ''r'') p join public.%I t on %s',
                    p_table, p_table,
                    string_agg(case when a.attnotnull then format('t.%I = p.%I', c, c)
                                    else format('t.%I is not distinct from p.%I', c, c) end, ' and '))
        into match_sql
        from unnest(target.upsert_key) c
        join pg_catalog.pg_attribute a on a.attrelid = to_regclass('public.' || p_table) and a.attname = c;
      -- only a row that differs is written (and audited): the rest count as unchanged
      select format('with u as (update public.%I t set %s from jsonb_path_query($1, $2::jsonpath) s(e) '
                    'cross join lateral jsonb_populate_record(null::public.%I, s.e -> ''r'') p '
                    'where t.id = ($3 ->> (s.e ->> ''o''))::bigint and (%s, null) is distinct from (%s, null) returning 1) '
                    'select count(*) from u',
                    p_table,
                    string_agg(format('%I = case when s.e -> ''r'' ? %L then p.%I else t.%I end', c, c, c, c), ', '),
                    p_table,
                    string_agg(format('t.%I', c), ', '),
                    string_agg(format('case when s.e -> ''r'' ? %L then p.%I else t.%I end', c, c, c), ', '))
        into update_sql from unnest(present) c;
    end if;
  end if;

  begin -- everything below is undone at the end unless it is a real import without errors
    import_id := app.begin_import(p_table, p_mode, p_file_name);
    perform set_config('app.import_id', import_id::text, true);
    if p_dry_run then
      -- a check is rolled back whatever happens: its audit entries would be written only to be undone
      perform set_config('app.audit_disabled', 'on', true);
    end if;

    -- chunks in file order: a stack of ranges, the earlier half on top
    lo := 0;
    while lo < n_batch loop
      stack_lo := array_prepend(lo, stack_lo);
      stack_hi := array_prepend(least(lo + chunk_size, n_batch) - 1, stack_hi);
      lo := lo + chunk_size;
    end loop;
    stack_lo := array(select unnest(stack_lo) order by 1);
    stack_hi := array(select unnest(stack_hi) order by 1);
    while cardinality(stack_lo) > 0 loop
      lo := stack_lo[1];
      hi := stack_hi[1];
      stack_lo := stack_lo[2:];
      stack_hi := stack_hi[2:];
      slice := format('$[%s to %s]', lo, hi);
      begin
        matched := '{}';
        n_updated := 0;
        if p_mode = 'upsert' then
          execute match_sql into matched using batch, slice;
          if matched <> '{}' then
            execute update_sql into n_updated using batch, slice, matched;
          end if;
        end if;
        execute insert_sql using batch, slice, matched;
        get diagnostics n_inserted = row_count;
        created := created + n_inserted;
        updated := updated + n_updated;
        unchanged := unchanged + (select count(*) from jsonb_object_keys(matched))::integer - n_updated;
      exception when others then
        get stacked diagnostics e_state = returned_sqlstate, e_message = message_text, e_hint = pg_exception_hint,
                                e_column = column_name, e_constraint = constraint_name;
        if e_state in ('57014', '55P03', '40001', '40P01', '53100', '53200', '54001') then
          raise; -- timeouts, locks, resources: the import as a whole failed, not a row
        end if;
        if lo < hi then
          mid := (lo + hi) / 2;
          stack_lo := array[lo, mid + 1] || stack_lo;
          stack_hi := array[mid, hi] || stack_hi;
        else
          rec := batch -> lo;
          err := app.import_error(p_table, e_state, e_message, nullif(e_hint, ''), nullif(e_column, ''),
                                  nullif(e_constraint, ''), rec -> 'r', target.scope_column);
          errors_arr := array_append(errors_arr, jsonb_build_object('row', (rec ->> 'n')::integer, 'column', err -> 'column', 'message', err -> 'message'));
          error_count := error_count + 1;
        end if;
      end;
    end loop;

    perform set_config('app.import_id', '', true);
    if error_count > 0 or p_dry_run then
      raise exception using errcode = 'P0099', message = 'import_rows: roll back';
    end if;
    perform app.finish_import(import_id, n_rows, created, updated, unchanged);
  exception when sqlstate 'P0099' then
    import_id := null; -- rolled back: nothing written, no import record
  end;

  return jsonb_build_object('dry_run', p_dry_run, 'written', import_id is not null, 'import_id', import_id,
                            'rows', n_rows, 'created', created, 'updated', updated, 'unchanged', unchanged,
                            'error_rows', error_count,
                            'errors', (select coalesce(jsonb_agg(e order by (e ->> 'row')::integer), '[]') from unnest(errors_arr) e));
end;
$$;
comment on function public.import_rows(text, jsonb, text, boolean, text) is
  '导入: 按自然键解析引用, 每行经与表单保存相同的约束和触发器检查, 收集全部错误; 有错误或仅检查时不写入任何行';

revoke all on function public.import_rows(text, jsonb, text, boolean, text) from public, anon;
grant execute on function public.import_rows(text, jsonb, text, boolean, text) to authenticated, service_role;
revoke all on table app.import_targets, app.import_keys from public;
grant select on table app.import_targets, app.import_keys to authenticated, service_role;
revoke all on function app.begin_import(text, text, text), app.finish_import(bigint, integer, integer, integer, integer),
  app.import_resolve_texts(text, text[]), app.import_resolve_parts(text, jsonb), app.import_reference(text, text),
  app.import_error(text, text, text, text, text, text, jsonb, text) from public;
grant execute on function app.begin_import(text, text, text), app.finish_import(bigint, integer, integer, integer, integer),
  app.import_resolve_texts(text, text[]), app.import_resolve_parts(text, jsonb), app.import_reference(text, text),
  app.import_error(text, text, text, text, text, text, jsonb, text) to authenticated, service_role;
