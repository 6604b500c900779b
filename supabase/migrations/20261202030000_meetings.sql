-- 组织生活 (§8, §14): the meetings a committee records for its branches (三会一课, 主题党日, the year-end 组织生活会)
-- and for itself (书记座谈会), who attended and who was absent with a reason, and the frequency each branch is
-- expected to hold them at (meeting_standards: data that 组织部 edits, not code).
--
--   meetings            one meeting: unit always, branch for the branch kinds (null for a 书记座谈会); expected /
--                       present / absent counts are derived from meeting_attendance, never typed in
--   meeting_attendance  one member per meeting: present, or absent with a reason; members of the meeting's
--                       branch only (for a 书记座谈会: the unit's branch secretaries)
--   meeting_standards   kind -> frequency (monthly / quarterly / yearly) and how many per period
--
-- Completion (the 组织生活 dashboard and the home card): every active branch owes each standard's kind
-- `per_period` meetings in every period (month, quarter or year) that has begun by the day it is read on and
-- after the branch was founded; a period's held count is capped at what it owes (two 支部委员会 in October do
-- not make up for none in November). A quarter's status per kind is 已完成 when every period of that kind that
-- touches the quarter and has begun is met (a yearly kind: this year's one is held by the quarter's end).
-- In the per-quarter rates a yearly period belongs to the quarter it ends in (Q4), so it is counted once.
--
-- Rules (zh-CN message, details = rule, hint = field:<column>; CHECKs of the same names as backstops):
--   meetings_branch_by_kind        a 书记座谈会 has no branch; every other kind has one
--   meetings_branch_in_unit        the branch belongs to the meeting's org unit
--   meetings_branch_active         a new meeting (or a move to another branch) needs an active branch
--   meetings_after_founding        not before the branch was founded
--   meetings_branch_fixed          the branch, unit or kind cannot change once attendance is recorded
--   meeting_attendance_member_of_branch   only members of the meeting's branch / the unit's secretaries
--   meeting_attendance_absence_reason     an absent member needs a reason
--   meeting_attendance_meeting_member_key one row per member and meeting
--   meeting_standards_branch_kind  a 书记座谈会 has no branch frequency (§14 says 定期, the unit decides)
--   meeting_standards_per_period_range    1 … 10 per period

create type public.meeting_kind as enum ('branch_committee', 'general_meeting', 'group_meeting', 'party_lecture',
                                         'theme_day', 'org_life', 'secretary_forum');
comment on type public.meeting_kind is
  '组织生活类型: 支部委员会 / 党员大会 / 党小组会 / 党课 / 主题党日 / 组织生活会 / 书记座谈会 (二级党组织召开)';
create type public.meeting_frequency as enum ('monthly', 'quarterly', 'yearly');
comment on type public.meeting_frequency is '组织生活频次: 每月 / 每季度 / 每年';

-- ---------------------------------------------------------------------------------------------------------
-- Tables
-- ---------------------------------------------------------------------------------------------------------
create table public.meeting_standards (
  id bigint generated always as identity primary key,
  kind public.meeting_kind not null,
  frequency public.meeting_frequency not null,
  per_period smallint not null default 1,
  note text not null default '',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint meeting_standards_kind_key unique (kind),
  constraint meeting_standards_branch_kind check (kind <> 'secretary_forum'),
  constraint meeting_standards_per_period_range check (per_period between 1 and 10)
);
comment on table public.meeting_standards is '组织生活标准: 每类支部组织生活的频次与每期应开次数 (数据, 由组织部修改); 完成率与季度完成情况据此计算';
comment on column public.meeting_standards.kind is '组织生活类型 (书记座谈会由二级党组织自定, 不在此列)';
comment on column public.meeting_standards.frequency is '频次: monthly 每月 / quarterly 每季度 / yearly 每年';
comment on column public.meeting_standards.per_period is '每期应开次数';
comment on column public.meeting_standards.note is '说明 (依据、要求)';

create table public.meetings (
  id bigint generated always as identity primary key,
  org_unit_id bigint not null references public.org_units (id) on delete restrict,
  branch_id bigint references public.branches (id) on delete restrict,
  kind public.meeting_kind not null,
  held_on date not null,
  title text not null,
  host text,
  content text,
  expected_count integer not null default 0,
  present_count integer not null default 0,
  absent_count integer not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint meetings_branch_by_kind check ((kind = 'secretary_forum') = (branch_id is null)),
  constraint meetings_title_not_blank check (btrim(title) <> ''),
  constraint meetings_counts_derived check (present_count >= 0 and absent_count >= 0
                                            and expected_count = present_count + absent_count)
);
comment on table public.meetings is '组织生活 (§8、§14): 支部的三会一课、主题党日、组织生活会, 二级党组织的书记座谈会; 出勤人数由出勤记录推导';
comment on column public.meetings.org_unit_id is '二级党组织 (始终填写; 支部会议为支部所属组织)';
comment on column public.meetings.branch_id is '党支部; 书记座谈会为空 (二级党组织层面的会议)';
comment on column public.meetings.kind is '类型: 支部委员会 / 党员大会 / 党小组会 / 党课 / 主题党日 / 组织生活会 / 书记座谈会';
comment on column public.meetings.held_on is '召开日期';
comment on column public.meetings.title is '会议主题';
comment on column public.meetings.host is '主持人';
comment on column public.meetings.content is '会议内容、议程与决定事项';
comment on column public.meetings.expected_count is '应到人数 (出勤记录行数, 数据库推导)';
comment on column public.meetings.present_count is '实到人数 (出勤记录中出席者, 数据库推导)';
comment on column public.meetings.absent_count is '缺席人数 (出勤记录中缺席者, 数据库推导)';

create index meetings_branch_id_held_on_idx on public.meetings (branch_id, held_on);
create index meetings_org_unit_id_held_on_idx on public.meetings (org_unit_id, held_on);
create index meetings_held_on_idx on public.meetings (held_on desc, id desc);

create table public.meeting_attendance (
  id bigint generated always as identity primary key,
  meeting_id bigint not null references public.meetings (id) on delete cascade,
  member_id bigint not null references public.members (id) on delete restrict,
  present boolean not null default true,
  absence_reason text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint meeting_attendance_meeting_member_key unique (meeting_id, member_id),
  constraint meeting_attendance_absence_reason check (present or btrim(coalesce(absence_reason, '')) <> '')
);
comment on table public.meeting_attendance is '组织生活出勤: 应到党员逐一记录出席或缺席 (缺席须写明原因); 仅限本支部党员 (书记座谈会为本单位支部书记)';
comment on column public.meeting_attendance.meeting_id is '组织生活';
comment on column public.meeting_attendance.member_id is '党员';
comment on column public.meeting_attendance.present is '是否出席';
comment on column public.meeting_attendance.absence_reason is '缺席原因 (缺席时必填)';
create index meeting_attendance_member_id_idx on public.meeting_attendance (member_id);

-- The standards (GLOSSARY 三会一课; 主题党日 monthly as is common practice; 组织生活会 once a year).
insert into public.meeting_standards (kind, frequency, per_period, note) values
  ('branch_committee', 'monthly', 1, '三会一课: 支部委员会一般每月召开一次'),
  ('general_meeting', 'quarterly', 1, '三会一课: 支部党员大会一般每季度召开一次'),
  ('group_meeting', 'monthly', 1, '三会一课: 党小组会一般每月召开一次'),
  ('party_lecture', 'quarterly', 1, '三会一课: 党课每季度至少一次'),
  ('theme_day', 'monthly', 1, '每月固定主题党日'),
  ('org_life', 'yearly', 1, '组织生活会每年至少召开一次 (一般在年底), 开展民主评议党员');

-- ---------------------------------------------------------------------------------------------------------
-- Rules
-- ---------------------------------------------------------------------------------------------------------
create function app.check_meeting_standards() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.kind = 'secretary_forum' then
    perform app.reject('meeting_standards_branch_kind', 'kind', '书记座谈会由二级党组织定期召开, 不设支部组织生活频次');
  end if;
  if new.per_period is null or new.per_period not between 1 and 10 then
    perform app.reject('meeting_standards_per_period_range', 'per_period', '每期应开次数须在 1 到 10 之间');
  end if;
  if tg_op = 'INSERT' or new.kind is distinct from old.kind then
    if exists (select 1 from public.meeting_standards s where s.kind = new.kind and s.id is distinct from new.id) then
      perform app.reject('meeting_standards_kind_key', 'kind', '该类型的组织生活标准已存在', '23505');
    end if;
  end if;
  return new;
end;
$$;
create trigger meeting_standards_rules before insert or update on public.meeting_standards
  for each row execute function app.check_meeting_standards();

-- SECURITY DEFINER: the branch and attendance checks read rows the caller's RLS may hide (never writes them).
create function app.check_meetings() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  b public.branches;
begin
  if (new.kind = 'secretary_forum') <> (new.branch_id is null) then
    perform app.reject('meetings_branch_by_kind', 'branch_id',
      case when new.kind = 'secretary_forum' then '书记座谈会是二级党组织的会议, 不选择支部'
           else '请选择召开会议的党支部' end);
  end if;
  if new.branch_id is not null then
    select * into b from public.branches where id = new.branch_id;
    if b.org_unit_id is distinct from new.org_unit_id then
      perform app.reject('meetings_branch_in_unit', 'branch_id', '所选支部不属于该二级党组织');
    end if;
    if b.status <> 'active' and (tg_op = 'INSERT' or new.branch_id is distinct from old.branch_id) then
      perform app.reject('meetings_branch_active', 'branch_id', '该支部已合并或撤销, 不能再记录组织生活');
    end if;
    if b.founded_on is not null and new.held_on < b.founded_on then
      perform app.reject('meetings_after_founding', 'held_on',
        format('召开日期不能早于支部成立日期 (%s)', to_char(b.founded_on, 'YYYY-MM-DD')));
    end if;
  end if;
  if tg_op = 'UPDATE' and (new.branch_id, new.org_unit_id, new.kind) is distinct from (old.branch_id, old.org_unit_id, old.kind)
     and exists (select 1 from public.meeting_attendance a where a.meeting_id = new.id) then
    perform app.reject('meetings_branch_fixed',
      case when new.kind is distinct from old.kind then 'kind' when new.branch_id is distinct from old.branch_id then 'branch_id' else 'org_unit_id' end,
      '已登记出勤的会议不能更改组织、支部或类型; 请先清空出勤记录');
  end if;
  -- The counts are the attendance's, whatever the write said.
  if tg_op = 'INSERT' then
    new.expected_count := 0; new.present_count := 0; new.absent_count := 0;
  else
    select count(*), count(*) filter (where a.present), count(*) filter (where not a.present)
      into new.expected_count, new.present_count, new.absent_count
      from public.meeting_attendance a where a.meeting_id = new.id;
  end if;
  return new;
end;
$$;
create trigger meetings_rules before insert or update on public.meetings
  for each row execute function app.check_meetings();

create function app.check_meeting_attendance() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  m public.meetings;
  member public.members;
begin
  select * into m from public.meetings where id = new.meeting_id;
  select * into member from public.members where id = new.member_id;
  if m.id is null or member.id is null then
    return new; -- the foreign keys answer
  end if;
  if m.branch_id is not null and member.branch_id <> m.branch_id then
    perform app.reject('meeting_attendance_member_of_branch', 'member_id',
      format('%s 不是召开会议的支部的党员', member.name));
  end if;
  if m.branch_id is null and not exists (select 1 from public.branches b
                                          where b.secretary_id = member.id and b.org_unit_id = m.org_unit_id) then
    perform app.reject('meeting_attendance_member_of_branch', 'member_id',
      format('%s 不是本单位的支部书记, 不能登记为书记座谈会出勤', member.name));
  end if;
  if new.present then
    new.absence_reason := null; -- present: no reason to keep
  elsif btrim(coalesce(new.absence_reason, '')) = '' then
    perform app.reject('meeting_attendance_absence_reason', 'absence_reason', format('请填写 %s 的缺席原因', member.name));
  end if;
  if exists (select 1 from public.meeting_attendance a
              where a.meeting_id = new.meeting_id and a.member_id = new.member_id and a.id is distinct from new.id) then
    perform app.reject('meeting_attendance_meeting_member_key', 'member_id',
      format('%s 已在该会议的出勤记录中', member.name), '23505');
  end if;
  return new;
end;
$$;
create trigger meeting_attendance_rules before insert or update on public.meeting_attendance
  for each row execute function app.check_meeting_attendance();

-- The counts follow the attendance, once per statement (an RPC that writes a roster of 40 updates the meeting
-- once, not 40 times). The meetings rules trigger recomputes them; this only makes it run. Transition tables
-- allow one event per trigger, hence three triggers on one function.
create function app.rederive_meeting_counts() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    update public.meetings m set expected_count = m.expected_count
     where m.id in (select distinct n.meeting_id from new_rows n);
  elsif tg_op = 'DELETE' then
    update public.meetings m set expected_count = m.expected_count
     where m.id in (select distinct o.meeting_id from old_rows o);
  else
    update public.meetings m set expected_count = m.expected_count
     where m.id in (select n.meeting_id from new_rows n union select o.meeting_id from old_rows o);
  end if;
  return null;
end;
$$;
create trigger meeting_attendance_counts_insert after insert on public.meeting_attendance
  referencing new table as new_rows for each statement execute function app.rederive_meeting_counts();
create trigger meeting_attendance_counts_update after update on public.meeting_attendance
  referencing old table as old_rows new table as new_rows for each statement execute function app.rederive_meeting_counts();
create trigger meeting_attendance_counts_delete after delete on public.meeting_attendance
  referencing old table as old_rows for each statement execute function app.rederive_meeting_counts();

-- Deletes that would lose the record of organisational life get a readable refusal (the foreign keys stay the
-- backstop). Their own triggers, beside the existing guards of these tables.
create trigger branches_meetings_delete_guard before delete on public.branches for each row
  execute function app.refuse_delete_when_referenced('该支部', 'meetings', 'branch_id', '组织生活');
create trigger org_units_meetings_delete_guard before delete on public.org_units for each row
  execute function app.refuse_delete_when_referenced('该组织', 'meetings', 'org_unit_id', '组织生活');
create trigger members_meetings_delete_guard before delete on public.members for each row
  execute function app.refuse_delete_when_referenced('该党员', 'meeting_attendance', 'member_id', '组织生活出勤');

-- ---------------------------------------------------------------------------------------------------------
-- Field limits, access, audit
-- ---------------------------------------------------------------------------------------------------------
insert into app.field_limits (table_name, column_name, label, kind, max_length, max_value, years_ahead) values
  ('meeting_standards', 'per_period', '每期应开次数', 'number', null, 10, null),
  ('meeting_standards', 'note', '说明', 'text', 200, null, null),
  ('meetings', 'held_on', '召开日期', 'date', null, null, 0),
  ('meetings', 'title', '会议主题', 'text', 100, null, null),
  ('meetings', 'host', '主持人', 'text', 50, null, null),
  ('meetings', 'content', '会议内容', 'text', 4000, null, null),
  ('meetings', 'expected_count', '应到人数', 'number', null, 100000, null),
  ('meetings', 'present_count', '实到人数', 'number', null, 100000, null),
  ('meetings', 'absent_count', '缺席人数', 'number', null, 100000, null),
  ('meeting_attendance', 'absence_reason', '缺席原因', 'text', 200, null, null);
select app.apply_field_limits('meeting_standards');
select app.apply_field_limits('meetings');
select app.apply_field_limits('meeting_attendance');

-- The meetings of the committee's unit (its branches' and its own 书记座谈会).
create function app.committee_meeting_ids() returns setof bigint
language sql stable security definer
set search_path = ''
as $$
  select m.id from public.meetings m where m.org_unit_id = app.committee_org_unit_id()
$$;
comment on function app.committee_meeting_ids() is '二级党组织管理员可操作的组织生活 id';
revoke all on function app.committee_meeting_ids() from public;
grant execute on function app.committee_meeting_ids() to authenticated, service_role;

select app.register_table('meeting_standards', 'true', 'false');
select app.register_table('meetings', 'org_unit_id = (select app.committee_org_unit_id())');
select app.register_table('meeting_attendance', 'meeting_id in (select app.committee_meeting_ids())');

revoke all on function app.check_meeting_standards(), app.check_meetings(), app.check_meeting_attendance(),
                       app.rederive_meeting_counts() from public;

-- ---------------------------------------------------------------------------------------------------------
-- Recording attendance: the roster of one meeting in one call. p_rows is the whole roster, an array of
-- {member_id, present, absence_reason}; members not in it are removed from the meeting's attendance. Runs as
-- the caller (RLS applies); every row passes the same rules as a form save; all or nothing.
-- ---------------------------------------------------------------------------------------------------------
create function public.set_meeting_attendance(p_meeting_id bigint, p_rows jsonb)
returns public.meetings
language plpgsql
security invoker
set search_path = ''
as $$
declare
  m public.meetings;
begin
  if p_rows is null or jsonb_typeof(p_rows) <> 'array' then
    perform app.reject('meeting_attendance_rows', 'p_rows', '出勤名单格式不正确', '22023');
  end if;
  perform app.check_parameter('p_rows', '出勤名单人数', jsonb_array_length(p_rows), 0, 2000);
  select * into m from public.meetings where id = p_meeting_id;
  if m.id is null then
    perform app.reject('meeting_attendance_meeting_missing', null, '该组织生活记录不存在或无权查看', 'P0002');
  end if;
  if not coalesce((select app.is_org_admin()) or m.org_unit_id = (select app.committee_org_unit_id()), false) then
    perform app.reject('meeting_attendance_not_allowed', null, '无权登记该组织生活的出勤', '42501');
  end if;

  delete from public.meeting_attendance a
   where a.meeting_id = p_meeting_id
     and a.member_id not in (select (r ->> 'member_id')::bigint from jsonb_array_elements(p_rows) r
                              where r ->> 'member_id' is not null);

  -- Rows already on the roster change in place, new ones are added (each through the same rules as a form).
  update public.meeting_attendance a
     set present = r.present, absence_reason = r.absence_reason
    from (select (e ->> 'member_id')::bigint as member_id, coalesce((e ->> 'present')::boolean, true) as present,
                 nullif(btrim(e ->> 'absence_reason'), '') as absence_reason
            from jsonb_array_elements(p_rows) e) r
   where a.meeting_id = p_meeting_id and a.member_id = r.member_id
     and (a.present, a.absence_reason) is distinct from (r.present, r.absence_reason);

  insert into public.meeting_attendance (meeting_id, member_id, present, absence_reason)
  select p_meeting_id, (e ->> 'member_id')::bigint, coalesce((e ->> 'present')::boolean, true),
         nullif(btrim(e ->> 'absence_reason'), '')
    from jsonb_array_elements(p_rows) with ordinality as x (e, n)
   where not exists (select 1 from public.meeting_attendance a
                      where a.meeting_id = p_meeting_id and a.member_id = (x.e ->> 'member_id')::bigint)
   order by x.n;

  select * into m from public.meetings where id = p_meeting_id;
  return m;
end;
$$;
comment on function public.set_meeting_attendance(bigint, jsonb) is
  '登记一次组织生活的出勤名单 (整单替换): [{member_id, present, absence_reason}], 以调用者身份执行, 全部成功或全部不写';
revoke all on function public.set_meeting_attendance(bigint, jsonb) from public, anon;
grant execute on function public.set_meeting_attendance(bigint, jsonb) to authenticated, service_role;

-- ---------------------------------------------------------------------------------------------------------
-- Analytics (security invoker: RLS applies, a committee sees its own unit)
-- ---------------------------------------------------------------------------------------------------------
-- Every period (month / quarter / year of a standard) that begins in [p_from's period … p_to], for every active
-- branch in scope founded by the period's end, with what it owes and what it held (capped), counting meetings
-- held from the period's start to its end or p_to. Not exposed; called once per query from the RPCs below.
create function app.meeting_periods(p_from date, p_to date, p_org_unit_id bigint, p_branch_kind public.branch_kind)
returns table (
  branch_id bigint,
  org_unit_id bigint,
  kind public.meeting_kind,
  frequency public.meeting_frequency,
  period_start date,
  period_end date,
  expected integer,
  held integer
)
language sql stable security invoker
set search_path = ''
as $$
  with standards as (
    select s.kind, s.frequency, s.per_period,
           case s.frequency when 'monthly' then 'month' when 'quarterly' then 'quarter' else 'year' end as unit,
           case s.frequency when 'monthly' then interval '1 month' when 'quarterly' then interval '3 months'
                            else interval '1 year' end as step
      from public.meeting_standards s
     where s.kind <> 'secretary_forum'
  ),
  periods as (
    select s.kind, s.frequency, s.per_period, s.unit, p::date as period_start, (p + s.step - interval '1 day')::date as period_end
      from standards s
     cross join lateral generate_series(date_trunc(s.unit, p_from::timestamp), p_to::timestamp, s.step) p
  ),
  scoped_branches as (
    select b.id, b.org_unit_id, b.founded_on
      from public.branches b
     where b.status = 'active'
       and (p_org_unit_id is null or b.org_unit_id = p_org_unit_id)
       and (p_branch_kind is null or b.kind = p_branch_kind)
  ),
  held as (
    select m.branch_id, m.kind, date_trunc(s.unit, m.held_on::timestamp)::date as period_start, count(*)::integer as n
      from public.meetings m
      join standards s on s.kind = m.kind
     where m.held_on between date_trunc('year', p_from::timestamp)::date and p_to
       and m.branch_id is not null
       and (p_org_unit_id is null or m.org_unit_id = p_org_unit_id)
     group by 1, 2, 3
  )
  select b.id, b.org_unit_id, p.kind, p.frequency, p.period_start, p.period_end, p.per_period::integer,
         least(coalesce(h.n, 0), p.per_period)::integer
    from scoped_branches b
    cross join periods p
    left join held h on h.branch_id = b.id and h.kind = p.kind and h.period_start = p.period_start
   where b.founded_on is null or b.founded_on <= p.period_end
$$;
comment on function app.meeting_periods(date, date, bigint, public.branch_kind) is
  '组织生活完成情况的计算基础: 每个在册支部在每个已开始的周期 (月/季/年) 应开与已开次数 (已开次数不超过应开)';

-- Completion per org unit and quarter of p_day's year, up to p_day (the heatmap).
create function public.meeting_completion_by_unit_quarter(p_day date default current_date,
                                                          p_org_unit_id bigint default null,
                                                          p_branch_kind public.branch_kind default null)
returns table (
  org_unit_id bigint,
  org_unit_code text,
  org_unit_name text,
  quarter text,
  expected bigint,
  held bigint,
  completion_rate numeric
)
language plpgsql stable security invoker
set search_path = ''
as $$
#variable_conflict use_column
begin
  perform app.check_parameter('p_day', '统计日期', p_day, app.earliest_date(), app.final_date());
  return query
  select u.id, u.code, u.name, 'Q' || extract(quarter from p.period_end)::int,
         sum(p.expected)::bigint, sum(p.held)::bigint,
         round(sum(p.held)::numeric / nullif(sum(p.expected), 0), 4)
    from app.meeting_periods(date_trunc('year', p_day::timestamp)::date, p_day, p_org_unit_id, p_branch_kind) p
    join public.org_units u on u.id = p.org_unit_id
   group by u.id, u.code, u.name, 4
   order by u.code, 4;
end;
$$;
comment on function public.meeting_completion_by_unit_quarter(date, bigint, public.branch_kind) is
  '组织生活完成率: 各二级党组织 × 季度 (所选日期所在年度至该日; 年度组织生活会计入第四季度)';

-- Completion per kind, p_day's year up to p_day.
create function public.meeting_completion_by_kind(p_day date default current_date,
                                                  p_org_unit_id bigint default null,
                                                  p_branch_kind public.branch_kind default null)
returns table (
  kind public.meeting_kind,
  frequency public.meeting_frequency,
  expected bigint,
  held bigint,
  completion_rate numeric
)
language plpgsql stable security invoker
set search_path = ''
as $$
#variable_conflict use_column
begin
  perform app.check_parameter('p_day', '统计日期', p_day, app.earliest_date(), app.final_date());
  return query
  select p.kind, p.frequency, sum(p.expected)::bigint, sum(p.held)::bigint,
         round(sum(p.held)::numeric / nullif(sum(p.expected), 0), 4)
    from app.meeting_periods(date_trunc('year', p_day::timestamp)::date, p_day, p_org_unit_id, p_branch_kind) p
   group by p.kind, p.frequency
   order by p.kind;
end;
$$;
comment on function public.meeting_completion_by_kind(date, bigint, public.branch_kind) is
  '组织生活完成率: 按类型 (所选日期所在年度至该日)';

-- This year's completion over every kind (the home page card).
create function public.meeting_completion_summary(p_day date default current_date,
                                                  p_org_unit_id bigint default null,
                                                  p_branch_kind public.branch_kind default null)
returns table (
  expected bigint,
  held bigint,
  completion_rate numeric
)
language plpgsql stable security invoker
set search_path = ''
as $$
#variable_conflict use_column
begin
  perform app.check_parameter('p_day', '统计日期', p_day, app.earliest_date(), app.final_date());
  return query
  select coalesce(sum(p.expected), 0)::bigint, coalesce(sum(p.held), 0)::bigint,
         round(sum(p.held)::numeric / nullif(sum(p.expected), 0), 4)
    from app.meeting_periods(date_trunc('year', p_day::timestamp)::date, p_day, p_org_unit_id, p_branch_kind) p;
end;
$$;
comment on function public.meeting_completion_summary(date, bigint, public.branch_kind) is
  '组织生活总完成率 (所选日期所在年度至该日)';

-- A quarter's status per branch and kind: 'done' 已完成 / 'open' 未完成 (null: no standard for the kind, or the
-- quarter has not begun by p_day). p_quarter null = the quarter p_day falls in.
create function public.meeting_quarter_status(p_day date default current_date, p_quarter integer default null,
                                              p_org_unit_id bigint default null,
                                              p_branch_kind public.branch_kind default null)
returns table (
  branch_id bigint,
  branch_code text,
  branch_name text,
  org_unit_id bigint,
  org_unit_name text,
  branch_committee text,
  general_meeting text,
  group_meeting text,
  party_lecture text,
  theme_day text,
  org_life text,
  kinds_done bigint,
  kinds_due bigint
)
language plpgsql stable security invoker
set search_path = ''
as $$
#variable_conflict use_column
declare
  quarter_start date;
  quarter_end date;
begin
  perform app.check_parameter('p_day', '统计日期', p_day, app.earliest_date(), app.final_date());
  perform app.check_parameter('p_quarter', '季度', p_quarter, 1, 4);
  quarter_start := case when p_quarter is null then date_trunc('quarter', p_day::timestamp)::date
                        else make_date(extract(year from p_day)::int, p_quarter * 3 - 2, 1) end;
  quarter_end := (quarter_start + interval '3 months' - interval '1 day')::date;
  return query
  with per_kind as (
    select p.branch_id, p.kind, case when bool_and(p.held >= p.expected) then 'done' else 'open' end as status
      from app.meeting_periods(quarter_start, least(quarter_end, p_day), p_org_unit_id, p_branch_kind) p
     where p.period_end >= quarter_start and quarter_start <= p_day
     group by p.branch_id, p.kind
  )
  select b.id, b.code, b.name, u.id, u.name,
         max(k.status) filter (where k.kind = 'branch_committee'),
         max(k.status) filter (where k.kind = 'general_meeting'),
         max(k.status) filter (where k.kind = 'group_meeting'),
         max(k.status) filter (where k.kind = 'party_lecture'),
         max(k.status) filter (where k.kind = 'theme_day'),
         max(k.status) filter (where k.kind = 'org_life'),
         count(*) filter (where k.status = 'done'),
         count(k.status)
    from per_kind k
    join public.branches b on b.id = k.branch_id
    join public.org_units u on u.id = b.org_unit_id
   group by b.id, b.code, b.name, u.id, u.name, u.code
   order by count(*) filter (where k.status = 'done')::numeric / count(k.status), u.code, b.code;
end;
$$;
comment on function public.meeting_quarter_status(date, integer, bigint, public.branch_kind) is
  '各支部某季度组织生活完成情况: 每类 done 已完成 / open 未完成 (空: 无标准或季度未开始); 完成最少的在前';

-- Active branches that held nothing (of any kind) in p_day's quarter up to p_day.
create function public.branches_without_meetings(p_day date default current_date,
                                                 p_org_unit_id bigint default null,
                                                 p_branch_kind public.branch_kind default null)
returns table (
  branch_id bigint,
  branch_code text,
  branch_name text,
  org_unit_id bigint,
  org_unit_name text,
  members bigint,
  last_held_on date
)
language plpgsql stable security invoker
set search_path = ''
as $$
#variable_conflict use_column
begin
  perform app.check_parameter('p_day', '统计日期', p_day, app.earliest_date(), app.final_date());
  return query
  select b.id, b.code, b.name, u.id, u.name,
         (select count(*) from public.members x where x.branch_id = b.id),
         (select max(m.held_on) from public.meetings m where m.branch_id = b.id and m.held_on <= p_day)
    from public.branches b
    join public.org_units u on u.id = b.org_unit_id
   where b.status = 'active'
     and (b.founded_on is null or b.founded_on <= p_day)
     and (p_org_unit_id is null or b.org_unit_id = p_org_unit_id)
     and (p_branch_kind is null or b.kind = p_branch_kind)
     and not exists (select 1 from public.meetings m
                      where m.branch_id = b.id
                        and m.held_on between date_trunc('quarter', p_day::timestamp)::date and p_day)
   order by u.code, b.code;
end;
$$;
comment on function public.branches_without_meetings(date, bigint, public.branch_kind) is
  '所选日期所在季度 (截至该日) 没有任何组织生活记录的在册支部';

-- Attendance rate per quarter, the three years up to p_day: present / expected over the meetings with a roster.
create function public.meeting_attendance_trend(p_day date default current_date,
                                                p_org_unit_id bigint default null,
                                                p_branch_kind public.branch_kind default null)
returns table (
  quarter_start date,
  quarter_label text,
  meetings bigint,
  expected bigint,
  present bigint,
  attendance_rate numeric
)
language plpgsql stable security invoker
set search_path = ''
as $$
#variable_conflict use_column
begin
  perform app.check_parameter('p_day', '统计日期', p_day, app.earliest_date(), app.final_date());
  return query
  with quarters as (
    select q::date as quarter_start
      from generate_series(date_trunc('year', p_day::timestamp) - interval '2 years',
                           date_trunc('quarter', p_day::timestamp), interval '3 months') q
  ),
  totals as (
    select date_trunc('quarter', m.held_on::timestamp)::date as quarter_start, count(*) as meetings,
           sum(m.expected_count) as expected, sum(m.present_count) as present
      from public.meetings m
      left join public.branches b on b.id = m.branch_id
     where m.held_on between (date_trunc('year', p_day::timestamp) - interval '2 years')::date and p_day
       and m.expected_count > 0
       and (p_org_unit_id is null or m.org_unit_id = p_org_unit_id)
       and (p_branch_kind is null or b.kind = p_branch_kind)
     group by 1
  )
  select q.quarter_start, to_char(q.quarter_start, 'YYYY') || '-Q' || extract(quarter from q.quarter_start)::int,
         coalesce(t.meetings, 0)::bigint, coalesce(t.expected, 0)::bigint, coalesce(t.present, 0)::bigint,
         round(t.present::numeric / nullif(t.expected, 0), 4)
    from quarters q
    left join totals t on t.quarter_start = q.quarter_start
   order by q.quarter_start;
end;
$$;
comment on function public.meeting_attendance_trend(date, bigint, public.branch_kind) is
  '组织生活出勤率趋势: 所选日期前三个年度各季度 (实到 / 应到, 仅计登记了出勤的会议)';

do $$
declare
  f text;
begin
  foreach f in array array[
    'public.meeting_completion_by_unit_quarter(date, bigint, public.branch_kind)',
    'public.meeting_completion_by_kind(date, bigint, public.branch_kind)',
    'public.meeting_completion_summary(date, bigint, public.branch_kind)',
    'public.meeting_quarter_status(date, integer, bigint, public.branch_kind)',
    'public.branches_without_meetings(date, bigint, public.branch_kind)',
    'public.meeting_attendance_trend(date, bigint, public.branch_kind)',
    'app.meeting_periods(date, date, bigint, public.branch_kind)'
  ] loop
    execute format('revoke all on function %s from public, anon', f);
    execute format('grant execute on function %s to authenticated, service_role', f);
  end loop;
end;
$$;
