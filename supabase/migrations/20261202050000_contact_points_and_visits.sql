-- 联系点与走访 (§7, §14, §16): leaders' and committee members' contact branches, and the visits made to branches
-- with the problems raised and their follow-up until resolved.
--
-- Who writes what (RLS from app.register_table, the finer rules in the triggers below):
--   组织部 (org_admin)       every contact point and visit (it assigns the leaders' contact points, §16, and
--                            records the leaders' visits).
--   二级党组织 (committee)   contact points and visits of its own unit's branches, whose contact / visitor is one of
--                            its own unit's people: an account of its unit (committee_admin of the unit) or, for a
--                            visit, a person without an account (visitor_name). A committee cannot assign or record
--                            a 校领导's or 组织部's contact point or visit: those are the department's (§16 says the
--                            organisation department leads), while §14 asks the unit itself to visit and guide its
--                            branches regularly, so its own people's contact branches are its own to keep.
--   校领导 (leader)          reads everything, writes nothing.
--
-- Profiles are readable only by their owner and the two school-wide roles, so a committee could not see the name
-- of the leader who keeps contact with its branch. `contact_people` is the list of people a contact point or visit
-- may name (the school's leaders and 组织部, and the caller's own unit's accounts), with nothing but the name,
-- role and unit: the pickers and the lists read names through it.

-- ---------------------------------------------------------------------------------------------------------
-- Enumeration
-- ---------------------------------------------------------------------------------------------------------
create type public.visit_kind as enum ('visit', 'research', 'guidance', 'forum', 'reception');
comment on type public.visit_kind is '走访形式 (§7、§14): 走访 / 调研 / 指导 / 座谈 / 接待日';

-- ---------------------------------------------------------------------------------------------------------
-- Tables
-- ---------------------------------------------------------------------------------------------------------
create table public.contact_points (
  id bigint generated always as identity primary key,
  contact_id uuid not null references public.profiles (user_id) on delete restrict,
  branch_id bigint not null references public.branches (id) on delete cascade,
  started_on date not null,
  ended_on date,
  duties text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint contact_points_period_valid check (ended_on is null or ended_on >= started_on)
);
comment on table public.contact_points is
  '基层联系点 (§16 党员领导干部带头建立基层联系点): 校领导或二级党组织班子成员联系的党支部及其起止日期';
comment on column public.contact_points.contact_id is '联系人 (账号档案 profiles.user_id): 校领导、组织部或本单位人员';
comment on column public.contact_points.branch_id is '联系的党支部';
comment on column public.contact_points.started_on is '建立联系点的日期';
comment on column public.contact_points.ended_on is '结束日期; 空 = 仍在联系';
comment on column public.contact_points.duties is '联系工作内容 (调研、指导的重点)';
create index contact_points_branch_id_idx on public.contact_points (branch_id);
create index contact_points_contact_id_idx on public.contact_points (contact_id);

create table public.visits (
  id bigint generated always as identity primary key,
  branch_id bigint not null references public.branches (id) on delete cascade,
  visitor_id uuid references public.profiles (user_id) on delete restrict,
  visitor_name text,
  kind public.visit_kind not null,
  visited_on date not null,
  summary text,
  problems text,
  follow_up text,
  resolved_on date,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint visits_visitor_one check (num_nonnulls(visitor_id, nullif(btrim(visitor_name), '')) = 1),
  constraint visits_resolved_after_visit check (resolved_on is null or resolved_on >= visited_on)
);
comment on table public.visits is
  '走访记录 (§7、§14): 走访、调研、指导、座谈、接待日; 反映的问题与跟进措施, 直至解决';
comment on column public.visits.branch_id is '走访的党支部';
comment on column public.visits.visitor_id is '走访人 (有账号时: profiles.user_id)';
comment on column public.visits.visitor_name is '走访人姓名 (无账号的人员, 如学院党委委员); 与走访人账号二选一';
comment on column public.visits.kind is '形式: visit 走访 / research 调研 / guidance 指导 / forum 座谈 / reception 接待日';
comment on column public.visits.visited_on is '走访日期';
comment on column public.visits.summary is '走访内容';
comment on column public.visits.problems is '反映的问题';
comment on column public.visits.follow_up is '跟进措施; 填写且未解决即为待跟进';
comment on column public.visits.resolved_on is '问题解决日期; 不早于走访日期; 空 = 尚未解决';
create index visits_branch_id_visited_on_idx on public.visits (branch_id, visited_on desc);
create index visits_visitor_id_idx on public.visits (visitor_id);
-- The open follow-ups (to-dos, the dashboard's table, the leader's home page) are few: a partial index finds them.
create index visits_open_follow_up_idx on public.visits (visited_on) where resolved_on is null and follow_up is not null;
-- The list's default order (visited_on desc, id desc).
create index visits_visited_on_id_idx on public.visits (visited_on desc, id desc);

-- ---------------------------------------------------------------------------------------------------------
-- Rules
-- ---------------------------------------------------------------------------------------------------------
-- May this profile be the contact or visitor of a row of this branch, written by the caller? Returns the rule it
-- breaks (null when fine), the message going with it.
create function app.check_outreach_person(p_table text, p_field text, p_person uuid, p_branch_id bigint,
                                          p_what text)
returns void
language plpgsql stable security definer
set search_path = ''
as $$
declare
  person public.profiles;
  branch_unit bigint := (select b.org_unit_id from public.branches b where b.id = p_branch_id);
begin
  if p_person is null then
    return;
  end if;
  select * into person from public.profiles p where p.user_id = p_person;
  if not found then
    perform app.reject(p_table || '_person_known', p_field, format('所选%s账号不存在', p_what), '23503');
  end if;
  if person.role = 'committee_admin' and person.org_unit_id is distinct from branch_unit then
    perform app.reject(p_table || '_person_scope', p_field,
                       format('%s须为校领导、组织部或该支部所在二级党组织的人员', p_what));
  end if;
  perform app.check_outreach_committee(p_table, p_field, p_person);
end;
$$;
comment on function app.check_outreach_person(text, text, uuid, bigint, text) is
  '联系点与走访的联系人/走访人检查: 本单位人员或校级人员; 二级党组织只能登记本单位人员';

-- A committee keeps its own people's contact points and visits; the leaders' and 组织部's are the department's
-- (§16): a committee neither records, edits nor deletes them. (A person of another unit cannot occur: the branch
-- is the committee's, and its people are the branch's unit's.)
create function app.check_outreach_committee(p_table text, p_field text, p_person uuid)
returns void
language plpgsql stable security definer
set search_path = ''
as $$
begin
  if p_person is not null and app.committee_org_unit_id() is not null
     and (select p.role from public.profiles p where p.user_id = p_person) is distinct from 'committee_admin' then
    perform app.reject(p_table || '_leader_by_org_admin', p_field,
                       format('校领导和组织部人员的%s由组织部登记', case p_table when 'visits' then '走访' else '联系点' end));
  end if;
end;
$$;
comment on function app.check_outreach_committee(text, text, uuid) is
  '二级党组织只能登记、修改、删除本单位人员的联系点与走访; 校领导和组织部人员的由组织部登记';

create function app.check_contact_points() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  if new.ended_on < new.started_on then
    perform app.reject('contact_points_period_valid', 'ended_on', '结束日期不能早于建立日期');
  end if;
  if tg_op = 'INSERT' or new.branch_id is distinct from old.branch_id then
    if (select b.status from public.branches b where b.id = new.branch_id) <> 'active' then
      perform app.reject('contact_points_branch_active', 'branch_id', '只能在正常状态的党支部建立联系点');
    end if;
  end if;
  if tg_op = 'UPDATE' then -- a committee edits only its own people's rows (the old row's person is judged too)
    perform app.check_outreach_committee('contact_points', 'contact_id', old.contact_id);
  end if;
  if tg_op = 'INSERT' or new.contact_id is distinct from old.contact_id or new.branch_id is distinct from old.branch_id then
    perform app.check_outreach_person('contact_points', 'contact_id', new.contact_id, new.branch_id, '联系人');
  end if;
  if exists (select 1 from public.contact_points c
              where c.contact_id = new.contact_id and c.branch_id = new.branch_id and c.id is distinct from new.id
                and c.started_on <= coalesce(new.ended_on, 'infinity')
                and coalesce(c.ended_on, 'infinity') >= new.started_on) then
    perform app.reject('contact_points_no_overlap', 'started_on', '该联系人在这段时间已联系此支部 (起止日期重叠)', '23505');
  end if;
  return new;
end;
$$;
create trigger contact_points_rules before insert or update on public.contact_points
  for each row execute function app.check_contact_points();

create function app.check_visits() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  if new.visitor_id is null and nullif(btrim(new.visitor_name), '') is null then
    perform app.reject('visits_visitor_one', 'visitor_id', '请选择走访人账号, 或填写无账号走访人的姓名');
  end if;
  if new.visitor_id is not null and nullif(btrim(new.visitor_name), '') is not null then
    perform app.reject('visits_visitor_one', 'visitor_name', '已选择走访人账号, 不再填写姓名');
  end if;
  if new.resolved_on < new.visited_on then
    perform app.reject('visits_resolved_after_visit', 'resolved_on',
                       format('解决日期不能早于走访日期 (%s)', to_char(new.visited_on, 'YYYY-MM-DD')));
  end if;
  if new.resolved_on is not null and nullif(btrim(new.follow_up), '') is null and nullif(btrim(new.problems), '') is null then
    perform app.reject('visits_resolved_needs_problem', 'resolved_on', '没有反映的问题或跟进措施, 无需填写解决日期');
  end if;
  if tg_op = 'UPDATE' then
    perform app.check_outreach_committee('visits', 'visitor_id', old.visitor_id);
  end if;
  if tg_op = 'INSERT' or new.visitor_id is distinct from old.visitor_id or new.branch_id is distinct from old.branch_id then
    perform app.check_outreach_person('visits', 'visitor_id', new.visitor_id, new.branch_id, '走访人');
  end if;
  return new;
end;
$$;
create trigger visits_rules before insert or update on public.visits
  for each row execute function app.check_visits();

-- A committee deletes only its own people's contact points and visits (RLS has already limited it to its unit).
create function app.check_outreach_delete() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  perform app.check_outreach_committee(tg_table_name, null,
    (to_jsonb(old) ->> case tg_table_name when 'visits' then 'visitor_id' else 'contact_id' end)::uuid);
  return old;
end;
$$;
create trigger contact_points_delete_rules before delete on public.contact_points
  for each row execute function app.check_outreach_delete();
create trigger visits_delete_rules before delete on public.visits
  for each row execute function app.check_outreach_delete();

-- ---------------------------------------------------------------------------------------------------------
-- Field limits, access, audit
-- ---------------------------------------------------------------------------------------------------------
insert into app.field_limits (table_name, column_name, label, kind, max_length, max_value, years_ahead) values
  ('contact_points', 'started_on', '建立日期', 'date', null, null, 1),
  ('contact_points', 'ended_on', '结束日期', 'date', null, null, 10),
  ('contact_points', 'duties', '联系工作内容', 'text', 500, null, null),
  ('visits', 'visitor_name', '走访人姓名', 'text', 50, null, null),
  ('visits', 'visited_on', '走访日期', 'date', null, null, 0),
  ('visits', 'summary', '走访内容', 'text', 2000, null, null),
  ('visits', 'problems', '反映的问题', 'text', 2000, null, null),
  ('visits', 'follow_up', '跟进措施', 'text', 2000, null, null),
  ('visits', 'resolved_on', '解决日期', 'date', null, null, 0);
select app.apply_field_limits('contact_points');
select app.apply_field_limits('visits');
select app.register_table('contact_points', 'branch_id in (select app.committee_branch_ids())');
select app.register_table('visits', 'branch_id in (select app.committee_branch_ids())');

-- ---------------------------------------------------------------------------------------------------------
-- The people a contact point or visit may name, and their names for the lists (see the header). Not a
-- security-invoker view on purpose: it reads profiles past their RLS, and its WHERE is the scope.
-- ---------------------------------------------------------------------------------------------------------
create view public.contact_people with (security_barrier = true) as
select p.user_id as id, p.display_name, p.role, p.org_unit_id
  from public.profiles p
 where p.role in ('leader', 'org_admin')
    or (select app.reads_all())
    or p.org_unit_id = (select app.committee_org_unit_id());
comment on view public.contact_people is
  '可作为联系人、走访人的人员 (校领导、组织部及本单位账号): 仅姓名、角色与所属组织, 供选择与显示';
comment on column public.contact_people.id is '= profiles.user_id';
revoke all on public.contact_people from anon, public;
grant select on public.contact_people to authenticated, service_role;

-- ---------------------------------------------------------------------------------------------------------
-- Analytics (security invoker: a committee sees its own unit). The people come from contact_people, so a
-- committee counts its branches' leader contact points although it cannot read the leaders' profiles.
-- ---------------------------------------------------------------------------------------------------------

-- Per unit: active branches on p_day, those with an active contact point that day, with a leader's one.
create function public.contact_point_coverage(p_day date default current_date, p_org_unit_id bigint default null)
returns table (
  org_unit_id bigint,
  org_unit_code text,
  org_unit_name text,
  branches bigint,
  with_contact bigint,
  with_leader_contact bigint,
  contact_share numeric,
  leader_contact_share numeric
)
language plpgsql stable security invoker
set search_path = ''
set plan_cache_mode = force_custom_plan
as $$
#variable_conflict use_column
begin
  perform app.check_parameter('p_day', '统计日期', p_day, app.earliest_date(), app.final_date());
  return query
  with active_points as (
    select c.branch_id, bool_or(pp.role = 'leader') as by_leader
      from public.contact_points c
      left join public.contact_people pp on pp.id = c.contact_id
     where c.started_on <= p_day and (c.ended_on is null or c.ended_on >= p_day)
     group by c.branch_id
  )
  select u.id, u.code, u.name, count(*),
         count(a.branch_id), count(*) filter (where a.by_leader),
         round(count(a.branch_id)::numeric / count(*), 4),
         round((count(*) filter (where a.by_leader))::numeric / count(*), 4)
    from public.branches b
    join public.org_units u on u.id = b.org_unit_id
    left join active_points a on a.branch_id = b.id
   where b.status = 'active' and (b.founded_on is null or b.founded_on <= p_day)
     and (p_org_unit_id is null or b.org_unit_id = p_org_unit_id)
   group by u.id, u.code, u.name
   order by u.code;
end;
$$;
comment on function public.contact_point_coverage(date, bigint) is
  '各二级党组织有联系点的支部: 统计日的正常支部数、有联系点 (任意联系人 / 校领导) 的支部数与比例';

-- The same for the whole scope in one row (the home page card).
create function public.contact_point_summary(p_day date default current_date, p_org_unit_id bigint default null)
returns table (
  branches bigint,
  with_contact bigint,
  with_leader_contact bigint,
  contact_share numeric,
  leader_contact_share numeric
)
language plpgsql stable security invoker
set search_path = ''
set plan_cache_mode = force_custom_plan
as $$
#variable_conflict use_column
begin
  perform app.check_parameter('p_day', '统计日期', p_day, app.earliest_date(), app.final_date());
  return query
  select coalesce(sum(r.branches), 0)::bigint, coalesce(sum(r.with_contact), 0)::bigint,
         coalesce(sum(r.with_leader_contact), 0)::bigint,
         round(sum(r.with_contact) / nullif(sum(r.branches), 0), 4),
         round(sum(r.with_leader_contact) / nullif(sum(r.branches), 0), 4)
    from public.contact_point_coverage(p_day, p_org_unit_id) r;
end;
$$;
comment on function public.contact_point_summary(date, bigint) is '有联系点的支部 (全校或一个二级党组织): 支部数、有联系点的支部数与比例';

-- Visits per leader and year: every leader for every year of the range (zero when none), visits to the scope's branches.
create function public.visits_by_leader_year(p_from_year integer, p_to_year integer, p_org_unit_id bigint default null)
returns table (
  visitor_id uuid,
  visitor_name text,
  year integer,
  visits bigint,
  with_problems bigint
)
language plpgsql stable security invoker
set search_path = ''
set plan_cache_mode = force_custom_plan
as $$
#variable_conflict use_column
begin
  perform app.check_parameter('p_from_year', '起始年度', p_from_year, 2000, 2100);
  perform app.check_parameter('p_to_year', '截止年度', p_to_year, 2000, 2100);
  perform app.check_parameter('p_to_year', '截止年度', p_to_year, p_from_year, p_from_year + 50);
  return query
  with leaders as (select pp.id, pp.display_name from public.contact_people pp where pp.role = 'leader'),
  counted as (
    select v.visitor_id, extract(year from v.visited_on)::integer as year, count(*) as visits,
           count(*) filter (where nullif(btrim(v.problems), '') is not null) as with_problems
      from public.visits v
      join public.branches b on b.id = v.branch_id
     where v.visitor_id in (select id from leaders)
       and v.visited_on between make_date(p_from_year, 1, 1) and make_date(p_to_year, 12, 31)
       and (p_org_unit_id is null or b.org_unit_id = p_org_unit_id)
     group by 1, 2
  )
  select l.id, l.display_name, y::integer, coalesce(c.visits, 0), coalesce(c.with_problems, 0)
    from leaders l
    cross join generate_series(p_from_year, p_to_year) y
    left join counted c on c.visitor_id = l.id and c.year = y
   order by l.display_name, l.id, y;
end;
$$;
comment on function public.visits_by_leader_year(integer, integer, bigint) is
  '校领导各年度走访次数 (含反映问题的次数): 每位校领导、每个年度一行, 无走访为 0';

-- Follow-ups open on p_day: a follow-up written, the visit made by then and not resolved by then.
create function public.open_follow_ups(p_day date default current_date, p_org_unit_id bigint default null)
returns table (
  visit_id bigint,
  visited_on date,
  kind public.visit_kind,
  branch_id bigint,
  branch_name text,
  org_unit_id bigint,
  org_unit_name text,
  visitor text,
  problems text,
  follow_up text,
  days_open integer
)
language plpgsql stable security invoker
set search_path = ''
set plan_cache_mode = force_custom_plan
as $$
#variable_conflict use_column
begin
  perform app.check_parameter('p_day', '统计日期', p_day, app.earliest_date(), app.final_date());
  return query
  select v.id, v.visited_on, v.kind, b.id, b.name, u.id, u.name,
         coalesce(pp.display_name, v.visitor_name), v.problems, v.follow_up, p_day - v.visited_on
    from public.visits v
    join public.branches b on b.id = v.branch_id
    join public.org_units u on u.id = b.org_unit_id
    left join public.contact_people pp on pp.id = v.visitor_id
   where nullif(btrim(v.follow_up), '') is not null
     and v.visited_on <= p_day and (v.resolved_on is null or v.resolved_on > p_day)
     and (p_org_unit_id is null or b.org_unit_id = p_org_unit_id)
   order by v.visited_on, v.id;
end;
$$;
comment on function public.open_follow_ups(date, bigint) is '统计日尚未解决的走访跟进事项 (最早的在前), 含已过天数';

-- The caller's own contact branches on p_day, with the caller's visits to each that year and open follow-ups.
create function public.my_contact_points(p_day date default current_date)
returns table (
  contact_point_id bigint,
  branch_id bigint,
  branch_name text,
  org_unit_name text,
  started_on date,
  visits_this_year bigint,
  last_visited_on date,
  open_follow_ups bigint
)
language plpgsql stable security invoker
set search_path = ''
set plan_cache_mode = force_custom_plan
as $$
#variable_conflict use_column
begin
  perform app.check_parameter('p_day', '统计日期', p_day, app.earliest_date(), app.final_date());
  return query
  select c.id, b.id, b.name, u.name, c.started_on,
         (select count(*) from public.visits v
           where v.branch_id = c.branch_id and v.visitor_id = c.contact_id
             and v.visited_on between date_trunc('year', p_day)::date and p_day),
         (select max(v.visited_on) from public.visits v
           where v.branch_id = c.branch_id and v.visitor_id = c.contact_id and v.visited_on <= p_day),
         (select count(*) from public.visits v
           where v.branch_id = c.branch_id and v.visitor_id = c.contact_id and v.visited_on <= p_day
             and nullif(btrim(v.follow_up), '') is not null and (v.resolved_on is null or v.resolved_on > p_day))
    from public.contact_points c
    join public.branches b on b.id = c.branch_id
    join public.org_units u on u.id = b.org_unit_id
   where c.contact_id = auth.uid()
     and c.started_on <= p_day and (c.ended_on is null or c.ended_on >= p_day)
   order by u.code, b.code, c.id;
end;
$$;
comment on function public.my_contact_points(date) is
  '当前用户 (auth.uid()) 统计日的联系点: 支部、本年度本人走访次数、最近走访日期、待跟进事项数';

-- The caller's own visits whose follow-up is open on p_day (the home page of a leader).
create function public.my_open_follow_ups(p_day date default current_date)
returns table (
  visit_id bigint,
  visited_on date,
  kind public.visit_kind,
  branch_name text,
  org_unit_name text,
  problems text,
  follow_up text,
  days_open integer
)
language plpgsql stable security invoker
set search_path = ''
set plan_cache_mode = force_custom_plan
as $$
#variable_conflict use_column
begin
  perform app.check_parameter('p_day', '统计日期', p_day, app.earliest_date(), app.final_date());
  return query
  select v.id, v.visited_on, v.kind, b.name, u.name, v.problems, v.follow_up, p_day - v.visited_on
    from public.visits v
    join public.branches b on b.id = v.branch_id
    join public.org_units u on u.id = b.org_unit_id
   where v.visitor_id = auth.uid()
     and nullif(btrim(v.follow_up), '') is not null
     and v.visited_on <= p_day and (v.resolved_on is null or v.resolved_on > p_day)
   order by v.visited_on, v.id;
end;
$$;
comment on function public.my_open_follow_ups(date) is '当前用户 (auth.uid()) 本人走访中统计日尚未解决的跟进事项';

revoke all on function public.contact_point_coverage(date, bigint), public.contact_point_summary(date, bigint),
  public.visits_by_leader_year(integer, integer, bigint), public.open_follow_ups(date, bigint),
  public.my_contact_points(date), public.my_open_follow_ups(date) from public, anon;
grant execute on function public.contact_point_coverage(date, bigint), public.contact_point_summary(date, bigint),
  public.visits_by_leader_year(integer, integer, bigint), public.open_follow_ups(date, bigint),
  public.my_contact_points(date), public.my_open_follow_ups(date) to authenticated, service_role;
revoke all on function app.check_outreach_person(text, text, uuid, bigint, text), app.check_outreach_committee(text, text, uuid)
  from public, anon;
