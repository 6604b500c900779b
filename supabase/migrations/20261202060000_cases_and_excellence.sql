-- 党建案例 (§15) and 创建卓越党支部计划 (§13): four registers and their workflows.
--
--   cases                    a branch's case: drafted and submitted (提交) by its unit's committee, recommended (推荐)
--                            by that unit, rated (评定) by 组织部 as 校级最佳案例 / 优秀案例 / 未获评. A rated case is
--                            frozen; 组织部 may reopen it (重新评定) through public.reopen_case, because a rating
--                            entered by mistake must be correctable without database maintenance, and the audit
--                            trail then shows the reopening as one recognisable change (as reopen_evaluation_cycle).
--   excellence_plans         a branch's annual plan (one per branch and year): submitted by the committee, approved
--                            (审核通过) by 组织部, self-assessed at year end and judged (评定) by 组织部. A judged plan
--                            and its tasks are frozen: its result is the branch's 卓越 status of that year, a public
--                            record, so there is no reopening.
--   excellence_tasks         the plan's tasks with due and completion dates.
--   branch_excellence_years  a branch's 卓越党支部 status per year (history kept). Judging a plan writes its year
--                            (excellent → 卓越党支部, qualified / not met → 培育中); 组织部 may also enter years before
--                            the plans existed. branches.excellence follows the branch's latest year whenever the
--                            history changes (it stays editable for a branch without history, e.g. a new 培育中).
--
-- Status changes go in order, each with its date (submitted_on, recommended_on, rated_on; submitted_on,
-- approved_on, judged_on): the trigger fills in today when a step is taken without one and clears the later
-- dates when a case or plan is sent back to draft (退回). The workflow RPCs (submit_case, recommend_case,
-- rate_case, reopen_case, submit_excellence_plan, approve_excellence_plan, judge_excellence_plan) are what the
-- show pages call; a direct update through the API is held to the same rules by the triggers. The dates and
-- statuses are plain columns so the to-dos can read "cases waiting", "plans waiting" directly.
--
-- Maintenance outside the API (app.maintenance = 'on': demo data, test clean-up) may write any consistent state,
-- as for closed evaluation cycles; the CHECK constraints still hold.

create type public.case_status as enum ('draft', 'submitted', 'recommended', 'rated');
comment on type public.case_status is '党建案例状态: 草稿 / 已提交 / 已推荐 / 已评定';
create type public.case_rating as enum ('best', 'excellent', 'none');
comment on type public.case_rating is '党建案例评定结果 (§15): 校级最佳案例 / 优秀案例 / 未获评';
create type public.plan_status as enum ('draft', 'submitted', 'approved', 'judged');
comment on type public.plan_status is '卓越党支部计划状态: 草稿 / 已提交 / 已审核 / 已评定';
create type public.plan_result as enum ('excellent', 'qualified', 'not_met');
comment on type public.plan_result is '卓越党支部计划评定结果: 卓越 / 合格 / 未达标';

-- ---------------------------------------------------------------------------------------------------------
-- Tables
-- ---------------------------------------------------------------------------------------------------------
create table public.cases (
  id bigint generated always as identity primary key,
  branch_id bigint not null references public.branches (id) on delete restrict,
  year smallint not null,
  title text not null,
  summary text,
  service_area public.service_area not null,
  status public.case_status not null default 'draft',
  rating public.case_rating,
  budget_id bigint references public.fund_budgets (id) on delete restrict,
  submitted_on date,
  recommended_on date,
  rated_on date,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint cases_title_not_blank check (btrim(title) <> ''),
  constraint cases_year_range check (year between 2000 and 2100),
  constraint cases_rating_when_rated check ((rating is not null) = (status = 'rated')),
  constraint cases_dates_follow_status check (
    (submitted_on is not null) = (status >= 'submitted')
    and (recommended_on is not null) = (status >= 'recommended')
    and (rated_on is not null) = (status = 'rated')),
  constraint cases_dates_in_order check (recommended_on >= submitted_on and rated_on >= recommended_on)
);
comment on table public.cases is
  '党建案例 (§15): 二级党组织为支部起草并提交, 本单位推荐, 组织部评定为校级最佳案例 / 优秀案例 / 未获评; 已评定的案例冻结';
comment on column public.cases.branch_id is '案例所属党支部';
comment on column public.cases.year is '案例年度 (评选年度)';
comment on column public.cases.title is '案例标题';
comment on column public.cases.summary is '案例摘要: 做法与成效';
comment on column public.cases.service_area is '五个服务 (§2) 之一';
comment on column public.cases.status is 'draft 草稿 / submitted 已提交 / recommended 已推荐 / rated 已评定, 依次推进';
comment on column public.cases.rating is '评定结果 (仅已评定): best 校级最佳案例 / excellent 优秀案例 / none 未获评';
comment on column public.cases.budget_id is '案例立项经费: 本支部或本单位同一年度的 case_project 预算 (可空)';
comment on column public.cases.submitted_on is '提交日期';
comment on column public.cases.recommended_on is '单位推荐日期';
comment on column public.cases.rated_on is '组织部评定日期';
create index cases_branch_id_idx on public.cases (branch_id);
create index cases_year_status_idx on public.cases (year, status);
create index cases_budget_id_idx on public.cases (budget_id);

create table public.excellence_plans (
  id bigint generated always as identity primary key,
  branch_id bigint not null references public.branches (id) on delete restrict,
  year smallint not null,
  goals text not null,
  entry_point text,
  breakthrough text,
  status public.plan_status not null default 'draft',
  self_assessment text,
  result public.plan_result,
  submitted_on date,
  approved_on date,
  judged_on date,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint excellence_plans_one_per_branch_year unique (branch_id, year),
  constraint excellence_plans_goals_not_blank check (btrim(goals) <> ''),
  constraint excellence_plans_year_range check (year between 2000 and 2100),
  constraint excellence_plans_result_when_judged check ((result is not null) = (status = 'judged')),
  constraint excellence_plans_dates_follow_status check (
    (submitted_on is not null) = (status >= 'submitted')
    and (approved_on is not null) = (status >= 'approved')
    and (judged_on is not null) = (status = 'judged')),
  constraint excellence_plans_dates_in_order check (approved_on >= submitted_on and judged_on >= approved_on)
);
comment on table public.excellence_plans is
  '创建卓越党支部计划 (§13): 每个支部每年一份; 二级党组织提交, 组织部审核, 年终自评后由组织部评定; 已评定的计划 (及其任务) 冻结';
comment on column public.excellence_plans.branch_id is '创建支部';
comment on column public.excellence_plans.year is '计划年度, 每个支部每年一份';
comment on column public.excellence_plans.goals is '创建目标';
comment on column public.excellence_plans.entry_point is '切入点';
comment on column public.excellence_plans.breakthrough is '突破口';
comment on column public.excellence_plans.status is 'draft 草稿 / submitted 已提交 / approved 已审核 / judged 已评定, 依次推进';
comment on column public.excellence_plans.self_assessment is '年终自评 (评定前须填写)';
comment on column public.excellence_plans.result is '评定结果 (仅已评定): excellent 卓越 / qualified 合格 / not_met 未达标';
comment on column public.excellence_plans.submitted_on is '提交日期 (待办: 等待审核的计划)';
comment on column public.excellence_plans.approved_on is '组织部审核通过日期';
comment on column public.excellence_plans.judged_on is '组织部评定日期';
create index excellence_plans_year_status_idx on public.excellence_plans (year, status);

create table public.excellence_tasks (
  id bigint generated always as identity primary key,
  plan_id bigint not null references public.excellence_plans (id) on delete cascade,
  title text not null,
  due_on date not null,
  done_on date,
  note text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint excellence_tasks_title_not_blank check (btrim(title) <> '')
);
comment on table public.excellence_tasks is '卓越党支部计划的任务: 完成时限与完成日期; 计划评定后冻结';
comment on column public.excellence_tasks.plan_id is '所属计划';
comment on column public.excellence_tasks.title is '任务';
comment on column public.excellence_tasks.due_on is '完成时限, 在计划年度内';
comment on column public.excellence_tasks.done_on is '完成日期 (空 = 未完成)';
comment on column public.excellence_tasks.note is '备注';
create index excellence_tasks_plan_id_idx on public.excellence_tasks (plan_id);

create table public.branch_excellence_years (
  id bigint generated always as identity primary key,
  branch_id bigint not null references public.branches (id) on delete restrict,
  year smallint not null,
  status public.branch_excellence not null,
  plan_id bigint references public.excellence_plans (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint branch_excellence_years_one_per_year unique (branch_id, year),
  constraint branch_excellence_years_year_range check (year between 2000 and 2100)
);
comment on table public.branch_excellence_years is
  '支部历年卓越党支部状态 (历史保留): 计划评定时写入; 支部的当前状态 (branches.excellence) 随最近一年';
comment on column public.branch_excellence_years.branch_id is '党支部';
comment on column public.branch_excellence_years.year is '年度';
comment on column public.branch_excellence_years.status is 'none 未参与 / cultivating 培育中 / excellent 卓越党支部';
comment on column public.branch_excellence_years.plan_id is '据以评定的卓越党支部计划 (组织部补录的早年记录为空)';

-- ---------------------------------------------------------------------------------------------------------
-- Field limits, access, audit
-- ---------------------------------------------------------------------------------------------------------
insert into app.field_limits (table_name, column_name, label, kind, max_length, max_value, years_ahead) values
  ('cases', 'title', '案例标题', 'text', 200, null, null),
  ('cases', 'summary', '案例摘要', 'text', 5000, null, null),
  ('cases', 'submitted_on', '提交日期', 'date', null, null, 0),
  ('cases', 'recommended_on', '推荐日期', 'date', null, null, 0),
  ('cases', 'rated_on', '评定日期', 'date', null, null, 0),
  ('excellence_plans', 'goals', '创建目标', 'text', 2000, null, null),
  ('excellence_plans', 'entry_point', '切入点', 'text', 1000, null, null),
  ('excellence_plans', 'breakthrough', '突破口', 'text', 1000, null, null),
  ('excellence_plans', 'self_assessment', '年终自评', 'text', 2000, null, null),
  ('excellence_plans', 'submitted_on', '提交日期', 'date', null, null, 0),
  ('excellence_plans', 'approved_on', '审核日期', 'date', null, null, 0),
  ('excellence_plans', 'judged_on', '评定日期', 'date', null, null, 0),
  ('excellence_tasks', 'title', '任务', 'text', 200, null, null),
  ('excellence_tasks', 'due_on', '完成时限', 'date', null, null, 2),
  ('excellence_tasks', 'done_on', '完成日期', 'date', null, null, 0),
  ('excellence_tasks', 'note', '备注', 'text', 1000, null, null);
select app.apply_field_limits('cases');
select app.apply_field_limits('excellence_plans');
select app.apply_field_limits('excellence_tasks');

create function app.committee_plan_ids() returns setof bigint
language sql stable security definer
set search_path = ''
as $$
  select p.id from public.excellence_plans p join public.branches b on b.id = p.branch_id
   where b.org_unit_id = app.committee_org_unit_id()
$$;
comment on function app.committee_plan_ids() is '二级党组织管理员可操作的卓越党支部计划 id';
revoke all on function app.committee_plan_ids() from public;
grant execute on function app.committee_plan_ids() to authenticated, service_role;

select app.register_table('cases', 'branch_id in (select app.committee_branch_ids())');
select app.register_table('excellence_plans', 'branch_id in (select app.committee_branch_ids())');
select app.register_table('excellence_tasks', 'plan_id in (select app.committee_plan_ids())');
-- The history is 组织部's to write (by judging a plan, or by hand for earlier years); committees read their own.
select app.register_table('branch_excellence_years', 'branch_id in (select app.committee_branch_ids())', 'false');

-- A branch or budget still referenced is refused with a readable message (the foreign keys stay the backstop).
create trigger branches_delete_excellence_guard before delete on public.branches for each row
  execute function app.refuse_delete_when_referenced('该支部', 'cases', 'branch_id', '党建案例',
    'excellence_plans', 'branch_id', '卓越党支部计划', 'branch_excellence_years', 'branch_id', '卓越党支部年度');
create trigger fund_budgets_delete_case_guard before delete on public.fund_budgets for each row
  execute function app.refuse_delete_when_referenced('该预算', 'cases', 'budget_id', '党建案例');

-- ---------------------------------------------------------------------------------------------------------
-- Rules: cases
-- ---------------------------------------------------------------------------------------------------------
create function app.case_status_label(p_status public.case_status) returns text
language sql immutable
set search_path = ''
as $$ select case p_status when 'draft' then '草稿' when 'submitted' then '已提交'
                           when 'recommended' then '已推荐' else '已评定' end $$;

create function app.check_cases() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  maintenance boolean := app.in_maintenance();
  org_admin boolean := app.is_org_admin();
  reopening boolean;
  from_status public.case_status;
  budget public.fund_budgets;
  branch_unit bigint;
begin
  if tg_op = 'DELETE' then
    if old.status = 'rated' and not maintenance then
      perform app.reject('cases_rated_frozen', null, format('案例「%s」已评定, 不能删除', old.title));
    end if;
    return old;
  end if;

  reopening := tg_op = 'UPDATE' and coalesce(current_setting('app.reopening_case', true), '') = old.id::text;
  from_status := case when tg_op = 'INSERT' then 'draft'::public.case_status else old.status end;

  if not maintenance then
    -- Frozen: a rated case changes only by reopen_case (back to 已推荐, rating and its date cleared).
    if tg_op = 'UPDATE' and old.status = 'rated' and not (reopening and new.status = 'recommended') then
      perform app.reject('cases_rated_frozen', 'status',
                         format('案例「%s」已评定, 记录已冻结; 如需修改, 请由组织部执行「重新评定」', old.title));
    end if;
    -- Rating is 组织部's alone (a committee can rate neither its own unit's case nor any other).
    if not org_admin and ((new.status = 'rated' and new.status is distinct from from_status)
                          or new.rating is distinct from case when tg_op = 'UPDATE' then old.rating end) then
      perform app.reject('cases_rate_org_admin_only', 'rating', '只有组织部可以评定党建案例', '42501');
    end if;
    -- In order: 草稿 → 已提交 → 已推荐 → 已评定; sent back (退回) to 草稿 from 已提交 or 已推荐. 组织部 may enter an
    -- earlier year's case as it stands (insert in any status).
    if new.status is distinct from from_status
       and not ((from_status, new.status) in (('draft', 'submitted'), ('submitted', 'recommended'), ('recommended', 'rated'),
                                              ('submitted', 'draft'), ('recommended', 'draft'))
                or (reopening and from_status = 'rated' and new.status = 'recommended')
                or (tg_op = 'INSERT' and org_admin)) then
      perform app.reject('cases_status_order', 'status',
                         format('案例不能从「%s」直接改为「%s」: 须依次提交、推荐、评定', app.case_status_label(from_status),
                                app.case_status_label(new.status)));
    end if;
  end if;

  -- Each step's date: today when the step is taken without one; later steps' dates go when the case goes back.
  if new.status is distinct from from_status or tg_op = 'INSERT' then
    if new.status >= 'submitted' then new.submitted_on := coalesce(new.submitted_on, current_date); else new.submitted_on := null; end if;
    if new.status >= 'recommended' then new.recommended_on := coalesce(new.recommended_on, current_date); else new.recommended_on := null; end if;
    if new.status = 'rated' then new.rated_on := coalesce(new.rated_on, current_date); else new.rated_on := null; end if;
    if new.status <> 'rated' and (tg_op = 'UPDATE' and old.status = 'rated') then new.rating := null; end if;
  end if;

  if new.year not between 2000 and 2100 then
    perform app.reject('cases_year_range', 'year', '案例年度须在 2000 到 2100 之间');
  end if;
  if new.status = 'rated' and new.rating is null then
    perform app.reject('cases_rating_when_rated', 'rating', '评定案例须选择评定结果');
  end if;
  if new.status <> 'rated' and new.rating is not null then
    perform app.reject('cases_rating_when_rated', 'rating', '案例评定后才有评定结果');
  end if;
  if (new.submitted_on is not null) <> (new.status >= 'submitted') then
    perform app.reject('cases_dates_follow_status', 'submitted_on', '提交日期与案例状态不符');
  end if;
  if (new.recommended_on is not null) <> (new.status >= 'recommended') then
    perform app.reject('cases_dates_follow_status', 'recommended_on', '推荐日期与案例状态不符');
  end if;
  if (new.rated_on is not null) <> (new.status = 'rated') then
    perform app.reject('cases_dates_follow_status', 'rated_on', '评定日期与案例状态不符');
  end if;
  if new.recommended_on < new.submitted_on then
    perform app.reject('cases_dates_in_order', 'recommended_on', '推荐日期不能早于提交日期');
  end if;
  if new.rated_on < new.recommended_on then
    perform app.reject('cases_dates_in_order', 'rated_on', '评定日期不能早于推荐日期');
  end if;
  if new.budget_id is not null then
    select b.org_unit_id into branch_unit from public.branches b where b.id = new.branch_id;
    select * into budget from public.fund_budgets f where f.id = new.budget_id;
    if budget.category is distinct from 'case_project' or budget.org_unit_id is distinct from branch_unit
       or (budget.branch_id is not null and budget.branch_id <> new.branch_id) or budget.fiscal_year <> new.year then
      perform app.reject('cases_budget_of_branch', 'budget_id',
                         format('关联经费须为本支部或所属二级党组织 %s 年度的案例立项预算', new.year));
    end if;
  end if;
  return new;
end;
$$;
comment on function app.check_cases() is
  'BEFORE INSERT / UPDATE / DELETE: 案例状态依次推进并记日期; 只有组织部可评定; 已评定冻结; 经费须为本支部或本单位同年度案例立项预算';
create trigger cases_rules before insert or update or delete on public.cases
  for each row execute function app.check_cases();

-- ---------------------------------------------------------------------------------------------------------
-- Rules: excellence plans and their tasks
-- ---------------------------------------------------------------------------------------------------------
create function app.plan_status_label(p_status public.plan_status) returns text
language sql immutable
set search_path = ''
as $$ select case p_status when 'draft' then '草稿' when 'submitted' then '已提交'
                           when 'approved' then '已审核' else '已评定' end $$;

create function app.check_excellence_plans() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  maintenance boolean := app.in_maintenance();
  org_admin boolean := app.is_org_admin();
  from_status public.plan_status;
begin
  if tg_op = 'DELETE' then
    if old.status = 'judged' and not maintenance then
      perform app.reject('excellence_plans_judged_frozen', null, format('%s 年度卓越党支部计划已评定, 不能删除', old.year));
    end if;
    return old;
  end if;
  from_status := case when tg_op = 'INSERT' then 'draft'::public.plan_status else old.status end;

  if not maintenance then
    if tg_op = 'UPDATE' and old.status = 'judged' then
      perform app.reject('excellence_plans_judged_frozen', 'status', format('%s 年度卓越党支部计划已评定, 记录已冻结', old.year));
    end if;
    -- Approving and judging are 组织部's; so is the result.
    if not org_admin and ((new.status in ('approved', 'judged') and new.status is distinct from from_status)
                          or new.result is distinct from case when tg_op = 'UPDATE' then old.result end) then
      perform app.reject('excellence_plans_review_org_admin_only', 'status', '只有组织部可以审核和评定卓越党支部计划', '42501');
    end if;
    -- In order: 草稿 → 已提交 → 已审核 → 已评定; a submitted plan may go back (退回 / 撤回) to 草稿.
    if new.status is distinct from from_status
       and not ((from_status, new.status) in (('draft', 'submitted'), ('submitted', 'approved'), ('approved', 'judged'),
                                              ('submitted', 'draft'))
                or (tg_op = 'INSERT' and org_admin)) then
      perform app.reject('excellence_plans_status_order', 'status',
                         format('计划不能从「%s」直接改为「%s」: 须依次提交、审核、评定', app.plan_status_label(from_status),
                                app.plan_status_label(new.status)));
    end if;
  end if;

  if new.status is distinct from from_status or tg_op = 'INSERT' then
    if new.status >= 'submitted' then new.submitted_on := coalesce(new.submitted_on, current_date); else new.submitted_on := null; end if;
    if new.status >= 'approved' then new.approved_on := coalesce(new.approved_on, current_date); else new.approved_on := null; end if;
    if new.status = 'judged' then new.judged_on := coalesce(new.judged_on, current_date); else new.judged_on := null; end if;
  end if;

  if new.year not between 2000 and 2100 then
    perform app.reject('excellence_plans_year_range', 'year', '计划年度须在 2000 到 2100 之间');
  end if;
  if exists (select 1 from public.excellence_plans p where p.branch_id = new.branch_id and p.year = new.year and p.id <> new.id) then
    perform app.reject('excellence_plans_one_per_branch_year', 'year', format('该支部已有 %s 年度的卓越党支部计划', new.year), '23505');
  end if;
  if new.status = 'judged' and coalesce(btrim(new.self_assessment), '') = '' then
    perform app.reject('excellence_plans_self_assessed', 'self_assessment', '评定前须填写年终自评');
  end if;
  if new.status = 'judged' and new.result is null then
    perform app.reject('excellence_plans_result_when_judged', 'result', '评定计划须选择评定结果');
  end if;
  if new.status <> 'judged' and new.result is not null then
    perform app.reject('excellence_plans_result_when_judged', 'result', '计划评定后才有评定结果');
  end if;
  if (new.submitted_on is not null) <> (new.status >= 'submitted') then
    perform app.reject('excellence_plans_dates_follow_status', 'submitted_on', '提交日期与计划状态不符');
  end if;
  if (new.approved_on is not null) <> (new.status >= 'approved') then
    perform app.reject('excellence_plans_dates_follow_status', 'approved_on', '审核日期与计划状态不符');
  end if;
  if (new.judged_on is not null) <> (new.status = 'judged') then
    perform app.reject('excellence_plans_dates_follow_status', 'judged_on', '评定日期与计划状态不符');
  end if;
  if new.approved_on < new.submitted_on then
    perform app.reject('excellence_plans_dates_in_order', 'approved_on', '审核日期不能早于提交日期');
  end if;
  if new.judged_on < new.approved_on then
    perform app.reject('excellence_plans_dates_in_order', 'judged_on', '评定日期不能早于审核日期');
  end if;
  return new;
end;
$$;
comment on function app.check_excellence_plans() is
  'BEFORE INSERT / UPDATE / DELETE: 计划状态依次推进并记日期; 只有组织部可审核、评定; 评定须有自评与结果; 已评定冻结';
create trigger excellence_plans_rules before insert or update or delete on public.excellence_plans
  for each row execute function app.check_excellence_plans();

-- Judging writes the branch's status of that year (excellent → 卓越党支部, otherwise 培育中).
create function app.record_plan_judgement() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  insert into public.branch_excellence_years (branch_id, year, status, plan_id)
  values (new.branch_id, new.year,
          case new.result when 'excellent' then 'excellent'::public.branch_excellence else 'cultivating'::public.branch_excellence end,
          new.id)
  on conflict (branch_id, year) do update set status = excluded.status, plan_id = excluded.plan_id;
  return null;
end;
$$;
comment on function app.record_plan_judgement() is 'AFTER: 计划评定后写入支部该年度的卓越党支部状态 (卓越 → 卓越党支部, 其余 → 培育中)';
create trigger excellence_plans_judged after insert or update of status on public.excellence_plans
  for each row when (new.status = 'judged') execute function app.record_plan_judgement();

create function app.check_excellence_tasks() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  plan public.excellence_plans;
begin
  if not app.in_maintenance() then
    if tg_op <> 'INSERT' then
      select * into plan from public.excellence_plans p where p.id = old.plan_id;
      if plan.status = 'judged' then
        perform app.reject('excellence_tasks_plan_judged_frozen', case when tg_op = 'DELETE' then null else 'plan_id' end,
                           format('%s 年度卓越党支部计划已评定, 任务已冻结', plan.year));
      end if;
    end if;
    if tg_op <> 'DELETE' then
      select * into plan from public.excellence_plans p where p.id = new.plan_id;
      if plan.status = 'judged' then
        perform app.reject('excellence_tasks_plan_judged_frozen', 'plan_id', format('%s 年度卓越党支部计划已评定, 任务已冻结', plan.year));
      end if;
    end if;
  end if;
  if tg_op = 'DELETE' then
    return old;
  end if;
  select * into plan from public.excellence_plans p where p.id = new.plan_id;
  if extract(year from new.due_on) <> plan.year then
    perform app.reject('excellence_tasks_due_in_plan_year', 'due_on', format('完成时限须在计划年度 (%s 年) 内', plan.year));
  end if;
  return new;
end;
$$;
comment on function app.check_excellence_tasks() is 'BEFORE INSERT / UPDATE / DELETE: 已评定计划的任务冻结; 完成时限在计划年度内';
create trigger excellence_tasks_rules before insert or update or delete on public.excellence_tasks
  for each row execute function app.check_excellence_tasks();

-- The branch's current flag follows its latest year (none when it has no history left).
create function app.sync_branch_excellence() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  branch_id bigint;
begin
  foreach branch_id in array array_remove(array[case when tg_op <> 'INSERT' then old.branch_id end,
                                                case when tg_op <> 'DELETE' then new.branch_id end], null) loop
    update public.branches b
       set excellence = coalesce((select y.status from public.branch_excellence_years y
                                   where y.branch_id = b.id order by y.year desc limit 1), 'none')
     where b.id = branch_id
       and b.excellence is distinct from coalesce((select y.status from public.branch_excellence_years y
                                                    where y.branch_id = b.id order by y.year desc limit 1), 'none');
  end loop;
  return null;
end;
$$;
comment on function app.sync_branch_excellence() is 'AFTER: 支部当前卓越党支部状态 (branches.excellence) 随其最近一年的记录';
create trigger branch_excellence_years_sync after insert or update or delete on public.branch_excellence_years
  for each row execute function app.sync_branch_excellence();

create function app.check_branch_excellence_years() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.year not between 2000 and 2100 then
    perform app.reject('branch_excellence_years_year_range', 'year', '年度须在 2000 到 2100 之间');
  end if;
  if exists (select 1 from public.branch_excellence_years y where y.branch_id = new.branch_id and y.year = new.year and y.id <> new.id) then
    perform app.reject('branch_excellence_years_one_per_year', 'year', format('该支部已有 %s 年度的记录', new.year), '23505');
  end if;
  return new;
end;
$$;
create trigger branch_excellence_years_rules before insert or update on public.branch_excellence_years
  for each row execute function app.check_branch_excellence_years();

-- ---------------------------------------------------------------------------------------------------------
-- Workflow RPCs (the show pages' record actions). SECURITY DEFINER so they can say why a step is refused
-- (another unit's case, a leader) instead of RLS's silent zero rows; the triggers above hold the order, the
-- dates and who may rate, exactly as for a direct update.
-- ---------------------------------------------------------------------------------------------------------
create function app.workflow_branch_check(p_branch_id bigint, p_rule text, p_message text) returns void
language plpgsql stable security definer
set search_path = ''
as $$
declare
  role public.app_role := app.current_role();
begin
  if role is null or role = 'leader' then
    perform app.reject(p_rule, null, '当前账号只能查看, 不能办理', '42501');
  end if;
  if role = 'committee_admin'
     and not exists (select 1 from public.branches b where b.id = p_branch_id and b.org_unit_id = app.committee_org_unit_id()) then
    perform app.reject(p_rule, null, p_message, '42501');
  end if;
end;
$$;
comment on function app.workflow_branch_check(bigint, text, text) is
  '办理步骤的权限: 校领导与未登录者不能办理; 二级党组织只能办理本单位支部的记录';

create function app.case_for_step(p_case_id bigint) returns public.cases
language plpgsql security definer
set search_path = ''
as $$
declare
  found_case public.cases;
begin
  select * into found_case from public.cases c where c.id = p_case_id for update;
  if not found then
    perform app.reject('cases_exists', 'id', '未找到该党建案例', '23503');
  end if;
  return found_case;
end;
$$;

create function public.submit_case(p_case_id bigint) returns public.cases
language plpgsql security definer
set search_path = ''
as $$
declare
  c public.cases := app.case_for_step(p_case_id);
begin
  perform app.workflow_branch_check(c.branch_id, 'cases_submit_own_unit', '只能提交本单位的党建案例');
  update public.cases t set status = 'submitted' where t.id = p_case_id returning * into c;
  return c;
end;
$$;
comment on function public.submit_case(bigint) is '提交党建案例 (草稿 → 已提交): 本单位二级党组织或组织部';

create function public.recommend_case(p_case_id bigint) returns public.cases
language plpgsql security definer
set search_path = ''
as $$
declare
  c public.cases := app.case_for_step(p_case_id);
begin
  perform app.workflow_branch_check(c.branch_id, 'cases_recommend_own_unit', '只能推荐本单位的党建案例');
  update public.cases t set status = 'recommended' where t.id = p_case_id returning * into c;
  return c;
end;
$$;
comment on function public.recommend_case(bigint) is '单位推荐党建案例 (已提交 → 已推荐): 本单位二级党组织或组织部';

create function public.rate_case(p_case_id bigint, p_rating public.case_rating) returns public.cases
language plpgsql security definer
set search_path = ''
as $$
declare
  c public.cases;
begin
  if not app.is_org_admin() then
    perform app.reject('cases_rate_org_admin_only', 'rating', '只有组织部可以评定党建案例', '42501');
  end if;
  c := app.case_for_step(p_case_id);
  update public.cases t set status = 'rated', rating = p_rating where t.id = p_case_id returning * into c;
  return c;
end;
$$;
comment on function public.rate_case(bigint, public.case_rating) is '组织部评定党建案例 (已推荐 → 已评定): 校级最佳案例 / 优秀案例 / 未获评';

create function public.reopen_case(p_case_id bigint) returns public.cases
language plpgsql security definer
set search_path = ''
as $$
declare
  c public.cases;
begin
  if not app.is_org_admin() then
    perform app.reject('cases_reopen_org_admin_only', null, '只有组织部可以重新评定党建案例', '42501');
  end if;
  c := app.case_for_step(p_case_id);
  if c.status <> 'rated' then
    perform app.reject('cases_reopen_only_rated', 'status', format('案例「%s」尚未评定, 无需重新评定', c.title));
  end if;
  perform set_config('app.reopening_case', p_case_id::text, true);
  update public.cases t set status = 'recommended', rating = null where t.id = p_case_id returning * into c;
  perform set_config('app.reopening_case', '', true);
  return c;
end;
$$;
comment on function public.reopen_case(bigint) is '组织部重新评定: 已评定的案例退回已推荐 (清除评定结果与日期), 记入变更记录';

create function app.plan_for_step(p_plan_id bigint) returns public.excellence_plans
language plpgsql security definer
set search_path = ''
as $$
declare
  found_plan public.excellence_plans;
begin
  select * into found_plan from public.excellence_plans p where p.id = p_plan_id for update;
  if not found then
    perform app.reject('excellence_plans_exists', 'id', '未找到该卓越党支部计划', '23503');
  end if;
  return found_plan;
end;
$$;

create function public.submit_excellence_plan(p_plan_id bigint) returns public.excellence_plans
language plpgsql security definer
set search_path = ''
as $$
declare
  p public.excellence_plans := app.plan_for_step(p_plan_id);
begin
  perform app.workflow_branch_check(p.branch_id, 'excellence_plans_submit_own_unit', '只能提交本单位支部的卓越党支部计划');
  update public.excellence_plans t set status = 'submitted' where t.id = p_plan_id returning * into p;
  return p;
end;
$$;
comment on function public.submit_excellence_plan(bigint) is '提交卓越党支部计划 (草稿 → 已提交): 本单位二级党组织或组织部';

create function public.approve_excellence_plan(p_plan_id bigint) returns public.excellence_plans
language plpgsql security definer
set search_path = ''
as $$
declare
  p public.excellence_plans;
begin
  if not app.is_org_admin() then
    perform app.reject('excellence_plans_review_org_admin_only', 'status', '只有组织部可以审核和评定卓越党支部计划', '42501');
  end if;
  p := app.plan_for_step(p_plan_id);
  update public.excellence_plans t set status = 'approved' where t.id = p_plan_id returning * into p;
  return p;
end;
$$;
comment on function public.approve_excellence_plan(bigint) is '组织部审核通过卓越党支部计划 (已提交 → 已审核)';

create function public.judge_excellence_plan(p_plan_id bigint, p_result public.plan_result) returns public.excellence_plans
language plpgsql security definer
set search_path = ''
as $$
declare
  p public.excellence_plans;
begin
  if not app.is_org_admin() then
    perform app.reject('excellence_plans_review_org_admin_only', 'status', '只有组织部可以审核和评定卓越党支部计划', '42501');
  end if;
  p := app.plan_for_step(p_plan_id);
  update public.excellence_plans t set status = 'judged', result = p_result where t.id = p_plan_id returning * into p;
  return p;
end;
$$;
comment on function public.judge_excellence_plan(bigint, public.plan_result) is
  '组织部评定卓越党支部计划 (已审核 → 已评定): 写入支部该年度的卓越党支部状态';

revoke all on function app.case_status_label(public.case_status), app.plan_status_label(public.plan_status),
  app.check_cases(), app.check_excellence_plans(), app.record_plan_judgement(), app.check_excellence_tasks(),
  app.sync_branch_excellence(), app.check_branch_excellence_years(), app.workflow_branch_check(bigint, text, text),
  app.case_for_step(bigint), app.plan_for_step(bigint) from public;
grant execute on function app.case_status_label(public.case_status), app.plan_status_label(public.plan_status),
  app.workflow_branch_check(bigint, text, text), app.case_for_step(bigint), app.plan_for_step(bigint)
  to authenticated, service_role;
revoke all on function public.submit_case(bigint), public.recommend_case(bigint), public.rate_case(bigint, public.case_rating),
  public.reopen_case(bigint), public.submit_excellence_plan(bigint), public.approve_excellence_plan(bigint),
  public.judge_excellence_plan(bigint, public.plan_result) from public, anon;
grant execute on function public.submit_case(bigint), public.recommend_case(bigint), public.rate_case(bigint, public.case_rating),
  public.reopen_case(bigint), public.submit_excellence_plan(bigint), public.approve_excellence_plan(bigint),
  public.judge_excellence_plan(bigint, public.plan_result) to authenticated, service_role;

-- ---------------------------------------------------------------------------------------------------------
-- Analytics (案例与卓越 dashboard, home KPI): security invoker, so a committee sees its own unit; bounded.
-- ---------------------------------------------------------------------------------------------------------
create function public.cases_by_unit(p_year integer default extract(year from current_date)::integer,
                                     p_org_unit_id bigint default null)
returns table (
  org_unit_id bigint,
  org_unit_code text,
  org_unit_name text,
  cases bigint,
  draft bigint,
  submitted bigint,
  recommended bigint,
  rated bigint,
  best bigint,
  excellent bigint,
  not_awarded bigint
)
language plpgsql stable security invoker
set search_path = ''
as $$
#variable_conflict use_column
begin
  perform app.check_parameter('p_year', '年度', p_year, 2000, 2100);
  return query
  select u.id, u.code, u.name, count(*),
         count(*) filter (where c.status = 'draft'), count(*) filter (where c.status = 'submitted'),
         count(*) filter (where c.status = 'recommended'), count(*) filter (where c.status = 'rated'),
         count(*) filter (where c.rating = 'best'), count(*) filter (where c.rating = 'excellent'),
         count(*) filter (where c.rating = 'none')
    from public.cases c
    join public.branches b on b.id = c.branch_id
    join public.org_units u on u.id = b.org_unit_id
   where c.year = p_year and (p_org_unit_id is null or b.org_unit_id = p_org_unit_id)
   group by u.id, u.code, u.name
   order by u.code;
end;
$$;
comment on function public.cases_by_unit(integer, bigint) is '各二级党组织某年度党建案例数: 按状态与评定结果';

create function public.excellence_plans_by_status(p_year integer default extract(year from current_date)::integer,
                                                  p_org_unit_id bigint default null)
returns table (status public.plan_status, plans bigint, excellent bigint, qualified bigint, not_met bigint)
language plpgsql stable security invoker
set search_path = ''
as $$
#variable_conflict use_column
begin
  perform app.check_parameter('p_year', '年度', p_year, 2000, 2100);
  return query
  select s.status, count(p.id), count(p.id) filter (where p.result = 'excellent'),
         count(p.id) filter (where p.result = 'qualified'), count(p.id) filter (where p.result = 'not_met')
    from unnest(enum_range(null::public.plan_status)) as s (status)
    left join (select x.* from public.excellence_plans x join public.branches b on b.id = x.branch_id
                where x.year = p_year and (p_org_unit_id is null or b.org_unit_id = p_org_unit_id)) p on p.status = s.status
   group by s.status
   order by s.status;
end;
$$;
comment on function public.excellence_plans_by_status(integer, bigint) is '某年度卓越党支部计划数: 按状态 (已评定的按结果)';

create function public.excellence_tasks_by_unit(p_year integer default extract(year from current_date)::integer,
                                                p_org_unit_id bigint default null)
returns table (
  org_unit_id bigint,
  org_unit_code text,
  org_unit_name text,
  plans bigint,
  tasks bigint,
  done bigint,
  overdue bigint,
  completion_rate numeric
)
language plpgsql stable security invoker
set search_path = ''
as $$
#variable_conflict use_column
begin
  perform app.check_parameter('p_year', '年度', p_year, 2000, 2100);
  return query
  select u.id, u.code, u.name, count(distinct p.id), count(t.id), count(t.done_on),
         count(t.id) filter (where t.done_on is null and t.due_on < current_date),
         round(count(t.done_on)::numeric / nullif(count(t.id), 0), 4)
    from public.excellence_plans p
    join public.branches b on b.id = p.branch_id
    join public.org_units u on u.id = b.org_unit_id
    left join public.excellence_tasks t on t.plan_id = p.id
   where p.year = p_year and (p_org_unit_id is null or b.org_unit_id = p_org_unit_id)
   group by u.id, u.code, u.name
   order by u.code;
end;
$$;
comment on function public.excellence_tasks_by_unit(integer, bigint) is
  '各二级党组织某年度卓越党支部计划任务: 任务数、已完成、逾期未完成 (完成时限早于今天)、完成率';

create function public.excellent_branches_by_year(p_from integer default 2024,
                                                  p_to integer default extract(year from current_date)::integer,
                                                  p_org_unit_id bigint default null)
returns table (
  org_unit_id bigint,
  org_unit_code text,
  org_unit_name text,
  year integer,
  excellent_branches bigint,
  cultivating_branches bigint
)
language plpgsql stable security invoker
set search_path = ''
as $$
#variable_conflict use_column
begin
  perform app.check_parameter('p_from', '起始年度', p_from, 2000, 2100);
  perform app.check_parameter('p_to', '截止年度', p_to, 2000, 2100);
  return query
  with history as (
    select y.year::integer as year, y.status, b.org_unit_id
      from public.branch_excellence_years y
      join public.branches b on b.id = y.branch_id
     where y.year between p_from and p_to and (p_org_unit_id is null or b.org_unit_id = p_org_unit_id)
  ), scoped_units as (
    select distinct h.org_unit_id from history h
  )
  select u.id, u.code, u.name, g.year,
         count(h.status) filter (where h.status = 'excellent'), count(h.status) filter (where h.status = 'cultivating')
    from scoped_units s
    join public.org_units u on u.id = s.org_unit_id
    cross join generate_series(p_from, p_to) as g (year)
    left join history h on h.org_unit_id = u.id and h.year = g.year
   group by u.id, u.code, u.name, g.year
   order by u.code, g.year;
end;
$$;
comment on function public.excellent_branches_by_year(integer, integer, bigint) is
  '各二级党组织历年卓越党支部与培育中支部数 (branch_excellence_years); 只列有记录的单位, 每年一行';

create function public.rated_cases_kpi(p_year integer default extract(year from current_date)::integer,
                                       p_org_unit_id bigint default null)
returns table (rated_cases bigint, best_cases bigint, excellent_cases bigint)
language plpgsql stable security invoker
set search_path = ''
as $$
#variable_conflict use_column
begin
  perform app.check_parameter('p_year', '年度', p_year, 2000, 2100);
  return query
  select count(*), count(*) filter (where c.rating = 'best'), count(*) filter (where c.rating = 'excellent')
    from public.cases c
    join public.branches b on b.id = c.branch_id
   where c.year = p_year and c.status = 'rated' and (p_org_unit_id is null or b.org_unit_id = p_org_unit_id);
end;
$$;
comment on function public.rated_cases_kpi(integer, bigint) is '首页: 某年度已评定的党建案例数 (其中校级最佳、优秀)';

revoke all on function public.cases_by_unit(integer, bigint), public.excellence_plans_by_status(integer, bigint),
  public.excellence_tasks_by_unit(integer, bigint), public.excellent_branches_by_year(integer, integer, bigint),
  public.rated_cases_kpi(integer, bigint) from public, anon;
grant execute on function public.cases_by_unit(integer, bigint), public.excellence_plans_by_status(integer, bigint),
  public.excellence_tasks_by_unit(integer, bigint), public.excellent_branches_by_year(integer, integer, bigint),
  public.rated_cases_kpi(integer, bigint) to authenticated, service_role;
