-- Carriers get a computed field `covered` (PostgREST embeds a function over the row type as a column), so the
-- carriers list can filter `covered=eq.false`: the coverage dashboard's drill-down lands on exactly the carriers
-- its bars count as uncovered today.

create function public.covered(carrier public.carriers)
returns boolean
language sql
stable
set search_path = ''
as $$
  -- DESIGN.md's definition: a coverage active on the day whose branch is active.
  select exists (
    select 1
    from public.carrier_coverages coverage
    join public.branches branch on branch.id = coverage.branch_id
    where coverage.carrier_id = carrier.id
      and coverage.started_on <= current_date
      and (coverage.ended_on is null or coverage.ended_on >= current_date)
      and branch.status = 'active'
  )
$$;

comment on function public.covered(public.carriers) is
  '载体今日是否已覆盖: 有一条今日有效且所属支部正常的覆盖记录 (PostgREST 计算字段, 可作列表筛选)';

revoke execute on function public.covered(public.carriers) from public, anon;
grant execute on function public.covered(public.carriers) to authenticated, service_role;
