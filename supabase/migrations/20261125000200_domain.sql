-- The domain of the 2014 measures: branches, members, carriers and their coverage, partnerships, funds,
-- evaluations, member posts and reviews; the rules that belong in the database; row level security.
--
-- How a broken rule reaches the form (the convention every rule below follows):
--   Each rule has a stable name. It is enforced by a BEFORE trigger that raises
--     SQLSTATE  23514 (check_violation) or 23505 (unique_violation) or 23503 (a referenced row is missing or in use)
--     message   a zh-CN sentence for a person, e.g. 支出金额超出预算余额 (剩余 ¥1,234.00)
--     details   the rule's stable name, e.g. fund_expenditures_within_budget
--     hint      field:<column> — the form field it concerns (absent when no single field does, e.g. a refused delete)
--   PostgREST forwards these as { code, message, details, hint }; the app puts `message` on the field named in `hint`.
--   Where a CHECK or UNIQUE constraint also guards the rule it carries the same name: it is the backstop for
--   writes that bypass triggers, the trigger gives the readable message.
--
-- Access (see DESIGN.md): org_admin reads and writes everything; leader reads everything; committee_admin reads and
-- writes only rows of its own org unit — directly (branches, carriers, fund_budgets) or through the branch, the
-- member, the partnership or the budget — and its WITH CHECK clauses keep it from moving a row into another unit.

-- ---------------------------------------------------------------------------------------------------------
-- Enumerations
-- ---------------------------------------------------------------------------------------------------------
create type public.branch_kind as enum ('student', 'teacher', 'staff', 'retired', 'mixed');
comment on type public.branch_kind is '党支部类型: 学生 / 教师 / 教工 / 离退休 / 混合';
create type public.branch_basis as enum ('major', 'discipline', 'work_unit', 'dormitory', 'lab', 'research_group',
                                         'practice_base', 'society', 'other');
comment on type public.branch_basis is '党支部设置依据 (§11): 专业 / 学科 / 工作部门 / 公寓 / 实验室 / 课题组 / 实践基地 / 社团 / 其他';
create type public.branch_status as enum ('active', 'merged', 'dissolved');
comment on type public.branch_status is '党支部状态: 正常 / 已合并 / 已撤销';
create type public.branch_excellence as enum ('none', 'cultivating', 'excellent');
comment on type public.branch_excellence is '卓越党支部计划 (§13、§15): 未参与 / 培育中 / 卓越党支部';

create type public.gender as enum ('male', 'female');
create type public.member_category as enum ('student', 'teacher', 'staff', 'retired');
comment on type public.member_category is '党员类别: 学生 / 教师 / 教工 / 离退休';
create type public.member_status as enum ('probationary', 'full');
comment on type public.member_status is '党员身份: 预备党员 / 正式党员';
create type public.branch_role as enum ('secretary', 'deputy_secretary', 'committee_member', 'member');
comment on type public.branch_role is '支部内职务: 书记 / 副书记 / 委员 / 党员';
create type public.professional_title as enum ('senior', 'associate_senior', 'intermediate', 'junior', 'none');
comment on type public.professional_title is '职称: 正高 / 副高 / 中级 / 初级 / 无 (§18 高级职称 = 正高或副高)';

create type public.carrier_kind as enum ('dormitory', 'society', 'lab', 'research_group', 'practice_base');
comment on type public.carrier_kind is '载体类型 (§11): 进公寓 / 进社团 / 进实验室 / 进课题组 / 进实践基地';
create type public.coverage_form as enum ('branch', 'party_group', 'responsibility_zone', 'model_post', 'liaison');
comment on type public.coverage_form is '覆盖形式 (§12): 建支部 / 党小组 / 党员责任区 / 党员示范岗 / 联络员';

create type public.partnership_mode as enum ('joint_building', 'dual_pairing', 'internal_pairing', 'service_alliance');
comment on type public.partnership_mode is '共建方式 (§6、§9、§10): 党建联建 / 双结对 / 校内结对共建 / 服务联盟';
create type public.partner_kind as enum ('street', 'community', 'enterprise', 'industry', 'school', 'government',
                                         'internal_branch');
comment on type public.partner_kind is '共建对象: 街道 / 社区 / 企业 / 行业 / 学校 / 机关 / 校内支部';
create type public.partnership_status as enum ('active', 'suspended', 'ended');
comment on type public.partnership_status is '共建状态: 进行中 / 暂停 / 已结束';
create type public.service_area as enum ('reform', 'development', 'teachers_students', 'members', 'society');
comment on type public.service_area is '五个服务 (§2): 服务改革 / 服务发展 / 服务师生 / 服务党员 / 服务社会';

create type public.fund_category as enum ('activity', 'fee_refund', 'case_project', 'training', 'other');
comment on type public.fund_category is '经费类别 (§19): 党员活动经费 / 党费返还 / 案例立项 / 书记培训 / 其他';

create type public.cycle_status as enum ('draft', 'open', 'closed');
comment on type public.cycle_status is '考核周期状态: 草拟 / 进行中 / 已结束';
create type public.branch_grade as enum ('excellent', 'good', 'qualified', 'unqualified');
comment on type public.branch_grade is '支部考核等次, 由总分按 90 / 80 / 60 划分: 优秀 / 良好 / 合格 / 不合格';
create type public.member_grade as enum ('excellent', 'qualified', 'basically_qualified', 'unqualified');
comment on type public.member_grade is '党员评议等次: 优秀 / 合格 / 基本合格 / 不合格';

-- ---------------------------------------------------------------------------------------------------------
-- Shared helpers for the rules
-- ---------------------------------------------------------------------------------------------------------
create function app.reject(p_rule text, p_field text, p_message text, p_errcode text default '23514')
returns void
language plpgsql
set search_path = ''
as $$
begin
  if p_field is null then -- RAISE refuses a null option: leave hint and column out
    raise exception using errcode = p_errcode, message = p_message, detail = p_rule, constraint = p_rule;
  end if;
  raise exception using errcode = p_errcode, message = p_message, detail = p_rule, hint = 'field:' || p_field,
                        constraint = p_rule, column = p_field;
end;
$$;
comment on function app.reject(text, text, text, text) is
  '按约定抛出业务规则错误: message 为中文说明, details 为规则名, hint 为 field:<列名>';

create function app.yuan(p_amount numeric) returns text
language sql immutable
set search_path = ''
as $$ select '¥' || to_char(coalesce(p_amount, 0), 'FM999,999,999,990.00') $$;
comment on function app.yuan(numeric) is '金额格式化为 ¥1,234.00 (用于错误信息)';

-- 六有 total: weight_org x the mean of the six scores + weight_masses x satisfaction; null until all are scored.
create function app.evaluation_total(p_weight_org numeric, p_weight_masses numeric,
                                     p_leadership numeric, p_backbone numeric, p_venue numeric,
                                     p_carrier numeric, p_system numeric, p_performance numeric,
                                     p_satisfaction numeric)
returns numeric
language sql immutable
set search_path = ''
as $$
  select round(p_weight_org * (p_leadership + p_backbone + p_venue + p_carrier + p_system + p_performance) / 6
               + p_weight_masses * p_satisfaction, 2)
$$;
comment on function app.evaluation_total(numeric, numeric, numeric, numeric, numeric, numeric, numeric, numeric, numeric) is
  '考核总分 = 组织评价权重 × 六有平均分 + 师生评价权重 × 满意度';

create function app.evaluation_grade(p_total numeric) returns public.branch_grade
language sql immutable
set search_path = ''
as $$
  select case
    when p_total is null then null
    when p_total >= 90 then 'excellent'::public.branch_grade
    when p_total >= 80 then 'good'::public.branch_grade
    when p_total >= 60 then 'qualified'::public.branch_grade
    else 'unqualified'::public.branch_grade
  end
$$;
comment on function app.evaluation_grade(numeric) is '考核等次: ≥90 优秀, ≥80 良好, ≥60 合格, 其余不合格';

-- ---------------------------------------------------------------------------------------------------------
-- Tables
-- ---------------------------------------------------------------------------------------------------------
create table public.branches (
  id bigint generated always as identity primary key,
  org_unit_id bigint not null references public.org_units (id) on delete restrict,
  code text not null,
  name text not null,
  kind public.branch_kind not null,
  basis public.branch_basis not null default 'other',
  secretary_id bigint,
  founded_on date,
  last_election_on date,
  term_years smallint not null default 3,
  status public.branch_status not null default 'active',
  excellence public.branch_excellence not null default 'none',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint branches_code_key unique (code),
  constraint branches_code_not_blank check (btrim(code) <> ''),
  constraint branches_name_not_blank check (btrim(name) <> ''),
  constraint branches_election_after_founding check (last_election_on is null or founded_on is null or last_election_on >= founded_on),
  constraint branches_term_years_range check (term_years between 1 and 5)
);
comment on table public.branches is '党支部: 隶属一个二级党组织; 书记须为本支部党员';
comment on column public.branches.code is '支部编码, 全校唯一';
comment on column public.branches.basis is '设置依据 (§11: 学生支部按专业, 教师支部按学科, 教工支部按工作部门; 或建在公寓、实验室等载体上)';
comment on column public.branches.secretary_id is '支部书记 (members.id), 必须是本支部党员';
comment on column public.branches.last_election_on is '最近一次换届日期; 超过 term_years 年未换届即为逾期';
comment on column public.branches.term_years is '支部委员会任期 (年), 用于判断换届是否逾期';
comment on column public.branches.excellence is '卓越党支部计划: none 未参与 / cultivating 培育中 / excellent 卓越党支部';

create table public.members (
  id bigint generated always as identity primary key,
  branch_id bigint not null references public.branches (id) on delete restrict,
  name text not null,
  gender public.gender not null,
  category public.member_category not null,
  student_or_staff_no text not null,
  status public.member_status not null default 'full',
  joined_on date,
  branch_role public.branch_role not null default 'member',
  professional_title public.professional_title not null default 'none',
  contact text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint members_student_or_staff_no_key unique (student_or_staff_no),
  constraint members_student_or_staff_no_not_blank check (btrim(student_or_staff_no) <> ''),
  constraint members_name_not_blank check (btrim(name) <> '')
);
comment on table public.members is '党员: 隶属一个党支部';
comment on column public.members.student_or_staff_no is '学号或工号, 全校唯一';
comment on column public.members.status is 'probationary 预备党员 / full 正式党员';
comment on column public.members.joined_on is '入党日期';
comment on column public.members.branch_role is '支部内职务; 支部书记以 branches.secretary_id 为准';
comment on column public.members.professional_title is '职称; senior / associate_senior 计为高级职称 (§18)';
comment on column public.members.contact is '联系方式 (电话或邮箱)';

alter table public.branches
  add constraint branches_secretary_id_fkey foreign key (secretary_id) references public.members (id) on delete set null;

create table public.carriers (
  id bigint generated always as identity primary key,
  org_unit_id bigint not null references public.org_units (id) on delete restrict,
  kind public.carrier_kind not null,
  name text not null,
  headcount integer not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint carriers_name_not_blank check (btrim(name) <> ''),
  constraint carriers_headcount_not_negative check (headcount >= 0)
);
comment on table public.carriers is '党组织应进入的载体 (§11 进公寓、进社团、进实验室、进课题组、进实践基地)';
comment on column public.carriers.headcount is '载体涉及的师生人数';

create table public.carrier_coverages (
  id bigint generated always as identity primary key,
  carrier_id bigint not null references public.carriers (id) on delete cascade,
  branch_id bigint not null references public.branches (id) on delete cascade,
  form public.coverage_form not null,
  started_on date not null,
  ended_on date,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint carrier_coverages_period_valid check (ended_on is null or ended_on >= started_on)
);
comment on table public.carrier_coverages is
  '支部进入载体的记录; 某日载体"已覆盖" = 当日有效 (started_on ≤ 日 ≤ ended_on 或 ended_on 为空) 且支部状态为 active 的记录';
comment on column public.carrier_coverages.form is '覆盖形式 (§12): 建支部 / 党小组 / 党员责任区 / 党员示范岗 / 联络员';
comment on column public.carrier_coverages.ended_on is '结束日期; 为空表示仍在覆盖';

create table public.partnerships (
  id bigint generated always as identity primary key,
  branch_id bigint not null references public.branches (id) on delete cascade,
  mode public.partnership_mode not null,
  partner_kind public.partner_kind not null,
  partner_name text,
  partner_branch_id bigint references public.branches (id) on delete restrict,
  started_on date not null,
  ended_on date,
  status public.partnership_status not null default 'active',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint partnerships_period_valid check (ended_on is null or ended_on >= started_on),
  constraint partnerships_partner_required check (
    case when partner_kind = 'internal_branch' then partner_branch_id is not null
         else partner_name is not null and btrim(partner_name) <> '' end),
  constraint partnerships_not_self check (partner_branch_id is null or partner_branch_id <> branch_id)
);
comment on table public.partnerships is '党建联建 / 双结对 / 校内结对共建 / 服务联盟 (§6、§9、§10)';
comment on column public.partnerships.partner_name is '校外共建单位名称 (partner_kind 不是 internal_branch 时必填)';
comment on column public.partnerships.partner_branch_id is '校内结对支部 (partner_kind = internal_branch 时必填)';

create table public.partnership_activities (
  id bigint generated always as identity primary key,
  partnership_id bigint not null references public.partnerships (id) on delete cascade,
  held_on date not null,
  title text not null,
  service_area public.service_area not null,
  participants integer not null default 0,
  outcome text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint partnership_activities_title_not_blank check (btrim(title) <> ''),
  constraint partnership_activities_participants_not_negative check (participants >= 0)
);
comment on table public.partnership_activities is '共建活动: 日期须在共建期内; 归入五个服务之一';
comment on column public.partnership_activities.service_area is '五个服务 (§2) 之一';
comment on column public.partnership_activities.participants is '参与人数';

create table public.fund_budgets (
  id bigint generated always as identity primary key,
  fiscal_year smallint not null,
  org_unit_id bigint not null references public.org_units (id) on delete restrict,
  branch_id bigint references public.branches (id) on delete restrict,
  category public.fund_category not null,
  amount numeric(14, 2) not null,
  note text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint fund_budgets_amount_positive check (amount > 0),
  constraint fund_budgets_fiscal_year_range check (fiscal_year between 2000 and 2100)
);
comment on table public.fund_budgets is
  '经费预算 (§19): branch_id 为空 = 组织部下达给二级党组织的年度预算; 非空 = 二级党组织分配给支部的额度。'
  '同一单位、年度、类别下: 支部分配合计 + 单位直接支出 ≤ 单位预算';
comment on column public.fund_budgets.fiscal_year is '预算年度 (自然年)';
comment on column public.fund_budgets.org_unit_id is '所属二级党组织; 支部分配时由支部自动带出';
comment on column public.fund_budgets.branch_id is '为空: 单位预算 (仅组织部可建); 非空: 分配给该支部的额度';
comment on column public.fund_budgets.amount is '金额 (元)';
create unique index fund_budgets_one_per_unit_year_category on public.fund_budgets (org_unit_id, fiscal_year, category)
  where branch_id is null;
create unique index fund_budgets_one_per_branch_year_category on public.fund_budgets (branch_id, fiscal_year, category)
  where branch_id is not null;

create table public.fund_expenditures (
  id bigint generated always as identity primary key,
  budget_id bigint not null references public.fund_budgets (id) on delete restrict,
  spent_on date not null,
  amount numeric(14, 2) not null,
  purpose text not null,
  voucher_no text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint fund_expenditures_amount_positive check (amount > 0),
  constraint fund_expenditures_purpose_not_blank check (btrim(purpose) <> '')
);
comment on table public.fund_expenditures is '经费支出: 日期在预算年度内, 累计不超过预算余额';
comment on column public.fund_expenditures.voucher_no is '报销凭证号';

create table public.evaluation_cycles (
  id bigint generated always as identity primary key,
  year smallint not null,
  title text not null,
  starts_on date not null,
  ends_on date not null,
  weight_org numeric(3, 2) not null default 0.70,
  weight_masses numeric(3, 2) not null default 0.30,
  status public.cycle_status not null default 'draft',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint evaluation_cycles_year_key unique (year),
  constraint evaluation_cycles_title_not_blank check (btrim(title) <> ''),
  constraint evaluation_cycles_period_valid check (ends_on >= starts_on),
  constraint evaluation_cycles_weights_range check (weight_org between 0 and 1 and weight_masses between 0 and 1),
  constraint evaluation_cycles_weights_sum_to_one check (weight_org + weight_masses = 1)
);
comment on table public.evaluation_cycles is '年度考核评议周期 (一报告两评议 §17): 仅组织部创建、开启、关闭';
comment on column public.evaluation_cycles.weight_org is '组织评价 (六有得分) 权重';
comment on column public.evaluation_cycles.weight_masses is '师生评价 (满意度) 权重 (§17 加大师生评价权重); 两权重之和为 1';
comment on column public.evaluation_cycles.status is 'draft 草拟 / open 进行中 (二级党组织可填报) / closed 已结束';

create table public.branch_evaluations (
  id bigint generated always as identity primary key,
  cycle_id bigint not null references public.evaluation_cycles (id) on delete restrict,
  branch_id bigint not null references public.branches (id) on delete restrict,
  report_submitted_on date,
  score_leadership numeric(5, 2),
  score_backbone numeric(5, 2),
  score_venue numeric(5, 2),
  score_carrier numeric(5, 2),
  score_system numeric(5, 2),
  score_performance numeric(5, 2),
  satisfaction numeric(5, 2),
  total numeric(5, 2),
  grade public.branch_grade,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint branch_evaluations_one_per_branch_and_cycle unique (cycle_id, branch_id),
  constraint branch_evaluations_scores_range check (
    coalesce(score_leadership, 0) between 0 and 100 and coalesce(score_backbone, 0) between 0 and 100
    and coalesce(score_venue, 0) between 0 and 100 and coalesce(score_carrier, 0) between 0 and 100
    and coalesce(score_system, 0) between 0 and 100 and coalesce(score_performance, 0) between 0 and 100
    and coalesce(satisfaction, 0) between 0 and 100)
);
comment on table public.branch_evaluations is '一报告两评议: 每个支部每个周期一条; 总分与等次由数据库计算';
comment on column public.branch_evaluations.report_submitted_on is '书记述职报告提交日期, 须在周期内';
comment on column public.branch_evaluations.score_leadership is '六有: 坚强有力的领导班子 (0–100)';
comment on column public.branch_evaluations.score_backbone is '六有: 本领过硬的骨干队伍 (0–100)';
comment on column public.branch_evaluations.score_venue is '六有: 功能实用的服务场所 (0–100)';
comment on column public.branch_evaluations.score_carrier is '六有: 形式多样的服务载体 (0–100)';
comment on column public.branch_evaluations.score_system is '六有: 健全完善的制度机制 (0–100)';
comment on column public.branch_evaluations.score_performance is '六有: 师生满意的服务业绩 (0–100)';
comment on column public.branch_evaluations.satisfaction is '师生满意度 (0–100)';
comment on column public.branch_evaluations.total is
  '总分 (只读, 触发器计算) = weight_org × 六有平均分 + weight_masses × 满意度; 有分项未评时为空';
comment on column public.branch_evaluations.grade is '等次 (只读, 由总分按 90 / 80 / 60 划分)';

create table public.member_posts (
  id bigint generated always as identity primary key,
  member_id bigint not null references public.members (id) on delete cascade,
  year smallint not null,
  post_title text not null,
  duties text,
  targets text,
  self_review text,
  grade public.member_grade,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint member_posts_one_per_member_and_year unique (member_id, year),
  constraint member_posts_year_range check (year between 2000 and 2100),
  constraint member_posts_post_title_not_blank check (btrim(post_title) <> '')
);
comment on table public.member_posts is '定岗明责 (§8): 党员年度岗位、职责、可考核目标与自评';
comment on column public.member_posts.targets is '可考核目标';
comment on column public.member_posts.grade is '年底评议等次';

create table public.member_reviews (
  id bigint generated always as identity primary key,
  cycle_id bigint not null references public.evaluation_cycles (id) on delete restrict,
  member_id bigint not null references public.members (id) on delete cascade,
  grade public.member_grade not null,
  comment text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint member_reviews_one_per_member_and_cycle unique (cycle_id, member_id)
);
comment on table public.member_reviews is '民主评议党员: 每名党员每个周期一条';

-- ---------------------------------------------------------------------------------------------------------
-- Indexes: every foreign key, plus what the lists and the analytics filter and join on.
-- ---------------------------------------------------------------------------------------------------------
create index branches_org_unit_id_idx on public.branches (org_unit_id);
create index branches_secretary_id_idx on public.branches (secretary_id);
create index members_branch_id_idx on public.members (branch_id);
create index carriers_org_unit_id_kind_idx on public.carriers (org_unit_id, kind);
create index carrier_coverages_carrier_id_started_on_idx on public.carrier_coverages (carrier_id, started_on);
create index carrier_coverages_branch_id_idx on public.carrier_coverages (branch_id);
create index partnerships_branch_id_idx on public.partnerships (branch_id);
create index partnerships_partner_branch_id_idx on public.partnerships (partner_branch_id);
create index partnership_activities_partnership_id_held_on_idx on public.partnership_activities (partnership_id, held_on);
create index fund_budgets_fiscal_year_org_unit_id_idx on public.fund_budgets (fiscal_year, org_unit_id);
create index fund_budgets_branch_id_idx on public.fund_budgets (branch_id);
create index fund_expenditures_budget_id_spent_on_idx on public.fund_expenditures (budget_id, spent_on);
create index branch_evaluations_branch_id_idx on public.branch_evaluations (branch_id);
create index member_posts_year_idx on public.member_posts (year);
create index member_reviews_member_id_idx on public.member_reviews (member_id);

-- updated_at on every table
do $$
declare
  t text;
begin
  foreach t in array array['branches', 'members', 'carriers', 'carrier_coverages', 'partnerships',
                           'partnership_activities', 'fund_budgets', 'fund_expenditures', 'evaluation_cycles',
                           'branch_evaluations', 'member_posts', 'member_reviews']
  loop
    execute format('create trigger %I before update on public.%I for each row execute function app.touch_updated_at()',
                   t || '_touch_updated_at', t);
  end loop;
end;
$$;

-- ---------------------------------------------------------------------------------------------------------
-- Rules. One BEFORE INSERT OR UPDATE trigger per table, `<table>_rules`, running `app.check_<table>()`.
-- SECURITY DEFINER: sums, uniqueness and cross-row checks must see rows the caller's RLS hides
-- (a code taken in another unit is still taken).
-- ---------------------------------------------------------------------------------------------------------
create function app.check_org_units() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  if exists (select 1 from public.org_units u where u.code = new.code and u.id <> new.id) then
    perform app.reject('org_units_code_key', 'code', format('组织编码 %s 已被使用', new.code), '23505');
  end if;
  return new;
end;
$$;
create trigger org_units_rules before insert or update on public.org_units
  for each row execute function app.check_org_units();

create function app.check_profiles() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  if new.role = 'committee_admin' and new.org_unit_id is null then
    perform app.reject('profiles_committee_needs_org_unit', 'org_unit_id', '二级党组织管理员必须指定所属二级党组织');
  end if;
  return new;
end;
$$;
create trigger profiles_rules before insert or update on public.profiles
  for each row execute function app.check_profiles();

create function app.check_branches() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  if exists (select 1 from public.branches b where b.code = new.code and b.id <> new.id) then
    perform app.reject('branches_code_key', 'code', format('支部编码 %s 已被使用', new.code), '23505');
  end if;
  if new.secretary_id is not null
     and not exists (select 1 from public.members m where m.id = new.secretary_id and m.branch_id = new.id) then
    perform app.reject('branches_secretary_in_branch', 'secretary_id', '支部书记必须是本支部的党员');
  end if;
  if new.last_election_on < new.founded_on then
    perform app.reject('branches_election_after_founding', 'last_election_on', '换届日期不能早于成立日期');
  end if;
  if new.term_years not between 1 and 5 then
    perform app.reject('branches_term_years_range', 'term_years', '任期须在 1 到 5 年之间');
  end if;
  return new;
end;
$$;
create trigger branches_rules before insert or update on public.branches
  for each row execute function app.check_branches();

create function app.check_members() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  if exists (select 1 from public.members m where m.student_or_staff_no = new.student_or_staff_no and m.id <> new.id) then
    perform app.reject('members_student_or_staff_no_key', 'student_or_staff_no',
                       format('学号/工号 %s 已被使用', new.student_or_staff_no), '23505');
  end if;
  if tg_op = 'UPDATE' and new.branch_id <> old.branch_id
     and exists (select 1 from public.branches b where b.secretary_id = new.id and b.id = old.branch_id) then
    perform app.reject('members_secretary_stays_in_branch', 'branch_id',
                       '该党员是所在支部的书记, 转出前请先在支部中更换书记');
  end if;
  return new;
end;
$$;
create trigger members_rules before insert or update on public.members
  for each row execute function app.check_members();

create function app.check_carriers() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  if new.headcount < 0 then
    perform app.reject('carriers_headcount_not_negative', 'headcount', '人数不能为负数');
  end if;
  if tg_op = 'UPDATE' and new.org_unit_id <> old.org_unit_id
     and exists (select 1 from public.carrier_coverages c join public.branches b on b.id = c.branch_id
                 where c.carrier_id = new.id and b.org_unit_id <> new.org_unit_id) then
    perform app.reject('carrier_coverages_same_org_unit', 'org_unit_id',
                       '该载体已由原单位的支部覆盖, 请先结束或删除这些覆盖记录');
  end if;
  return new;
end;
$$;
create trigger carriers_rules before insert or update on public.carriers
  for each row execute function app.check_carriers();

create function app.check_carrier_coverages() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  if new.ended_on < new.started_on then
    perform app.reject('carrier_coverages_period_valid', 'ended_on', '结束日期不能早于开始日期');
  end if;
  if (select c.org_unit_id from public.carriers c where c.id = new.carrier_id)
     is distinct from (select b.org_unit_id from public.branches b where b.id = new.branch_id) then
    perform app.reject('carrier_coverages_same_org_unit', 'carrier_id', '载体与支部必须属于同一个二级党组织');
  end if;
  return new;
end;
$$;
create trigger carrier_coverages_rules before insert or update on public.carrier_coverages
  for each row execute function app.check_carrier_coverages();

create function app.check_partnerships() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  if new.ended_on < new.started_on then
    perform app.reject('partnerships_period_valid', 'ended_on', '结束日期不能早于开始日期');
  end if;
  if new.partner_kind = 'internal_branch' and new.partner_branch_id is null then
    perform app.reject('partnerships_partner_required', 'partner_branch_id', '校内结对须选择结对支部');
  end if;
  if new.partner_kind <> 'internal_branch' and coalesce(btrim(new.partner_name), '') = '' then
    perform app.reject('partnerships_partner_required', 'partner_name', '请填写共建单位名称');
  end if;
  if new.partner_branch_id = new.branch_id then
    perform app.reject('partnerships_not_self', 'partner_branch_id', '不能与本支部结对');
  end if;
  if tg_op = 'UPDATE' and (new.started_on > old.started_on or new.ended_on < coalesce(old.ended_on, 'infinity'))
     and exists (select 1 from public.partnership_activities a
                 where a.partnership_id = new.id and (a.held_on < new.started_on or a.held_on > new.ended_on)) then
    perform app.reject('partnership_activities_within_partnership', 'started_on',
                       '已有活动日期超出新的共建期, 请先调整这些活动');
  end if;
  return new;
end;
$$;
create trigger partnerships_rules before insert or update on public.partnerships
  for each row execute function app.check_partnerships();

create function app.check_partnership_activities() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  p record;
begin
  select started_on, ended_on into p from public.partnerships where id = new.partnership_id;
  if found and (new.held_on < p.started_on or new.held_on > p.ended_on) then
    perform app.reject('partnership_activities_within_partnership', 'held_on',
                       format('活动日期须在共建期内 (%s 至 %s)', p.started_on, coalesce(p.ended_on::text, '今')));
  end if;
  if new.participants < 0 then
    perform app.reject('partnership_activities_participants_not_negative', 'participants', '参与人数不能为负数');
  end if;
  return new;
end;
$$;
create trigger partnership_activities_rules before insert or update on public.partnership_activities
  for each row execute function app.check_partnership_activities();

-- What a budget still has free: its amount less its own expenditures and, for a unit budget, less what it
-- allocated to branches (a unit's direct spending and its allocations share the unit's budget).
create function app.budget_committed(p_budget_id bigint, p_except_expenditure bigint default null,
                                     p_except_allocation bigint default null)
returns numeric
language sql stable security definer
set search_path = ''
as $$
  select coalesce((select sum(e.amount) from public.fund_expenditures e
                    where e.budget_id = b.id and e.id is distinct from p_except_expenditure), 0)
       + case when b.branch_id is null then
           coalesce((select sum(a.amount) from public.fund_budgets a
                      where a.org_unit_id = b.org_unit_id and a.fiscal_year = b.fiscal_year
                        and a.category = b.category and a.branch_id is not null
                        and a.id is distinct from p_except_allocation), 0)
         else 0 end
  from public.fund_budgets b
  where b.id = p_budget_id
$$;
comment on function app.budget_committed(bigint, bigint, bigint) is
  '预算已占用金额: 本预算的支出合计, 单位预算另加已分配给支部的额度 (可排除正在修改的一条)';

create function app.check_fund_budgets() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  branch_unit bigint;
  unit_budget public.fund_budgets;
  available numeric;
  committed numeric;
begin
  if new.branch_id is not null then
    select b.org_unit_id into branch_unit from public.branches b where b.id = new.branch_id;
    new.org_unit_id := coalesce(new.org_unit_id, branch_unit);
    if branch_unit is distinct from new.org_unit_id then
      perform app.reject('fund_budgets_branch_in_org_unit', 'branch_id', '所选支部不属于该二级党组织');
    end if;
  end if;
  if new.amount <= 0 then
    perform app.reject('fund_budgets_amount_positive', 'amount', '金额必须大于 0');
  end if;
  if new.fiscal_year not between 2000 and 2100 then
    perform app.reject('fund_budgets_fiscal_year_range', 'fiscal_year', '预算年度须在 2000 到 2100 之间');
  end if;

  if tg_op = 'UPDATE' and (new.fiscal_year, new.org_unit_id, new.category, new.branch_id)
                          is distinct from (old.fiscal_year, old.org_unit_id, old.category, old.branch_id)
     and app.budget_committed(old.id) > 0 then
    perform app.reject('fund_budgets_scope_locked', 'fiscal_year',
                       '该预算已有支出或已分配给支部, 不能再修改年度、单位、支部或类别');
  end if;

  if new.branch_id is null then
    if exists (select 1 from public.fund_budgets b
               where b.branch_id is null and b.org_unit_id = new.org_unit_id and b.fiscal_year = new.fiscal_year
                 and b.category = new.category and b.id <> new.id) then
      perform app.reject('fund_budgets_one_per_unit_year_category', 'category',
                         format('该单位 %s 年度此类别的预算已存在', new.fiscal_year), '23505');
    end if;
  else
    if exists (select 1 from public.fund_budgets b
               where b.branch_id = new.branch_id and b.fiscal_year = new.fiscal_year
                 and b.category = new.category and b.id <> new.id) then
      perform app.reject('fund_budgets_one_per_branch_year_category', 'category',
                         format('该支部 %s 年度此类别的额度已存在', new.fiscal_year), '23505');
    end if;
    -- Allocations of one unit, year and category are serialized on the unit's budget row.
    select * into unit_budget from public.fund_budgets b
     where b.branch_id is null and b.org_unit_id = new.org_unit_id and b.fiscal_year = new.fiscal_year
       and b.category = new.category
     for update;
    if not found then
      perform app.reject('fund_budgets_unit_budget_exists', 'category',
                         format('组织部尚未下达本单位 %s 年度该类别的预算, 不能分配', new.fiscal_year));
    end if;
    available := unit_budget.amount - app.budget_committed(unit_budget.id, null, new.id);
    if new.amount > available then
      perform app.reject('fund_budgets_within_unit_budget', 'amount',
                         format('分配金额超出本单位预算余额 (剩余 %s)', app.yuan(greatest(available, 0))));
    end if;
  end if;

  if tg_op = 'UPDATE' and new.amount < old.amount then
    committed := app.budget_committed(new.id);
    if new.amount < committed then
      perform app.reject('fund_budgets_covers_commitments', 'amount',
                         format('金额不能低于已支出和已分配的合计 %s', app.yuan(committed)));
    end if;
  end if;
  return new;
end;
$$;
create trigger fund_budgets_rules before insert or update on public.fund_budgets
  for each row execute function app.check_fund_budgets();

create function app.check_fund_expenditures() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  budget public.fund_budgets;
  available numeric;
begin
  if new.amount <= 0 then
    perform app.reject('fund_expenditures_amount_positive', 'amount', '金额必须大于 0');
  end if;
  -- Expenditures against one budget are serialized on the budget row, so two at once cannot overspend it.
  select * into budget from public.fund_budgets b where b.id = new.budget_id for update;
  if not found then
    return new; -- the foreign key reports the missing budget
  end if;
  if extract(year from new.spent_on) <> budget.fiscal_year then
    perform app.reject('fund_expenditures_within_fiscal_year', 'spent_on',
                       format('支出日期须在预算年度 %s 年内', budget.fiscal_year));
  end if;
  available := budget.amount - app.budget_committed(budget.id, new.id);
  if new.amount > available then
    perform app.reject('fund_expenditures_within_budget', 'amount',
                       format('支出金额超出预算余额 (剩余 %s)', app.yuan(greatest(available, 0))));
  end if;
  return new;
end;
$$;
create trigger fund_expenditures_rules before insert or update on public.fund_expenditures
  for each row execute function app.check_fund_expenditures();

create function app.check_evaluation_cycles() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  if exists (select 1 from public.evaluation_cycles c where c.year = new.year and c.id <> new.id) then
    perform app.reject('evaluation_cycles_year_key', 'year', format('%s 年度的考核周期已存在', new.year), '23505');
  end if;
  if new.ends_on < new.starts_on then
    perform app.reject('evaluation_cycles_period_valid', 'ends_on', '结束日期不能早于开始日期');
  end if;
  if new.weight_org not between 0 and 1 then
    perform app.reject('evaluation_cycles_weights_range', 'weight_org', '权重须在 0 到 1 之间');
  end if;
  if new.weight_masses not between 0 and 1 then
    perform app.reject('evaluation_cycles_weights_range', 'weight_masses', '权重须在 0 到 1 之间');
  end if;
  if new.weight_org + new.weight_masses <> 1 then
    perform app.reject('evaluation_cycles_weights_sum_to_one', 'weight_masses',
                       format('组织评价与师生评价权重之和须为 1 (当前为 %s)', new.weight_org + new.weight_masses));
  end if;
  return new;
end;
$$;
create trigger evaluation_cycles_rules before insert or update on public.evaluation_cycles
  for each row execute function app.check_evaluation_cycles();

-- Changing a cycle's weights re-derives the totals of its evaluations (their rules trigger recomputes them).
create function app.rederive_cycle_totals() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  update public.branch_evaluations set total = null where cycle_id = new.id;
  return null;
end;
$$;
create trigger evaluation_cycles_rederive_totals after update of weight_org, weight_masses on public.evaluation_cycles
  for each row when ((new.weight_org, new.weight_masses) is distinct from (old.weight_org, old.weight_masses))
  execute function app.rederive_cycle_totals();

-- A committee fills in evaluations and reviews only while the cycle is open; the organization department
-- (and maintenance outside the API) can correct them at any time.
create function app.cycle_is_writable(p_cycle_id bigint) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select app.current_role() is distinct from 'committee_admin'
      or exists (select 1 from public.evaluation_cycles c where c.id = p_cycle_id and c.status = 'open')
$$;
comment on function app.cycle_is_writable(bigint) is '二级党组织管理员只能在周期开放 (open) 时填报';

create function app.check_branch_evaluations() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  cycle public.evaluation_cycles;
  score record;
begin
  select * into cycle from public.evaluation_cycles c where c.id = new.cycle_id;
  if not found then
    return new; -- the foreign key reports the missing cycle
  end if;
  if not app.cycle_is_writable(new.cycle_id) then
    perform app.reject('branch_evaluations_cycle_open', 'cycle_id', format('考核周期"%s"未开放填报', cycle.title));
  end if;
  if exists (select 1 from public.branch_evaluations e
             where e.cycle_id = new.cycle_id and e.branch_id = new.branch_id and e.id <> new.id) then
    perform app.reject('branch_evaluations_one_per_branch_and_cycle', 'branch_id',
                       format('该支部在"%s"中已有考核记录', cycle.title), '23505');
  end if;
  for score in
    select key, value::numeric as value
      from jsonb_each_text(jsonb_build_object(
        'score_leadership', new.score_leadership, 'score_backbone', new.score_backbone,
        'score_venue', new.score_venue, 'score_carrier', new.score_carrier, 'score_system', new.score_system,
        'score_performance', new.score_performance, 'satisfaction', new.satisfaction))
     where value is not null
  loop
    if score.value not between 0 and 100 then
      perform app.reject('branch_evaluations_scores_range', score.key, '分数须在 0 到 100 之间');
    end if;
  end loop;
  if new.report_submitted_on not between cycle.starts_on and cycle.ends_on then
    perform app.reject('branch_evaluations_report_within_cycle', 'report_submitted_on',
                       format('报告提交日期须在考核周期内 (%s 至 %s)', cycle.starts_on, cycle.ends_on));
  end if;

  -- Derived, never typed in: whatever the client sent for total and grade is replaced.
  new.total := app.evaluation_total(cycle.weight_org, cycle.weight_masses,
                                    new.score_leadership, new.score_backbone, new.score_venue,
                                    new.score_carrier, new.score_system, new.score_performance, new.satisfaction);
  new.grade := app.evaluation_grade(new.total);
  return new;
end;
$$;
create trigger branch_evaluations_rules before insert or update on public.branch_evaluations
  for each row execute function app.check_branch_evaluations();

create function app.check_member_posts() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  if new.year not between 2000 and 2100 then
    perform app.reject('member_posts_year_range', 'year', '年度须在 2000 到 2100 之间');
  end if;
  if exists (select 1 from public.member_posts p
             where p.member_id = new.member_id and p.year = new.year and p.id <> new.id) then
    perform app.reject('member_posts_one_per_member_and_year', 'year',
                       format('该党员 %s 年度已有定岗明责记录', new.year), '23505');
  end if;
  return new;
end;
$$;
create trigger member_posts_rules before insert or update on public.member_posts
  for each row execute function app.check_member_posts();

create function app.check_member_reviews() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  cycle_title text;
begin
  select c.title into cycle_title from public.evaluation_cycles c where c.id = new.cycle_id;
  if not found then
    return new;
  end if;
  if not app.cycle_is_writable(new.cycle_id) then
    perform app.reject('member_reviews_cycle_open', 'cycle_id', format('考核周期"%s"未开放填报', cycle_title));
  end if;
  if exists (select 1 from public.member_reviews r
             where r.cycle_id = new.cycle_id and r.member_id = new.member_id and r.id <> new.id) then
    perform app.reject('member_reviews_one_per_member_and_cycle', 'member_id',
                       format('该党员在"%s"中已有评议记录', cycle_title), '23505');
  end if;
  return new;
end;
$$;
create trigger member_reviews_rules before insert or update on public.member_reviews
  for each row execute function app.check_member_reviews();

-- Deletes that would orphan history are refused with a readable message (the foreign keys stay the backstop).
-- Arguments: the noun for the row, then (child table, foreign-key column, child noun) triples.
create function app.refuse_delete_when_referenced() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  i int := 1;
  n bigint;
begin
  while i + 2 < tg_nargs loop
    execute format('select count(*) from public.%I where %I = $1', tg_argv[i], tg_argv[i + 1]) into n using old.id;
    if n > 0 then
      perform app.reject(tg_table_name || '_delete_restricted', null,
                         format('%s下还有 %s 条%s记录, 不能删除', tg_argv[0], n, tg_argv[i + 2]), '23503');
    end if;
    i := i + 3;
  end loop;
  return old;
end;
$$;
comment on function app.refuse_delete_when_referenced() is
  'BEFORE DELETE: 仍被引用时拒绝删除并说明原因; 参数: 名词, 然后 (子表, 外键列, 子表名词) 三元组';

create trigger org_units_delete_guard before delete on public.org_units for each row
  execute function app.refuse_delete_when_referenced('该组织', 'branches', 'org_unit_id', '党支部',
    'carriers', 'org_unit_id', '载体', 'fund_budgets', 'org_unit_id', '经费预算', 'profiles', 'org_unit_id', '账号');
create trigger branches_delete_guard before delete on public.branches for each row
  execute function app.refuse_delete_when_referenced('该支部', 'members', 'branch_id', '党员',
    'fund_budgets', 'branch_id', '经费额度', 'branch_evaluations', 'branch_id', '考核',
    'partnerships', 'partner_branch_id', '校内结对');
create trigger fund_budgets_delete_guard before delete on public.fund_budgets for each row
  execute function app.refuse_delete_when_referenced('该预算', 'fund_expenditures', 'budget_id', '支出');
create trigger evaluation_cycles_delete_guard before delete on public.evaluation_cycles for each row
  execute function app.refuse_delete_when_referenced('该周期', 'branch_evaluations', 'cycle_id', '支部考核',
    'member_reviews', 'cycle_id', '党员评议');

-- A unit budget with allocations cannot go while branches hold parts of it.
create function app.refuse_delete_allocated_budget() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  n bigint;
begin
  if old.branch_id is null then
    select count(*) into n from public.fund_budgets a
     where a.branch_id is not null and a.org_unit_id = old.org_unit_id and a.fiscal_year = old.fiscal_year
       and a.category = old.category;
    if n > 0 then
      perform app.reject('fund_budgets_delete_restricted', null,
                         format('该预算已分配给 %s 个支部, 请先删除支部额度', n), '23503');
    end if;
  end if;
  return old;
end;
$$;
create trigger fund_budgets_delete_allocated_guard before delete on public.fund_budgets for each row
  execute function app.refuse_delete_allocated_budget();

-- ---------------------------------------------------------------------------------------------------------
-- Scope helpers for committee_admin: its org unit and the ids of the rows it may touch. They return nothing
-- for other roles. SECURITY DEFINER so that a policy's scope does not recurse through other tables' policies.
-- ---------------------------------------------------------------------------------------------------------
create function app.committee_org_unit_id() returns bigint
language sql stable security definer
set search_path = ''
as $$
  select p.org_unit_id from public.profiles p where p.user_id = auth.uid() and p.role = 'committee_admin'
$$;
comment on function app.committee_org_unit_id() is '二级党组织管理员的所属组织 id; 其他角色为 null';

create function app.committee_branch_ids() returns setof bigint
language sql stable security definer
set search_path = ''
as $$
  select b.id from public.branches b where b.org_unit_id = app.committee_org_unit_id()
$$;
comment on function app.committee_branch_ids() is '二级党组织管理员可操作的支部 id';

create function app.committee_member_ids() returns setof bigint
language sql stable security definer
set search_path = ''
as $$
  select m.id from public.members m join public.branches b on b.id = m.branch_id
   where b.org_unit_id = app.committee_org_unit_id()
$$;
comment on function app.committee_member_ids() is '二级党组织管理员可操作的党员 id';

create function app.committee_partnership_ids() returns setof bigint
language sql stable security definer
set search_path = ''
as $$
  select p.id from public.partnerships p join public.branches b on b.id = p.branch_id
   where b.org_unit_id = app.committee_org_unit_id()
$$;
comment on function app.committee_partnership_ids() is '二级党组织管理员可操作的共建 id';

create function app.committee_budget_ids() returns setof bigint
language sql stable security definer
set search_path = ''
as $$
  select f.id from public.fund_budgets f where f.org_unit_id = app.committee_org_unit_id()
$$;
comment on function app.committee_budget_ids() is '二级党组织管理员可查看的预算 id (本单位预算及其支部额度)';

revoke all on all functions in schema app from public;
grant execute on all functions in schema app to anon, authenticated, service_role;

-- ---------------------------------------------------------------------------------------------------------
-- Row level security. For each table: select = reads_all (org_admin, leader) or in scope; insert / update /
-- delete = org_admin or in scope, where "in scope" is checked on the old row (USING) and on the new row
-- (WITH CHECK), so a committee can neither touch another unit's row nor move its own row out.
-- ---------------------------------------------------------------------------------------------------------
create function pg_temp.scoped_policies(p_table text, p_read_scope text, p_write_scope text default null)
returns void
language plpgsql
as $$
declare
  write_scope text := coalesce(p_write_scope, p_read_scope);
begin
  execute format('alter table public.%I enable row level security', p_table);
  execute format('create policy %I on public.%I for select to authenticated using ((select app.reads_all()) or %s)',
                 p_table || '_select', p_table, p_read_scope);
  execute format('create policy %I on public.%I for insert to authenticated with check ((select app.is_org_admin()) or %s)',
                 p_table || '_insert', p_table, write_scope);
  execute format('create policy %I on public.%I for update to authenticated using ((select app.is_org_admin()) or %s) '
                 'with check ((select app.is_org_admin()) or %s)', p_table || '_update', p_table, write_scope, write_scope);
  execute format('create policy %I on public.%I for delete to authenticated using ((select app.is_org_admin()) or %s)',
                 p_table || '_delete', p_table, write_scope);
end;
$$;

select pg_temp.scoped_policies('branches', 'org_unit_id = (select app.committee_org_unit_id())');
select pg_temp.scoped_policies('members', 'branch_id in (select app.committee_branch_ids())');
select pg_temp.scoped_policies('carriers', 'org_unit_id = (select app.committee_org_unit_id())');
select pg_temp.scoped_policies('carrier_coverages', 'branch_id in (select app.committee_branch_ids())');
select pg_temp.scoped_policies('partnerships', 'branch_id in (select app.committee_branch_ids())');
select pg_temp.scoped_policies('partnership_activities', 'partnership_id in (select app.committee_partnership_ids())');
-- A committee reads its unit's own budget but writes only allocations to its branches (branch_id set).
select pg_temp.scoped_policies('fund_budgets', 'org_unit_id = (select app.committee_org_unit_id())',
  'org_unit_id = (select app.committee_org_unit_id()) and branch_id in (select app.committee_branch_ids())');
select pg_temp.scoped_policies('fund_expenditures', 'budget_id in (select app.committee_budget_ids())');
select pg_temp.scoped_policies('branch_evaluations', 'branch_id in (select app.committee_branch_ids())');
select pg_temp.scoped_policies('member_posts', 'member_id in (select app.committee_member_ids())');
select pg_temp.scoped_policies('member_reviews', 'member_id in (select app.committee_member_ids())');
-- Cycles: every signed-in role reads them; only org_admin creates, opens and closes them.
select pg_temp.scoped_policies('evaluation_cycles', '(select app.current_role()) is not null', 'false');

do $$
declare
  t text;
begin
  foreach t in array array['branches', 'members', 'carriers', 'carrier_coverages', 'partnerships',
                           'partnership_activities', 'fund_budgets', 'fund_expenditures', 'evaluation_cycles',
                           'branch_evaluations', 'member_posts', 'member_reviews']
  loop
    execute format('revoke all on public.%I from anon', t);
    execute format('grant select, insert, update, delete on public.%I to authenticated', t);
    execute format('grant all on public.%I to service_role', t);
  end loop;
end;
$$;
