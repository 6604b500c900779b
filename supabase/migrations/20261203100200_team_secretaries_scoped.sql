-- 队伍建设, continued (20261203100000 inlined app.team_secretaries and summed the year's hours in one pass). That
-- pass is right for the whole school (3,600 secretaries at seed scale 10: 3 s → 60–90 ms) but read every member and
-- every attendance row for a committee admin or a unit filter too (25 secretaries: 15 ms before, 50 ms after).
-- Row-level security hides from the planner how few rows a committee sees, so the shape is chosen explicitly:
-- - each branch's secretary is looked up by primary key (a lateral subquery with offset 0, which the planner keeps
--   as a per-branch lookup rather than reading all members);
-- - the whole school (no unit filter, a caller who reads everything) sums the year's attendance once and joins it;
--   a unit or a committee sums each secretary's own attendance (index on member_id), the former per-row form.
-- Both branches of the union give the same rows; exactly one runs (its filter is a one-time condition).
create or replace function app.team_secretaries(p_year integer, p_org_unit_id bigint)
returns table (branch_id bigint, org_unit_id bigint, member_id bigint, professional_title public.professional_title,
               hours numeric)
language sql stable security invoker
as $$
  with secretaries as (
    select b.id as branch_id, b.org_unit_id, m.id as member_id, m.professional_title
      from public.branches b
      -- one lookup by primary key per branch (offset 0 keeps it one): the planner, not knowing how few branches
      -- row-level security leaves a committee, would otherwise read all members
      cross join lateral (select m.id, m.professional_title from public.members m where m.id = b.secretary_id offset 0) m
     where b.status = 'active' and (b.founded_on is null or b.founded_on <= pg_catalog.make_date(p_year, 12, 31))
       and (p_org_unit_id is null or b.org_unit_id = p_org_unit_id)
  )
  select s.branch_id, s.org_unit_id, s.member_id, s.professional_title, coalesce(h.hours, 0)
    from secretaries s
    left join (select a.member_id, sum(a.hours) as hours
                 from public.training_attendance a
                 join public.trainings t on t.id = a.training_id
                where t.held_on between pg_catalog.make_date(p_year, 1, 1) and pg_catalog.make_date(p_year, 12, 31)
                group by a.member_id) h on h.member_id = s.member_id
   where p_org_unit_id is null and (select app.reads_all())
  union all
  select s.branch_id, s.org_unit_id, s.member_id, s.professional_title,
         coalesce((select sum(a.hours)
                     from public.training_attendance a join public.trainings t on t.id = a.training_id
                    where a.member_id = s.member_id
                      and t.held_on between pg_catalog.make_date(p_year, 1, 1) and pg_catalog.make_date(p_year, 12, 31)), 0)
    from secretaries s
   where not (p_org_unit_id is null and (select app.reads_all()))
$$;

-- team_trend: the same secretaries, and for a unit only its secretaries' attendance.
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
    -- the current secretaries of the active branches (a member looked up per branch, as in app.team_secretaries)
    select b.founded_on, m.id as member_id, m.professional_title
      from public.branches b
      cross join lateral (select m.id, m.professional_title from public.members m where m.id = b.secretary_id offset 0) m
     where b.status = 'active' and (p_org_unit_id is null or b.org_unit_id = p_org_unit_id)
  ),
  h as (
    select a.member_id, extract(year from t.held_on)::integer as year, sum(a.hours) as hours
      from public.training_attendance a
      join public.trainings t on t.id = a.training_id
     where t.held_on between make_date(p_from_year, 1, 1) and make_date(p_to_year, 12, 31)
       -- the whole school: every attendance of the years, grouped; a unit: only its secretaries'
       and (p_org_unit_id is null and (select app.reads_all())
            or a.member_id in (select sec.member_id from sec))
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
