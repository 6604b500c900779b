-- Demo data, generated deterministically (fixed random seed) in plain SQL, so the Supabase CLI's
-- `supabase db reset` and the local stack's `npm run db:reset` both run it as it is.
--
-- Scale: `app.seed_scale` (default 1) multiplies everything; `tsx supabase/seed/load.ts --scale N` sets it.
-- At scale 1: 20 org units, ~400 branches, ~8,000 members, ~1,500 carriers with partial coverage, partnerships
-- with activities in all five service areas, budgets and expenditures for fiscal years 2024-2026 (some units
-- under-executing, none over budget) and evaluation cycles 2024 / 2025 (closed) and 2026 (open, partly filled).
--
-- Demo accounts (password dangjian-demo): admin@dangjian.test (组织部), leader@dangjian.test (校领导),
-- committee@dangjian.test (管理员 of the first org unit, U001 机械工程学院党委).
--
-- Helpers live in pg_temp and intermediate tables are temporary: nothing of the generator stays in the schema.
-- Determinism: random() is one stream from setseed(), so every query draws from it over rows in a fixed order
-- (a subquery with ORDER BY on unique keys, which the planner keeps and never pushes a volatile filter into),
-- never in the order a join plan happens to produce.
-- The audit trail is switched off for this session: demo data is the starting point, not a change.

select set_config('app.audit_disabled', 'on', false);
select set_config('max_parallel_workers_per_gather', '0', false); -- random() stays in one deterministic stream
select set_config('enable_memoize', 'off', false);                -- a memoized lateral would reuse one draw
select setseed(0.20261125);

create function pg_temp.pick(p_items anyarray) returns anyelement
language sql volatile
as $$ select p_items[1 + floor(random() * cardinality(p_items))::int] $$;

create function pg_temp.rand_int(p_low int, p_high int) returns int
language sql volatile
as $$ select p_low + floor(random() * (p_high - p_low + 1))::int $$;

create function pg_temp.rand_date(p_low date, p_high date) returns date
language sql volatile
as $$ select p_low + floor(random() * (greatest(p_high - p_low, 0) + 1))::int $$;

create function pg_temp.person_name() returns text
language sql volatile
as $$
  select pg_temp.pick('{王,李,张,刘,陈,杨,黄,赵,吴,周,徐,孙,马,朱,胡,郭,何,高,林,罗,郑,梁,谢,宋,唐,许,韩,冯,邓,曹,彭,曾,肖,田,董,袁,潘,于,蒋,蔡,余,杜,叶,程,苏,魏,吕,丁,任,沈,姚,卢,姜,崔,钟,谭,陆,汪,范,金,石,廖,贾,夏,韦,方,白,邹,孟,熊,秦,邱,江,尹,薛,段,雷,侯,龙,史,陶,黎,贺,顾,毛,郝,龚,邵,万,钱,严,戴,孔,汤,欧阳,司马}'::text[])
      || pg_temp.pick('{伟,芳,娜,敏,静,丽,强,磊,军,洋,勇,艳,杰,娟,涛,明,超,秀,霞,平,刚,桂,英,华,玉,萍,红,玲,芬,燕,彬,斌,宇,浩,凯,健,俊,帆,帅,旭,宁,龙,林,欣,佳,怡,雨,晨,思,涵,子,轩,梓,萱,博,文,诗,琪,一,鸣,嘉,梦,瑶,志,建,国,海,晓,东,振,鹏,飞,婷,倩,雪,慧,颖,琳,晶,妍,昊,然,睿,泽,宸,瀚,清,悦,航,昕,彤,婧,蕾,薇}'::text[])
      || case when random() < 0.7 then pg_temp.pick('{伟,芳,敏,静,丽,强,磊,军,洋,杰,涛,明,华,平,婷,宇,浩,凯,然,琪,欣,怡,涵,轩,萱,博,文,鸣,瑶,辉,斌,峰,鑫,阳,颖,蕾,雯,晨,源,哲,睿,彬,楠,璐}'::text[]) else '' end
$$;

create temp table seed_scale as
select greatest(1, coalesce(nullif(current_setting('app.seed_scale', true), '')::int, 1)) as n;

-- ---------------------------------------------------------------------------------------------------------
-- Org units: 20 per scale step; the first 20 (U001-U020) are the base list at every scale.
-- ---------------------------------------------------------------------------------------------------------
create temp table seed_units as
with base (n, name, short, kind, category, branch_count) as (values
  (1, '机械工程学院党委', '机械工程学院', 'party_committee', 'college', 32),
  (2, '能源与动力工程学院党委', '能源与动力工程学院', 'party_committee', 'college', 30),
  (3, '光电信息与计算机工程学院党委', '光电信息与计算机工程学院', 'party_committee', 'college', 36),
  (4, '管理学院党委', '管理学院', 'party_committee', 'college', 30),
  (5, '医疗器械与食品学院党委', '医疗器械与食品学院', 'party_committee', 'college', 26),
  (6, '环境与建筑学院党委', '环境与建筑学院', 'party_committee', 'college', 26),
  (7, '材料与化学学院党委', '材料与化学学院', 'party_committee', 'college', 24),
  (8, '理学院党委', '理学院', 'party_committee', 'college', 22),
  (9, '外语学院党总支', '外语学院', 'general_branch', 'college', 12),
  (10, '出版印刷与艺术设计学院党委', '出版印刷与艺术设计学院', 'party_committee', 'college', 22),
  (11, '健康科学与工程学院党委', '健康科学与工程学院', 'party_committee', 'college', 18),
  (12, '中英国际学院党总支', '中英国际学院', 'general_branch', 'college', 10),
  (13, '中德国际学院党总支', '中德国际学院', 'general_branch', 'college', 10),
  (14, '马克思主义学院直属党支部', '马克思主义学院', 'direct_branch', 'college', 4),
  (15, '机关党委', '机关', 'party_committee', 'administration', 40),
  (16, '后勤保障处党总支', '后勤保障处', 'general_branch', 'administration', 8),
  (17, '图书馆直属党支部', '图书馆', 'direct_branch', 'affiliated', 3),
  (18, '资产经营有限公司党总支', '资产经营公司', 'general_branch', 'affiliated', 6),
  (19, '离退休工作党委', '离退休', 'party_committee', 'administration', 30),
  (20, '继续教育学院党总支', '继续教育学院', 'general_branch', 'college', 11)
)
select row_number() over (order by k, b.n) as i, b.n as base_n, k,
       case when k = 1 then b.name else b.name || '（' || k || '）' end as name,
       b.short, b.kind::public.org_unit_kind as kind, b.category::public.org_unit_category as category, b.branch_count,
       0.35 + 0.6 * random() as coverage_propensity,   -- how far the unit has carried branches into carriers
       random() < 0.25 as under_executing              -- spends well below its budget
  from base b cross join generate_series(1, (select n from seed_scale)) k
 order by k, b.n;

insert into public.org_units (code, name, kind, category)
select 'U' || lpad(i::text, greatest(3, length(i::text)), '0'), name, kind, category from seed_units order by i;

alter table seed_units add column org_unit_id bigint;
update seed_units s set org_unit_id = u.id
  from public.org_units u where u.code = 'U' || lpad(s.i::text, greatest(3, length(s.i::text)), '0');

-- ---------------------------------------------------------------------------------------------------------
-- Demo accounts
-- ---------------------------------------------------------------------------------------------------------
select app.create_auth_user('00000000-0000-4000-8000-000000000001', 'admin@dangjian.test', 'dangjian-demo', '李敏（组织部）'),
       app.create_auth_user('00000000-0000-4000-8000-000000000002', 'leader@dangjian.test', 'dangjian-demo', '王建国（校领导）'),
       app.create_auth_user('00000000-0000-4000-8000-000000000003', 'committee@dangjian.test', 'dangjian-demo', '陈静（机械工程学院党委）');

insert into public.profiles (user_id, role, org_unit_id, display_name) values
  ('00000000-0000-4000-8000-000000000001', 'org_admin', null, '李敏（组织部）'),
  ('00000000-0000-4000-8000-000000000002', 'leader', null, '王建国（校领导）'),
  ('00000000-0000-4000-8000-000000000003', 'committee_admin', (select id from public.org_units where code = 'U001'),
   '陈静（机械工程学院党委）');

-- ---------------------------------------------------------------------------------------------------------
-- Branches: student branches by major (or dormitory, society, practice base), teacher branches by discipline
-- (or lab, research group), staff branches by work unit, retired branches (§11).
-- ---------------------------------------------------------------------------------------------------------
create temp table seed_branches as
select x.*,
       case x.kind
         when 'student' then pg_temp.pick('{major,major,major,dormitory,society,practice_base}'::public.branch_basis[])
         when 'teacher' then pg_temp.pick('{discipline,discipline,lab,research_group}'::public.branch_basis[])
         when 'staff' then 'work_unit'::public.branch_basis
         else 'other'::public.branch_basis
       end as basis
  from (
    select u.org_unit_id, u.i as unit_i, u.short, s as seq,
           case
             when u.base_n = 19 then 'retired'::public.branch_kind
             when u.category <> 'college' then 'staff'::public.branch_kind
             when r < 0.60 then 'student'::public.branch_kind
             when r < 0.95 then 'teacher'::public.branch_kind
             else 'mixed'::public.branch_kind
           end as kind
      from seed_units u
      cross join lateral (select s, random() as r from generate_series(1, u.branch_count) s) g
     order by u.i, s
  ) x;

insert into public.branches (org_unit_id, code, name, kind, basis, founded_on, last_election_on, status, excellence)
select b.org_unit_id,
       'U' || lpad(b.unit_i::text, greatest(3, length(b.unit_i::text)), '0') || '-' || lpad(b.seq::text, 3, '0'),
       b.short || case b.basis
                    when 'major' then pg_temp.pick('{本科生,本科生,研究生,硕士研究生,博士研究生}'::text[])
                    when 'dormitory' then '学生公寓'
                    when 'society' then '学生社团'
                    when 'practice_base' then '实践基地'
                    when 'discipline' then '教师'
                    when 'lab' then '实验室'
                    when 'research_group' then '课题组'
                    when 'work_unit' then pg_temp.pick('{综合办公室,教务,学工,科研,财务,人事,资产,保卫,后勤服务}'::text[])
                    else case b.kind when 'retired' then '' else '师生联合' end
                  end || '第' || b.seq || '党支部',
       b.kind, b.basis, b.founded_on,
       -- about one in eight branches is past its three-year term (换届逾期)
       case when random() < 0.12 then pg_temp.rand_date(greatest(b.founded_on, '2019-01-01'), '2023-10-31')
            else pg_temp.rand_date('2023-12-01', '2026-10-31') end,
       case when random() < 0.03 then 'merged'::public.branch_status
            when random() < 0.02 then 'dissolved'::public.branch_status
            else 'active'::public.branch_status end,
       case when random() < 0.05 then 'excellent'::public.branch_excellence
            when random() < 0.11 then 'cultivating'::public.branch_excellence
            else 'none'::public.branch_excellence end
  from (select b.*, pg_temp.rand_date('2000-01-01', '2022-12-31') as founded_on
          from seed_branches b order by b.unit_i, b.seq) b;

-- Merged and dissolved branches had members once: they are filled like the others while still active, and
-- their members are transferred (转接) to an active branch of the same unit below, as the rules require
-- before a branch may close (branches_closing_requires_no_members, members_branch_active).
create temp table seed_closed_branches as
select b.id, b.org_unit_id, b.status from public.branches b where b.status <> 'active' order by b.id;
update public.branches b set status = 'active' from seed_closed_branches c where c.id = b.id;

-- ---------------------------------------------------------------------------------------------------------
-- Members: the first of each branch is its secretary (a teacher or counsellor in a student branch), then a
-- deputy and two committee members; in one in twenty branches the post is vacant (the first is a committee
-- member). A member inserted as 书记 becomes the branch's secretary_id (members_secretary_sync). Numbers: students 20xx + 6 digits, staff 1 + 6 digits (unique by sequence).
-- ---------------------------------------------------------------------------------------------------------
create temp table seed_members as
select y.*,
       case
         when y.category = 'student' then 'none'::public.professional_title
         when y.category = 'retired' then pg_temp.pick('{senior,associate_senior,associate_senior,intermediate}'::public.professional_title[])
         when y.category = 'teacher' and y.seq = 1 then
           pg_temp.pick('{senior,senior,associate_senior,associate_senior,associate_senior,intermediate,intermediate}'::public.professional_title[])
         when y.category = 'teacher' then
           pg_temp.pick('{senior,associate_senior,associate_senior,intermediate,intermediate,intermediate,junior}'::public.professional_title[])
         else pg_temp.pick('{associate_senior,intermediate,intermediate,intermediate,junior,junior,none}'::public.professional_title[])
       end as professional_title,
       case y.category
         when 'student' then pg_temp.rand_date('2021-03-01', '2026-10-31')
         when 'retired' then pg_temp.rand_date('1965-01-01', '1995-12-31')
         else pg_temp.rand_date('1990-01-01', '2022-12-31')
       end as joined_on
  from (
    select x.*, row_number() over (order by x.branch_id, x.seq) as gseq,
           case
             when x.kind = 'student' and x.seq = 1 then pg_temp.pick('{teacher,staff}'::public.member_category[])
             when x.kind = 'student' then 'student'::public.member_category
             when x.kind = 'teacher' then 'teacher'::public.member_category
             when x.kind = 'retired' then 'retired'::public.member_category
             when x.kind = 'staff' then 'staff'::public.member_category
             else pg_temp.pick('{teacher,staff,student,student}'::public.member_category[])
           end as category
      from (
        select b.id as branch_id, b.kind, s as seq
          from (select b.id, b.kind, case b.kind
                                       when 'student' then pg_temp.rand_int(10, 34)
                                       when 'teacher' then pg_temp.rand_int(8, 25)
                                       when 'retired' then pg_temp.rand_int(20, 60)
                                       else pg_temp.rand_int(6, 20) end as size
                  from public.branches b order by b.id) b
          cross join lateral generate_series(1, b.size) s
         order by b.id, s
      ) x
  ) y
 order by y.branch_id, y.seq;

insert into public.members (branch_id, name, gender, category, student_or_staff_no, status, joined_on, branch_role,
                            professional_title, contact)
select m.branch_id, pg_temp.person_name(),
       case when random() < (case m.category when 'retired' then 0.6 when 'teacher' then 0.55 else 0.5 end)
            then 'male'::public.gender else 'female'::public.gender end,
       m.category,
       case when m.category = 'student' then (2019 + floor(random() * 7))::int::text || lpad(m.gseq::text, 6, '0')
            else '1' || lpad(m.gseq::text, 6, '0') end,
       -- a year of probation after joining
       case when m.joined_on > date '2025-11-25' then 'probationary'::public.member_status else 'full'::public.member_status end,
       m.joined_on,
       case when m.seq = 1 and m.branch_id % 20 = 7
                 and not exists (select 1 from seed_closed_branches c where c.id = m.branch_id) then 'committee_member'::public.branch_role
            when m.seq = 1 then 'secretary'::public.branch_role
            when m.seq = 2 then 'deputy_secretary'::public.branch_role
            when m.seq <= 4 then 'committee_member'::public.branch_role
            else 'member'::public.branch_role end,
       m.professional_title,
       '1' || pg_temp.pick('{38,39,58,59,87,35,36,86,77,33}'::text[]) || lpad(floor(random() * 100000000)::bigint::text, 8, '0')
  from seed_members m
 order by m.gseq;

-- 转接: the members of the branches to be merged or dissolved move to the next active branch of their unit by
-- id (else the previous one) as 党员, the secretary post of the old branch falls vacant, then the branch closes.
-- A branch whose unit has no active branch to take its members stays active.
alter table seed_closed_branches add column target_id bigint;
update seed_closed_branches c
   set target_id = coalesce(
         (select min(b.id) from public.branches b
           where b.org_unit_id = c.org_unit_id and b.id > c.id and not exists (select 1 from seed_closed_branches x where x.id = b.id)),
         (select max(b.id) from public.branches b
           where b.org_unit_id = c.org_unit_id and not exists (select 1 from seed_closed_branches x where x.id = b.id)));
update public.branches b set secretary_id = null from seed_closed_branches c where c.id = b.id and c.target_id is not null;
update public.members m set branch_id = c.target_id, branch_role = 'member'
  from seed_closed_branches c where c.id = m.branch_id and c.target_id is not null;
update public.branches b set status = c.status from seed_closed_branches c where c.id = b.id and c.target_id is not null;

create temp table seed_unit_branches as
select b.org_unit_id, array_agg(b.id order by b.id) as ids,
       array_agg(b.id order by b.id) filter (where b.status = 'active') as active_ids
  from public.branches b group by b.org_unit_id;

-- ---------------------------------------------------------------------------------------------------------
-- Carriers (§11) and their coverage: each unit has its own propensity, so coverage has gaps to show.
-- ---------------------------------------------------------------------------------------------------------
create temp table seed_carriers as
select u.org_unit_id, u.category, u.base_n, u.coverage_propensity, s as seq,
       case
         when u.base_n = 19 then pg_temp.pick('{society,society,practice_base}'::public.carrier_kind[])
         when u.category = 'administration' then pg_temp.pick('{society,practice_base,practice_base,dormitory}'::public.carrier_kind[])
         when u.category = 'affiliated' then pg_temp.pick('{lab,practice_base,society}'::public.carrier_kind[])
         else pg_temp.pick('{dormitory,dormitory,dormitory,society,society,lab,lab,research_group,research_group,practice_base}'::public.carrier_kind[])
       end as kind
  from seed_units u
  cross join generate_series(1, round(u.branch_count * 3.75)::int) s
 order by u.i, s;

-- Names repeat by chance (军工路校区学生公寓1号楼 twice in a unit): a repeat within a unit and kind gets （2）, （3）...
-- so (unit, kind, name) stays unique (carriers_org_unit_kind_name_key).
insert into public.carriers (org_unit_id, kind, name, headcount)
select c.org_unit_id, c.kind,
       c.name || case when c.n > 1 then '（' || c.n || '）' else '' end,
       c.headcount
  from (select c.*, row_number() over (partition by c.org_unit_id, c.kind, c.name order by c.ord) as n
          from (
          select row_number() over (order by c.org_unit_id, c.seq) as ord, c.org_unit_id, c.kind,
                 case c.kind
                   when 'dormitory' then pg_temp.pick('{军工路校区,复兴路校区,南汇校区}'::text[]) || '学生公寓' || pg_temp.rand_int(1, 36) || '号楼'
                   when 'society' then pg_temp.pick('{青年志愿者,机器人,摄影,书法,辩论,创新创业,羽毛球,国学,环保,英语演讲,航模,科普,红色文化研习,微电影,龙舟}'::text[])
                                       || pg_temp.pick('{协会,社,俱乐部}'::text[])
                   when 'lab' then pg_temp.pick('{先进制造,智能控制,新能源,光电检测,材料表征,生物医学,环境监测,数据智能,流体力学,精密测量,食品安全,网络安全}'::text[])
                                   || pg_temp.pick('{重点实验室,工程实验室,教学实验室,研究中心}'::text[])
                   when 'research_group' then pg_temp.person_name() || pg_temp.pick('{教授,老师}'::text[]) || '课题组'
                   else pg_temp.pick('{上汽集团,宝武钢铁,中国商飞,上海电气,殷行街道,五角场街道,控江路街道,上海图书馆,中芯国际,上海科技馆,杨浦滨江,长海医院}'::text[])
                        || pg_temp.pick('{实践基地,社会实践基地,志愿服务基地}'::text[])
                 end as name,
                 case c.kind
                   when 'dormitory' then pg_temp.rand_int(200, 800)
                   when 'society' then pg_temp.rand_int(30, 300)
                   when 'lab' then pg_temp.rand_int(10, 60)
                   when 'research_group' then pg_temp.rand_int(5, 30)
                   else pg_temp.rand_int(10, 100)
                 end as headcount
            from seed_carriers c
           order by c.org_unit_id, c.seq
          ) c) c
 order by c.ord;

-- Current coverage (started 2019-2026, so the monthly trend rises), by a branch of the same unit — now and then
-- a merged or dissolved one, whose coverage is ended below.
insert into public.carrier_coverages (carrier_id, branch_id, form, started_on, ended_on)
select c.id, c.ids[1 + floor(random() * cardinality(c.ids))::int],
       case c.kind
         when 'dormitory' then pg_temp.pick('{responsibility_zone,party_group,branch}'::public.coverage_form[])
         when 'society' then pg_temp.pick('{party_group,liaison}'::public.coverage_form[])
         when 'lab' then pg_temp.pick('{model_post,party_group,branch}'::public.coverage_form[])
         when 'research_group' then pg_temp.pick('{party_group,model_post}'::public.coverage_form[])
         else pg_temp.pick('{liaison,responsibility_zone}'::public.coverage_form[])
       end,
       pg_temp.rand_date('2019-01-01', '2026-10-31'), null
  from (select c.id, c.kind, ub.ids, u.coverage_propensity
          from public.carriers c
          join seed_unit_branches ub on ub.org_unit_id = c.org_unit_id
          join seed_units u on u.org_unit_id = c.org_unit_id
         order by c.id) c
 where random() < c.coverage_propensity + case c.kind when 'dormitory' then 0.10 when 'society' then -0.05
                                                      when 'research_group' then -0.15 when 'practice_base' then -0.10 else 0 end;

-- Earlier coverage that ended (gaps in the trend).
insert into public.carrier_coverages (carrier_id, branch_id, form, started_on, ended_on)
select x.carrier_id, x.branch_id, x.form, x.started_on, x.started_on + pg_temp.rand_int(180, 900)
  from (
    select c.id as carrier_id, c.ids[1 + floor(random() * cardinality(c.ids))::int] as branch_id,
           pg_temp.pick('{party_group,liaison,responsibility_zone}'::public.coverage_form[]) as form,
           pg_temp.rand_date('2018-01-01', '2023-06-30') as started_on
      from (select c.id, ub.ids from public.carriers c
              join seed_unit_branches ub on ub.org_unit_id = c.org_unit_id
             order by c.id) c
     where random() < 0.25
  ) x;

-- A merged or dissolved branch covers nothing any more: its coverages ended with it (a fixed day, so the seed
-- stays the same whenever it runs; a branch closing through the API ends them on that day).
update public.carrier_coverages c set ended_on = greatest(c.started_on, date '2026-10-31')
 where c.ended_on is null and exists (select 1 from public.branches b where b.id = c.branch_id and b.status <> 'active');

-- ---------------------------------------------------------------------------------------------------------
-- Partnerships (§6, §9, §10) with activities in the five service areas (§2).
-- ---------------------------------------------------------------------------------------------------------
create temp table seed_all_active_branches as
select array_agg(id order by id) as ids from public.branches where status = 'active';

create temp table seed_partnerships as
select x.*,
       case when x.partner_kind = 'internal_branch' then null
            else case x.partner_kind
                   when 'street' then pg_temp.pick('{殷行街道,五角场街道,控江路街道,长白新村街道,大桥街道,平凉路街道}'::text[]) || '党工委'
                   when 'community' then pg_temp.pick('{国和一村,开鲁新村,市光一村,翔殷路,民星路,中原路}'::text[]) || '居民区党总支'
                   when 'enterprise' then pg_temp.pick('{上汽集团,宝武钢铁,中国商飞,上海电气,华虹集团,振华重工,上海仪电,光明食品}'::text[])
                                          || pg_temp.pick('{党委,研发中心党支部,第一党支部}'::text[])
                   when 'industry' then pg_temp.pick('{上海市机械工程学会,上海市光学学会,上海市能源研究会,上海市出版协会,上海市医疗器械行业协会}'::text[]) || '党支部'
                   when 'school' then pg_temp.pick('{杨浦高级中学,控江中学,复兴高级中学,同济大学,上海大学,上海电机学院}'::text[]) || '党支部'
                   else pg_temp.pick('{杨浦区科委,杨浦区教育局,上海市科协,杨浦区团委}'::text[]) || '机关党支部'
                 end
       end as partner_name
  from (
    select b.id as branch_id, p.mode, p.partner_kind, pg_temp.rand_date('2019-03-01', '2026-06-30') as started_on,
           random() as r_end
      from (select b.id, b.kind from public.branches b where b.status = 'active' order by b.id) b
      cross join lateral (
        select (case b.kind
                  when 'student' then pg_temp.pick('{joint_building:community,joint_building:street,dual_pairing:community,dual_pairing:enterprise,internal_pairing:internal_branch}'::text[])
                  when 'teacher' then pg_temp.pick('{joint_building:enterprise,joint_building:industry,dual_pairing:school,service_alliance:industry,internal_pairing:internal_branch}'::text[])
                  when 'retired' then pg_temp.pick('{joint_building:community,service_alliance:street}'::text[])
                  else pg_temp.pick('{internal_pairing:internal_branch,service_alliance:government,joint_building:community}'::text[])
                end) as choice
      ) c
      cross join lateral (select split_part(c.choice, ':', 1)::public.partnership_mode as mode,
                                 split_part(c.choice, ':', 2)::public.partner_kind as partner_kind) p
     where random() < case b.kind when 'teacher' then 0.7 when 'student' then 0.6 when 'retired' then 0.3 else 0.5 end
  ) x;

insert into public.partnerships (branch_id, mode, partner_kind, partner_name, partner_branch_id, started_on, ended_on, status)
select p.branch_id, p.mode, p.partner_kind, p.partner_name,
       case when p.partner_kind = 'internal_branch' then
         (select case when a.ids[k] = p.branch_id then a.ids[k % cardinality(a.ids) + 1] else a.ids[k] end
            from seed_all_active_branches a,
                 lateral (select 1 + floor(random() * cardinality(a.ids))::int as k) pick)
       end,
       p.started_on,
       case when p.r_end < 0.2 and p.started_on + 730 < date '2026-10-31' then p.started_on + pg_temp.rand_int(365, 730) end,
       case when p.r_end < 0.2 and p.started_on + 730 < date '2026-10-31' then 'ended'::public.partnership_status
            when p.r_end > 0.95 then 'suspended'::public.partnership_status
            else 'active'::public.partnership_status end
  from seed_partnerships p
 order by p.branch_id;

insert into public.partnership_activities (partnership_id, held_on, title, service_area, participants, outcome)
select x.id, x.held_on,
       case x.area
         when 'reform' then pg_temp.pick('{改革政策宣讲会,综合改革专题座谈,新一轮改革意见征集}'::text[])
         when 'development' then pg_temp.pick('{产学研对接会,技术攻关服务,学科发展研讨,行业需求调研}'::text[])
         when 'teachers_students' then pg_temp.pick('{学业帮扶,就业指导讲座,心理健康沙龙,新生引航}'::text[])
         when 'members' then pg_temp.pick('{联合主题党日,党课联学,组织生活会,红色基地参观}'::text[])
         else pg_temp.pick('{社区志愿服务,科普进社区,垃圾分类宣传,敬老助残服务}'::text[])
       end,
       x.area, pg_temp.rand_int(8, 80),
       pg_temp.pick('{形成工作纪要,签订共建协议,服务群众百余人次,形成调研报告,获媒体报道,建立长效机制}'::text[])
  from (
    select p.id, pg_temp.rand_date(p.started_on, least(coalesce(p.ended_on, date '2026-11-20'), date '2026-11-20')) as held_on,
           pg_temp.pick('{reform,development,teachers_students,members,society}'::public.service_area[]) as area
      from (select p.id, p.started_on, p.ended_on, pg_temp.rand_int(2, 7) as size
              from public.partnerships p order by p.id) p
      cross join lateral generate_series(1, p.size) s
     order by p.id, s
  ) x
 order by x.id, x.held_on;

-- ---------------------------------------------------------------------------------------------------------
-- Funds (§19), fiscal years 2024-2026. Planned branch allocations come first; each unit budget is their sum
-- plus a margin the unit spends itself. Activity funds: standard 200 元 per member a year, a quarter of the
-- branches below it.
-- ---------------------------------------------------------------------------------------------------------
create temp table seed_allocations as
select b.org_unit_id, b.branch_id, b.fiscal_year, a.category, a.amount
  from (select b.org_unit_id, b.id as branch_id, b.excellence, y.fiscal_year,
               (select count(*) from public.members m where m.branch_id = b.id) as members
          from public.branches b
          cross join generate_series(2024, 2026) as y (fiscal_year)
         where b.status = 'active'
         order by b.id, y.fiscal_year) b
  cross join lateral (
    select 'activity'::public.fund_category as category,
           round((b.members * 200 * case when random() < 0.25 then 0.5 + 0.45 * random() else 1 + 0.5 * random() end)::numeric, -1) as amount
    union all
    select 'fee_refund', round((b.members * (60 + 40 * random()))::numeric, -1)
    union all
    select 'case_project', round((5000 + 15000 * random())::numeric, -2)
     where b.excellence <> 'none' or random() < 0.05
  ) a;

create temp table seed_unit_budgets as
select u.org_unit_id, u.under_executing, y.fiscal_year, c.category,
       case
         when c.category in ('activity', 'fee_refund', 'case_project') then
           ceil(coalesce((select sum(a.amount) from seed_allocations a
                           where a.org_unit_id = u.org_unit_id and a.fiscal_year = y.fiscal_year and a.category = c.category), 0)
                * (1.05 + 0.2 * random()::numeric) / 1000) * 1000
         when c.category = 'training' then round((u.branch_count * (800 + 700 * random()))::numeric, -3)
         else round((5000 + 10000 * random())::numeric, -3)
       end as amount
  from seed_units u
  cross join generate_series(2024, 2026) as y (fiscal_year)
  cross join unnest('{activity,fee_refund,case_project,training,other}'::public.fund_category[]) as c (category)
 where c.category <> 'other' or u.i % 2 = 0
 order by u.i, y.fiscal_year, c.category;

insert into public.fund_budgets (fiscal_year, org_unit_id, branch_id, category, amount, note)
select fiscal_year, org_unit_id, null, category, amount, '组织部下达'
  from seed_unit_budgets where amount > 0
 order by org_unit_id, fiscal_year, category;

insert into public.fund_budgets (fiscal_year, org_unit_id, branch_id, category, amount, note)
select fiscal_year, org_unit_id, branch_id, category, amount, null
  from seed_allocations where amount > 0
 order by branch_id, fiscal_year, category;

-- Expenditures: each budget spends a share of what it has free (its amount less its allocations), split into
-- two to eight payments. Under-executing units spend far less; 2026 is the running year (to 20 November).
create temp table seed_spending as
select f.id as budget_id, f.fiscal_year, f.category,
       floor(f.free * least(0.99, (case
                 when f.fiscal_year < 2026 and not u.under_executing then 0.82 + 0.17 * random()
                 when f.fiscal_year < 2026 then 0.35 + 0.25 * random()
                 when not u.under_executing then 0.55 + 0.3 * random()
                 else 0.15 + 0.2 * random()
               end)::numeric)) as target,
       pg_temp.rand_int(2, 8) as payments
  from (select f.id, f.fiscal_year, f.category, u.under_executing,
               f.amount - case when f.branch_id is null then coalesce(
                 (select sum(a.amount) from public.fund_budgets a
                   where a.branch_id is not null and a.org_unit_id = f.org_unit_id and a.fiscal_year = f.fiscal_year
                     and a.category = f.category), 0) else 0 end as free
          from public.fund_budgets f
          join seed_units u on u.org_unit_id = f.org_unit_id
         order by f.id) f
  cross join lateral (select f.under_executing) u;

insert into public.fund_expenditures (budget_id, spent_on, amount, purpose, voucher_no)
select x.budget_id, x.spent_on, floor(x.target * x.weight / sum(x.weight) over (partition by x.budget_id) * 100) / 100,
       case x.category
         when 'activity' then pg_temp.pick('{主题党日活动,红色教育基地参观,党建知识竞赛,志愿服务物资,党课学习资料,组织生活会场地}'::text[])
         when 'fee_refund' then pg_temp.pick('{慰问困难党员,党员学习用品,党费返还支部活动}'::text[])
         when 'case_project' then pg_temp.pick('{党建案例调研,案例汇编印制,案例交流会}'::text[])
         when 'training' then pg_temp.pick('{支部书记培训班,党务干部专题培训,书记工作坊}'::text[])
         else pg_temp.pick('{党建宣传展板,党建阵地维护}'::text[])
       end,
       'PZ' || x.fiscal_year || '-' || lpad(x.n::text, 7, '0')
  from (
    select s.budget_id, s.fiscal_year, s.category, s.target, (0.2 + random())::numeric as weight,
           pg_temp.rand_date(make_date(s.fiscal_year, 1, 5),
                             case when s.fiscal_year = 2026 then date '2026-11-20' else make_date(s.fiscal_year, 12, 28) end) as spent_on,
           row_number() over (order by s.budget_id, p) as n
      from seed_spending s
      cross join generate_series(1, s.payments) p
     where s.target > 0
     order by s.budget_id, p
  ) x
 order by x.budget_id, x.spent_on;

delete from public.fund_expenditures where amount <= 0;

-- ---------------------------------------------------------------------------------------------------------
-- Evaluation (一报告两评议, §17): 2024 and 2025 closed, 2026 open with about half of the branches scored.
-- The masses' weight grows each year (加大师生评价权重). A closed cycle is frozen (its evaluations, reviews and
-- the posts of its year refuse writes), so 2024 and 2025 are filled while open and closed at the end.
-- ---------------------------------------------------------------------------------------------------------
insert into public.evaluation_cycles (year, title, starts_on, ends_on, weight_org, weight_masses, status) values
  (2024, '2024年度基层党组织"一报告两评议"', '2024-01-01', '2025-01-31', 0.70, 0.30, 'open'),
  (2025, '2025年度基层党组织"一报告两评议"', '2025-01-01', '2026-01-31', 0.65, 0.35, 'open'),
  (2026, '2026年度基层党组织"一报告两评议"', '2026-01-01', '2027-01-31', 0.60, 0.40, 'open');

create temp table seed_quality as
select b.id as branch_id, case when random() < 0.03 then 42 + 15 * random() else 62 + 34 * random() end as q
  from public.branches b where b.status = 'active' order by b.id;

insert into public.branch_evaluations (cycle_id, branch_id, report_submitted_on, score_leadership, score_backbone, score_venue,
                                       score_carrier, score_system, score_performance, satisfaction)
select x.cycle_id, x.branch_id,
       case when x.year < 2026 then pg_temp.rand_date(make_date(x.year, 12, 10), make_date(x.year + 1, 1, 20))
            else pg_temp.rand_date('2026-11-01', '2026-11-24') end,
       least(100, greatest(0, round((x.base + (random() - 0.5) * 16)::numeric, 1))),
       least(100, greatest(0, round((x.base + (random() - 0.5) * 16)::numeric, 1))),
       least(100, greatest(0, round((x.base - 3 + (random() - 0.5) * 20)::numeric, 1))),
       least(100, greatest(0, round((x.base + (random() - 0.5) * 16)::numeric, 1))),
       least(100, greatest(0, round((x.base + 2 + (random() - 0.5) * 12)::numeric, 1))),
       least(100, greatest(0, round((x.base + (random() - 0.5) * 16)::numeric, 1))),
       least(100, greatest(0, round((x.base + (random() - 0.5) * 20)::numeric, 1)))
  from (
    select c.cycle_id, c.year, c.branch_id, c.q + (c.year - 2024) * (random() * 6 - 2) as base
      from (select c.id as cycle_id, c.year, q.branch_id, q.q
              from public.evaluation_cycles c cross join seed_quality q
             order by c.year, q.branch_id) c
     where c.year < 2026 or random() < 0.5
  ) x
 order by x.cycle_id, x.branch_id;

-- 定岗明责 (§8): student members' posts for 2025 (reviewed) and 2026 (running).
insert into public.member_posts (member_id, year, post_title, duties, targets, self_review, grade)
select m.id, y.year,
       pg_temp.pick('{宿舍党员示范岗,学习帮扶岗,志愿服务岗,宣传信息岗,实验室安全岗,新生引航岗,就业指导岗,社团联络岗}'::text[]),
       pg_temp.pick('{联系所在楼层同学，每月走访一次,组织学习小组，帮扶学业困难同学,参与社区志愿服务并做好记录,负责支部公众号与宣传栏}'::text[]),
       pg_temp.pick('{帮扶 3 名同学成绩提升,组织志愿服务 4 次以上,发布推送 12 篇以上,所在宿舍文明宿舍达标}'::text[]),
       case when y.year = 2025 then pg_temp.pick('{按期完成全部目标,完成大部分目标,目标完成情况良好，得到同学认可}'::text[]) end,
       case when y.year = 2025 then pg_temp.pick('{excellent,qualified,qualified,qualified,qualified,basically_qualified}'::public.member_grade[]) end
  from (select m.id, y.year
          from public.members m cross join (values (2025), (2026)) as y (year)
         where m.category = 'student' and m.joined_on <= make_date(y.year, 3, 1)
         order by m.id, y.year) m
  cross join lateral (select m.year) y
 where random() < 0.6;

-- 民主评议党员: every member who had joined by the end of a closed cycle's year; a third so far in 2026.
insert into public.member_reviews (cycle_id, member_id, grade, comment)
select x.cycle_id, x.member_id,
       case when r < 0.15 then 'excellent'::public.member_grade
            when r < 0.95 then 'qualified'::public.member_grade
            when r < 0.99 then 'basically_qualified'::public.member_grade
            else 'unqualified'::public.member_grade end,
       case when r < 0.15 then '发挥先锋模范作用突出' when r >= 0.95 then '需加强理论学习和组织生活参与' end
  from (select x.*, random() as r
          from (select c.id as cycle_id, m.id as member_id
                  from public.evaluation_cycles c
                  join public.members m on m.joined_on <= make_date(c.year, 12, 31)
                 where c.year < 2026 or m.id % 3 = 0
                 order by c.id, m.id) x) x;

update public.evaluation_cycles set status = 'closed' where year in (2024, 2025);

-- ---------------------------------------------------------------------------------------------------------
-- 组织生活 (§8, §14): meetings and attendance. Its own random stream (setseed below), so the sections do not shift each other's draws.
-- ---------------------------------------------------------------------------------------------------------
-- (end of section meetings)

-- ---------------------------------------------------------------------------------------------------------
-- 示范岗、责任区、网络载体 (§12) and 书记培训 (§18). Its own random stream (setseed below), so the sections do not shift each other's draws.
-- ---------------------------------------------------------------------------------------------------------
-- (end of section people)

-- ---------------------------------------------------------------------------------------------------------
-- 联系点与走访 (§7, §14, §16). Its own random stream (setseed below), so the sections do not shift each other's draws.
-- ---------------------------------------------------------------------------------------------------------
-- (end of section contacts)

-- ---------------------------------------------------------------------------------------------------------
-- 党建案例 (§15) and 创建卓越党支部计划 (§13). Its own random stream (setseed below), so the sections do not shift each other's draws.
-- ---------------------------------------------------------------------------------------------------------
-- Plans: every branch in the programme (卓越党支部 or 培育中 today) has a plan a year from when it joined
-- (2024 or 2025; some 培育中 branches only in 2026). 2024 and 2025 plans are judged in the January after; the
-- judgement writes the branch's year (branch_excellence_years) and its current flag follows the latest year, so
-- 卓越党支部 branches are judged 卓越 in 2025, 培育中 ones 合格 or 未达标. 2026 plans are not judged yet (year end).
-- Cases: in each year a share of the active branches writes one (more in the programme); earlier years' cases
-- went through rating (a third stopped at 已提交 or 草稿), 2026's are under way with some rated in the autumn.
-- The seed writes finished states as they stand: maintenance, like any load outside the API.
select setseed(0.15202612);
select set_config('app.maintenance', 'on', false);

create temp table seed_plan_branches as
select b.id as branch_id, b.excellence,
       case when b.excellence = 'excellent' then case when random() < 0.6 then 2024 else 2025 end
            else pg_temp.pick('{2024,2024,2024,2025,2025,2026}'::int[]) end as first_year
  from (select id, excellence from public.branches where status = 'active' and excellence <> 'none' order by id) b;

create temp table seed_plans as
select x.*,
       case when x.year < 2026 then 'judged'::public.plan_status
            else pg_temp.pick('{draft,submitted,submitted,approved,approved,approved,approved}'::public.plan_status[]) end as status,
       case when x.year = 2026 then null
            when x.excellence = 'excellent' and (x.year = 2025 or random() < 0.6) then 'excellent'::public.plan_result
            when x.excellence = 'cultivating' and random() < 0.25 then 'not_met'::public.plan_result
            else 'qualified'::public.plan_result end as result,
       make_date(x.year, 1, 5) + pg_temp.rand_int(0, 60) as submitted_on,
       pg_temp.rand_int(7, 35) as review_days,
       make_date(x.year + 1, 1, 6) + pg_temp.rand_int(0, 20) as judged_on,
       pg_temp.pick('{以“一支部一品牌”为抓手,以“党建+专业”融合为切入点,以党员先锋工程为牵引,以师生需求清单为导向}'::text[]) as entry,
       pg_temp.pick('{组织生活质量提升,党员示范岗全覆盖,支部联建共建,服务师生满意度,学科攻关中的党员作用}'::text[]) as focus
  from (select p.branch_id, p.excellence, y.year
          from seed_plan_branches p cross join generate_series(2024, 2026) y (year)
         where y.year >= p.first_year
         order by p.branch_id, y.year) x;

insert into public.excellence_plans (branch_id, year, goals, entry_point, breakthrough, status, self_assessment, result,
                                     submitted_on, approved_on, judged_on)
select p.branch_id, p.year,
       format('%s 年度: 建强支部班子, 落实“三会一课”, 在%s上形成可复制的做法, 争创校级卓越党支部', p.year, p.focus),
       p.entry || '，把支部工作融入中心工作',
       '围绕' || p.focus || '，解决一到两个师生关心的实际问题',
       p.status,
       case when p.status = 'judged' then
         case p.result when 'excellent' then '年度任务全部完成, ' || p.focus || '成效明显, 获师生好评'
                       when 'qualified' then '主要任务基本完成, ' || p.focus || '仍需持续推进'
                       else '部分任务未按期完成, 支部班子已制定整改措施' end end,
       p.result,
       case when p.status >= 'submitted' then p.submitted_on end,
       case when p.status >= 'approved' then p.submitted_on + p.review_days end,
       case when p.status = 'judged' then p.judged_on end
  from seed_plans p
 order by p.branch_id, p.year;

insert into public.excellence_tasks (plan_id, title, due_on, done_on, note)
select x.plan_id, x.title, x.due_on,
       case when x.done_roll < case when x.year < 2026 then case x.result when 'excellent' then 0.97 when 'qualified' then 0.85 else 0.55 end
                                    else 0.8 end
             and x.due_on - 20 <= least(make_date(x.year, 12, 31), date '2026-11-20')
            then least(x.due_on - 20 + x.lag, make_date(x.year, 12, 31), date '2026-11-20') end,
       case when random() < 0.2 then '纳入支部年度工作台账' end
  from (select p.id as plan_id, p.year, p.result, t.n,
               pg_temp.pick('{开展一次专题组织生活会,建立党员示范岗,与共建单位联合开展主题党日,举办支部书记讲党课,形成一篇党建工作案例,开展师生座谈并建立问题清单,完成支部工作法总结,开展党员志愿服务}'::text[]) as title,
               make_date(p.year, 3, 1) + pg_temp.rand_int(0, 290) as due_on,
               random() as done_roll, pg_temp.rand_int(0, 40) as lag
          from public.excellence_plans p
          cross join lateral generate_series(1, pg_temp.rand_int(3, 6)) t (n)
         order by p.id, t.n) x
 order by x.plan_id, x.n;

create temp table seed_cases as
select x.*,
       case when x.year < 2026 then
              case when x.r < 0.1 then 'draft' when x.r < 0.3 then 'submitted' else 'rated' end
            else case when x.r < 0.2 then 'draft' when x.r < 0.45 then 'submitted' when x.r < 0.7 then 'recommended' else 'rated' end
       end::public.case_status as status,
       case when x.q < 0.12 then 'best' when x.q < 0.5 then 'excellent' else 'none' end::public.case_rating as rating_if_rated
  from (select b.id as branch_id, b.name as branch_name, y.year, random() as r, random() as q,
               pg_temp.pick('{reform,development,teachers_students,members,society}'::public.service_area[]) as area,
               make_date(y.year, 4, 1) + pg_temp.rand_int(0, 80) as submitted_on,
               pg_temp.rand_int(5, 30) as recommend_days,
               case when y.year < 2026 then make_date(y.year, 10, 10) + pg_temp.rand_int(0, 60)
                    else date '2026-10-15' + pg_temp.rand_int(0, 36) end as rated_on,
               random() as take
          from public.branches b cross join generate_series(2024, 2026) y (year)
         where b.status = 'active'
         order by b.id, y.year) x
  join public.branches b on b.id = x.branch_id
 where x.take < case when b.excellence <> 'none' then 0.7 else 0.22 end;

insert into public.cases (branch_id, year, title, summary, service_area, status, rating, budget_id,
                          submitted_on, recommended_on, rated_on)
select c.branch_id, c.year,
       c.branch_name || '：' || case c.area
         when 'reform' then '“党建+教学改革”双融合工作法'
         when 'development' then '把支部建在学科链上, 助推学科发展'
         when 'teachers_students' then '“一站式”师生服务站的党建实践'
         when 'members' then '“三会一课”提质增效的探索'
         else '党员志愿服务进社区' end,
       '支部围绕中心工作, 以问题为导向, 通过党员先锋岗、结对共建和主题党日等载体, 形成了可复制、可推广的做法, 师生满意度明显提升。',
       c.area, c.status,
       case when c.status = 'rated' then c.rating_if_rated end,
       (select f.id from public.fund_budgets f
         where f.branch_id = c.branch_id and f.fiscal_year = c.year and f.category = 'case_project'),
       case when c.status >= 'submitted' then c.submitted_on end,
       case when c.status >= 'recommended' then c.submitted_on + c.recommend_days end,
       case when c.status = 'rated' then greatest(c.rated_on, c.submitted_on + c.recommend_days) end
  from seed_cases c
 order by c.branch_id, c.year;

select set_config('app.maintenance', '', false);
drop table seed_plan_branches, seed_plans, seed_cases;
analyze public.cases, public.excellence_plans, public.excellence_tasks, public.branch_excellence_years;
-- (end of section cases)


-- ---------------------------------------------------------------------------------------------------------
select set_config('enable_memoize', 'on', false);
drop table seed_scale, seed_units, seed_branches, seed_closed_branches, seed_members, seed_unit_branches, seed_carriers,
           seed_all_active_branches, seed_partnerships, seed_allocations, seed_unit_budgets, seed_spending, seed_quality;
select set_config('app.audit_disabled', 'off', false);
-- Fresh statistics for the tables just filled (only these: on a hosted database other schemas belong to other roles).
analyze public.org_units, public.profiles, public.branches, public.members, public.carriers, public.carrier_coverages,
        public.partnerships, public.partnership_activities, public.fund_budgets, public.fund_expenditures,
        public.evaluation_cycles, public.branch_evaluations, public.member_posts, public.member_reviews;
