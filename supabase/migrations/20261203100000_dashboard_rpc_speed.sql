-- 队伍建设 (team_analytics, 20261202040100) at seed scale 10 took 2.5–5 s per RPC and team_trend timed out (8 s).
-- app.team_secretaries had `set search_path = ''`: a function with a SET clause is never inlined, so it ran as a
-- separate generic plan (year and unit unknown) summing each secretary's hours in a correlated subquery, and
-- team_trend ran it once per year. Now it is plain SQL without SET (every name schema-qualified, pg_catalog first,
-- so a caller's search_path cannot redirect it), inlined into each RPC with the year and unit as constants, the
-- year's hours summed once per member in one pass and joined. Same rows, same sums; still security invoker.
create or replace function app.team_secretaries(p_year integer, p_org_unit_id bigint)
returns table (branch_id bigint, org_unit_id bigint, member_id bigint, professional_title public.professional_title,
               hours numeric)
language sql stable security invoker
as $$
  select b.id, b.org_unit_id, m.id, m.professional_title, coalesce(h.hours, 0)
    from public.branches b
    join public.members m on m.id = b.secretary_id
    left join (select a.member_id, sum(a.hours) as hours
                 from public.training_attendance a
                 join public.trainings t on t.id = a.training_id
                where t.held_on between pg_catalog.make_date(p_year, 1, 1) and pg_catalog.make_date(p_year, 12, 31)
                group by a.member_id) h on h.member_id = m.id
   where b.status = 'active' and (b.founded_on is null or b.founded_on <= pg_catalog.make_date(p_year, 12, 31))
     and (p_org_unit_id is null or b.org_unit_id = p_org_unit_id)
$$;

-- Inlined too (it was called per secretary row with a configuration push and pop each time).
create or replace function app.is_senior_title(p_title public.professional_title) returns boolean
language sql immutable
as $$ select p_title in ('senior'::public.professional_title, 'associate_senior'::public.professional_title) $$;

-- The KPI row: one pass over the secretaries instead of seven sub-selects.
create or replace function public.team_summary(p_year integer default extract(year from current_date)::integer,
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
  with s as (
    select count(*) as secretaries,
           count(*) filter (where app.is_senior_title(s.professional_title)) as senior,
           count(*) filter (where s.hours > 0) as trained,
           count(*) filter (where s.hours >= standard) as meeting,
           round(avg(s.hours), 1) as average_hours
      from app.team_secretaries(p_year, p_org_unit_id) s
  ),
  b as (
    select count(*) as branches, count(*) filter (where b.secretary_id is null) as vacant
      from public.branches b
     where b.status = 'active' and (b.founded_on is null or b.founded_on <= make_date(p_year, 12, 31))
       and (p_org_unit_id is null or b.org_unit_id = p_org_unit_id)
  )
  select b.branches, b.vacant,
         s.secretaries,
         s.senior,
         case when s.secretaries > 0 then round(s.senior::numeric / s.secretaries, 4) end,
         standard,
         s.trained,
         s.meeting,
         case when s.secretaries > 0 then round(s.meeting::numeric / s.secretaries, 4) end,
         s.average_hours
    from b, s;
end;
$$;

-- By year: the secretaries do not depend on the year except through the founding date, so they are read once and
-- crossed with the years, and the hours of every year of the range are summed in one pass over the attendance
-- (per member and year) instead of once per year.
create or replace function public.team_trend(p_from_year integer default 2024,
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
  with sec as materialized (
    -- app.team_secretaries without the year: the current secretaries of the active branches
    select b.founded_on, m.id as member_id, m.professional_title
      from public.branches b
      join public.members m on m.id = b.secretary_id
     where b.status = 'active' and (p_org_unit_id is null or b.org_unit_id = p_org_unit_id)
  ),
  h as (
    select a.member_id, extract(year from t.held_on)::integer as year, sum(a.hours) as hours
      from public.training_attendance a
      join public.trainings t on t.id = a.training_id
     where t.held_on between make_date(p_from_year, 1, 1) and make_date(p_to_year, 12, 31)
     group by a.member_id, extract(year from t.held_on)::integer
  ),
  s as (
    select y.y, sec.member_id, sec.professional_title, coalesce(h.hours, 0) as hours
      from generate_series(p_from_year, p_to_year) y (y)
      join sec on sec.founded_on is null or sec.founded_on <= make_date(y.y, 12, 31)
      left join h on h.member_id = sec.member_id and h.year = y.y
  )
  select y.y, count(s.member_id),
         count(s.member_id) filter (where app.is_senior_title(s.professional_title)),
         case when count(s.member_id) > 0
              then round((count(s.member_id) filter (where app.is_senior_title(s.professional_title)))::numeric / count(s.member_id), 4) end,
         count(s.member_id) filter (where s.hours >= standard),
         case when count(s.member_id) > 0
              then round((count(s.member_id) filter (where s.hours >= standard))::numeric / count(s.member_id), 4) end,
         round(avg(s.hours), 1)
    from generate_series(p_from_year, p_to_year) y (y)
    left join s on s.y = y.y
   group by y.y
   order by y.y;
end;
$$;

-- The distribution: the secretaries bucketed once and counted by a join, not re-read by a sub-select per bucket.
create or replace function public.team_training_hours_distribution(p_year integer default extract(year from current_date)::integer,
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
                else least(4, 1 + floor(s.hours / (standard / 4))::integer) end as bucket,
           count(*) as secretaries
      from app.team_secretaries(p_year, p_org_unit_id) s
     group by 1
  )
  select e.bucket, e.hours_from, e.hours_to,
         case e.bucket
           when 0 then '0 学时'
           when 1 then format('不足 %s 学时', trim_scale(e.hours_to))
           when 5 then format('%s 学时及以上 (达标)', trim_scale(e.hours_from))
           else format('%s–%s 学时', trim_scale(e.hours_from), trim_scale(e.hours_to))
         end,
         coalesce(s.secretaries, 0)
    from edges e
    left join s on s.bucket = e.bucket
   order by e.bucket;
end;
$$;

-- 组织生活 (meetings, 20261202030000): app.meeting_periods had `set search_path = ''` too, so every RPC ran it as a
-- separate generic plan (dates, unit and branch kind unknown) over this year's meetings (127 k rows at seed scale
-- 10) — 0.5–1 s each. Without the SET it is inlined into the RPC, which now plans with its parameters as constants
-- (force_custom_plan, as the other analytics RPCs), reads the year's meetings from a covering index (index-only
-- scan: held_on range, then branch, kind and, for row-level security and the unit filter, org_unit_id) and groups
-- them in memory (work_mem: the 127 k groups spilled to disk at the default 4 MB). Same query, same rows.
alter function app.meeting_periods(date, date, bigint, public.branch_kind) reset search_path;
create index meetings_held_on_branch_kind_idx on public.meetings (held_on, branch_id, kind) include (org_unit_id)
  where branch_id is not null;
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
    'public.meeting_attendance_trend(date, bigint, public.branch_kind)'
  ] loop
    execute format('alter function %s set plan_cache_mode = force_custom_plan', f);
    execute format('alter function %s set work_mem = %L', f, '32MB');
  end loop;
end;
$$;
analyze public.meetings;
