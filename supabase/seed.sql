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
-- Every active branch holds its 三会一课, 主题党日 and 组织生活会 from January 2024 to 20 November 2026 with its own
-- regularity (most meet nearly always, some lag, a few barely meet), a little better each year, so the completion
-- heatmap and the trend have something to show; each unit holds a 书记座谈会 in most quarters. Rosters: the whole
-- branch (members who had joined by the day) for 党员大会, 党课 and 组织生活会, the branch committee for 支部委员会,
-- the unit's secretaries for 书记座谈会; 党小组会 and 主题党日 are recorded without one.
select setseed(0.20261202);

create temp table seed_meeting_branches as
select b.id, b.org_unit_id, b.founded_on,
       case when b.r1 < 0.06 then 0.12 when b.r1 < 0.25 then 0.45 + b.r2 * 0.3 else 0.82 + b.r2 * 0.17 end as diligence
  from (select b.*, random() as r1, random() as r2
          from (select b.id, b.org_unit_id, b.founded_on from public.branches b where b.status = 'active' order by b.id) b) b;

-- The rows below are built to obey the rules of meetings and meeting_attendance (a branch of the unit, active and
-- founded before the day; members of the branch who had joined by the day, its committee, the unit's secretaries;
-- a reason for every absence; one row per member; nothing after 2026-11-20), so the bulk load skips the per-row
-- rule, limit and audit triggers (some 200,000 rows at scale 1, about 0.7 ms each on a busy machine); the CHECK,
-- UNIQUE and foreign-key backstops still apply, and the counts are derived once at the end, as the trigger would.
-- supabase/tests/meetings_seed.test.ts checks the rules on the loaded data.
alter table public.meetings disable trigger user;
alter table public.meeting_attendance disable trigger user;

create temp table seed_meeting_slots as
select b.id as branch_id, b.org_unit_id, b.diligence, k.kind, p::date as period_start,
       (p + k.step - interval '1 day')::date as period_end
  from seed_meeting_branches b
 cross join (values ('branch_committee', interval '1 month'), ('group_meeting', interval '1 month'), ('theme_day', interval '1 month'),
                    ('general_meeting', interval '3 months'), ('party_lecture', interval '3 months'), ('org_life', interval '1 year')) as k (kind, step)
 cross join lateral generate_series(timestamp '2024-01-01', timestamp '2026-11-20', k.step) p;

insert into public.meetings (org_unit_id, branch_id, kind, held_on, title, host, content)
select s.org_unit_id, s.branch_id, s.kind::public.meeting_kind, s.held_on,
       case s.kind
         when 'branch_committee' then format('%s月支部委员会: %s', extract(month from s.held_on),
           (array['研究部署本月支部工作', '讨论发展党员工作', '研究党员教育管理事项', '研究服务师生项目', '讨论党费收缴与使用', '研究主题党日安排'])[1 + floor(s.r3 * 6)::int])
         when 'group_meeting' then format('%s月党小组会: %s', extract(month from s.held_on),
           (array['学习交流', '谈心谈话', '开展批评与自我批评', '交流思想工作情况'])[1 + floor(s.r3 * 4)::int])
         when 'theme_day' then format('%s月主题党日: %s', extract(month from s.held_on),
           (array['重温入党誓词', '志愿服务进社区', '参观红色教育基地', '党史学习教育', '为师生办实事', '学习党章党规'])[1 + floor(s.r3 * 6)::int])
         when 'general_meeting' then format('%s年第%s季度党员大会: %s', extract(year from s.held_on), extract(quarter from s.held_on),
           (array['通报支部工作', '讨论接收预备党员', '学习传达上级精神', '民主推荐与表决'])[1 + floor(s.r3 * 4)::int])
         when 'party_lecture' then format('%s年第%s季度党课: %s', extract(year from s.held_on), extract(quarter from s.held_on),
           (array['学习习近平新时代中国特色社会主义思想', '弘扬伟大建党精神', '加强党性修养', '全面从严治党', '服务型党组织建设'])[1 + floor(s.r3 * 5)::int])
         else format('%s年度组织生活会暨民主评议党员', extract(year from s.held_on))
       end,
       sec.name,
       case s.kind
         when 'org_life' then '对照检查, 开展批评与自我批评, 民主评议党员'
         when 'general_meeting' then '通报支部工作情况, 讨论决定支部重要事项'
         when 'party_lecture' then '书记讲党课, 党员交流学习体会'
       end
  from (select s.*,
               case when s.kind = 'org_life' and s.period_start < date '2026-01-01' then make_date(extract(year from s.period_start)::int, 12, 10 + floor(s.r2 * 20)::int)
                    when s.kind = 'org_life' then date '2026-11-01' + floor(s.r2 * 20)::int
                    else s.period_start + floor(s.r2 * (least(s.period_end, date '2026-11-20') - s.period_start + 1))::int end as held_on
          from (select s.*, random() as r1, random() as r2, random() as r3
                  from (select * from seed_meeting_slots order by branch_id, kind, period_start) s) s) s
  join public.branches br on br.id = s.branch_id
  left join public.members sec on sec.id = br.secretary_id
 where s.r1 < case when s.kind = 'org_life' and s.period_start >= date '2026-01-01' then s.diligence * 0.35
                   when s.kind = 'org_life' then least(s.diligence + 0.15, 0.98)
                   else s.diligence - (2026 - extract(year from s.period_start)) * 0.06 end;

-- 书记座谈会: each unit with branches, most quarters.
insert into public.meetings (org_unit_id, branch_id, kind, held_on, title, host, content)
select q.org_unit_id, null, 'secretary_forum', least(q.quarter_start + 20 + floor(q.r2 * 50)::int, date '2026-11-20'),
       format('%s年第%s季度党支部书记座谈会', extract(year from q.quarter_start), extract(quarter from q.quarter_start)),
       pg_temp.person_name(), '听取各支部工作汇报, 协调解决支部建设中的重点难点问题'
  from (select q.*, random() as r1, random() as r2
          from (select u.org_unit_id, p::date as quarter_start
                  from (select distinct org_unit_id from seed_meeting_branches) u
                 cross join generate_series(timestamp '2024-01-01', timestamp '2026-10-01', interval '3 months') p
                 order by u.org_unit_id, p) q) q
 where q.r1 < 0.8;

-- Present most of the time (the more regular the branch, the fuller); absent with a reason.
insert into public.meeting_attendance (meeting_id, member_id, present, absence_reason)
select x.meeting_id, x.member_id, x.r < x.rate,
       case when x.r >= x.rate then (array['出差', '病假', '事假', '外出实习', '课程冲突', '因公外出', '参加学术会议'])[1 + floor(x.r2 * 7)::int] end
  from (select x.*, random() as r, random() as r2
          from (select m.id as meeting_id, mb.id as member_id,
                       case when m.kind = 'branch_committee' then 0.95 else 0.78 + b.diligence * 0.18 end as rate
                  from public.meetings m
                  join seed_meeting_branches b on b.id = m.branch_id
                  join public.members mb on mb.branch_id = m.branch_id
                 where m.kind in ('general_meeting', 'party_lecture', 'org_life', 'branch_committee')
                   and (mb.joined_on is null or mb.joined_on <= m.held_on)
                   and (m.kind <> 'branch_committee' or mb.branch_role in ('secretary', 'deputy_secretary', 'committee_member'))
                 order by m.id, mb.id) x) x;

insert into public.meeting_attendance (meeting_id, member_id, present, absence_reason)
select x.meeting_id, x.member_id, x.r < 0.9,
       case when x.r >= 0.9 then (array['出差', '病假', '因公外出', '课程冲突'])[1 + floor(x.r2 * 4)::int] end
  from (select x.*, random() as r, random() as r2
          from (select m.id as meeting_id, b.secretary_id as member_id
                  from public.meetings m
                  join public.branches b on b.org_unit_id = m.org_unit_id and b.status = 'active' and b.secretary_id is not null
                 where m.kind = 'secretary_forum'
                 order by m.id, b.secretary_id) x) x;

update public.meetings m
   set expected_count = c.expected, present_count = c.present, absent_count = c.expected - c.present
  from (select a.meeting_id, count(*)::int as expected, (count(*) filter (where a.present))::int as present
          from public.meeting_attendance a group by a.meeting_id) c
 where c.meeting_id = m.id;
alter table public.meetings enable trigger user;
alter table public.meeting_attendance enable trigger user;
analyze public.meetings, public.meeting_attendance, public.meeting_standards;
drop table seed_meeting_branches, seed_meeting_slots;
-- (end of section meetings)

-- ---------------------------------------------------------------------------------------------------------
-- 示范岗、责任区、网络载体 (§12) and 书记培训 (§18). Its own random stream (setseed below), so the sections do not shift each other's draws.
-- ---------------------------------------------------------------------------------------------------------
select setseed(0.20261204);

-- 党员示范岗 / 党员责任区: about one full member in twelve holds one; most in a carrier of their unit (a dormitory,
-- lab, society, research group or practice base), the others at a service window, reading room, teaching building.
create temp table seed_people_unit_carriers as
select c.org_unit_id, array_agg(c.id order by c.id) as ids
  from public.carriers c group by c.org_unit_id;

create temp table seed_people_posts as
select m.id as member_id, m.category, m.started_on,
       case when random() < 0.55 then 'model_post'::public.model_post_kind else 'responsibility_zone'::public.model_post_kind end as kind,
       case when m.ids is not null and random() < 0.65 then m.ids[1 + floor(random() * cardinality(m.ids))::int] end as carrier_id,
       random() as r_end
  from (select m.id, m.category, uc.ids,
               pg_temp.rand_date(greatest(coalesce(m.joined_on, date '2021-09-01') + 30, date '2021-09-01'), date '2026-11-20') as started_on
          from public.members m
          join public.branches b on b.id = m.branch_id
          left join seed_people_unit_carriers uc on uc.org_unit_id = b.org_unit_id
         where b.status = 'active' and m.status = 'full' and m.category <> 'retired'
         order by m.id) m
 where random() < 0.085;

insert into public.model_posts (member_id, kind, title, place, carrier_id, started_on, ended_on)
select p.member_id, p.kind,
       case coalesce(p.carrier_kind::text, case p.category when 'student' then 'study' else 'office' end)
         when 'dormitory' then case p.kind when 'model_post' then '宿舍党员示范岗' else '楼层党员责任区' end
         when 'lab' then case p.kind when 'model_post' then '实验室安全党员示范岗' else '实验室安全责任区' end
         when 'society' then case p.kind when 'model_post' then '社团党员示范岗' else '社团活动党员责任区' end
         when 'research_group' then case p.kind when 'model_post' then '科研攻关党员示范岗' else '课题组党员责任区' end
         when 'practice_base' then case p.kind when 'model_post' then '实践育人党员示范岗' else '实践基地党员责任区' end
         when 'study' then case p.kind when 'model_post' then '学业帮扶党员示范岗' else '自习区文明党员责任区' end
         else case p.kind when 'model_post' then '服务窗口党员示范岗' else '办公区域党员责任区' end
       end,
       coalesce(p.carrier_name, pg_temp.pick(case p.category when 'student'
                                     then '{图书馆三楼自习区,第一教学楼,第二教学楼,学生事务中心,创新创业中心}'::text[]
                                     else '{学院综合办公室,教务服务窗口,学生事务服务窗口,实验中心,图书馆服务台,后勤服务中心}'::text[] end)),
       p.carrier_id, p.started_on,
       case when p.r_end < 0.2 and p.started_on + 400 < date '2026-11-20' then p.started_on + pg_temp.rand_int(180, 400) end
  from (select p.*, c.kind as carrier_kind, c.name as carrier_name
          from seed_people_posts p left join public.carriers c on c.id = p.carrier_id
         order by p.member_id) p;

-- 网络载体 (§5, §12): QQ groups for most branches, WeChat accounts, 易班 for student branches, a few Weibo accounts and
-- websites of teacher branches. Audience about the branch and the students and teachers it serves.
insert into public.online_channels (branch_id, kind, name, url, audience)
select x.branch_id, x.kind,
       case x.kind
         when 'wechat' then x.name || '公众号'
         when 'qq' then x.name || '党员群'
         when 'yiban' then x.name || '易班工作站'
         when 'weibo' then x.name || '微博'
         else x.name || '网站'
       end,
       case x.kind
         when 'wechat' then 'https://mp.weixin.qq.com/mp/profile_ext?__biz=' || substr(md5(x.code || 'wx'), 1, 16)
         when 'qq' then case when random() < 0.3 then 'https://qm.qq.com/q/' || substr(md5(x.code || 'qq'), 1, 10) end
         when 'yiban' then 'https://www.yiban.cn/org/' || substr(md5(x.code || 'yb'), 1, 12)
         when 'weibo' then 'https://weibo.com/u/' || (5000000000 + abs(('x' || substr(md5(x.code), 1, 8))::bit(32)::int))::text
         else 'https://dj.usst.edu.cn/' || lower(x.code) || '/'
       end,
       case x.kind
         when 'qq' then x.members + pg_temp.rand_int(0, 40)
         when 'wechat' then pg_temp.rand_int(150, 3500)
         when 'yiban' then pg_temp.rand_int(80, 900)
         when 'weibo' then pg_temp.rand_int(300, 6000)
         else pg_temp.rand_int(200, 2000)
       end
  from (
    select b.id as branch_id, b.code, b.name, b.members, k.kind
      from (select b.id, b.code, b.name, b.kind,
                   (select count(*) from public.members m where m.branch_id = b.id)::int as members
              from public.branches b where b.status = 'active' order by b.id) b
      cross join lateral (
        select k.kind from (values ('qq'::public.online_channel_kind, 0.65), ('wechat', case b.kind when 'retired' then 0.1 else 0.45 end),
                                   ('yiban', case b.kind when 'student' then 0.55 else 0 end), ('weibo', 0.05),
                                   ('website', case b.kind when 'teacher' then 0.15 else 0.02 end)) k (kind, p)
         where random() < k.p
      ) k
     order by b.id, k.kind
  ) x;

-- 书记培训 (§18), 2024-2026 (2026 to 20 November). The school runs four trainings a year, two external programmes
-- take a few secretaries, each unit holds one to three of its own. Secretaries (the current ones) attend with a
-- diligence of their own that rises a little each year; deputies and committee members attend some too.
-- Standard: 56 学时 a year (setting training_hours_standard).
insert into public.trainings (title, organizer, org_unit_id, held_on, hours)
select format(t.title, y), t.organizer::public.training_organizer, null, make_date(y, t.month, t.day), t.hours
  from generate_series(2024, 2026) y
  cross join (values ('%s年基层党支部书记示范培训班', 'school', 3, 22, 16),
                     ('%s年度党务工作专题网络培训', 'school', 5, 10, 12),
                     ('%s年党支部书记暑期集中轮训', 'school', 7, 8, 24),
                     ('%s年新任党支部书记培训', 'school', 10, 18, 8),
                     ('%s年上海市高校党支部书记网络培训示范班', 'external', 4, 15, 32),
                     ('%s年全国高校"双带头人"教师党支部书记研修班', 'external', 9, 12, 40)) t (title, organizer, month, day, hours)
 order by y, t.month;

insert into public.trainings (title, organizer, org_unit_id, held_on, hours)
select x.short || x.title, 'unit', x.org_unit_id, x.held_on, x.hours
  from (
    select u.org_unit_id, u.short, y, t.title, t.hours,
           pg_temp.rand_date(make_date(y, t.m_from, 1), least(make_date(y, t.m_from + 1, 28), date '2026-11-20')) as held_on, random() as r
      from (select org_unit_id, short, i from seed_units order by i) u
      cross join generate_series(2024, 2026) y
      cross join (values (1, '党支部书记培训会', 6, 3), (2, '党务工作坊', 4, 6), (3, '支部书记专题学习会', 4, 10)) t (n, title, hours, m_from)
     order by u.i, y, t.n
  ) x
 where x.r < 0.75;

create temp table seed_people_attendees as
select m.id as member_id, b.org_unit_id, m.branch_role, m.professional_title,
       0.35 + 0.65 * random() as diligence
  from public.members m join public.branches b on b.id = m.branch_id
 where b.status = 'active' and m.branch_role in ('secretary', 'deputy_secretary', 'committee_member')
 order by m.id;

insert into public.training_attendance (training_id, member_id, hours)
select x.training_id, x.member_id,
       case when x.r_hours < 0.88 then x.hours else greatest(1, round(x.hours * (0.5 + 0.4 * x.r_hours))) end
  from (select x.*, random() as r, random() as r_hours
          from (select t.id as training_id, a.member_id, t.hours,
                       case
                         when a.branch_role = 'secretary' then
                           case t.organizer
                             when 'school' then case when t.title like '%新任%' then 0.15
                                                     else least(0.97, a.diligence * (0.92 + 0.06 * (extract(year from t.held_on) - 2024))) end
                             when 'unit' then least(0.97, 0.3 + a.diligence * 0.7)
                             else case when a.professional_title in ('senior', 'associate_senior') then 0.22 else 0.07 end * a.diligence
                           end
                         when t.organizer = 'unit' then 0.45 * a.diligence
                         when t.organizer = 'school' and t.title not like '%新任%' then 0.12 * a.diligence
                         else 0
                       end as p
                  from public.trainings t
                  join seed_people_attendees a on t.organizer <> 'unit' or a.org_unit_id = t.org_unit_id
                 order by t.id, a.member_id) x) x
 where x.r < x.p;

drop table seed_people_unit_carriers, seed_people_posts, seed_people_attendees;
analyze public.model_posts, public.online_channels, public.trainings, public.training_attendance;
-- (end of section people)

-- ---------------------------------------------------------------------------------------------------------
-- 联系点与走访 (§7, §14, §16). Its own random stream (setseed below), so the sections do not shift each other's draws.
-- ---------------------------------------------------------------------------------------------------------
select setseed(0.20261216);

-- 校领导: the demo leader (王建国) and nine more per scale step, each an account like the demo ones.
create temp table seed_contact_leaders as
select row_number() over (order by k, b.n) as i, b.n, k,
       case when b.n = 1 and k = 1 then '00000000-0000-4000-8000-000000000002'::uuid
            else ('00000000-0000-4000-8100-' || lpad((k * 100 + b.n)::text, 12, '0'))::uuid end as user_id,
       case when k = 1 then 'leader' || b.n else 'leader' || b.n || '-' || k end || '@dangjian.test' as email,
       b.name || '（' || b.title || '）' || case when k > 1 then '·' || k else '' end as display_name
  from (values (1, '王建国', '校领导'), (2, '张卫东', '校党委副书记'), (3, '刘慧敏', '副校长'), (4, '陈志刚', '校党委常委、组织部部长'),
               (5, '赵立新', '副校长'), (6, '孙晓红', '校纪委书记'), (7, '周海涛', '副校长'), (8, '吴静怡', '校党委副书记'),
               (9, '郑国强', '副校长'), (10, '黄丽华', '校党委常委、宣传部部长')) as b (n, name, title)
  cross join generate_series(1, (select n from seed_scale)) k;

select app.create_auth_user(l.user_id, l.email, 'dangjian-demo', l.display_name)
  from seed_contact_leaders l where l.i > 1 order by l.i;
insert into public.profiles (user_id, role, org_unit_id, display_name)
select l.user_id, 'leader', null, l.display_name from seed_contact_leaders l where l.i > 1 order by l.i;

-- Contact points: each leader keeps 3-6 branches anywhere in the school (王建国 four), 组织部 (李敏) two, and the
-- demo committee admin (陈静) three of her own unit's branches. About one in six started before mid-2025 has
-- ended (the leader moved on to another branch).
create temp table seed_contact_slots as
select x.contact_id, x.i, x.slot, x.branch_id,
       pg_temp.rand_date('2023-09-01', '2026-03-31') as started_on, random() as r_end, random() as r_len
  from (select s.contact_id, s.i, s.slot, s.ids[1 + floor(random() * cardinality(s.ids))::int] as branch_id
          from (select l.user_id as contact_id, l.i, g as slot, a.ids,
                       case when l.i = 1 then 4 else 3 + (l.i * 7 % 4)::int end as slots
                  from seed_contact_leaders l
                  cross join generate_series(1, 6) g
                  cross join seed_all_active_branches a
                 order by l.i, g) s
         where s.slot <= s.slots
        union all
        select '00000000-0000-4000-8000-000000000001'::uuid, 0, g.g, a.ids[1 + floor(random() * cardinality(a.ids))::int]
          from (select g from generate_series(1, 2) g order by g) g cross join seed_all_active_branches a
        union all
        select '00000000-0000-4000-8000-000000000003'::uuid, -1, g.g, u.active_ids[1 + (g.g - 1) * 5]
          from (select g from generate_series(1, 3) g order by g) g
          join seed_unit_branches u on u.org_unit_id = (select id from public.org_units where code = 'U001')) x;

insert into public.contact_points (contact_id, branch_id, started_on, ended_on, duties)
select s.contact_id, s.branch_id, s.started_on,
       case when s.started_on < '2025-06-01' and s.r_end < 0.17
            then least(s.started_on + 300 + floor(s.r_len * 300)::int, date '2026-10-31') end,
       case s.slot % 4 when 0 then '联系指导支部组织生活与党员教育'
                       when 1 then '调研支部服务师生情况, 指导服务型党组织建设'
                       when 2 then '指导支部"一报告两评议"与创建卓越党支部'
                       else '听取支部意见建议, 协调解决支部建设难点' end
  from (select distinct on (contact_id, branch_id) * from seed_contact_slots order by contact_id, branch_id, slot) s
 order by s.i, s.slot;

-- Visits. The texts come in (problem, follow-up) pairs.
create temp table seed_contact_issues as
select row_number() over () as k, problem, follow_up from (values
  ('支部活动场所不足, 党员活动室与会议室共用', '协调学院调配一间专用党员活动室'),
  ('学生党员实习分散, 组织生活难以集中开展', '指导支部开设线上组织生活, 按实习地建临时党小组'),
  ('支部书记兼任教学科研工作, 精力不足', '建议学院落实支部书记工作量认定办法'),
  ('党员发展对象培养周期长, 培养联系人变动频繁', '督促支部固定培养联系人并建立培养台账'),
  ('支部活动经费使用进度偏慢', '指导支部制定年度活动计划并按季度使用经费'),
  ('青年教师对支部活动参与度不高', '建议结合学科团队开展主题党日, 邀请青年教师共同策划'),
  ('学生公寓党员责任区标识不清', '协调后勤在公寓楼设立党员责任区标牌'),
  ('实验室安全责任与党员示范岗结合不够', '指导支部在重点实验室设立党员示范岗'),
  ('离退休党员行动不便, 参加组织生活困难', '安排支部委员上门送学, 开展"送学上门"活动'),
  ('支部与共建单位联系减少, 共建活动流于形式', '协调共建双方召开联席会议, 制定年度共建项目'),
  ('部分党员对"三会一课"记录要求不清楚', '组织部下发组织生活记录模板并开展培训'),
  ('毕业生党员组织关系转接不及时', '指导支部建立毕业生党员组织关系转接提醒机制')) as t (problem, follow_up);

create temp table seed_contact_visits as
-- the contacts' visits to their contact branches, 0-3 a year while the contact point runs
select c.branch_id, c.contact_id as visitor_id, null::text as visitor_name,
       pg_temp.rand_date(greatest(c.started_on, make_date(y, 1, 1)), least(coalesce(c.ended_on, date '2026-11-20'), make_date(y, 12, 31), date '2026-11-20')) as visited_on
  from (select c.*, y, pg_temp.rand_int(0, 3) as n
          from public.contact_points c cross join generate_series(2024, 2026) y
         where c.started_on <= least(make_date(y, 12, 31), date '2026-11-20') and coalesce(c.ended_on, date '2026-11-20') >= make_date(y, 1, 1)
         order by c.id, y) c
  cross join lateral generate_series(1, c.n) g
union all
-- leaders' 调研 to other branches, one or two a year
select a.ids[1 + floor(random() * cardinality(a.ids))::int], l.user_id, null, pg_temp.rand_date(make_date(y, 1, 1), least(make_date(y, 12, 31), date '2026-11-20'))
  from (select l.*, y, g from seed_contact_leaders l cross join generate_series(2024, 2026) y cross join generate_series(1, 2) g
         where g = 1 or l.i % 2 = 0 order by l.i, y, g) l
  cross join seed_all_active_branches a
union all
-- each unit's own people without accounts (党委书记, 副书记, 组织员): 4-9 visits a year to its branches
select u.active_ids[1 + floor(random() * cardinality(u.active_ids))::int], null, u.visitor_name,
       pg_temp.rand_date(make_date(u.y, 1, 1), least(make_date(u.y, 12, 31), date '2026-11-20'))
  from (select u.*, y, g, pg_temp.person_name() || '（' || s.short || pg_temp.pick('{党委书记,党委副书记,组织员,党委委员}'::text[]) || '）' as visitor_name,
               pg_temp.rand_int(4, 9) as n
          from seed_unit_branches u join seed_units s on s.org_unit_id = u.org_unit_id
          cross join generate_series(2024, 2026) y cross join generate_series(1, 9) g
         where cardinality(u.active_ids) > 0
         order by u.org_unit_id, y, g) u
 where u.g <= u.n;

insert into public.visits (branch_id, visitor_id, visitor_name, kind, visited_on, summary, problems, follow_up, resolved_on)
select v.branch_id, v.visitor_id, v.visitor_name, v.kind, v.visited_on,
       case v.kind when 'visit' then '走访支部, 与支部书记和党员代表交流'
                   when 'research' then '调研支部服务型党组织建设情况'
                   when 'guidance' then '指导支部组织生活和"三会一课"'
                   when 'forum' then '召开支部书记、党员代表座谈会'
                   else '接待日: 听取党员和师生的意见建议' end,
       case when v.r_problem < 0.65 then i.problem end,
       case when v.r_problem < 0.55 then i.follow_up end,
       case when v.r_problem < 0.55 and v.r_resolved < (case when v.visited_on < '2026-06-01' then 0.92 else 0.45 end)
                 and v.visited_on + v.days <= date '2026-11-20'
            then v.visited_on + v.days end
  from (select v.*, random() as r_problem, random() as r_resolved, pg_temp.rand_int(7, 120) as days,
               pg_temp.rand_int(1, 12) as k,
               pg_temp.pick('{visit,visit,research,guidance,guidance,forum,reception}'::public.visit_kind[]) as kind
          from (select * from seed_contact_visits order by branch_id, visited_on, visitor_id nulls last, visitor_name) v) v
  join seed_contact_issues i on i.k = v.k
 order by v.visited_on, v.branch_id;

-- 王建国 (leader@dangjian.test) has two open follow-ups on his contact branches this autumn, whatever the draws gave.
insert into public.visits (branch_id, visitor_id, kind, visited_on, summary, problems, follow_up)
select c.branch_id, c.contact_id, x.kind, x.visited_on, x.summary, x.problem, x.follow_up
  from (select c.*, row_number() over (order by c.id) as n from public.contact_points c
         where c.contact_id = '00000000-0000-4000-8000-000000000002' and c.ended_on is null) c
  join (values (1, 'research'::public.visit_kind, date '2026-10-15', '调研支部党员教育管理情况',
                '支部党员活动室设备老化, 无法开展线上组织生活', '协调学院更新党员活动室视频会议设备'),
               (2, 'forum'::public.visit_kind, date '2026-11-06', '与支部委员和师生党员座谈',
                '青年教师党员反映科研任务重, 组织生活时间难以统一', '指导支部按教研室设立党小组, 灵活安排组织生活')) as x (n, kind, visited_on, summary, problem, follow_up)
    on x.n = c.n
 order by c.n;

analyze public.contact_points, public.visits;
drop table seed_contact_leaders, seed_contact_slots, seed_contact_issues, seed_contact_visits;
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
