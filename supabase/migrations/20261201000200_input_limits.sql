-- The database refuses what no form would send: text longer than the form allows, numbers that are not numbers
-- (NaN: every comparison with it is false, so it switched the budget rules off), dates outside any sane range
-- (infinity, year 9999, a 入党日期 in the future), and a 正式党员 who joined less than a year ago.
--
-- One list of limits, `app.field_limits`, one row per limited column. It drives
--   - the trigger `<table>_field_limits` (BEFORE INSERT OR UPDATE, named so it fires before `<table>_rules`:
--     a 10,000-character code gets its zh-CN message here instead of reaching the unique index, whose
--     "index row requires … bytes" (54000) PostgREST answers with a technical 413);
--   - the CHECK constraints of the same rule names, the backstop for writes that bypass triggers;
--   - supabase/tests/input_limits.test.ts, which compares it with the form declarations in src/resources.tsx
--     (maxLength, max, maxYearsAhead), so the form and the database cannot drift apart.
-- Rule names: <table>_<column>_length | _finite | _max | _range; message zh-CN on the field (hint field:<column>).
-- Minimums stay where they were (amount > 0, headcount ≥ 0, … in the per-table rules).
--
-- Dates: always within 1921-07-01 (no record of a party organisation predates it) … 2100-12-31 (the last
-- budget or cycle year), and never later than today + `years_ahead` years: 0 for what has happened (成立, 换届,
-- 入党, 支出, 述职), more where a date may be planned (a coverage or partnership that starts next term, an
-- agreement's end). An evaluation cycle's dates follow its year, itself 2000–2100: null, the fixed range only.
-- "Today" moves, so that bound lives in the trigger only, checked when the date is written or changed (an old
-- row is not refused for an edit of another field); the CHECK backstop holds the fixed range.
-- Numeric columns with a typmod refuse ±Infinity by themselves (22003 "numeric field overflow", a 400 before any
-- trigger); NaN they accept, hence `finite`.

create table app.field_limits (
  table_name text not null,
  column_name text not null,
  position integer generated always as identity,
  label text not null,
  kind text not null,
  max_length integer,
  max_value numeric,
  years_ahead integer,
  primary key (table_name, column_name),
  constraint field_limits_kind check (kind in ('text', 'number', 'date')),
  constraint field_limits_text check ((kind = 'text') = (max_length is not null)),
  constraint field_limits_date check (kind = 'date' or years_ahead is null),
  constraint field_limits_number check (kind = 'number' or max_value is null)
);
comment on table app.field_limits is
  '字段限制 (与表单声明一致): 文本最多字数、数值须为有效数字及上限、日期不早于 1921-07-01 且不晚于今天 + years_ahead 年';
comment on column app.field_limits.label is '字段中文名, 用于错误提示';
comment on column app.field_limits.max_length is 'text: 最多字符数 (char_length, 不是字节数)';
comment on column app.field_limits.max_value is 'number: 上限 (可空); 每个 number 都拒绝 NaN 与 ±Infinity';
comment on column app.field_limits.years_ahead is 'date: 最晚为今天之后几年 (0 = 不能晚于今天; 空 = 仅固定范围至 2100-12-31)';

insert into app.field_limits (table_name, column_name, label, kind, max_length, max_value, years_ahead) values
  ('org_units', 'code', '组织编码', 'text', 32, null, null),
  ('org_units', 'name', '名称', 'text', 100, null, null),
  ('profiles', 'display_name', '显示名', 'text', 50, null, null),
  ('branches', 'code', '支部编码', 'text', 32, null, null),
  ('branches', 'name', '支部名称', 'text', 100, null, null),
  ('branches', 'founded_on', '成立日期', 'date', null, null, 0),
  ('branches', 'last_election_on', '最近换届日期', 'date', null, null, 0),
  ('members', 'name', '姓名', 'text', 50, null, null),
  ('members', 'student_or_staff_no', '学号/工号', 'text', 32, null, null),
  ('members', 'joined_on', '入党日期', 'date', null, null, 0),
  ('members', 'contact', '联系方式', 'text', 100, null, null),
  ('carriers', 'name', '名称', 'text', 100, null, null),
  ('carriers', 'headcount', '人数', 'number', null, 100000, null),
  ('carrier_coverages', 'started_on', '开始日期', 'date', null, null, 1),
  ('carrier_coverages', 'ended_on', '结束日期', 'date', null, null, 10),
  ('partnerships', 'partner_name', '共建单位名称', 'text', 100, null, null),
  ('partnerships', 'started_on', '开始日期', 'date', null, null, 1),
  ('partnerships', 'ended_on', '结束日期', 'date', null, null, 10),
  ('partnership_activities', 'held_on', '活动日期', 'date', null, null, 1),
  ('partnership_activities', 'title', '活动名称', 'text', 200, null, null),
  ('partnership_activities', 'participants', '参与人数', 'number', null, 100000, null),
  ('partnership_activities', 'outcome', '活动成效', 'text', 2000, null, null),
  ('fund_budgets', 'amount', '金额', 'number', null, 999999999999.99, null),
  ('fund_budgets', 'note', '备注', 'text', 500, null, null),
  ('fund_expenditures', 'spent_on', '支出日期', 'date', null, null, 0),
  ('fund_expenditures', 'amount', '金额', 'number', null, 999999999999.99, null),
  ('fund_expenditures', 'purpose', '用途', 'text', 200, null, null),
  ('fund_expenditures', 'voucher_no', '凭证号', 'text', 50, null, null),
  ('evaluation_cycles', 'title', '名称', 'text', 100, null, null),
  ('evaluation_cycles', 'starts_on', '开始日期', 'date', null, null, null),
  ('evaluation_cycles', 'ends_on', '结束日期', 'date', null, null, null),
  ('evaluation_cycles', 'weight_org', '组织评价权重', 'number', null, null, null),
  ('evaluation_cycles', 'weight_masses', '师生评价权重', 'number', null, null, null),
  ('branch_evaluations', 'report_submitted_on', '述职报告提交日期', 'date', null, null, 0),
  ('branch_evaluations', 'score_leadership', '有坚强有力的领导班子', 'number', null, null, null),
  ('branch_evaluations', 'score_backbone', '有本领过硬的骨干队伍', 'number', null, null, null),
  ('branch_evaluations', 'score_venue', '有功能实用的服务场所', 'number', null, null, null),
  ('branch_evaluations', 'score_carrier', '有形式多样的服务载体', 'number', null, null, null),
  ('branch_evaluations', 'score_system', '有健全完善的制度机制', 'number', null, null, null),
  ('branch_evaluations', 'score_performance', '有群众满意的服务业绩', 'number', null, null, null),
  ('branch_evaluations', 'satisfaction', '师生满意度', 'number', null, null, null),
  ('member_posts', 'post_title', '岗位', 'text', 100, null, null),
  ('member_posts', 'duties', '岗位职责', 'text', 2000, null, null),
  ('member_posts', 'targets', '考核目标', 'text', 2000, null, null),
  ('member_posts', 'self_review', '自评', 'text', 2000, null, null),
  ('member_reviews', 'comment', '评语', 'text', 2000, null, null);
-- (branch_evaluations.total is derived by the rules trigger from the finite scores, never typed in.)

revoke all on app.field_limits from public;
grant select on app.field_limits to service_role;

create function app.earliest_date() returns date
language sql immutable
set search_path = ''
as $$ select date '1921-07-01' $$;
comment on function app.earliest_date() is '任何日期字段的下限: 1921-07-01';

create function app.final_date() returns date
language sql immutable
set search_path = ''
as $$ select date '2100-12-31' $$;
comment on function app.final_date() is '任何日期字段的固定上限: 2100-12-31 (最后的预算与考核年度)';

create function app.latest_date(p_years_ahead integer) returns date
language sql stable
set search_path = ''
as $$ select least((current_date + make_interval(years => coalesce(p_years_ahead, 1000)))::date, app.final_date()) $$;
comment on function app.latest_date(integer) is '日期字段的上限: 今天 + p_years_ahead 年 (0 = 今天; 空 = 固定上限), 不晚于 2100-12-31';

-- One trigger function for every table: reads the row as jsonb and checks each limited column in form order.
-- SECURITY DEFINER so it can read app.field_limits, which the API roles cannot.
create function app.check_field_limits() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  new_row jsonb := to_jsonb(new);
  old_row jsonb := case when tg_op = 'UPDATE' then to_jsonb(old) end;
  l app.field_limits;
  v text;
  latest date;
begin
  for l in select * from app.field_limits f where f.table_name = tg_table_name order by f.position loop
    v := new_row ->> l.column_name; -- a numeric NaN / Infinity arrives as the string 'NaN' / 'Infinity'
    continue when v is null;
    case l.kind
    when 'text' then
      if char_length(v) > l.max_length then
        perform app.reject(tg_table_name || '_' || l.column_name || '_length', l.column_name,
                           format('%s不能超过 %s 个字', l.label, l.max_length));
      end if;
    when 'number' then
      if v in ('NaN', 'Infinity', '-Infinity') then
        perform app.reject(tg_table_name || '_' || l.column_name || '_finite', l.column_name,
                           format('%s必须是有效的数字', l.label));
      end if;
      if v::numeric > l.max_value then
        perform app.reject(tg_table_name || '_' || l.column_name || '_max', l.column_name,
                           format('%s不能大于 %s', l.label, l.max_value));
      end if;
    when 'date' then
      if v::date < app.earliest_date() then
        perform app.reject(tg_table_name || '_' || l.column_name || '_range', l.column_name,
                           format('%s不能早于 %s', l.label, app.earliest_date()));
      end if;
      -- Checked for a date being written: an old row is not refused (by the moving bound) for an edit elsewhere.
      if tg_op = 'INSERT' or v is distinct from old_row ->> l.column_name then
        latest := app.latest_date(l.years_ahead);
        if v::date > latest then
          perform app.reject(tg_table_name || '_' || l.column_name || '_range', l.column_name,
                             case when l.years_ahead = 0 then format('%s不能晚于今天', l.label)
                                  else format('%s不能晚于 %s', l.label, latest) end);
        end if;
      end if;
    end case;
  end loop;
  return new;
end;
$$;
comment on function app.check_field_limits() is
  'BEFORE INSERT OR UPDATE: 按 app.field_limits 检查字数、有效数字与上限、日期范围, 中文提示落在字段上';

-- A 正式党员 has passed the probationary year: joined at least a year before today. (A 预备党员 whose year is up
-- is a to-do for the branch, not an error.) Its own trigger so the per-table rules function stays as it was.
create function app.check_members_probation() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  if new.status = 'full' and new.joined_on > (current_date - interval '1 year')::date
     and (tg_op = 'INSERT' or (new.status, new.joined_on) is distinct from (old.status, old.joined_on)) then
    perform app.reject('members_full_member_probation', 'joined_on', '正式党员的入党日期须早于一年前 (预备期一年)');
  end if;
  return new;
end;
$$;
comment on function app.check_members_probation() is '正式党员须已满一年预备期: 入党日期不晚于一年前';

revoke all on all functions in schema app from public;
grant execute on all functions in schema app to anon, authenticated, service_role;

-- Triggers and backstop constraints from the list. A constraint is added NOT VALID and then validated, unless
-- rows already break it (data entered before this rule): then it guards every new write and the migration says
-- which constraint still has old rows to correct, instead of failing or rewriting them.
do $$
declare
  t text;
  l app.field_limits;
  rule text;
  predicate text;
  broken bigint;
begin
  for t in select distinct f.table_name from app.field_limits f order by 1 loop
    execute format('create trigger %I before insert or update on public.%I for each row execute function app.check_field_limits()',
                   t || '_field_limits', t);
  end loop;
  for l in select * from app.field_limits f order by f.position loop
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
    -- (an integer cannot hold NaN: the number backstop for it is only the maximum)
    if l.kind <> 'number' or (select c.data_type from information_schema.columns c
                               where c.table_schema = 'public' and c.table_name = l.table_name
                                 and c.column_name = l.column_name) = 'numeric' then
      execute format('alter table public.%I add constraint %I check (%s) not valid', l.table_name, rule, predicate);
    end if;
    if l.kind = 'number' and l.max_value is not null then
      execute format('alter table public.%I add constraint %I check (%I <= %s) not valid',
                     l.table_name, l.table_name || '_' || l.column_name || '_max', l.column_name, l.max_value);
    end if;
  end loop;
  -- Validate the ones the existing rows satisfy (all of them on the seed data).
  for rule, t, predicate in
    select c.conname, c.conrelid::regclass::text, pg_get_expr(c.conbin, c.conrelid)
      from pg_constraint c join app.field_limits f on c.conrelid = ('public.' || f.table_name)::regclass
     where c.contype = 'c' and not c.convalidated
       and c.conname in (f.table_name || '_' || f.column_name || '_length', f.table_name || '_' || f.column_name || '_finite',
                         f.table_name || '_' || f.column_name || '_max', f.table_name || '_' || f.column_name || '_range')
  loop
    execute format('select count(*) from %s where not (%s)', t, predicate) into broken;
    if broken = 0 then
      execute format('alter table %s validate constraint %I', t, rule);
    else
      raise warning '%: % existing rows break rule %; new writes are checked, please correct them', t, broken, rule;
    end if;
  end loop;
end;
$$;

create trigger members_probation before insert or update on public.members
  for each row execute function app.check_members_probation();
