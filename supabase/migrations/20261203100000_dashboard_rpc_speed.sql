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

-- coverage_trend: the covered carriers of each of the p_months days were counted by joining every day with every
-- merged coverage period (24 × 11 k pairs at seed scale 10). A carrier's merged periods are disjoint, so the
-- carriers covered on day d are the periods begun by d minus those ended before d; each period is placed once
-- among the sorted days (width_bucket) and the days take running sums. Same counts.
create or replace function public.coverage_trend(p_months integer default 24, p_end date default current_date,
                                      p_org_unit_id bigint default null, p_carrier_kind public.carrier_kind default null,
                                      p_branch_kind public.branch_kind default null)
returns table (
  month date,
  day date,
  carriers bigint,
  covered bigint,
  coverage_rate numeric
)
language plpgsql stable security invoker
set search_path = ''
set plan_cache_mode = force_custom_plan
as $$
#variable_conflict use_column
begin
  perform app.check_parameter('p_months', '月数', p_months, 1, 240);
  perform app.check_parameter('p_end', '截止日期', p_end, app.earliest_date(), app.final_date());
  return query
  with days as materialized (
    -- the last day of each of the p_months months up to p_end (p_end itself for its own month), ascending and
    -- distinct (only the last one is cut to p_end, which is after the month before's last day)
    select m::date as month, least((m + interval '1 month' - interval '1 day')::date, p_end) as day,
           row_number() over (order by m) as i
      from generate_series(date_trunc('month', p_end) - make_interval(months => greatest(p_months, 1) - 1),
                           date_trunc('month', p_end), interval '1 month') m
  ),
  thresholds as (select array_agg(d.day order by d.day) as days from days d),
  scope as (
    select c.id from public.carriers c
     where (p_org_unit_id is null or c.org_unit_id = p_org_unit_id)
       and (p_carrier_kind is null or c.kind = p_carrier_kind)
  ),
  active_coverage as (
    select cc.carrier_id, cc.started_on, coalesce(cc.ended_on, 'infinity'::date) as ended_on
      from public.carrier_coverages cc
      join scope s on s.id = cc.carrier_id
      join public.branches b on b.id = cc.branch_id
     where b.status = 'active' and (p_branch_kind is null or b.kind = p_branch_kind)
  ),
  -- A carrier's overlapping coverages merged into disjoint periods, so each covered day counts it once.
  flagged as (
    select a.*, case when max(a.ended_on) over (partition by a.carrier_id order by a.started_on, a.ended_on
                                                rows between unbounded preceding and 1 preceding) >= a.started_on
                     then 0 else 1 end as starts_period
      from active_coverage a
  ),
  numbered as (
    select f.*, sum(f.starts_period) over (partition by f.carrier_id order by f.started_on, f.ended_on) as period
      from flagged f
  ),
  periods as (
    select n.carrier_id, min(n.started_on) as started_on, max(n.ended_on) as ended_on
      from numbered n group by n.carrier_id, n.period
  ),
  -- width_bucket(x, days) = how many days are ≤ x: a period counts from the first day ≥ its start
  -- (index width_bucket(start - 1) + 1) and stops counting from the first day after its end (width_bucket(end) + 1).
  changes as materialized (
    select e.i, sum(e.delta) as delta
      from periods p
     cross join thresholds t
     cross join lateral (values (width_bucket(p.started_on - 1, t.days) + 1, 1),
                                (width_bucket(p.ended_on, t.days) + 1, -1)) e (i, delta)
     group by e.i
  ),
  total as (select count(*) as carriers from scope)
  select d.month, d.day, t.carriers, c.covered,
         case when t.carriers > 0 then round(c.covered::numeric / t.carriers, 4) end
    from days d
    cross join total t
    cross join lateral (select coalesce(sum(x.delta), 0)::bigint as covered from changes x where x.i <= d.i) c
   order by d.month;
end;
$$;

-- 组织生活 (meetings, 20261202030000): app.meeting_periods had `set search_path = ''` too, so every RPC ran it as a
-- separate generic plan (dates, unit and branch kind unknown) over the year's meetings (127 k at seed scale 10):
-- 0.7–1.9 s each. Now:
-- - app.meeting_periods has no SET (names schema-qualified), so it is inlined with the RPC's parameters as constants
--   (force_custom_plan below), and it reads only the meetings that can fall in one of its periods (from the start
--   of p_from's period of each standard: a quarter's status no longer groups the whole year's meetings);
-- - the three completion RPCs sum app.meeting_completion_cells (per unit, kind and period) instead of building a row
--   per branch and period (171 k) and joining the meetings to them;
-- - the year's meetings come from a covering index (index-only scan) and are grouped in memory (work_mem: the
--   127 k groups spilled to disk at the default 4 MB).
-- Same rows and numbers (analytics_life.test.ts compares them with independent SQL).
create or replace function app.meeting_periods(p_from date, p_to date, p_org_unit_id bigint, p_branch_kind public.branch_kind)
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
as $$
  with standards as (
    select s.kind, s.frequency, s.per_period,
           case s.frequency when 'monthly' then 'month' when 'quarterly' then 'quarter' else 'year' end as unit,
           case s.frequency when 'monthly' then interval '1 month' when 'quarterly' then interval '3 months'
                            else interval '1 year' end as step,
           date_trunc(case s.frequency when 'monthly' then 'month' when 'quarterly' then 'quarter' else 'year' end,
                      p_from::timestamp)::date as first_day
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
    -- only meetings of the periods above: from the start of p_from's period of the kind's standard (a meeting
    -- before it falls in no period); the year's start bounds the index range
    select m.branch_id, m.kind, date_trunc(s.unit, m.held_on::timestamp)::date as period_start, count(*)::integer as n
      from public.meetings m
      join standards s on s.kind = m.kind
     where m.held_on between date_trunc('year', p_from::timestamp)::date and p_to
       and m.held_on >= s.first_day
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

-- The sums of app.meeting_periods per org unit, kind and period, without building its row per branch and period
-- (171 k rows a year at seed scale 10) and joining the year's meetings to them: what is owed is counted over
-- the branches grouped by unit (a branch founded before the first period owes every period), what was held is
-- each (branch, kind, period)'s meetings capped at the standard, summed over the branches in scope founded by the
-- period's end. Exactly the sums of meeting_periods' expected and held over the same rows.
create function app.meeting_completion_cells(p_from date, p_to date, p_org_unit_id bigint,
                                             p_branch_kind public.branch_kind)
returns table (
  org_unit_id bigint,
  kind public.meeting_kind,
  frequency public.meeting_frequency,
  period_start date,
  period_end date,
  expected bigint,
  held bigint
)
language sql stable security invoker
as $$
  with standards as (
    select s.kind, s.frequency, s.per_period,
           case s.frequency when 'monthly' then 'month' when 'quarterly' then 'quarter' else 'year' end as unit,
           case s.frequency when 'monthly' then interval '1 month' when 'quarterly' then interval '3 months'
                            else interval '1 year' end as step,
           date_trunc(case s.frequency when 'monthly' then 'month' when 'quarterly' then 'quarter' else 'year' end,
                      p_from::timestamp)::date as first_day
      from public.meeting_standards s
     where s.kind <> 'secretary_forum'
  ),
  periods as materialized (
    select s.kind, s.frequency, s.per_period, s.unit, p::date as period_start, (p + s.step - interval '1 day')::date as period_end
      from standards s
     cross join lateral generate_series(date_trunc(s.unit, p_from::timestamp), p_to::timestamp, s.step) p
  ),
  scoped_branches as materialized (
    select b.id, b.org_unit_id, b.founded_on
      from public.branches b
     where b.status = 'active'
       and (p_org_unit_id is null or b.org_unit_id = p_org_unit_id)
       and (p_branch_kind is null or b.kind = p_branch_kind)
  ),
  -- branches per unit and founding date, every founding before p_from's year as one (null): founded by any period's end
  branch_groups as (
    select b.org_unit_id,
           case when b.founded_on >= date_trunc('year', p_from::timestamp)::date then b.founded_on end as founded_on,
           count(*) as branches
      from scoped_branches b
     group by 1, 2
  ),
  owed as (
    select g.org_unit_id, p.kind, p.frequency, p.period_start, p.period_end, sum(g.branches * p.per_period) as expected
      from branch_groups g
      cross join periods p
     where g.founded_on is null or g.founded_on <= p.period_end
     group by 1, 2, 3, 4, 5
  ),
  held as (
    select m.branch_id, m.kind, date_trunc(s.unit, m.held_on::timestamp)::date as period_start, count(*) as n
      from public.meetings m
      join standards s on s.kind = m.kind
     where m.held_on between date_trunc('year', p_from::timestamp)::date and p_to
       and m.held_on >= s.first_day
       and m.branch_id is not null
       and (p_org_unit_id is null or m.org_unit_id = p_org_unit_id)
     group by 1, 2, 3
  ),
  done as (
    select b.org_unit_id, p.kind, p.period_start, sum(least(h.n, p.per_period)) as held
      from held h
      join scoped_branches b on b.id = h.branch_id
      join periods p on p.kind = h.kind and p.period_start = h.period_start
     where b.founded_on is null or b.founded_on <= p.period_end
     group by 1, 2, 3
  )
  select o.org_unit_id, o.kind, o.frequency, o.period_start, o.period_end, o.expected::bigint,
         coalesce(d.held, 0)::bigint
    from owed o
    left join done d on d.org_unit_id = o.org_unit_id and d.kind = o.kind and d.period_start = o.period_start
$$;
comment on function app.meeting_completion_cells(date, date, bigint, public.branch_kind) is
  '组织生活完成情况按二级党组织 × 类型 × 周期汇总的应开与已开次数 (与 app.meeting_periods 逐支部相加相同)';
revoke all on function app.meeting_completion_cells(date, date, bigint, public.branch_kind) from public, anon;
grant execute on function app.meeting_completion_cells(date, date, bigint, public.branch_kind) to authenticated, service_role;

create or replace function public.meeting_completion_by_unit_quarter(p_day date default current_date,
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
    from app.meeting_completion_cells(date_trunc('year', p_day::timestamp)::date, p_day, p_org_unit_id, p_branch_kind) p
    join public.org_units u on u.id = p.org_unit_id
   group by u.id, u.code, u.name, 4
   order by u.code, 4;
end;
$$;

create or replace function public.meeting_completion_by_kind(p_day date default current_date,
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
    from app.meeting_completion_cells(date_trunc('year', p_day::timestamp)::date, p_day, p_org_unit_id, p_branch_kind) p
   group by p.kind, p.frequency
   order by p.kind;
end;
$$;

create or replace function public.meeting_completion_summary(p_day date default current_date,
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
    from app.meeting_completion_cells(date_trunc('year', p_day::timestamp)::date, p_day, p_org_unit_id, p_branch_kind) p;
end;
$$;

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
