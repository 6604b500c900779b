-- The home page's figures for a chosen year are that year's figures. home_kpis used to count today's branches
-- and members whatever p_day said (choosing 2025 showed a branch founded in November 2026 and members who joined
-- in 2026). Now, read on p_day (the dashboard passes 31 December of the chosen year, or today for the current
-- year):
--   branches     active branches founded on or before p_day (founded_on unknown counts as existing);
--   members      their members who had joined by p_day (joined_on unknown counts);
--   secretaries  the current secretaries of those branches (there is no history of office holders);
--   overdue      those branches whose last election + term lies before p_day.
-- There is no history of dissolution or of members leaving, so a branch merged or dissolved since, and a member
-- transferred since, are not counted for the past: the card caption says what is counted (截至…年底, 现存支部).
-- Signature, columns and parameter bounds are unchanged.
create or replace function public.home_kpis(p_day date default current_date,
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
  -- Bounded like every analytics RPC (app.check_parameter, 20261201000210_analytics_bounds.sql).
  perform app.check_parameter('p_day', '统计日期', p_day, app.earliest_date(), app.final_date());
  perform app.check_parameter('p_fiscal_year', '预算年度', p_fiscal_year, 2000, 2100);
  return query
  with scoped_branches as (
    select b.* from public.branches b
     where b.status = 'active' and (p_org_unit_id is null or b.org_unit_id = p_org_unit_id)
       and (b.founded_on is null or b.founded_on <= p_day)
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
         (select count(*) from public.members m
           where m.branch_id in (select id from scoped_branches) and (m.joined_on is null or m.joined_on <= p_day)),
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
  '首页指标 (一行), 按 p_day 当日计: 截至当日已成立的现存正常支部数、其截至当日已入党的党员数、载体数、已覆盖载体数、覆盖率、'
  '这些支部的现任书记数、其中高级职称 (正高/副高) 人数与占比、当年预算、支出与执行率、换届逾期支部数 '
  '(最近换届 + 任期早于 p_day, 或从无记录)。无撤销与转出的历史记录, 已合并、撤销的支部与已转出的党员不回溯计入。';
