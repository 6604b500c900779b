-- Analytics RPCs for the dashboards (coverage, evaluation, funds, home). All aggregation happens here; the
-- browser receives only these flat rows.
--
-- Every function is SECURITY INVOKER: it runs as the caller, so RLS applies and a committee_admin gets the
-- numbers of its own unit only (org_admin and leader see the whole school). Common parameters, all optional:
--   p_org_unit_id    restrict to one 二级党组织
--   p_branch_kind    restrict to branches of one kind (student / teacher / staff / retired / mixed)
--   p_day            the day a "covered" state is evaluated on (default today)
--   p_year           evaluation cycle year;  p_fiscal_year  budget year (default: the current year)
-- They are PL/pgSQL with plan_cache_mode = force_custom_plan: each call is planned with its actual arguments,
-- so the optional filters (p_x is null or col = p_x) fold away and row estimates stay sane (a plain SQL function
-- is planned with unknown parameters, and at scale 10 that picked nested loops costing seconds).
-- Rates are fractions between 0 and 1 rounded to 4 decimals (the dashboard formats them as percentages);
-- money is numeric yuan. A carrier is covered on a day when a coverage row is active that day
-- (started_on <= day and (ended_on is null or ended_on >= day)) and its branch's status is active.

-- ---------------------------------------------------------------------------------------------------------
-- Coverage (覆盖情况)
-- ---------------------------------------------------------------------------------------------------------
create function public.coverage_by_unit_kind(p_day date default current_date, p_org_unit_id bigint default null,
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
comment on function public.coverage_by_unit_kind(date, bigint, public.branch_kind) is
  '覆盖率 (组织 × 载体类型): 某日每个二级党组织每类载体的总数、已覆盖数、未覆盖数与覆盖率。p_branch_kind 只计该类支部的覆盖。';

create function public.coverage_by_kind(p_day date default current_date, p_org_unit_id bigint default null,
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
  return query
  select r.carrier_kind, sum(r.carriers)::bigint, sum(r.covered)::bigint, sum(r.uncovered)::bigint,
         round(sum(r.covered) / sum(r.carriers), 4)
    from public.coverage_by_unit_kind(p_day, p_org_unit_id, p_branch_kind) r
   group by r.carrier_kind
   order by r.carrier_kind;
end;
$$;
comment on function public.coverage_by_kind(date, bigint, public.branch_kind) is
  '覆盖率 (按载体类型, 全校或所选组织): 进公寓、进社团、进实验室、进课题组、进实践基地各自的覆盖率。';

create function public.coverage_summary(p_day date default current_date, p_org_unit_id bigint default null,
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
  return query
  select coalesce(sum(r.carriers), 0)::bigint, coalesce(sum(r.covered), 0)::bigint, coalesce(sum(r.uncovered), 0)::bigint,
         case when sum(r.carriers) > 0 then round(sum(r.covered) / sum(r.carriers), 4) end
    from public.coverage_by_unit_kind(p_day, p_org_unit_id, p_branch_kind) r;
end;
$$;
comment on function public.coverage_summary(date, bigint, public.branch_kind) is
  '总体覆盖率 (一行): 载体总数、已覆盖、未覆盖、覆盖率 (仪表盘)。';

create function public.uncovered_carriers(p_day date default current_date, p_org_unit_id bigint default null,
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
comment on function public.uncovered_carriers(date, bigint, public.carrier_kind, public.branch_kind) is
  '未覆盖载体清单: 某日没有有效覆盖的载体, 按人数从多到少; last_covered_on 为此前最后一次被覆盖的日期 (从未覆盖为空)。';

create function public.coverage_trend(p_months integer default 24, p_end date default current_date,
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
comment on function public.coverage_trend(integer, date, bigint, public.carrier_kind, public.branch_kind) is
  '覆盖率月度趋势: 截至 p_end 的最近 p_months 个月, 每月末 (当月为 p_end) 的载体总数、已覆盖数与覆盖率。';

-- ---------------------------------------------------------------------------------------------------------
-- Evaluation (考核评议)
-- ---------------------------------------------------------------------------------------------------------
create function public.evaluation_distribution(p_year integer, p_org_unit_id bigint default null,
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
comment on function public.evaluation_distribution(integer, bigint, public.branch_kind, integer) is
  '考核总分分布 (直方图): 从最低有数据的分段到 100, 每段 p_bucket_width 分的支部数 (100 分计入最后一段)。';

create function public.evaluation_six_averages(p_year integer, p_org_unit_id bigint default null,
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
comment on function public.evaluation_six_averages(integer, bigint, public.branch_kind) is
  '六有平均分 (雷达图): 六个维度的全校 (调用者可见范围) 平均分, 以及 p_org_unit_id 所选组织的平均分。';

create function public.evaluation_grades_by_unit(p_year integer, p_org_unit_id bigint default null,
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
comment on function public.evaluation_grades_by_unit(integer, bigint, public.branch_kind) is
  '各组织考核等次分布: 已评支部数、优秀 / 良好 / 合格 / 不合格支部数、平均总分 (堆叠柱状图)。';

create function public.evaluation_ranking(p_year integer, p_org_unit_id bigint default null,
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
comment on function public.evaluation_ranking(integer, bigint, public.branch_kind, integer, boolean) is
  '支部考核排名: 前 p_limit 名 (p_bottom = true 时为后 p_limit 名), rank 为在所选范围内按总分的名次。';

create function public.evaluation_year_over_year(p_year integer, p_org_unit_id bigint default null,
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
comment on function public.evaluation_year_over_year(integer, bigint, public.branch_kind) is
  '考核同比: 每个组织本年度与上年度的平均总分、已评支部数及变化 (本年 − 上年)。';

create function public.evaluation_trend(p_org_unit_id bigint default null, p_branch_kind public.branch_kind default null)
returns table (
  year integer,
  cycle_id bigint,
  cycle_status public.cycle_status,
  evaluated bigint,
  average_total numeric,
  excellent_rate numeric
)
language plpgsql stable security invoker
set search_path = ''
set plan_cache_mode = force_custom_plan
as $$
#variable_conflict use_column
begin
  return query
  select c.year::integer, c.id, c.status, count(e.total), round(avg(e.total), 2),
         case when count(e.total) > 0 then round((count(*) filter (where e.grade = 'excellent'))::numeric / count(e.total), 4) end
    from public.evaluation_cycles c
    left join (public.branch_evaluations e join public.branches b on b.id = e.branch_id
               and (p_org_unit_id is null or b.org_unit_id = p_org_unit_id)
               and (p_branch_kind is null or b.kind = p_branch_kind))
      on e.cycle_id = c.id and e.total is not null
   group by c.year, c.id, c.status
   order by c.year;
end;
$$;
comment on function public.evaluation_trend(bigint, public.branch_kind) is
  '历年考核走势: 每个周期的已评支部数、平均总分与优秀率。';

-- ---------------------------------------------------------------------------------------------------------
-- Funds (经费保障). budget = the unit budgets from 组织部 (branch_id null); allocated = what units passed on to
-- branches; spent = all expenditures (on unit and branch budgets). With p_branch_kind only allocations to and
-- spending of branches of that kind are counted (the unit budget stays the unit's).
-- ---------------------------------------------------------------------------------------------------------
create function public.funds_by_unit_category(p_fiscal_year integer default extract(year from current_date)::integer,
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
comment on function public.funds_by_unit_category(integer, bigint, public.fund_category, public.branch_kind) is
  '经费 (组织 × 类别): 组织部下达预算、分配到支部、实际支出、到位率 (分配/预算) 与执行率 (支出/预算)。';

create function public.funds_by_category(p_fiscal_year integer default extract(year from current_date)::integer,
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
  return query
  select r.category, sum(r.budget), sum(r.allocated), sum(r.spent),
         case when sum(r.budget) > 0 then round(sum(r.spent) / sum(r.budget), 4) end
    from public.funds_by_unit_category(p_fiscal_year, p_org_unit_id, null, p_branch_kind) r
   group by r.category
   order by r.category;
end;
$$;
comment on function public.funds_by_category(integer, bigint, public.branch_kind) is
  '经费类别构成 (饼图): 每个类别的预算、分配、支出与执行率。';

create function public.funds_monthly_execution(p_fiscal_year integer default extract(year from current_date)::integer,
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
comment on function public.funds_monthly_execution(integer, bigint, public.fund_category, public.branch_kind) is
  '月度累计执行 (折线): 每月支出、累计支出、年度预算、累计执行率, 以及均衡支出线 (月份/12)。';

create function public.branches_below_activity_standard(p_fiscal_year integer default extract(year from current_date)::integer,
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
comment on function public.branches_below_activity_standard(integer, bigint, public.branch_kind, numeric) is
  '党员活动经费低于标准的支部: 在册党员数、当年分配的活动经费、人均额、标准 (默认 200 元/人·年) 与缺口。';

-- ---------------------------------------------------------------------------------------------------------
-- Home (首页)
-- ---------------------------------------------------------------------------------------------------------
create function public.home_kpis(p_day date default current_date,
                                 p_fiscal_year integer default extract(year from current_date)::integer,
                                 p_org_unit_id bigint default null)
returns table (
  branches bigint,
  members bigint,
  carriers bigint,
  covered_carriers bigint,
  coverage_rate numeric,
  secretaries bigint,
  senior_title_secretaries bigint,
  senior_title_secretary_share numeric,
  budget numeric,
  spent numeric,
  execution_rate numeric,
  elections_overdue bigint
)
language plpgsql stable security invoker
set search_path = ''
set plan_cache_mode = force_custom_plan
as $$
#variable_conflict use_column
begin
  return query
  with scoped_branches as (
    select b.* from public.branches b
     where b.status = 'active' and (p_org_unit_id is null or b.org_unit_id = p_org_unit_id)
  ),
  secretaries as (
    select m.professional_title from scoped_branches b join public.members m on m.id = b.secretary_id
  ),
  coverage as (select * from public.coverage_summary(p_day, p_org_unit_id)),
  funds as (
    select coalesce(sum(r.budget), 0) as budget, coalesce(sum(r.spent), 0) as spent
      from public.funds_by_unit_category(p_fiscal_year, p_org_unit_id) r
  )
  select (select count(*) from scoped_branches),
         (select count(*) from public.members m where m.branch_id in (select id from scoped_branches)),
         c.carriers, c.covered, c.coverage_rate,
         (select count(*) from secretaries),
         (select count(*) from secretaries where professional_title in ('senior', 'associate_senior')),
         (select case when count(*) > 0
                      then round((count(*) filter (where professional_title in ('senior', 'associate_senior')))::numeric / count(*), 4)
                 end from secretaries),
         f.budget, f.spent, case when f.budget > 0 then round(f.spent / f.budget, 4) end,
         (select count(*) from scoped_branches b
           where coalesce(b.last_election_on, b.founded_on) is null
              or coalesce(b.last_election_on, b.founded_on) + make_interval(years => b.term_years) < p_day)
    from coverage c cross join funds f;
end;
$$;
comment on function public.home_kpis(date, integer, bigint) is
  '首页指标 (一行): 正常运行的支部数、其党员数、载体数、已覆盖载体数、覆盖率、在任书记数、其中高级职称 (正高/副高) 人数与占比、'
  '当年预算、支出与执行率、换届逾期支部数 (最近换届 + 任期早于 p_day, 或从无记录)。';

-- Only signed-in roles call analytics (anon has no table grants anyway; this keeps the error clear).
do $$
declare
  f regprocedure;
begin
  for f in
    select p.oid::regprocedure from pg_proc p join pg_namespace n on n.oid = p.pronamespace
     where n.nspname = 'public' and p.proname in (
       'coverage_by_unit_kind', 'coverage_by_kind', 'coverage_summary', 'uncovered_carriers', 'coverage_trend',
       'evaluation_distribution', 'evaluation_six_averages', 'evaluation_grades_by_unit', 'evaluation_ranking',
       'evaluation_year_over_year', 'evaluation_trend', 'funds_by_unit_category', 'funds_by_category',
       'funds_monthly_execution', 'branches_below_activity_standard', 'home_kpis')
  loop
    execute format('revoke all on function %s from public, anon', f);
    execute format('grant execute on function %s to authenticated, service_role', f);
  end loop;
end;
$$;
