-- Org units (二级党组织) and profiles (one per auth user: role, org unit), the private `app` schema with the
-- access helpers every RLS policy calls, and the `my_profile()` RPC the app reads after sign-in.
--
-- Roles, auth.users, auth.uid()/auth.jwt() and the pgcrypto extension already exist on a Supabase database
-- (and in the local stack's bootstrap): this migration only uses them.

-- ---------------------------------------------------------------------------------------------------------
-- Enumerations
-- ---------------------------------------------------------------------------------------------------------
create type public.app_role as enum ('org_admin', 'committee_admin', 'leader');
comment on type public.app_role is '平台角色: org_admin 组织部, committee_admin 二级党组织管理员, leader 校领导';

create type public.org_unit_kind as enum ('party_committee', 'general_branch', 'direct_branch');
comment on type public.org_unit_kind is '二级党组织类型: 院系党委 / 党总支 / 直属党支部';

create type public.org_unit_category as enum ('college', 'administration', 'affiliated');
comment on type public.org_unit_category is '二级党组织类别: 学院 / 机关部处 / 直属附属单位';

-- ---------------------------------------------------------------------------------------------------------
-- Private schema: PostgREST exposes only `public`, so nothing here is callable over the API.
-- The signed-in roles need USAGE so that policies (which run as the caller) can call the helpers.
-- ---------------------------------------------------------------------------------------------------------
create schema if not exists app;
comment on schema app is '内部辅助函数 (不经 PostgREST 暴露): 权限判断、触发器函数';
revoke all on schema app from public;
grant usage on schema app to anon, authenticated, service_role;

-- created_at / updated_at maintained by the database, never by the client.
create function app.touch_updated_at() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  new.created_at := old.created_at;
  new.updated_at := now();
  return new;
end;
$$;
comment on function app.touch_updated_at() is 'BEFORE UPDATE 触发器: 维护 updated_at, created_at 不可改';

-- ---------------------------------------------------------------------------------------------------------
-- Tables
-- ---------------------------------------------------------------------------------------------------------
create table public.org_units (
  id bigint generated always as identity primary key,
  code text not null,
  name text not null,
  kind public.org_unit_kind not null,
  category public.org_unit_category not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint org_units_code_key unique (code),
  constraint org_units_code_not_blank check (btrim(code) <> ''),
  constraint org_units_name_not_blank check (btrim(name) <> '')
);
comment on table public.org_units is '二级党组织 (院系党委、党总支、直属党支部): 组织部维护';
comment on column public.org_units.code is '组织编码, 全校唯一';
comment on column public.org_units.kind is '类型: party_committee 党委 / general_branch 党总支 / direct_branch 直属党支部';
comment on column public.org_units.category is '类别: college 学院 / administration 机关 / affiliated 直属附属单位';

create trigger org_units_touch_updated_at before update on public.org_units
  for each row execute function app.touch_updated_at();

create table public.profiles (
  user_id uuid primary key references auth.users (id) on delete cascade,
  role public.app_role not null,
  org_unit_id bigint references public.org_units (id) on delete restrict,
  display_name text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint profiles_committee_needs_org_unit check (role <> 'committee_admin' or org_unit_id is not null),
  constraint profiles_display_name_not_blank check (btrim(display_name) <> '')
);
comment on table public.profiles is '账号档案: 每个 auth 用户一行, 决定其角色与所属二级党组织; 只有组织部可修改';
comment on column public.profiles.user_id is '= auth.users.id';
comment on column public.profiles.role is '角色: org_admin 组织部 / committee_admin 二级党组织管理员 / leader 校领导';
comment on column public.profiles.org_unit_id is '所属二级党组织; committee_admin 必填, 其权限限于该组织';

create index profiles_org_unit_id_idx on public.profiles (org_unit_id);

create trigger profiles_touch_updated_at before update on public.profiles
  for each row execute function app.touch_updated_at();

-- ---------------------------------------------------------------------------------------------------------
-- Access helpers. SECURITY DEFINER (they read profiles past its RLS) with an empty search_path (every name
-- qualified, so a caller cannot shadow one). Policies call them as `(select app.fn())`: evaluated once per
-- statement instead of once per row.
-- ---------------------------------------------------------------------------------------------------------
create function app.current_role() returns public.app_role
language sql stable security definer
set search_path = ''
as $$
  select p.role from public.profiles p where p.user_id = auth.uid()
$$;
comment on function app.current_role() is '当前登录用户的平台角色; 未登录或无档案时为 null';

create function app.current_org_unit_id() returns bigint
language sql stable security definer
set search_path = ''
as $$
  select p.org_unit_id from public.profiles p where p.user_id = auth.uid()
$$;
comment on function app.current_org_unit_id() is '当前登录用户所属二级党组织 id (committee_admin 的权限范围)';

create function app.is_org_admin() returns boolean
language sql stable security definer
set search_path = ''
as $$
  select coalesce((select p.role = 'org_admin' from public.profiles p where p.user_id = auth.uid()), false)
$$;
comment on function app.is_org_admin() is '当前用户是否为组织部 (读写全部)';

create function app.reads_all() returns boolean
language sql stable security definer
set search_path = ''
as $$
  select coalesce((select p.role in ('org_admin', 'leader') from public.profiles p where p.user_id = auth.uid()), false)
$$;
comment on function app.reads_all() is '当前用户是否可读全部数据 (组织部、校领导)';

revoke all on all functions in schema app from public;
grant execute on all functions in schema app to anon, authenticated, service_role;

-- ---------------------------------------------------------------------------------------------------------
-- Row level security
-- ---------------------------------------------------------------------------------------------------------
alter table public.org_units enable row level security;

create policy org_units_select on public.org_units for select to authenticated
  using ((select app.current_role()) is not null);
create policy org_units_insert on public.org_units for insert to authenticated
  with check ((select app.is_org_admin()));
create policy org_units_update on public.org_units for update to authenticated
  using ((select app.is_org_admin())) with check ((select app.is_org_admin()));
create policy org_units_delete on public.org_units for delete to authenticated
  using ((select app.is_org_admin()));

alter table public.profiles enable row level security;

create policy profiles_select on public.profiles for select to authenticated
  using (user_id = (select auth.uid()) or (select app.reads_all()));
create policy profiles_insert on public.profiles for insert to authenticated
  with check ((select app.is_org_admin()));
create policy profiles_update on public.profiles for update to authenticated
  using ((select app.is_org_admin())) with check ((select app.is_org_admin()));
create policy profiles_delete on public.profiles for delete to authenticated
  using ((select app.is_org_admin()));

-- anon reads nothing: no grants at all (a Supabase database grants public tables to anon by default).
revoke all on public.org_units, public.profiles from anon;
grant select, insert, update, delete on public.org_units, public.profiles to authenticated;
grant all on public.org_units, public.profiles to service_role;

-- ---------------------------------------------------------------------------------------------------------
-- RPC: the caller's own profile with its org unit's name (one row; none when the account has no profile).
-- Runs as the caller: RLS lets everyone read their own profile and every signed-in role read org units.
-- ---------------------------------------------------------------------------------------------------------
create function public.my_profile()
returns table (
  user_id uuid,
  email text,
  role public.app_role,
  org_unit_id bigint,
  org_unit_name text,
  display_name text
)
language sql stable security invoker
set search_path = ''
as $$
  select p.user_id, auth.jwt() ->> 'email', p.role, p.org_unit_id, u.name, p.display_name
  from public.profiles p
  left join public.org_units u on u.id = p.org_unit_id
  where p.user_id = auth.uid()
$$;
comment on function public.my_profile() is '当前登录用户的档案 (角色、所属组织及其名称、显示名); 未登录或无档案时返回空';

revoke all on function public.my_profile() from public, anon;
grant execute on function public.my_profile() to authenticated, service_role;
