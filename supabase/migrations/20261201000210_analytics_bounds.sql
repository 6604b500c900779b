-- Every analytics RPC bounds its parameters before it runs, with a 400 and a zh-CN message naming the parameter:
-- `coverage_trend(p_end => 'infinity')` ran an endless generate_series that wrote 13 GB of temp files, and
-- PostgREST does not cancel a query when the client goes away. The bounds are generous for any dashboard
-- (dates 1921-07-01 … 2100-12-31, at most 240 months, years 2000–2100 as budgets and cycles allow, ranking
-- limit ≤ 1000, activity standard 0 … 100000 元) and refuse NaN and ±Infinity (they are not between any bounds).
-- A null parameter keeps its meaning (no filter / no rows), it cannot run away.
--
-- The functions below are those of 20261125000500_analytics.sql with one `perform app.check_parameter(...)`
-- per bounded parameter at the top; bodies, signatures, comments and grants are unchanged. The wrappers check too
-- (the error then names their own parameter first). evaluation_trend has no parameter to bound and stays as it was.

create function app.check_parameter(p_name text, p_label text, p_value anycompatible, p_min anycompatible,
                                    p_max anycompatible)
returns void
language plpgsql immutable
set search_path = ''
as $$
begin
  -- 22023 invalid_parameter_value: PostgREST answers 400 with message, details and hint as given.
  if p_value is not null and not (p_value between p_min and p_max) then
    perform app.reject('analytics_parameter_range', p_name, format('%s须在 %s 到 %s 之间', p_label, p_min, p_max), '22023');
  end if;
end;
$$;
comment on function app.check_parameter(text, text, anycompatible, anycompatible, anycompatible) is
  '统计函数参数范围检查: 超出范围 (含 NaN、±Infinity) 时以 22023 拒绝, 提示参数中文名与范围, hint 为 field:<参数名>';
revoke all on function app.check_parameter(text, text, anycompatible, anycompatible, anycompatible) from public;
grant execute on function app.check_parameter(text, text, anycompatible, anycompatible, anycompatible)
  to authenticated, service_role;

create or replace function public.coverage_by_unit_kind(p_day date default current_date, p_org_unit_id bigint default null,
                                             p_branch_kind public.branch_kind default null)
returns table (
  org_unit_id bigint,
  org_unit_code text,
  org_unit_name text,
  carrier_kind public.carrier_kind,
  carriers bigint,
  covered bigint,
  uncovered bigint,
  coverage_rate numeric
)
language plpgsql stable security invoker
set search_path = ''
set plan_cache_mode = force_custom_plan
as $$
#variable_conflict use_column
begin
  perform app.check_parameter('p_day', '统计日期', p_day, app.earliest_date(), app.final_date());
  return query
  with covered as (
    select distinct cc.carrier_id
      from public.carrier_coverages cc
      join public.branches b on b.id = cc.branch_id
     where cc.started_on <= p_day and (cc.ended_on is null or cc.ended_on >= p_day)
       and b.status = 'active' and (p_branch_kind is null or b.kind = p_branch_kind)
  )
  select u.id, u.code, u.name, c.kind,
         count(*), count(v.carrier_id), count(*) - count(v.carrier_id),
         round(count(v.carrier_id)::numeric / count(*), 4)
    from public.carriers c
    join public.org_units u on u.id = c.org_unit_id
    left join covered v on v.carrier_id = c.id
   where p_org_unit_id is null or c.org_unit_id = p_org_unit_id
   group by u.id, u.code, u.name, c.kind
   order by u.code, c.kind;
end;
$$;

create or replace function public.coverage_by_kind(p_day date default current_date, p_org_unit_id bigint default null,
                                        p_branch_kind public.branch_kind default null)
returns table (
  carrier_kind public.carrier_kind,
  carriers bigint,
  covered bigint,
  uncovered bigint,
  coverage_rate numeric
)
language plpgsql stable security invoker
set search_path = ''
set plan_cache_mode = force_custom_plan
as $$
#variable_conflict use_column
begin
  perform app.check_parameter('p_day', '统计日期', p_day, app.earliest_date(), app.final_date());
  return query
  select r.carrier_kind, sum(r.carriers)::bigint, sum(r.covered)::bigint, sum(r.uncovered)::bigint,
         round(sum(r.covered) / sum(r.carriers), 4)
    from public.coverage_by_unit_kind(p_day, p_org_unit_id, p_branch_kind) r
   group by r.carrier_kind
   order by r.carrier_kind;
end;
$$;

create or replace function public.coverage_summary(p_day date default current_date, p_org_unit_id bigint default null,
                                        p_branch_kind public.branch_kind default null)
returns table (
  carriers bigint,
  covered bigint,
  uncovered bigint,
  coverage_rate numeric
)
language plpgsql stable security invoker
set search_path = ''
set plan_cache_mode = force_custom_plan
as $$
#variable_conflict use_column
begin
  perform app.check_parameter('p_day', '统计日期', p_day, app.earliest_date(), app.final_date());
  return query
  select coalesce(sum(r.carriers), 0)::bigint, coalesce(sum(r.covered), 0)::bigint, coalesce(sum(r.uncovered), 0)::bigint,
         case when sum(r.carriers) > 0 then round(sum(r.covered) / sum(r.carriers), 4) end
    from public.coverage_by_unit_kind(p_day, p_org_unit_id, p_branch_kind) r;
end;
$$;

create or replace function public.uncovered_carriers(p_day date default current_date, p_org_unit_id bigint default null,
                                          p_carrier_kind public.carrier_kind default null,
                                          p_branch_kind public.branch_kind default null)
returns table (
  carrier_id bigint,
  carrier_name text,
  carrier_kind public.carrier_kind,
  headcount integer,
  org_unit_id bigint,
  org_unit_code text,
  org_unit_name text,
  last_covered_on date
)
language plpgsql stable security invoker
set search_path = ''
set plan_cache_mode = force_custom_plan
as $$
#variable_conflict use_column
begin
  perform app.check_parameter('p_day', '统计日期', p_day, app.earliest_date(), app.final_date());
  return query
  select c.id, c.name, c.kind, c.headcount, u.id, u.code, u.name,
         (select max(least(coalesce(cc.ended_on, p_day), p_day)) from public.carrier_coverages cc
           where cc.carrier_id = c.id and cc.started_on <= p_day)
    from public.carriers c
    join public.org_units u on u.id = c.org_unit_id
   where (p_org_unit_id is null or c.org_unit_id = p_org_unit_id)
     and (p_carrier_kind is null or c.kind = p_carrier_kind)
     and not exists (
       select 1 from public.carrier_coverages cc join public.branches b on b.id = cc.branch_id
        where cc.carrier_id = c.id and cc.started_on <= p_day and (cc.ended_on is null or cc.ended_on >= p_day)
          and b.status = 'active' and (p_branch_kind is null or b.kind = p_branch_kind))
   order by c.headcount desc, c.id;
end;
$$;

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
    -- the last day of each of the p_months months up to p_end (p_end itself for its own month); materialized so
    -- the join below compares plain dates instead of recomputing this per pair
    select m::date as month, least((m + interval '1 month' - interval '1 day')::date, p_end) as day
      from generate_series(date_trunc('month', p_end) - make_interval(months => greatest(p_months, 1) - 1),
                           date_trunc('month', p_end), interval '1 month') m
  ),
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
  -- A carrier's overlapping coverages merged into disjoint periods, so each covered day counts it once
  -- (cheaper than count(distinct carrier) over every day x coverage pair).
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
  total as (select count(*) as carriers from scope)
  select d.month, d.day, t.carriers, count(p.carrier_id),
         case when t.carriers > 0 then round(count(p.carrier_id)::numeric / t.carriers, 4) end
    from days d
    cross join total t
    left join periods p on p.started_on <= d.day and p.ended_on >= d.day
   group by d.month, d.day, t.carriers
   order by d.month;
end;
$$;

create or replace function public.evaluation_distribution(p_year integer, p_org_unit_id bigint default null,
                                               p_branch_kind public.branch_kind default null,
                                               p_bucket_width integer default 5)
returns table (
  bucket_from numeric,
  bucket_to numeric,
  label text,
  branches bigint
)
language plpgsql stable security invoker
set search_path = ''
set plan_cache_mode = force_custom_plan
as $$
#variable_conflict use_column
begin
  perform app.check_parameter('p_year', '考核年度', p_year, 2000, 2100);
  perform app.check_parameter('p_bucket_width', '分段宽度', p_bucket_width, 1, 100);
  return query
  with scored as (
    select least(floor(e.total / p_bucket_width) * p_bucket_width, 100 - p_bucket_width) as bucket
      from public.branch_evaluations e
      join public.evaluation_cycles c on c.id = e.cycle_id
      join public.branches b on b.id = e.branch_id
     where c.year = p_year and e.total is not null
       and (p_org_unit_id is null or b.org_unit_id = p_org_unit_id)
       and (p_branch_kind is null or b.kind = p_branch_kind)
  ),
  buckets as (
    select g::numeric as bucket
      from generate_series((select coalesce(min(bucket), 100 - p_bucket_width) from scored)::int,
                           100 - p_bucket_width, p_bucket_width) g
  )
  select k.bucket, k.bucket + p_bucket_width, k.bucket || '–' || (k.bucket + p_bucket_width),
         count(s.bucket)
    from buckets k
    left join scored s on s.bucket = k.bucket
   group by k.bucket
   order by k.bucket;
end;
$$;

create or replace function public.evaluation_six_averages(p_year integer, p_org_unit_id bigint default null,
                                               p_branch_kind public.branch_kind default null)
returns table (
  dimension text,
  label text,
  school_average numeric,
  unit_average numeric
)
language plpgsql stable security invoker
set search_path = ''
set plan_cache_mode = force_custom_plan
as $$
#variable_conflict use_column
begin
  perform app.check_parameter('p_year', '考核年度', p_year, 2000, 2100);
  return query
  with scored as (
    select b.org_unit_id, e.*
      from public.branch_evaluations e
      join public.evaluation_cycles c on c.id = e.cycle_id
      join public.branches b on b.id = e.branch_id
     where c.year = p_year and (p_branch_kind is null or b.kind = p_branch_kind)
  ),
  long as (
    select s.org_unit_id, d.dimension, d.label, d.ord, d.score
      from scored s
      cross join lateral (values
        (1, 'leadership', '领导班子', s.score_leadership),
        (2, 'backbone', '骨干队伍', s.score_backbone),
        (3, 'venue', '服务场所', s.score_venue),
        (4, 'carrier', '服务载体', s.score_carrier),
        (5, 'system', '制度机制', s.score_system),
        (6, 'performance', '服务业绩', s.score_performance)
      ) as d (ord, dimension, label, score)
  )
  select l.dimension, l.label, round(avg(l.score), 2),
         case when p_org_unit_id is not null then round(avg(l.score) filter (where l.org_unit_id = p_org_unit_id), 2) end
    from long l
   group by l.ord, l.dimension, l.label
   order by l.ord;
end;
$$;

create or replace function public.evaluation_grades_by_unit(p_year integer, p_org_unit_id bigint default null,
                                                 p_branch_kind public.branch_kind default null)
returns table (
  org_unit_id bigint,
  org_unit_code text,
  org_unit_name text,
  evaluated bigint,
  excellent bigint,
  good bigint,
  qualified bigint,
  unqualified bigint,
  average_total numeric
)
language plpgsql stable security invoker
set search_path = ''
set plan_cache_mode = force_custom_plan
as $$
#variable_conflict use_column
begin
  perform app.check_parameter('p_year', '考核年度', p_year, 2000, 2100);
  return query
  select u.id, u.code, u.name, count(e.total),
         count(*) filter (where e.grade = 'excellent'), count(*) filter (where e.grade = 'good'),
         count(*) filter (where e.grade = 'qualified'), count(*) filter (where e.grade = 'unqualified'),
         round(avg(e.total), 2)
    from public.branch_evaluations e
    join public.evaluation_cycles c on c.id = e.cycle_id
    join public.branches b on b.id = e.branch_id
    join public.org_units u on u.id = b.org_unit_id
   where c.year = p_year and e.total is not null
     and (p_org_unit_id is null or b.org_unit_id = p_org_unit_id)
     and (p_branch_kind is null or b.kind = p_branch_kind)
   group by u.id, u.code, u.name
   order by u.code;
end;
$$;

create or replace function public.evaluation_ranking(p_year integer, p_org_unit_id bigint default null,
                                          p_branch_kind public.branch_kind default null,
                                          p_limit integer default 10, p_bottom boolean default false)
returns table (
  rank bigint,
  branch_id bigint,
  branch_code text,
  branch_name text,
  org_unit_id bigint,
  org_unit_name text,
  total numeric,
  grade public.branch_grade
)
language plpgsql stable security invoker
set search_path = ''
set plan_cache_mode = force_custom_plan
as $$
#variable_conflict use_column
begin
  perform app.check_parameter('p_year', '考核年度', p_year, 2000, 2100);
  perform app.check_parameter('p_limit', '条数', p_limit, 0, 1000);
  return query
  with ranked as (
    select rank() over (order by e.total desc) as rank, b.id as branch_id, b.code, b.name,
           u.id as org_unit_id, u.name as org_unit_name, e.total, e.grade
      from public.branch_evaluations e
      join public.evaluation_cycles c on c.id = e.cycle_id
      join public.branches b on b.id = e.branch_id
      join public.org_units u on u.id = b.org_unit_id
     where c.year = p_year and e.total is not null
       and (p_org_unit_id is null or b.org_unit_id = p_org_unit_id)
       and (p_branch_kind is null or b.kind = p_branch_kind)
  ),
  picked as (
    select * from ranked r
     order by case when p_bottom then r.total end asc, case when not p_bottom then r.total end desc, r.code
     limit greatest(p_limit, 0)
  )
  select p.rank, p.branch_id, p.code, p.name, p.org_unit_id, p.org_unit_name, p.total, p.grade
    from picked p
   order by p.rank, p.code;
end;
$$;

create or replace function public.evaluation_year_over_year(p_year integer, p_org_unit_id bigint default null,
                                                 p_branch_kind public.branch_kind default null)
returns table (
  org_unit_id bigint,
  org_unit_code text,
  org_unit_name text,
  year integer,
  average_total numeric,
  evaluated bigint,
  previous_year integer,
  previous_average_total numeric,
  previous_evaluated bigint,
  change numeric
)
language plpgsql stable security invoker
set search_path = ''
set plan_cache_mode = force_custom_plan
as $$
#variable_conflict use_column
begin
  perform app.check_parameter('p_year', '考核年度', p_year, 2000, 2100);
  return query
  with per_unit as (
    select b.org_unit_id, c.year, avg(e.total) as average_total, count(e.total) as evaluated
      from public.branch_evaluations e
      join public.evaluation_cycles c on c.id = e.cycle_id
      join public.branches b on b.id = e.branch_id
     where c.year in (p_year, p_year - 1) and e.total is not null
       and (p_org_unit_id is null or b.org_unit_id = p_org_unit_id)
       and (p_branch_kind is null or b.kind = p_branch_kind)
     group by b.org_unit_id, c.year
  )
  select u.id, u.code, u.name, p_year, round(cur.average_total, 2), coalesce(cur.evaluated, 0),
         p_year - 1, round(prev.average_total, 2), coalesce(prev.evaluated, 0),
         round(cur.average_total - prev.average_total, 2)
    from public.org_units u
    left join per_unit cur on cur.org_unit_id = u.id and cur.year = p_year
    left join per_unit prev on prev.org_unit_id = u.id and prev.year = p_year - 1
   where cur.org_unit_id is not null or prev.org_unit_id is not null
   order by u.code;
end;
$$;

create or replace function public.funds_by_unit_category(p_fiscal_year integer default extract(year from current_date)::integer,
                                              p_org_unit_id bigint default null,
                                              p_category public.fund_category default null,
                                              p_branch_kind public.branch_kind default null)
returns table (
  org_unit_id bigint,
  org_unit_code text,
  org_unit_name text,
  category public.fund_category,
  budget numeric,
  allocated numeric,
  spent numeric,
  allocation_rate numeric,
  execution_rate numeric
)
language plpgsql stable security invoker
set search_path = ''
set plan_cache_mode = force_custom_plan
as $$
#variable_conflict use_column
begin
  perform app.check_parameter('p_fiscal_year', '预算年度', p_fiscal_year, 2000, 2100);
  return query
  with budgets as (
    select f.id, f.org_unit_id, f.category, f.branch_id, f.amount
      from public.fund_budgets f
      left join public.branches b on b.id = f.branch_id
     where f.fiscal_year = p_fiscal_year
       and (p_org_unit_id is null or f.org_unit_id = p_org_unit_id)
       and (p_category is null or f.category = p_category)
       and (p_branch_kind is null or f.branch_id is null or b.kind = p_branch_kind)
  ),
  spent as (
    select x.budget_id, sum(x.amount) as amount
      from public.fund_expenditures x
     where x.budget_id in (select id from budgets)
     group by x.budget_id
  ),
  per_unit as (
    select g.org_unit_id, g.category,
           coalesce(sum(g.amount) filter (where g.branch_id is null), 0) as budget,
           coalesce(sum(g.amount) filter (where g.branch_id is not null), 0) as allocated,
           coalesce(sum(s.amount) filter (where p_branch_kind is null or g.branch_id is not null), 0) as spent
      from budgets g
      left join spent s on s.budget_id = g.id
     group by g.org_unit_id, g.category
  )
  select u.id, u.code, u.name, p.category, p.budget, p.allocated, p.spent,
         case when p.budget > 0 then round(p.allocated / p.budget, 4) end,
         case when p.budget > 0 then round(p.spent / p.budget, 4) end
    from per_unit p
    join public.org_units u on u.id = p.org_unit_id
   order by u.code, p.category;
end;
$$;

create or replace function public.funds_by_category(p_fiscal_year integer default extract(year from current_date)::integer,
                                         p_org_unit_id bigint default null,
                                         p_branch_kind public.branch_kind default null)
returns table (
  category public.fund_category,
  budget numeric,
  allocated numeric,
  spent numeric,
  execution_rate numeric
)
language plpgsql stable security invoker
set search_path = ''
set plan_cache_mode = force_custom_plan
as $$
#variable_conflict use_column
begin
  perform app.check_parameter('p_fiscal_year', '预算年度', p_fiscal_year, 2000, 2100);
  return query
  select r.category, sum(r.budget), sum(r.allocated), sum(r.spent),
         case when sum(r.budget) > 0 then round(sum(r.spent) / sum(r.budget), 4) end
    from public.funds_by_unit_category(p_fiscal_year, p_org_unit_id, null, p_branch_kind) r
   group by r.category
   order by r.category;
end;
$$;

create or replace function public.funds_monthly_execution(p_fiscal_year integer default extract(year from current_date)::integer,
                                               p_org_unit_id bigint default null,
                                               p_category public.fund_category default null,
                                               p_branch_kind public.branch_kind default null)
returns table (
  month date,
  month_number integer,
  spent numeric,
  cumulative_spent numeric,
  budget numeric,
  cumulative_rate numeric,
  even_spend_rate numeric
)
language plpgsql stable security invoker
set search_path = ''
set plan_cache_mode = force_custom_plan
as $$
#variable_conflict use_column
begin
  perform app.check_parameter('p_fiscal_year', '预算年度', p_fiscal_year, 2000, 2100);
  return query
  with budgets as (
    select f.id, f.branch_id, f.amount
      from public.fund_budgets f
      left join public.branches b on b.id = f.branch_id
     where f.fiscal_year = p_fiscal_year
       and (p_org_unit_id is null or f.org_unit_id = p_org_unit_id)
       and (p_category is null or f.category = p_category)
       and (p_branch_kind is null or f.branch_id is null or b.kind = p_branch_kind)
  ),
  total as (
    select coalesce(sum(amount) filter (where branch_id is null), 0) as budget from budgets
  ),
  monthly as (
    select extract(month from x.spent_on)::integer as month_number, sum(x.amount) as spent
      from public.fund_expenditures x
      join budgets g on g.id = x.budget_id
     where p_branch_kind is null or g.branch_id is not null
     group by 1
  )
  select make_date(p_fiscal_year, m, 1), m, coalesce(s.spent, 0),
         sum(coalesce(s.spent, 0)) over (order by m),
         t.budget,
         case when t.budget > 0 then round(sum(coalesce(s.spent, 0)) over (order by m) / t.budget, 4) end,
         round(m / 12.0, 4)
    from generate_series(1, 12) m
    cross join total t
    left join monthly s on s.month_number = m
   order by m;
end;
$$;

create or replace function public.branches_below_activity_standard(p_fiscal_year integer default extract(year from current_date)::integer,
                                                        p_org_unit_id bigint default null,
                                                        p_branch_kind public.branch_kind default null,
                                                        p_standard numeric default 200)
returns table (
  branch_id bigint,
  branch_code text,
  branch_name text,
  org_unit_id bigint,
  org_unit_name text,
  members bigint,
  allocated numeric,
  per_member numeric,
  standard numeric,
  shortfall numeric
)
language plpgsql stable security invoker
set search_path = ''
set plan_cache_mode = force_custom_plan
as $$
#variable_conflict use_column
begin
  perform app.check_parameter('p_fiscal_year', '预算年度', p_fiscal_year, 2000, 2100);
  perform app.check_parameter('p_standard', '人均标准', p_standard, 0::numeric, 100000::numeric);
  return query
  with member_counts as (
    select m.branch_id, count(*) as members from public.members m group by m.branch_id
  ),
  activity as (
    select f.branch_id, sum(f.amount) as allocated
      from public.fund_budgets f
     where f.fiscal_year = p_fiscal_year and f.category = 'activity' and f.branch_id is not null
     group by f.branch_id
  )
  select b.id, b.code, b.name, u.id, u.name, mc.members, coalesce(a.allocated, 0),
         round(coalesce(a.allocated, 0) / mc.members, 2), p_standard,
         round(p_standard * mc.members - coalesce(a.allocated, 0), 2)
    from public.branches b
    join public.org_units u on u.id = b.org_unit_id
    join member_counts mc on mc.branch_id = b.id
    left join activity a on a.branch_id = b.id
   where b.status = 'active'
     and (p_org_unit_id is null or b.org_unit_id = p_org_unit_id)
     and (p_branch_kind is null or b.kind = p_branch_kind)
     and coalesce(a.allocated, 0) < p_standard * mc.members
   order by coalesce(a.allocated, 0) / mc.members, b.code;
end;
$$;

-- home_kpis gets the same checks where 20261201000440_home_kpis_as_of.sql replaces its body.
