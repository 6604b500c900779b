-- The carriers list filtered on 覆盖情况 took 1.6 s (median, 50 clients) at the default seed, more with the seed
-- ten times larger. Two reasons, both fixed here:
--
-- 1. carriers.covered (computed field) had `set search_path = ''`. A function with a SET clause is never inlined
--    and pays a configuration push/pop per call; `covered = false` called it once per carrier row, twice with an
--    exact count. Now plain SQL without SET or security definer, every name schema-qualified (pg_catalog is
--    searched first, public.* is spelled out, so a caller's search_path cannot redirect it). Half the cost.
-- 2. Even so a scalar function whose body is a sub-select (EXISTS) is never inlined by Postgres (inline_function
--    refuses bodies with sublinks), so each call still ran its own little query, with the row-level security of
--    carrier_coverages and branches re-evaluated per carrier (~0.5 ms a row). A set-returning SQL function, on the
--    other hand, IS inlined into the query that uses it: public.current_coverages(carrier) returns the carrier's
--    coverages active today by an active branch, and PostgREST embeds it as a computed relationship, so the list
--    filters with `current_coverages!inner()` (covered) or `current_coverages()` + `current_coverages=is.null`
--    (uncovered): one (anti-)join, planned once, ~30 ms instead of 1.6 s. The data provider maps the list's
--    `covered` filter to that (the field's `filterVia` in src/resources/coverage.tsx).
--
-- Both run as the caller (security invoker), so the row-level security of carrier_coverages and branches applies
-- exactly as before: a committee sees a carrier as covered by what it may see. Same definition (DESIGN.md).
create or replace function public.covered(carrier public.carriers)
returns boolean
language sql
stable
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
  '载体今日是否已覆盖: 有一条今日有效且所属支部正常的覆盖记录 (PostgREST 计算字段; 按调用者权限执行)';

revoke execute on function public.covered(public.carriers) from public, anon;
grant execute on function public.covered(public.carriers) to authenticated, service_role;

create function public.current_coverages(carrier public.carriers)
returns setof public.carrier_coverages
language sql
stable
rows 1
as $$
  -- The same definition as covered(): exists (current_coverages(c)) = covered(c).
  select coverage.*
  from public.carrier_coverages coverage
  join public.branches branch on branch.id = coverage.branch_id
  where coverage.carrier_id = carrier.id
    and coverage.started_on <= current_date
    and (coverage.ended_on is null or coverage.ended_on >= current_date)
    and branch.status = 'active'
$$;

comment on function public.current_coverages(public.carriers) is
  '载体今日有效的覆盖记录 (所属支部正常): PostgREST 计算关系, 供载体列表按覆盖情况筛选; 可内联, 按调用者权限执行';

revoke execute on function public.current_coverages(public.carriers) from public, anon;
grant execute on function public.current_coverages(public.carriers) to authenticated, service_role;
-- (The join probes carrier_coverages_carrier_id_started_on_idx, from the domain migration.)
