-- 经费: funds_by_unit_category (and through it funds_by_category and home_kpis) summed the year's expenditures by
-- scanning all of them (138 k at seed scale 10, every year) against the year's budgets; now each budget of the year
-- sums its own from fund_expenditures_budget_id_amount_idx (an index-only probe per budget). Same sums.
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
  per_unit as (
    select g.org_unit_id, g.category,
           coalesce(sum(g.amount) filter (where g.branch_id is null), 0) as budget,
           coalesce(sum(g.amount) filter (where g.branch_id is not null), 0) as allocated,
           coalesce(sum(s.amount) filter (where p_branch_kind is null or g.branch_id is not null), 0) as spent
      from budgets g
      cross join lateral (select sum(x.amount) as amount from public.fund_expenditures x where x.budget_id = g.id) s
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

-- 组织生活出勤率趋势 (meeting_attendance_trend) read the three years' meetings from the table (a sequential scan of
-- all 375 k at seed scale 10) for their counts; the meetings with a roster (expected_count > 0) now come from an
-- index holding what it sums, so it is an index-only scan over the date range. Same query.
create index meetings_held_on_roster_idx on public.meetings (held_on)
  include (org_unit_id, branch_id, expected_count, present_count) where expected_count > 0;
analyze public.meetings;
