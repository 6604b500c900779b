-- 待办与提醒 (issue 11): what needs doing, computed by the database for the caller.
--
-- One kind of to-do = one migration with three parts:
--   public.todo_<kind>(<register>) returns boolean   the row test. PostgREST exposes a function of the row type
--                                                    as a computed column, so the register's list filters on it:
--                                                    /branches?todo_no_secretary=eq.true — the filter lives in the
--                                                    URL (bookmarkable, exportable) and is always today's state;
--   app.todo_<kind>() returns (id, org_unit_id)      the same test over the whole register, set-based, for the
--                                                    to-do function;
--   a row of app.todo_kinds                          label, register, where a record is fixed, order.
-- Why two forms: a row test that counts or looks something up is never inlined, so the list calls it once per
-- row. As security invoker each call would re-apply the RLS of every table it reads (~2 ms a row: 3 s for the
-- carriers list). So the row tests are SECURITY DEFINER PL/pgSQL (plan kept, no inner RLS): they only state a fact
-- about a row the caller already sees through the register's own RLS, from rows of the same unit (members of the
-- branch, spending of the budget, coverages of the carrier, which the carrier_coverages_same_org_unit rule keeps
-- in its unit), so they tell the caller nothing it could not read. The set functions are security invoker (RLS
-- applies, as in every analytics RPC) and are what todos() runs: one scan per kind, fast enough for the home page.
-- supabase/tests/todos.test.ts checks for every registered kind that the two forms select the same records, per
-- role, so a later kind is held to it without a new test.
-- public.todos() returns one row per kind with its count, the affected ids and, for readers of the whole school,
-- a per-unit breakdown. A later kind (meetings, cases, plans, visits) adds its two functions and its registry row
-- and calls app.rebuild_todos(); nothing here is rewritten. The set functions name every object by schema and
-- take no SET clause, so they inline into todos()' query. Thresholds are read once per statement with
-- `(select app.setting(key))`.
--
-- Term of office: each branch keeps its own term in branches.term_years (党支部委员会 3 years, a 党总支 3 or 5,
-- fixed when it is elected): that column is the "term from the data". A school-wide term setting would be a second
-- source contradicting it, so the settings hold the warning periods (6 and 3 months ahead) instead. The 1-year
-- probation is the Party Constitution's, not a threshold.

-- ---------------------------------------------------------------------------------------------------------
-- Thresholds
-- ---------------------------------------------------------------------------------------------------------
insert into public.settings (key, label, value, unit, min_value, max_value, description, position) values
  ('election_warn_months', '换届提前提醒', 6, '个月', 1, 24,
   '待办“即将换届”: 任期届满前多少个月开始提醒 (任期取各支部的任期年限)', 10),
  ('election_urgent_months', '换届紧急提醒', 3, '个月', 0, 24,
   '待办“3个月内到期换届”: 任期届满前多少个月列为紧急; 应不大于提前提醒的月数', 11),
  ('branch_max_members', '支部党员人数上限', 50, '人', 3, 1000,
   '待办“支部规模过大” (§11 科学设定支部规模): 党员人数超过此数的支部', 20),
  ('branch_min_full_members', '支部正式党员最少人数', 3, '人', 1, 50,
   '待办“正式党员不足”: 正式党员少于此数的支部 (成立支部须有正式党员 3 人以上)', 21),
  ('funds_lag_margin', '经费执行滞后容差', 20, '个百分点', 0, 100,
   '待办“经费执行滞后”: 执行率低于均衡支出进度 (本月末应支出比例) 超过此数的预算', 30),
  ('activity_fund_per_member', '党员活动经费人均标准', 200, '元', 0, 100000,
   '待办“活动经费低于标准”: 本年度党员活动经费分配额低于 人数 × 此标准 的支部', 31);

-- ---------------------------------------------------------------------------------------------------------
-- The registry of kinds. Rows come from migrations only; todos() reads it as the caller.
-- ---------------------------------------------------------------------------------------------------------
create table app.todo_kinds (
  kind text primary key,
  position integer not null,
  label text not null,
  label_en text not null,
  description text not null default '',
  register text not null,
  fix_path text not null,
  constraint todo_kinds_kind_format check (kind ~ '^[a-z][a-z0-9_]{0,57}$')
);
comment on table app.todo_kinds is
  '待办类型登记: 每类对应登记表上的判定函数 public.todo_<kind>(<register>) (列表筛选) 与 app.todo_<kind>() (汇总), 由迁移写入';
comment on column app.todo_kinds.kind is '类型标识; 判定函数 (列表筛选的计算列) 为 todo_<kind>';
comment on column app.todo_kinds.position is '显示顺序';
comment on column app.todo_kinds.label is '中文名称';
comment on column app.todo_kinds.label_en is '英文名称';
comment on column app.todo_kinds.description is '说明 (判定条件)';
comment on column app.todo_kinds.register is '所在登记表 (表名, 即前端资源名)';
comment on column app.todo_kinds.fix_path is '处理入口的页面路径, :id 为记录编号';
grant select on app.todo_kinds to authenticated, service_role;

-- ---------------------------------------------------------------------------------------------------------
-- Branches. A branch is "live" when it is active and already founded; only live branches have to-dos about
-- their organisation (the same branches home_kpis counts).
-- ---------------------------------------------------------------------------------------------------------
create function public.election_due_on(b public.branches) returns date
language sql stable
as $$ select (coalesce(b.last_election_on, b.founded_on) + make_interval(years => b.term_years))::date $$;
comment on function public.election_due_on(public.branches) is
  '换届到期日 = 最近换届日 (无则成立日) + 任期年限; 均无记录时为空 (PostgREST 计算字段)';

create function public.todo_election_overdue(b public.branches) returns boolean
language plpgsql stable security definer
set search_path = ''
as $$
begin
  return b.status = 'active' and (b.founded_on is null or b.founded_on <= current_date)
     and (coalesce(b.last_election_on, b.founded_on) is null
          or coalesce(b.last_election_on, b.founded_on) + make_interval(years => b.term_years) < current_date);
end;
$$;
comment on function public.todo_election_overdue(public.branches) is
  '待办: 换届逾期 (任期已满或无换届记录), 与首页“换届逾期支部”同一口径';

create function public.todo_election_due_soon(b public.branches) returns boolean
language plpgsql stable security definer
set search_path = ''
as $$
begin
  return b.status = 'active' and (b.founded_on is null or b.founded_on <= current_date)
     and coalesce(b.last_election_on, b.founded_on) + make_interval(years => b.term_years)
         between current_date
             and current_date + make_interval(months => (select app.setting('election_urgent_months'))::integer);
end;
$$;
comment on function public.todo_election_due_soon(public.branches) is
  '待办: 任期在 election_urgent_months 个月内届满 (今日起算)';

create function public.todo_election_due(b public.branches) returns boolean
language plpgsql stable security definer
set search_path = ''
as $$
begin
  return b.status = 'active' and (b.founded_on is null or b.founded_on <= current_date)
     and coalesce(b.last_election_on, b.founded_on) + make_interval(years => b.term_years)
         > current_date + make_interval(months => (select app.setting('election_urgent_months'))::integer)
     and coalesce(b.last_election_on, b.founded_on) + make_interval(years => b.term_years)
         <= current_date + make_interval(months => (select app.setting('election_warn_months'))::integer);
end;
$$;
comment on function public.todo_election_due(public.branches) is
  '待办: 任期在 election_urgent_months 至 election_warn_months 个月之间届满';

create function public.todo_no_secretary(b public.branches) returns boolean
language plpgsql stable security definer
set search_path = ''
as $$
begin
  return b.status = 'active' and (b.founded_on is null or b.founded_on <= current_date) and b.secretary_id is null;
end;
$$;
comment on function public.todo_no_secretary(public.branches) is '待办: 支部书记空缺';

create function public.todo_secretary_not_full(b public.branches) returns boolean
language plpgsql stable security definer
set search_path = ''
as $$
begin
  return b.status = 'active' and (b.founded_on is null or b.founded_on <= current_date)
     and exists (select 1 from public.members m
                  where m.id = b.secretary_id and (m.status <> 'full' or m.branch_id <> b.id));
end;
$$;
comment on function public.todo_secretary_not_full(public.branches) is '待办: 书记不是本支部正式党员 (预备党员任书记)';

create function public.todo_branch_oversize(b public.branches) returns boolean
language plpgsql stable security definer
set search_path = ''
as $$
begin
  return b.status = 'active' and (b.founded_on is null or b.founded_on <= current_date)
     and (select count(*) from public.members m where m.branch_id = b.id) > (select app.setting('branch_max_members'));
end;
$$;
comment on function public.todo_branch_oversize(public.branches) is '待办: 党员人数超过 branch_max_members 的支部';

create function public.todo_branch_too_few_full(b public.branches) returns boolean
language plpgsql stable security definer
set search_path = ''
as $$
begin
  return b.status = 'active' and (b.founded_on is null or b.founded_on <= current_date)
     and (select count(*) from public.members m where m.branch_id = b.id and m.status = 'full')
         < (select app.setting('branch_min_full_members'));
end;
$$;
comment on function public.todo_branch_too_few_full(public.branches) is '待办: 正式党员少于 branch_min_full_members 的支部';

-- The same test as public.branches_below_activity_standard (the funds dashboard's table), with the standard from
-- the settings: an active branch with members whose activity allocations this year fall short of members × standard.
create function public.todo_activity_fund_low(b public.branches) returns boolean
language plpgsql stable security definer
set search_path = ''
as $$
begin
  return b.status = 'active'
     and exists (select 1 from public.members m where m.branch_id = b.id)
     and coalesce((select sum(f.amount) from public.fund_budgets f
                    where f.branch_id = b.id and f.category = 'activity'
                      and f.fiscal_year = extract(year from current_date)::integer), 0)
         < (select app.setting('activity_fund_per_member')) * (select count(*) from public.members m where m.branch_id = b.id);
end;
$$;
comment on function public.todo_activity_fund_low(public.branches) is
  '待办: 本年度党员活动经费分配额低于 党员人数 × activity_fund_per_member 的支部';

-- The open evaluation cycle (组织部 opens one at a time): branches still owing their secretary's report, and
-- branches whose scores are not complete (no evaluation row yet, or a score missing: total is null then).
create function public.todo_evaluation_report_missing(b public.branches) returns boolean
language plpgsql stable security definer
set search_path = ''
as $$
begin
  return b.status = 'active' and (b.founded_on is null or b.founded_on <= current_date)
     and exists (select 1 from public.evaluation_cycles c
                  where c.status = 'open'
                    and not exists (select 1 from public.branch_evaluations e
                                     where e.cycle_id = c.id and e.branch_id = b.id and e.report_submitted_on is not null));
end;
$$;
comment on function public.todo_evaluation_report_missing(public.branches) is '待办: 进行中的考核周期未提交述职报告的支部';

create function public.todo_evaluation_scores_missing(b public.branches) returns boolean
language plpgsql stable security definer
set search_path = ''
as $$
begin
  return b.status = 'active' and (b.founded_on is null or b.founded_on <= current_date)
     and exists (select 1 from public.evaluation_cycles c
                  where c.status = 'open'
                    and not exists (select 1 from public.branch_evaluations e
                                     where e.cycle_id = c.id and e.branch_id = b.id and e.total is not null));
end;
$$;
comment on function public.todo_evaluation_scores_missing(public.branches) is '待办: 进行中的考核周期评分未完成的支部';

-- ---------------------------------------------------------------------------------------------------------
-- Members: probation is one year (Party Constitution); due once the year is up, overdue a year after that.
-- ---------------------------------------------------------------------------------------------------------
create function public.todo_probation_due(m public.members) returns boolean
language plpgsql stable security definer
set search_path = ''
as $$
begin
  return m.status = 'probationary' and m.joined_on + interval '1 year' <= current_date
     and m.joined_on + interval '2 years' >= current_date;
end;
$$;
comment on function public.todo_probation_due(public.members) is '待办: 预备期已满一年, 应讨论转正';

create function public.todo_probation_overdue(m public.members) returns boolean
language plpgsql stable security definer
set search_path = ''
as $$
begin
  return m.status = 'probationary' and m.joined_on + interval '2 years' < current_date;
end;
$$;
comment on function public.todo_probation_overdue(public.members) is '待办: 预备期满后超过一年仍未转正';

-- ---------------------------------------------------------------------------------------------------------
-- Carriers not covered today: the negation of public.covered (DESIGN.md's definition), written out so it inlines.
-- ---------------------------------------------------------------------------------------------------------
create function public.todo_carrier_uncovered(c public.carriers) returns boolean
language plpgsql stable security definer
set search_path = ''
as $$
begin
  return not exists (
    select 1 from public.carrier_coverages coverage
      join public.branches branch on branch.id = coverage.branch_id
     where coverage.carrier_id = c.id
       and coverage.started_on <= current_date
       and (coverage.ended_on is null or coverage.ended_on >= current_date)
       and branch.status = 'active');
end;
$$;
comment on function public.todo_carrier_uncovered(public.carriers) is '待办: 今日未被任何正常支部覆盖的载体 (covered 的否定)';

-- ---------------------------------------------------------------------------------------------------------
-- Budgets of this year whose execution lags the even-spend line at the end of this month (month / 12, the line
-- of the funds dashboard) by more than funds_lag_margin percentage points. A unit budget's execution counts the
-- spending of its allocations too (as funds_by_unit_category does); an allocation counts its own.
-- ---------------------------------------------------------------------------------------------------------
create function public.todo_budget_lagging(f public.fund_budgets) returns boolean
language plpgsql stable security definer
set search_path = ''
as $$
begin
  return f.fiscal_year = extract(year from current_date)::integer
     and coalesce((select sum(x.amount)
                     from public.fund_budgets a join public.fund_expenditures x on x.budget_id = a.id
                    where a.fiscal_year = f.fiscal_year and a.org_unit_id = f.org_unit_id and a.category = f.category
                      and (a.id = f.id or (f.branch_id is null and a.branch_id is not null))), 0)
         < f.amount * (extract(month from current_date) / 12.0 - (select app.setting('funds_lag_margin')) / 100.0);
end;
$$;
comment on function public.todo_budget_lagging(public.fund_budgets) is
  '待办: 本年度预算执行率低于本月末均衡支出进度超过 funds_lag_margin 个百分点';

revoke execute on function public.election_due_on(public.branches), public.todo_election_overdue(public.branches),
  public.todo_election_due_soon(public.branches), public.todo_election_due(public.branches),
  public.todo_no_secretary(public.branches), public.todo_secretary_not_full(public.branches),
  public.todo_branch_oversize(public.branches), public.todo_branch_too_few_full(public.branches),
  public.todo_activity_fund_low(public.branches), public.todo_evaluation_report_missing(public.branches),
  public.todo_evaluation_scores_missing(public.branches), public.todo_probation_due(public.members),
  public.todo_probation_overdue(public.members), public.todo_carrier_uncovered(public.carriers),
  public.todo_budget_lagging(public.fund_budgets) from public, anon;
grant execute on function public.election_due_on(public.branches), public.todo_election_overdue(public.branches),
  public.todo_election_due_soon(public.branches), public.todo_election_due(public.branches),
  public.todo_no_secretary(public.branches), public.todo_secretary_not_full(public.branches),
  public.todo_branch_oversize(public.branches), public.todo_branch_too_few_full(public.branches),
  public.todo_activity_fund_low(public.branches), public.todo_evaluation_report_missing(public.branches),
  public.todo_evaluation_scores_missing(public.branches), public.todo_probation_due(public.members),
  public.todo_probation_overdue(public.members), public.todo_carrier_uncovered(public.carriers),
  public.todo_budget_lagging(public.fund_budgets) to authenticated, service_role;

insert into app.todo_kinds (kind, position, label, label_en, description, register, fix_path) values
  ('election_overdue', 10, '换届逾期支部', 'Elections overdue', '任期已满 (最近换届日或成立日 + 任期年限早于今日) 或无换届记录',
   'branches', '/branches/edit/:id'),
  ('election_due_soon', 11, '3个月内到期换届', 'Elections due within 3 months', '任期在紧急提醒月数内届满',
   'branches', '/branches/edit/:id'),
  ('election_due', 12, '6个月内到期换届', 'Elections due within 6 months', '任期在紧急提醒至提前提醒月数之间届满',
   'branches', '/branches/edit/:id'),
  ('no_secretary', 20, '书记空缺的支部', 'Branches without a secretary', '支部未设书记',
   'branches', '/branches/edit/:id'),
  ('secretary_not_full', 21, '书记非本支部正式党员', 'Secretary not a full member', '书记为预备党员或不在本支部',
   'branches', '/branches/edit/:id'),
  ('branch_oversize', 30, '规模过大的支部', 'Branches over the size limit', '党员人数超过支部党员人数上限',
   'branches', '/branches/show/:id'),
  ('branch_too_few_full', 31, '正式党员不足的支部', 'Branches with too few full members', '正式党员少于规定人数',
   'branches', '/branches/show/:id'),
  ('probation_due', 40, '预备期满待转正', 'Probation complete, admission due', '预备期已满一年',
   'members', '/members/edit/:id'),
  ('probation_overdue', 41, '转正逾期超过一年', 'Admission overdue by over a year', '预备期满后超过一年仍为预备党员',
   'members', '/members/edit/:id'),
  ('carrier_uncovered', 50, '未覆盖的载体', 'Carriers not covered', '今日没有正常支部覆盖',
   'carriers', '/carriers/show/:id'),
  ('budget_lagging', 60, '经费执行滞后的预算', 'Budgets lagging the even-spend line', '执行率低于本月末均衡支出进度超过容差',
   'fund_budgets', '/fund-budgets/show/:id'),
  ('activity_fund_low', 61, '活动经费低于标准的支部', 'Activity funds below the standard', '本年度党员活动经费低于人均标准',
   'branches', '/fund-budgets?filters[0][field]=branch_id&filters[0][operator]=eq&filters[0][value]=:id'),
  ('evaluation_report_missing', 70, '未提交述职报告的支部', 'Reports not submitted', '进行中的考核周期尚未提交述职报告',
   'branches', '/branch-evaluations?filters[0][field]=branch_id&filters[0][operator]=eq&filters[0][value]=:id'),
  ('evaluation_scores_missing', 71, '评分未完成的支部', 'Scores missing', '进行中的考核周期评分未完成',
   'branches', '/branch-evaluations?filters[0][field]=branch_id&filters[0][operator]=eq&filters[0][value]=:id');

-- What the set-based tests scan, indexed so the home page's call stays fast at scale 10: probationary members by
-- joining date (a small part of the members), member counts per branch and status from the index alone, and each
-- budget's spending from the index alone.
create index members_probationary_joined_on_idx on public.members (joined_on) where status = 'probationary';
create index members_branch_id_status_idx on public.members (branch_id, status);
create index fund_expenditures_budget_id_amount_idx on public.fund_expenditures (budget_id) include (amount);

-- ---------------------------------------------------------------------------------------------------------
-- The same tests, set-based: what todos() counts. Each returns the register's id and the row's org unit.
-- ---------------------------------------------------------------------------------------------------------
create function app.todo_live_branches() returns setof public.branches
language sql stable
as $$ select b.* from public.branches b where b.status = 'active' and (b.founded_on is null or b.founded_on <= current_date) $$;
comment on function app.todo_live_branches() is '待办用: 正常且已成立的支部 (调用者可见的)';

create function app.todo_election_overdue() returns table (id bigint, org_unit_id bigint)
language sql stable
as $$
  select b.id, b.org_unit_id from app.todo_live_branches() b
   where coalesce(b.last_election_on, b.founded_on) is null
      or coalesce(b.last_election_on, b.founded_on) + make_interval(years => b.term_years) < current_date
$$;

create function app.todo_election_due_soon() returns table (id bigint, org_unit_id bigint)
language sql stable
as $$
  select b.id, b.org_unit_id from app.todo_live_branches() b
   where coalesce(b.last_election_on, b.founded_on) + make_interval(years => b.term_years)
         between current_date
             and current_date + make_interval(months => (select app.setting('election_urgent_months'))::integer)
$$;

create function app.todo_election_due() returns table (id bigint, org_unit_id bigint)
language sql stable
as $$
  select b.id, b.org_unit_id from app.todo_live_branches() b
   where coalesce(b.last_election_on, b.founded_on) + make_interval(years => b.term_years)
         > current_date + make_interval(months => (select app.setting('election_urgent_months'))::integer)
     and coalesce(b.last_election_on, b.founded_on) + make_interval(years => b.term_years)
         <= current_date + make_interval(months => (select app.setting('election_warn_months'))::integer)
$$;

create function app.todo_no_secretary() returns table (id bigint, org_unit_id bigint)
language sql stable
as $$ select b.id, b.org_unit_id from app.todo_live_branches() b where b.secretary_id is null $$;

create function app.todo_secretary_not_full() returns table (id bigint, org_unit_id bigint)
language sql stable
as $$
  select b.id, b.org_unit_id from app.todo_live_branches() b join public.members m on m.id = b.secretary_id
   where m.status <> 'full' or m.branch_id <> b.id
$$;

-- Member counts per branch, once, for the size and funds kinds.
create function app.todo_branch_counts() returns table (branch_id bigint, members bigint, full_members bigint)
language sql stable
as $$
  select m.branch_id, count(*), count(*) filter (where m.status = 'full') from public.members m group by m.branch_id
$$;
comment on function app.todo_branch_counts() is '待办用: 各支部党员数与正式党员数 (调用者可见的)';

create function app.todo_branch_oversize() returns table (id bigint, org_unit_id bigint)
language sql stable
as $$
  select b.id, b.org_unit_id from app.todo_live_branches() b join app.todo_branch_counts() n on n.branch_id = b.id
   where n.members > (select app.setting('branch_max_members'))
$$;

create function app.todo_branch_too_few_full() returns table (id bigint, org_unit_id bigint)
language sql stable
as $$
  select b.id, b.org_unit_id from app.todo_live_branches() b left join app.todo_branch_counts() n on n.branch_id = b.id
   where coalesce(n.full_members, 0) < (select app.setting('branch_min_full_members'))
$$;

create function app.todo_activity_fund_low() returns table (id bigint, org_unit_id bigint)
language sql stable
as $$
  select b.id, b.org_unit_id
    from public.branches b
    join app.todo_branch_counts() n on n.branch_id = b.id
    left join (select f.branch_id, sum(f.amount) as allocated from public.fund_budgets f
                where f.fiscal_year = extract(year from current_date)::integer and f.category = 'activity'
                  and f.branch_id is not null
                group by f.branch_id) a on a.branch_id = b.id
   where b.status = 'active' and coalesce(a.allocated, 0) < (select app.setting('activity_fund_per_member')) * n.members
$$;

create function app.todo_evaluation_report_missing() returns table (id bigint, org_unit_id bigint)
language sql stable
as $$
  select b.id, b.org_unit_id from app.todo_live_branches() b
   where exists (select 1 from public.evaluation_cycles c
                  where c.status = 'open'
                    and not exists (select 1 from public.branch_evaluations e
                                     where e.cycle_id = c.id and e.branch_id = b.id and e.report_submitted_on is not null))
$$;

create function app.todo_evaluation_scores_missing() returns table (id bigint, org_unit_id bigint)
language sql stable
as $$
  select b.id, b.org_unit_id from app.todo_live_branches() b
   where exists (select 1 from public.evaluation_cycles c
                  where c.status = 'open'
                    and not exists (select 1 from public.branch_evaluations e
                                     where e.cycle_id = c.id and e.branch_id = b.id and e.total is not null))
$$;

create function app.todo_probation_due() returns table (id bigint, org_unit_id bigint)
language sql stable
as $$
  select m.id, b.org_unit_id from public.members m join public.branches b on b.id = m.branch_id
   where m.status = 'probationary' and m.joined_on + interval '1 year' <= current_date
     and m.joined_on + interval '2 years' >= current_date
$$;

create function app.todo_probation_overdue() returns table (id bigint, org_unit_id bigint)
language sql stable
as $$
  select m.id, b.org_unit_id from public.members m join public.branches b on b.id = m.branch_id
   where m.status = 'probationary' and m.joined_on + interval '2 years' < current_date
$$;

create function app.todo_carrier_uncovered() returns table (id bigint, org_unit_id bigint)
language sql stable
as $$
  select c.id, c.org_unit_id from public.carriers c
   where not exists (
     select 1 from public.carrier_coverages coverage
       join public.branches branch on branch.id = coverage.branch_id
      where coverage.carrier_id = c.id
        and coverage.started_on <= current_date
        and (coverage.ended_on is null or coverage.ended_on >= current_date)
        and branch.status = 'active')
$$;

create function app.todo_budget_lagging() returns table (id bigint, org_unit_id bigint)
language sql stable
as $$
  with budgets as (
    select f.* from public.fund_budgets f where f.fiscal_year = extract(year from current_date)::integer
  ),
  spent as (
    select x.budget_id, sum(x.amount) as amount from public.fund_expenditures x
     where x.budget_id in (select g.id from budgets g) group by x.budget_id
  ),
  by_budget as (
    select g.*, coalesce(s.amount, 0) as spent from budgets g left join spent s on s.budget_id = g.id
  ),
  -- a unit budget's execution counts its allocations' spending too
  allocations as (
    select a.org_unit_id, a.category, sum(a.spent) as spent from by_budget a where a.branch_id is not null
     group by a.org_unit_id, a.category
  )
  select g.id, g.org_unit_id
    from by_budget g
    left join allocations a on g.branch_id is null and a.org_unit_id = g.org_unit_id and a.category = g.category
   where g.spent + coalesce(a.spent, 0)
         < g.amount * (extract(month from current_date) / 12.0 - (select app.setting('funds_lag_margin')) / 100.0)
$$;

do $$
declare
  k text;
begin
  foreach k in array array['election_overdue', 'election_due_soon', 'election_due', 'no_secretary', 'secretary_not_full',
                           'branch_oversize', 'branch_too_few_full', 'activity_fund_low', 'evaluation_report_missing',
                           'evaluation_scores_missing', 'probation_due', 'probation_overdue', 'carrier_uncovered',
                           'budget_lagging'] loop
    execute format('comment on function app.%I() is %L', 'todo_' || k,
                   '待办汇总用: 与 public.todo_' || k || ' 同一判定, 返回记录编号与所属二级党组织');
  end loop;
end
$$;

-- ---------------------------------------------------------------------------------------------------------
-- public.todos(): every kind, for the caller, in one static statement — a union of the registered set functions —
-- so PL/pgSQL keeps its plan for the session (a statement built per call is planned per kind on every call, which
-- at scale 10 cost more than the scans). app.rebuild_todos() writes that statement from app.todo_kinds; the
-- migration that registers a kind calls it, nobody edits the body by hand.
-- ---------------------------------------------------------------------------------------------------------
create function app.rebuild_todos() returns void
language plpgsql
set search_path = ''
as $build$
declare
  items text;
begin
  select string_agg(format('select %L::text as kind, i.id, i.org_unit_id from app.%I() i', k.kind, 'todo_' || k.kind),
                    E'\n      union all ' order by k.position, k.kind)
    into items from app.todo_kinds k;
  execute format($f$
create or replace function public.todos()
returns table (
  kind text,
  "position" integer,
  label text,
  label_en text,
  description text,
  register text,
  fix_path text,
  count bigint,
  ids bigint[],
  by_unit jsonb
)
language plpgsql stable security invoker
set search_path = ''
as $$
#variable_conflict use_column
declare
  whole_school boolean := (select app.reads_all());
begin
  return query
  with items as materialized (
      %s
  ),
  per_kind as (
    select i.kind, count(*) as n, array_agg(i.id order by i.id) as ids from items i group by i.kind
  ),
  -- the per-unit breakdown only for readers of the whole school, aggregated once for all kinds
  per_unit as (
    select c.kind, jsonb_agg(jsonb_build_object('org_unit_id', o.id, 'org_unit_name', o.name, 'count', c.n)
                             order by c.n desc, o.code) as units
      from (select i.kind, i.org_unit_id, count(*) as n from items i where whole_school group by i.kind, i.org_unit_id) c
      join public.org_units o on o.id = c.org_unit_id
     group by c.kind
  )
  select k.kind, k.position, k.label, k.label_en, k.description, k.register, k.fix_path,
         coalesce(p.n, 0), coalesce(p.ids, '{}'),
         case when whole_school then coalesce(u.units, '[]'::jsonb) end
    from app.todo_kinds k
    left join per_kind p on p.kind = k.kind
    left join per_unit u on u.kind = k.kind
   order by k.position, k.kind;
end;
$$
$f$, coalesce(items, 'select null::text, null::bigint, null::bigint where false'));
  execute $c$comment on function public.todos() is
    '待办与提醒: 每类一行 (名称、所在登记表、处理入口、数量、记录编号; 组织部与校领导另有按二级党组织的分布), '
    '按调用者的数据权限计算; 类型见 app.todo_kinds, 函数体由 app.rebuild_todos() 生成'$c$;
  revoke execute on function public.todos() from public, anon;
  grant execute on function public.todos() to authenticated, service_role;
end;
$build$;
comment on function app.rebuild_todos() is '迁移用: 按 app.todo_kinds 重新生成 public.todos() (登记新的待办类型后调用)';
revoke all on function app.rebuild_todos() from public, anon, authenticated;

select app.rebuild_todos();
