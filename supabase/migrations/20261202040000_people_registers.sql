-- Issue 10, the people's measures: 党员示范岗 / 党员责任区 and the branches' 网络载体 (§5, §12), and 书记培训 (§18):
-- training sessions (school, unit or external) with their hours and who attended.
--
--   model_posts          a member holds a 示范岗 or 责任区 in a place (optionally a carrier of the member's unit)
--   online_channels      a branch's 微信公众号 / QQ群 / 易班 / 微博 / 网站
--   trainings            学校 and 校外 trainings are 组织部's to record; a unit's own training its committee's
--   training_attendance  who attended and for how many hours (at most the training's, by default all of it);
--                        a committee records its own members, also at school and external trainings
--
-- Access through app.register_table (org_admin all, leader reads, committee its own unit). A committee reads the
-- school and external trainings too: its members attend them and it records that. Rules follow the domain
-- migration's convention (a BEFORE trigger with zh-CN message, rule name, field; CHECK backstops of the same name).
-- The yearly standard of a secretary's training hours is the setting training_hours_standard.

-- ---------------------------------------------------------------------------------------------------------
-- Enumerations
-- ---------------------------------------------------------------------------------------------------------
create type public.model_post_kind as enum ('model_post', 'responsibility_zone');
comment on type public.model_post_kind is '党员发挥作用的平台 (§12): 党员示范岗 / 党员责任区';
create type public.online_channel_kind as enum ('wechat', 'qq', 'yiban', 'weibo', 'website', 'other');
comment on type public.online_channel_kind is '网络载体 (§5、§12): 微信公众号 / QQ群 / 易班 / 微博 / 网站 / 其他';
create type public.training_organizer as enum ('school', 'unit', 'external');
comment on type public.training_organizer is '培训举办方 (§18): 学校 (组织部) / 二级党组织 / 校外';

-- ---------------------------------------------------------------------------------------------------------
-- Tables
-- ---------------------------------------------------------------------------------------------------------
create table public.model_posts (
  id bigint generated always as identity primary key,
  member_id bigint not null references public.members (id) on delete cascade,
  kind public.model_post_kind not null,
  title text not null,
  place text,
  -- a carrier that goes away leaves the post with its place text
  carrier_id bigint references public.carriers (id) on delete set null,
  started_on date not null,
  ended_on date,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint model_posts_title_not_blank check (btrim(title) <> ''),
  constraint model_posts_period_valid check (ended_on is null or ended_on >= started_on)
);
comment on table public.model_posts is '党员示范岗 / 党员责任区 (§12): 党员在某处 (可选本单位的载体) 设岗或认领责任区, 自某日起';
comment on column public.model_posts.member_id is '设岗 (认领责任区) 的党员';
comment on column public.model_posts.kind is 'model_post 党员示范岗 / responsibility_zone 党员责任区';
comment on column public.model_posts.title is '岗位或责任区名称, 如 "宿舍党员示范岗"';
comment on column public.model_posts.place is '所在地点 (楼宇、实验室、服务窗口等)';
comment on column public.model_posts.carrier_id is '所在载体 (可选), 须为该党员所在二级党组织的载体';
comment on column public.model_posts.started_on is '设立日期';
comment on column public.model_posts.ended_on is '撤销日期; 为空表示仍在岗, 不早于设立日期';

create table public.online_channels (
  id bigint generated always as identity primary key,
  branch_id bigint not null references public.branches (id) on delete cascade,
  kind public.online_channel_kind not null,
  name text not null,
  url text,
  audience integer not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint online_channels_name_not_blank check (btrim(name) <> ''),
  constraint online_channels_url_format check (url is null or url ~* '^https?://[^\s/?#]+\.[^\s/?#]+([/?#]\S*)?$'),
  constraint online_channels_audience_not_negative check (audience >= 0)
);
comment on table public.online_channels is '网络载体 (§5、§12): 支部的微信公众号、QQ群、易班、微博、网站等';
comment on column public.online_channels.kind is 'wechat 微信公众号 / qq QQ群 / yiban 易班 / weibo 微博 / website 网站 / other 其他';
comment on column public.online_channels.name is '名称 (公众号名、群名等)';
comment on column public.online_channels.url is '网址 (http:// 或 https://); QQ群等没有网址的可不填';
comment on column public.online_channels.audience is '覆盖人数 (关注、群成员人数)';

create table public.trainings (
  id bigint generated always as identity primary key,
  title text not null,
  organizer public.training_organizer not null,
  org_unit_id bigint references public.org_units (id) on delete restrict,
  held_on date not null,
  hours numeric(5, 1) not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint trainings_title_not_blank check (btrim(title) <> ''),
  constraint trainings_org_unit_matches_organizer check ((organizer = 'unit') = (org_unit_id is not null)),
  constraint trainings_hours_positive check (hours > 0)
);
comment on table public.trainings is
  '书记培训 (§18): 学校、校外培训由组织部登记; 二级党组织的培训由该单位登记。学时 > 0 且不超过 200';
comment on column public.trainings.title is '培训名称';
comment on column public.trainings.organizer is 'school 学校 / unit 二级党组织 / external 校外';
comment on column public.trainings.org_unit_id is '举办的二级党组织: 二级党组织培训必填, 学校与校外培训为空';
comment on column public.trainings.held_on is '培训日期 (多日培训填开始日期), 计入该自然年的学时';
comment on column public.trainings.hours is '培训学时 (> 0, ≤ 200)';

create table public.training_attendance (
  id bigint generated always as identity primary key,
  training_id bigint not null references public.trainings (id) on delete cascade,
  member_id bigint not null references public.members (id) on delete cascade,
  hours numeric(5, 1) not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint training_attendance_one_per_member unique (training_id, member_id),
  constraint training_attendance_hours_positive check (hours > 0)
);
comment on table public.training_attendance is
  '培训参加记录: 每名党员每次培训一条; 学时不超过该培训学时, 未填时为培训学时; 二级党组织登记本单位党员';
comment on column public.training_attendance.training_id is '培训';
comment on column public.training_attendance.member_id is '参加的党员 (二级党组织培训须为本单位党员)';
comment on column public.training_attendance.hours is '获得学时: 不超过培训学时; 不填即为全部学时';

create index model_posts_member_id_idx on public.model_posts (member_id);
create index model_posts_carrier_id_idx on public.model_posts (carrier_id);
create index online_channels_branch_id_idx on public.online_channels (branch_id);
create index trainings_held_on_idx on public.trainings (held_on);
create index trainings_org_unit_id_idx on public.trainings (org_unit_id);
create index training_attendance_member_id_idx on public.training_attendance (member_id);

-- ---------------------------------------------------------------------------------------------------------
-- Field limits (app.field_limits; the forms in src/resources/*.tsx say the same)
-- ---------------------------------------------------------------------------------------------------------
insert into app.field_limits (table_name, column_name, label, kind, max_length, max_value, years_ahead) values
  ('model_posts', 'title', '岗位名称', 'text', 100, null, null),
  ('model_posts', 'place', '地点', 'text', 200, null, null),
  ('model_posts', 'started_on', '设立日期', 'date', null, null, 1),
  ('model_posts', 'ended_on', '撤销日期', 'date', null, null, 10),
  ('online_channels', 'name', '名称', 'text', 100, null, null),
  ('online_channels', 'url', '网址', 'text', 500, null, null),
  ('online_channels', 'audience', '覆盖人数', 'number', null, 10000000, null),
  ('trainings', 'title', '培训名称', 'text', 200, null, null),
  ('trainings', 'held_on', '培训日期', 'date', null, null, 1),
  ('trainings', 'hours', '学时', 'number', null, 200, null),
  ('training_attendance', 'hours', '获得学时', 'number', null, 200, null);
select app.apply_field_limits('model_posts');
select app.apply_field_limits('online_channels');
select app.apply_field_limits('trainings');
select app.apply_field_limits('training_attendance');

-- ---------------------------------------------------------------------------------------------------------
-- Rules
-- ---------------------------------------------------------------------------------------------------------
create function app.check_model_posts() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  if btrim(new.title) = '' then
    perform app.reject('model_posts_title_not_blank', 'title', '请填写岗位或责任区名称');
  end if;
  if new.ended_on < new.started_on then
    perform app.reject('model_posts_period_valid', 'ended_on', '撤销日期不能早于设立日期');
  end if;
  if new.carrier_id is not null
     and (select c.org_unit_id from public.carriers c where c.id = new.carrier_id)
         is distinct from (select b.org_unit_id from public.members m join public.branches b on b.id = m.branch_id
                            where m.id = new.member_id) then
    perform app.reject('model_posts_carrier_same_org_unit', 'carrier_id', '所选载体须属于该党员所在的二级党组织');
  end if;
  return new;
end;
$$;
create trigger model_posts_rules before insert or update on public.model_posts
  for each row execute function app.check_model_posts();

create function app.check_online_channels() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  if btrim(new.name) = '' then
    perform app.reject('online_channels_name_not_blank', 'name', '请填写网络载体名称');
  end if;
  -- an empty field in the form is no address
  new.url := nullif(btrim(new.url), '');
  if new.url !~* '^https?://[^\s/?#]+\.[^\s/?#]+([/?#]\S*)?$' then
    perform app.reject('online_channels_url_format', 'url', '网址须以 http:// 或 https:// 开头, 且为完整的网址');
  end if;
  if new.audience < 0 then
    perform app.reject('online_channels_audience_not_negative', 'audience', '覆盖人数不能为负数');
  end if;
  return new;
end;
$$;
create trigger online_channels_rules before insert or update on public.online_channels
  for each row execute function app.check_online_channels();

create function app.check_trainings() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  most numeric;
begin
  if btrim(new.title) = '' then
    perform app.reject('trainings_title_not_blank', 'title', '请填写培训名称');
  end if;
  -- Before RLS: a committee gets a sentence, not "violates row-level security policy".
  if app.current_role() = 'committee_admin' and new.organizer <> 'unit' then
    perform app.reject('trainings_school_by_org_admin', 'organizer', '学校和校外培训由组织部登记, 二级党组织只能登记本单位举办的培训');
  end if;
  if new.organizer = 'unit' and new.org_unit_id is null then
    perform app.reject('trainings_org_unit_matches_organizer', 'org_unit_id', '二级党组织举办的培训须选择举办单位');
  end if;
  if new.organizer <> 'unit' and new.org_unit_id is not null then
    perform app.reject('trainings_org_unit_matches_organizer', 'org_unit_id', '学校和校外培训不属于某个二级党组织, 请清空举办单位');
  end if;
  if new.hours <= 0 then
    perform app.reject('trainings_hours_positive', 'hours', '学时必须大于 0');
  end if;
  if tg_op = 'UPDATE' then
    if new.hours < old.hours then
      select max(a.hours) into most from public.training_attendance a where a.training_id = new.id;
      if new.hours < most then
        perform app.reject('trainings_hours_cover_attendance', 'hours',
                           format('已有参加记录获得 %s 学时, 培训学时不能少于此数', trim_scale(most)));
      end if;
    end if;
    if new.org_unit_id is not null and new.org_unit_id is distinct from old.org_unit_id
       and exists (select 1 from public.training_attendance a
                     join public.members m on m.id = a.member_id join public.branches b on b.id = m.branch_id
                    where a.training_id = new.id and b.org_unit_id <> new.org_unit_id) then
      perform app.reject('training_attendance_member_in_unit', 'org_unit_id',
                         '已有其他单位的党员参加记录, 不能改为该单位举办的培训');
    end if;
  end if;
  return new;
end;
$$;
create trigger trainings_rules before insert or update on public.trainings
  for each row execute function app.check_trainings();

create function app.check_training_attendance() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  training public.trainings;
begin
  select * into training from public.trainings t where t.id = new.training_id;
  if not found then
    return new; -- the foreign key reports the missing training
  end if;
  -- Attended the whole training unless said otherwise.
  new.hours := coalesce(new.hours, training.hours);
  if new.hours <= 0 then
    perform app.reject('training_attendance_hours_positive', 'hours', '获得学时必须大于 0');
  end if;
  if new.hours > training.hours then
    perform app.reject('training_attendance_hours_within_training', 'hours',
                       format('获得学时不能超过培训学时 (%s 学时)', trim_scale(training.hours)));
  end if;
  if exists (select 1 from public.training_attendance a
              where a.training_id = new.training_id and a.member_id = new.member_id and a.id <> new.id) then
    perform app.reject('training_attendance_one_per_member', 'member_id', '该党员已有这次培训的参加记录', '23505');
  end if;
  if training.organizer = 'unit'
     and (select b.org_unit_id from public.members m join public.branches b on b.id = m.branch_id where m.id = new.member_id)
         is distinct from training.org_unit_id then
    perform app.reject('training_attendance_member_in_unit', 'member_id', '二级党组织举办的培训只能登记本单位的党员');
  end if;
  return new;
end;
$$;
create trigger training_attendance_rules before insert or update on public.training_attendance
  for each row execute function app.check_training_attendance();

revoke all on function app.check_model_posts() from public;
revoke all on function app.check_online_channels() from public;
revoke all on function app.check_trainings() from public;
revoke all on function app.check_training_attendance() from public;

-- ---------------------------------------------------------------------------------------------------------
-- Access, grants, updated_at and the audit trail
-- ---------------------------------------------------------------------------------------------------------
select app.register_table('model_posts', 'member_id in (select app.committee_member_ids())');
select app.register_table('online_channels', 'branch_id in (select app.committee_branch_ids())');
select app.register_table('trainings',
  'organizer <> ''unit'' or org_unit_id = (select app.committee_org_unit_id())',
  'organizer = ''unit'' and org_unit_id = (select app.committee_org_unit_id())');
select app.register_table('training_attendance', 'member_id in (select app.committee_member_ids())');

-- ---------------------------------------------------------------------------------------------------------
-- The yearly standard. 《中国共产党党员教育管理工作条例》(2019) asks 基层党组织书记 for at least 56 学时 of
-- concentrated training a year (党员: 32); the party branch secretary is such a 书记.
-- ---------------------------------------------------------------------------------------------------------
insert into public.settings (key, label, value, unit, min_value, max_value, description, position) values
  ('training_hours_standard', '书记年度培训学时标准', 56, '学时', 1, 200,
   '支部书记每年应获得的培训学时 (依《中国共产党党员教育管理工作条例》, 基层党组织书记每年集中培训不少于 56 学时); '
   '队伍建设看板与首页"书记培训达标率"按此计算', 60);
