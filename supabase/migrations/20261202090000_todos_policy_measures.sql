-- 待办 over the policy-measure registers (issue 11's last items), each kind as the to-do migration defines one:
-- a row test public.todo_<kind>(<register>) that the register's list filters on, a set app.todo_<kind>() for
-- the cached items, and its row in app.todo_kinds with the tables it reads; app.rebuild_todos() then adds it
-- to app.todo_compute() and puts the change triggers on those tables.
--   meetings_none_this_quarter  a live branch with none of the standard meetings held so far this quarter (§8, §14)
--   case_awaiting_recommendation a submitted case its unit has not recommended yet (§15)
--   case_awaiting_rating        a recommended case 组织部 has not rated yet (§15)
--   plan_awaiting_review        a submitted 卓越党支部 plan 组织部 has not approved yet (§13)
--   follow_up_overdue           a visit's follow-up open for more than `visit_follow_up_days` days (§7, §14)

insert into public.settings (key, label, value, unit, min_value, max_value, description, position) values
  ('visit_follow_up_days', '走访问题跟进时限', 30, '天', 1, 365,
   '走访中提出的问题超过该天数仍未解决时列入待办 (走访问题跟进超期)', 80);

-- ---------------------------------------------------------------------------------------------------------
-- Row tests (computed columns for the lists' filters), security definer like the other kinds' (a security
-- invoker test would run the registers' RLS once per row).
-- ---------------------------------------------------------------------------------------------------------
create function public.todo_meetings_none_this_quarter(b public.branches) returns boolean
language plpgsql stable security definer
set search_path = ''
as $$
begin
  return b.status = 'active' and (b.founded_on is null or b.founded_on <= current_date)
     and not exists (select 1 from public.meetings m
                      where m.branch_id = b.id and m.held_on between date_trunc('quarter', current_date)::date and current_date
                        and m.kind in (select s.kind from public.meeting_standards s));
end;
$$;
comment on function public.todo_meetings_none_this_quarter(public.branches) is '待办: 本季度尚未召开任何规定的组织生活会议';

create function public.todo_case_awaiting_recommendation(c public.cases) returns boolean
language plpgsql stable security definer
set search_path = ''
as $$ begin return c.status = 'submitted'; end; $$;
comment on function public.todo_case_awaiting_recommendation(public.cases) is '待办: 已提交、待本单位推荐的党建案例';

create function public.todo_case_awaiting_rating(c public.cases) returns boolean
language plpgsql stable security definer
set search_path = ''
as $$ begin return c.status = 'recommended'; end; $$;
comment on function public.todo_case_awaiting_rating(public.cases) is '待办: 已推荐、待组织部评定的党建案例';

create function public.todo_plan_awaiting_review(p public.excellence_plans) returns boolean
language plpgsql stable security definer
set search_path = ''
as $$ begin return p.status = 'submitted'; end; $$;
comment on function public.todo_plan_awaiting_review(public.excellence_plans) is '待办: 已提交、待组织部审核的卓越党支部计划';

create function public.todo_follow_up_overdue(v public.visits) returns boolean
language plpgsql stable security definer
set search_path = ''
as $$
begin
  return coalesce(btrim(v.follow_up), '') <> '' and v.resolved_on is null
     and v.visited_on < current_date - (select s.value from public.settings s where s.key = 'visit_follow_up_days')::integer;
end;
$$;
comment on function public.todo_follow_up_overdue(public.visits) is '待办: 走访提出的问题超过跟进时限仍未解决';

revoke execute on function public.todo_meetings_none_this_quarter(public.branches), public.todo_case_awaiting_recommendation(public.cases),
  public.todo_case_awaiting_rating(public.cases), public.todo_plan_awaiting_review(public.excellence_plans),
  public.todo_follow_up_overdue(public.visits) from public, anon;
grant execute on function public.todo_meetings_none_this_quarter(public.branches), public.todo_case_awaiting_recommendation(public.cases),
  public.todo_case_awaiting_rating(public.cases), public.todo_plan_awaiting_review(public.excellence_plans),
  public.todo_follow_up_overdue(public.visits) to authenticated, service_role;

-- ---------------------------------------------------------------------------------------------------------
-- The sets, for the whole school (app.todo_compute() runs as the owner and public.todos() scopes the result).
-- ---------------------------------------------------------------------------------------------------------
create function app.todo_meetings_none_this_quarter() returns table (id bigint, org_unit_id bigint)
language sql stable
as $$
  select b.id, b.org_unit_id from app.todo_live_branches() b
   where not exists (select 1 from public.meetings m
                      where m.branch_id = b.id and m.held_on between date_trunc('quarter', current_date)::date and current_date
                        and m.kind in (select s.kind from public.meeting_standards s))
$$;

create function app.todo_case_awaiting_recommendation() returns table (id bigint, org_unit_id bigint)
language sql stable
as $$ select c.id, b.org_unit_id from public.cases c join public.branches b on b.id = c.branch_id where c.status = 'submitted' $$;

create function app.todo_case_awaiting_rating() returns table (id bigint, org_unit_id bigint)
language sql stable
as $$ select c.id, b.org_unit_id from public.cases c join public.branches b on b.id = c.branch_id where c.status = 'recommended' $$;

create function app.todo_plan_awaiting_review() returns table (id bigint, org_unit_id bigint)
language sql stable
as $$
  select p.id, b.org_unit_id from public.excellence_plans p join public.branches b on b.id = p.branch_id where p.status = 'submitted'
$$;

create function app.todo_follow_up_overdue() returns table (id bigint, org_unit_id bigint)
language sql stable
as $$
  select v.id, b.org_unit_id from public.visits v join public.branches b on b.id = v.branch_id
   where coalesce(btrim(v.follow_up), '') <> '' and v.resolved_on is null
     and v.visited_on < current_date - (select s.value from public.settings s where s.key = 'visit_follow_up_days')::integer
$$;

revoke all on function app.todo_meetings_none_this_quarter(), app.todo_case_awaiting_recommendation(),
  app.todo_case_awaiting_rating(), app.todo_plan_awaiting_review(), app.todo_follow_up_overdue() from public, anon, authenticated;

insert into app.todo_kinds (kind, position, label, label_en, description, register, fix_path, tables) values
  ('meetings_none_this_quarter', 70, '本季度未开展组织生活的支部', 'Branches with no meetings this quarter',
   '本季度至今没有召开任何规定的组织生活会议', 'branches', '/branches/show/:id', '{branches,meetings,meeting_standards}'),
  ('case_awaiting_recommendation', 80, '待推荐的党建案例', 'Cases awaiting the unit''s recommendation',
   '支部已提交, 本单位尚未推荐', 'cases', '/cases/show/:id', '{cases,branches}'),
  ('case_awaiting_rating', 81, '待评定的党建案例', 'Cases awaiting rating', '本单位已推荐, 组织部尚未评定',
   'cases', '/cases/show/:id', '{cases,branches}'),
  ('plan_awaiting_review', 85, '待审核的卓越党支部计划', 'Excellence plans awaiting review', '已提交, 组织部尚未审核',
   'excellence_plans', '/excellence-plans/show/:id', '{excellence_plans,branches}'),
  ('follow_up_overdue', 90, '走访问题跟进超期', 'Visit follow-ups overdue', '走访提出的问题超过跟进时限 (阈值设置) 仍未解决',
   'visits', '/visits/edit/:id', '{visits,branches,settings}');

select app.rebuild_todos();
