-- 队伍建设 (§18) analytics: secretaries with senior titles, secretaries' training hours against the yearly standard
-- (setting training_hours_standard), branches without a secretary. Security invoker like every analytics RPC:
-- a committee sees its own unit (its secretaries are its members, and a unit training only has its own members).
--
-- A year's secretaries. There is no history of office holders (branches.secretary_id is the one source, see
-- 20261201000400) nor of titles, so, as home_kpis does, the secretaries of year Y are the current secretaries of
-- the active branches founded by 31 December of Y (founding date unknown counts), with their current title.
-- Their training hours of Y are the hours of their attendance at trainings held in Y (whatever their post was
-- then). A branch without a secretary is an active branch founded by 31 December of Y whose post is vacant now.

-- The secretaries of a year with their hours: one call per RPC (a set-returning function, run once, not per row).
create function app.team_secretaries(p_year integer, p_org_unit_id bigint)
returns table (branch_id bigint, org_unit_id bigint, member_id bigint, professional_title public.professional_title,
               hours numeric)
language sql stable security invoker
set search_path = ''
as $$
  select b.id, b.org_unit_id, m.id, m.professional_title,
         coalesce((select sum(a.hours)
                     from public.training_attendance a join public.trainings t on t.id = a.training_id
                    where a.member_id = m.id
                      and t.held_on between make_date(p_year, 1, 1) and make_date(p_year, 12, 31)), 0)
    from public.branches b
    join public.members m on m.id = b.secretary_id
   where b.status = 'active' and (b.founded_on is null or b.founded_on <= make_date(p_year, 12, 31))
     and (p_org_unit_id is null or b.org_unit_id = p_org_unit_id)
$$;
comment on function app.team_secretaries(integer, bigint) is
  '某年的支部书记 (截至该年年底已成立的正常支部的现任书记) 及其当年培训学时; 以调用者权限运行';

-- Whether a title counts as 高级职称 (正高 or 副高).
create function app.is_senior_title(p_title public.professional_title) returns boolean
language sql immutable
set search_path = ''
as $$ select p_title in ('senior', 'associate_senior') $$;
comment on function app.is_senior_title(public.professional_title) is '高级职称 = 正高或副高 (§18)';

-- ---------------------------------------------------------------------------------------------------------
-- One row for a year: the KPI cards of the dashboard and the home page.
-- ---------------------------------------------------------------------------------------------------------
create function public.team_summary(p_year integer default extract(year from current_date)::integer,
                                    p_org_unit_id bigint default null)
returns table (
  branches bigint,
  branches_without_secretary bigint,
  secretaries bigint,
  senior_title_secretaries bigint,
  senior_title_share numeric,
  standard_hours numeric,
  trained_secretaries bigint,
  secretaries_meeting_standard bigint,
  training_coverage numeric,
  average_hours numeric
)
language plpgsql stable security invoker
set search_path = ''
set plan_cache_mode = force_custom_plan
as $$
#variable_conflict use_column
declare
  standard numeric := app.setting('training_hours_standard');
begin
  perform app.check_parameter('p_year', '年度', p_year, 2000, 2100);
  return query
  with s as (select * from app.team_secretaries(p_year, p_org_unit_id)),
  b as (
    select count(*) as branches, count(*) filter (where b.secretary_id is null) as vacant
      from public.branches b
     where b.status = 'active' and (b.founded_on is null or b.founded_on <= make_date(p_year, 12, 31))
       and (p_org_unit_id is null or b.org_unit_id = p_org_unit_id)
  )
  select b.branches, b.vacant,
         (select count(*) from s),
         (select count(*) from s where app.is_senior_title(s.professional_title)),
         (select case when count(*) > 0
                      then round((count(*) filter (where app.is_senior_title(s.professional_title)))::numeric / count(*), 4) end
            from s),
         standard,
         (select count(*) from s where s.hours > 0),
         (select count(*) from s where s.hours >= standard),
         (select case when count(*) > 0 then round((count(*) filter (where s.hours >= standard))::numeric / count(*), 4) end
            from s),
         (select round(avg(s.hours), 1) from s)
    from b;
end;
$$;
comment on function public.team_summary(integer, bigint) is
  '队伍建设概况 (一行): 截至年底已成立的正常支部数、书记空缺支部数、书记数、高级职称 (正高/副高) 书记数与占比、'
  '年度学时标准、当年参加过培训的书记数、学时达标书记数与达标率 (书记培训覆盖)、书记平均学时。书记为现任书记 (无历任记录)。';

-- ---------------------------------------------------------------------------------------------------------
-- Per org unit: titles of the secretaries and their training against the standard.
-- ---------------------------------------------------------------------------------------------------------
create function public.team_by_unit(p_year integer default extract(year from current_date)::integer,
                                    p_org_unit_id bigint default null)
returns table (
  org_unit_id bigint,
  org_unit_code text,
  org_unit_name text,
  branches bigint,
  branches_without_secretary bigint,
  secretaries bigint,
  senior bigint,
  associate_senior bigint,
  other_titles bigint,
  senior_title_share numeric,
  secretaries_meeting_standard bigint,
  training_coverage numeric,
  average_hours numeric
)
language plpgsql stable security invoker
set search_path = ''
set plan_cache_mode = force_custom_plan
as $$
#variable_conflict use_column
declare
  standard numeric := app.setting('training_hours_standard');
begin
  perform app.check_parameter('p_year', '年度', p_year, 2000, 2100);
  return query
  with s as (select * from app.team_secretaries(p_year, p_org_unit_id)),
  per_unit as (
    select s.org_unit_id,
           count(*) as secretaries,
           count(*) filter (where s.professional_title = 'senior') as senior,
           count(*) filter (where s.professional_title = 'associate_senior') as associate_senior,
           count(*) filter (where s.hours >= standard) as meeting,
           round(avg(s.hours), 1) as average_hours
      from s group by s.org_unit_id
  ),
  b as (
    select b.org_unit_id, count(*) as branches, count(*) filter (where b.secretary_id is null) as vacant
      from public.branches b
     where b.status = 'active' and (b.founded_on is null or b.founded_on <= make_date(p_year, 12, 31))
       and (p_org_unit_id is null or b.org_unit_id = p_org_unit_id)
     group by b.org_unit_id
  )
  select u.id, u.code, u.name, b.branches, b.vacant,
         coalesce(p.secretaries, 0), coalesce(p.senior, 0), coalesce(p.associate_senior, 0),
         coalesce(p.secretaries - p.senior - p.associate_senior, 0),
         case when p.secretaries > 0 then round((p.senior + p.associate_senior)::numeric / p.secretaries, 4) end,
         coalesce(p.meeting, 0),
         case when p.secretaries > 0 then round(p.meeting::numeric / p.secretaries, 4) end,
         p.average_hours
    from b
    join public.org_units u on u.id = b.org_unit_id
    left join per_unit p on p.org_unit_id = b.org_unit_id
   order by u.code;
end;
$$;
comment on function public.team_by_unit(integer, bigint) is
  '各二级党组织的支部书记: 支部数、书记空缺数、书记数、正高 / 副高 / 其他职称人数、高级职称占比、学时达标人数与达标率、平均学时。';

-- ---------------------------------------------------------------------------------------------------------
-- By year: the share of senior titles and of secretaries meeting the standard (the standard as set now).
-- ---------------------------------------------------------------------------------------------------------
create function public.team_trend(p_from_year integer default 2024,
                                  p_to_year integer default extract(year from current_date)::integer,
                                  p_org_unit_id bigint default null)
returns table (
  year integer,
  secretaries bigint,
  senior_title_secretaries bigint,
  senior_title_share numeric,
  secretaries_meeting_standard bigint,
  training_coverage numeric,
  average_hours numeric
)
language plpgsql stable security invoker
set search_path = ''
set plan_cache_mode = force_custom_plan
as $$
#variable_conflict use_column
declare
  standard numeric := app.setting('training_hours_standard');
begin
  perform app.check_parameter('p_from_year', '起始年度', p_from_year, 2000, 2100);
  perform app.check_parameter('p_to_year', '截止年度', p_to_year, 2000, 2100);
  perform app.check_parameter('p_to_year', '截止年度', p_to_year, p_from_year, p_from_year + 30);
  return query
  select y.y, count(s.member_id),
         count(s.member_id) filter (where app.is_senior_title(s.professional_title)),
         case when count(s.member_id) > 0
              then round((count(s.member_id) filter (where app.is_senior_title(s.professional_title)))::numeric / count(s.member_id), 4) end,
         count(s.member_id) filter (where s.hours >= standard),
         case when count(s.member_id) > 0
              then round((count(s.member_id) filter (where s.hours >= standard))::numeric / count(s.member_id), 4) end,
         round(avg(s.hours), 1)
    from generate_series(p_from_year, p_to_year) y (y)
    left join lateral app.team_secretaries(y.y, p_org_unit_id) s on true
   group by y.y
   order by y.y;
end;
$$;
comment on function public.team_trend(integer, integer, bigint) is
  '历年支部书记: 书记数、高级职称人数与占比、学时达标人数与达标率、平均学时 (按当前的学时标准; 书记为现任书记)。';

-- ---------------------------------------------------------------------------------------------------------
-- Distribution of the secretaries' hours in a year, in quarters of the standard (0 | < ¼ | ¼–½ | ½–¾ | ¾–1 | ≥ 1).
-- ---------------------------------------------------------------------------------------------------------
create function public.team_training_hours_distribution(p_year integer default extract(year from current_date)::integer,
                                                        p_org_unit_id bigint default null)
returns table (
  bucket integer,
  hours_from numeric,
  hours_to numeric,
  label text,
  secretaries bigint
)
language plpgsql stable security invoker
set search_path = ''
set plan_cache_mode = force_custom_plan
as $$
#variable_conflict use_column
declare
  standard numeric := app.setting('training_hours_standard');
begin
  perform app.check_parameter('p_year', '年度', p_year, 2000, 2100);
  return query
  with edges as (
    -- bucket 0 is "no hours"; k = 1..4 is [ (k-1)/4, k/4 ) of the standard, (0 excluded); 5 is the standard or more
    select k as bucket,
           case when k = 0 then 0 else round(standard * (k - 1) / 4, 1) end as hours_from,
           case when k = 0 then 0 when k = 5 then null else round(standard * k / 4, 1) end as hours_to
      from generate_series(0, 5) k
  ),
  s as (
    select case when s.hours = 0 then 0
                when s.hours >= standard then 5
                else least(4, 1 + floor(s.hours / (standard / 4))::integer) end as bucket
      from app.team_secretaries(p_year, p_org_unit_id) s
  )
  select e.bucket, e.hours_from, e.hours_to,
         case e.bucket
           when 0 then '0 学时'
           when 1 then format('不足 %s 学时', trim_scale(e.hours_to))
           when 5 then format('%s 学时及以上 (达标)', trim_scale(e.hours_from))
           else format('%s–%s 学时', trim_scale(e.hours_from), trim_scale(e.hours_to))
         end,
         (select count(*) from s where s.bucket = e.bucket)
    from edges e
   order by e.bucket;
end;
$$;
comment on function public.team_training_hours_distribution(integer, bigint) is
  '支部书记当年培训学时分布: 0 学时、不足标准的四分之一、四分之一至二分之一、二分之一至四分之三、四分之三至标准、达到标准。';

-- ---------------------------------------------------------------------------------------------------------
-- Active branches (founded by the end of the year) whose secretary post is vacant now.
-- ---------------------------------------------------------------------------------------------------------
create function public.branches_without_secretary(p_year integer default extract(year from current_date)::integer,
                                                  p_org_unit_id bigint default null)
returns table (
  branch_id bigint,
  branch_code text,
  branch_name text,
  branch_kind public.branch_kind,
  org_unit_id bigint,
  org_unit_name text,
  members bigint,
  last_election_on date
)
language plpgsql stable security invoker
set search_path = ''
set plan_cache_mode = force_custom_plan
as $$
#variable_conflict use_column
begin
  perform app.check_parameter('p_year', '年度', p_year, 2000, 2100);
  return query
  select b.id, b.code, b.name, b.kind, u.id, u.name,
         (select count(*) from public.members m where m.branch_id = b.id),
         b.last_election_on
    from public.branches b
    join public.org_units u on u.id = b.org_unit_id
   where b.status = 'active' and b.secretary_id is null
     and (b.founded_on is null or b.founded_on <= make_date(p_year, 12, 31))
     and (p_org_unit_id is null or b.org_unit_id = p_org_unit_id)
   order by u.code, b.code;
end;
$$;
comment on function public.branches_without_secretary(integer, bigint) is
  '书记空缺的支部: 截至该年年底已成立、现为正常状态且当前未指定书记的支部, 含党员数与最近换届日期。';

-- Only signed-in roles call analytics.
revoke all on function app.team_secretaries(integer, bigint) from public, anon;
grant execute on function app.team_secretaries(integer, bigint) to authenticated, service_role;
revoke all on function app.is_senior_title(public.professional_title) from public, anon;
grant execute on function app.is_senior_title(public.professional_title) to authenticated, service_role;
revoke all on function public.team_summary(integer, bigint) from public, anon;
grant execute on function public.team_summary(integer, bigint) to authenticated, service_role;
revoke all on function public.team_by_unit(integer, bigint) from public, anon;
grant execute on function public.team_by_unit(integer, bigint) to authenticated, service_role;
revoke all on function public.team_trend(integer, integer, bigint) from public, anon;
grant execute on function public.team_trend(integer, integer, bigint) to authenticated, service_role;
revoke all on function public.team_training_hours_distribution(integer, bigint) from public, anon;
grant execute on function public.team_training_hours_distribution(integer, bigint) to authenticated, service_role;
revoke all on function public.branches_without_secretary(integer, bigint) from public, anon;
grant execute on function public.branches_without_secretary(integer, bigint) to authenticated, service_role;
