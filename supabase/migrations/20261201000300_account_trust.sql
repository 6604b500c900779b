-- A removed account stops at once, and passwords set by the organisation department follow the policy.
--
-- Disabling an account (admin_set_account_disabled sets auth.users.banned_until) or deleting it ends its
-- sessions, but an access token already issued stays valid until it expires (up to jwt_expiry, an hour).
-- The database therefore does not trust the token alone: every access helper the RLS policies call (once per
-- statement) first checks that the caller's auth.users row still exists, is not soft-deleted and is not
-- banned. For a removed account they return null/false, so its next select sees nothing and its next write is
-- refused, without waiting for the token to run out. RPCs that run as the caller read through the same
-- policies; the SECURITY DEFINER admin_* functions go through app.require_org_admin(), which uses them too.

-- The caller's user id while the account is usable; null when signed out, banned, soft-deleted or gone.
-- (The helpers below repeat its condition as a join instead of calling it: a nested SECURITY DEFINER call
-- with its own search_path costs more than the lookup itself.)
create function app.active_uid() returns uuid
language sql stable security definer
set search_path = ''
as $$
  select u.id from auth.users u
   where u.id = auth.uid() and u.deleted_at is null and (u.banned_until is null or u.banned_until <= now())
$$;
comment on function app.active_uid() is '当前登录用户 id; 账号已停用、已删除或不存在时为 null (令牌未过期也立即失效)';

create or replace function app.current_role() returns public.app_role
language sql stable security definer
set search_path = ''
as $$
  select p.role from public.profiles p join auth.users u on u.id = p.user_id
   where p.user_id = auth.uid() and u.deleted_at is null and (u.banned_until is null or u.banned_until <= now())
$$;

create or replace function app.current_org_unit_id() returns bigint
language sql stable security definer
set search_path = ''
as $$
  select p.org_unit_id from public.profiles p join auth.users u on u.id = p.user_id
   where p.user_id = auth.uid() and u.deleted_at is null and (u.banned_until is null or u.banned_until <= now())
$$;

create or replace function app.is_org_admin() returns boolean
language sql stable security definer
set search_path = ''
as $$
  select coalesce((select p.role = 'org_admin' from public.profiles p
   join auth.users u on u.id = p.user_id
   where p.user_id = auth.uid() and u.deleted_at is null and (u.banned_until is null or u.banned_until <= now())), false)
$$;

create or replace function app.reads_all() returns boolean
language sql stable security definer
set search_path = ''
as $$
  select coalesce((select p.role in ('org_admin', 'leader') from public.profiles p
   join auth.users u on u.id = p.user_id
   where p.user_id = auth.uid() and u.deleted_at is null and (u.banned_until is null or u.banned_until <= now())), false)
$$;

create or replace function app.committee_org_unit_id() returns bigint
language sql stable security definer
set search_path = ''
as $$
  select p.org_unit_id from public.profiles p join auth.users u on u.id = p.user_id
   where p.user_id = auth.uid() and u.deleted_at is null and (u.banned_until is null or u.banned_until <= now())
     and p.role = 'committee_admin'
$$;

-- Everyone reads their own profile: only while their account is usable.
drop policy profiles_select on public.profiles;
create policy profiles_select on public.profiles for select to authenticated
  using (user_id = (select app.active_uid()) or (select app.reads_all()));

-- ---------------------------------------------------------------------------------------------------------
-- Password policy, the same as the auth service applies ([auth] minimum_password_length = 8 and
-- password_requirements = "letters_digits" in config.toml): at least 8 characters, with a letter and a digit.
-- It applies when a password is set; existing passwords (the demo accounts') still sign in.
-- ---------------------------------------------------------------------------------------------------------
create or replace function app.check_password(p_password text) returns void
language plpgsql immutable
set search_path = ''
as $$
begin
  if length(coalesce(p_password, '')) < 8 then
    perform app.reject('accounts_password_length', 'password', '密码至少 8 位');
  end if;
  if p_password !~ '[A-Za-z]' or p_password !~ '[0-9]' then
    perform app.reject('accounts_password_letters_digits', 'password', '密码须同时包含字母和数字');
  end if;
end;
$$;

-- A reset password signs the account out everywhere (as GoTrue's admin password change does): whoever held
-- the old password loses the sessions it opened.
create or replace function public.admin_reset_password(p_user_id uuid, p_password text)
returns void
language plpgsql security definer
set search_path = ''
as $$
begin
  perform app.require_org_admin();
  perform app.check_password(p_password);
  update auth.users set encrypted_password = extensions.crypt(p_password, extensions.gen_salt('bf')), updated_at = now()
   where id = p_user_id;
  if not found then
    perform app.reject('accounts_user_exists', 'user_id', '账号不存在', '23503');
  end if;
  if to_regclass('auth.sessions') is not null then
    execute 'delete from auth.sessions where user_id = $1' using p_user_id;
  end if;
  perform app.log_account_change(p_user_id, array['encrypted_password'], '{"password_reset": true}');
end;
$$;
comment on function public.admin_reset_password(uuid, text) is '重置密码 (仅组织部); 新密码至少 8 位且含字母和数字; 结束该账号全部会话';
comment on function public.admin_create_account(text, text, public.app_role, text, bigint) is
  '创建账号 (仅组织部): 邮箱、初始密码 (至少 8 位, 含字母和数字)、角色、显示名、所属组织 (二级党组织管理员必填); 返回 user_id';

revoke all on function app.active_uid() from public;
grant execute on function app.active_uid() to anon, authenticated, service_role;
