-- Accounts for /accounts: the organization department creates accounts, resets passwords and disables or
-- enables them through these functions, so the browser never holds the service key. They are SECURITY DEFINER
-- (they write auth.users) and refuse every caller but org_admin. Role, org unit and display name changes go
-- through public.profiles (its RLS lets only org_admin write). Works on a hosted Supabase project as well:
-- columns and tables only some auth schemas have are filled where they exist.
-- Errors follow the convention of the domain migration (message zh-CN, details = rule, hint = field:<name>).

-- Creates the auth user (password hashed with bcrypt, email confirmed) and its login identity.
create function app.create_auth_user(p_id uuid, p_email text, p_password text, p_display_name text)
returns uuid
language plpgsql security definer
set search_path = ''
as $$
begin
  insert into auth.users (id, aud, role, email, encrypted_password, email_confirmed_at,
                          raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
  values (p_id, 'authenticated', 'authenticated', lower(p_email),
          extensions.crypt(p_password, extensions.gen_salt('bf')), now(),
          '{"provider": "email", "providers": ["email"]}'::jsonb,
          jsonb_build_object('display_name', p_display_name), now(), now());

  -- GoTrue reads these token columns as non-null strings and looks the instance up; older local schemas lack them.
  if exists (select 1 from information_schema.columns
              where table_schema = 'auth' and table_name = 'users' and column_name = 'confirmation_token') then
    execute 'update auth.users set instance_id = ''00000000-0000-0000-0000-000000000000'', confirmation_token = '''',
               recovery_token = '''', email_change = '''', email_change_token_new = '''' where id = $1' using p_id;
  end if;
  if to_regclass('auth.identities') is not null then
    execute 'insert into auth.identities (id, user_id, provider_id, provider, identity_data, last_sign_in_at, created_at, updated_at)
             values (gen_random_uuid(), $1, $1::text, ''email'',
                     jsonb_build_object(''sub'', $1::text, ''email'', $2, ''email_verified'', true), null, now(), now())'
      using p_id, lower(p_email);
  end if;
  return p_id;
end;
$$;
comment on function app.create_auth_user(uuid, text, text, text) is '创建已确认邮箱的登录账号 (bcrypt 密码), 供账号管理与演示数据使用';

create function app.require_org_admin() returns void
language plpgsql stable security definer
set search_path = ''
as $$
begin
  if not app.is_org_admin() then
    perform app.reject('accounts_org_admin_only', null, '只有组织部可以管理账号', '42501');
  end if;
end;
$$;

create function app.check_password(p_password text) returns void
language plpgsql immutable
set search_path = ''
as $$
begin
  if length(coalesce(p_password, '')) < 6 then
    perform app.reject('accounts_password_length', 'password', '密码至少 6 位');
  end if;
end;
$$;

create function app.log_account_change(p_user_id uuid, p_changed text[], p_new jsonb) returns void
language sql security definer
set search_path = ''
as $$
  insert into public.audit_log (actor_id, actor_name, table_name, row_id, action, org_unit_id, new_values, changed_columns)
  select auth.uid(), coalesce(a.display_name, auth.jwt() ->> 'email', '系统'), 'auth.users', p_user_id::text, 'update',
         (select p.org_unit_id from public.profiles p where p.user_id = p_user_id), p_new, p_changed
  from (select (select p.display_name from public.profiles p where p.user_id = auth.uid()) as display_name) a
$$;

revoke all on all functions in schema app from public;
grant execute on all functions in schema app to anon, authenticated, service_role;

-- ---------------------------------------------------------------------------------------------------------
-- RPCs (org_admin only)
-- ---------------------------------------------------------------------------------------------------------
create function public.admin_list_accounts()
returns table (
  user_id uuid,
  email text,
  role public.app_role,
  org_unit_id bigint,
  org_unit_name text,
  display_name text,
  disabled boolean,
  banned_until timestamptz,
  last_sign_in_at timestamptz,
  created_at timestamptz
)
language plpgsql stable security definer
set search_path = ''
as $$
begin
  perform app.require_org_admin();
  return query
    select u.id, u.email::text, p.role, p.org_unit_id, o.name, p.display_name,
           coalesce(u.banned_until > now(), false), u.banned_until, u.last_sign_in_at, u.created_at
      from auth.users u
      left join public.profiles p on p.user_id = u.id
      left join public.org_units o on o.id = p.org_unit_id
     order by u.created_at, u.email;
end;
$$;
comment on function public.admin_list_accounts() is
  '账号列表 (仅组织部): 邮箱、角色、所属组织、显示名、是否停用、最近登录';

create function public.admin_create_account(p_email text, p_password text, p_role public.app_role,
                                            p_display_name text, p_org_unit_id bigint default null)
returns uuid
language plpgsql security definer
set search_path = ''
as $$
declare
  new_id uuid := gen_random_uuid();
begin
  perform app.require_org_admin();
  if coalesce(p_email, '') !~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' then
    perform app.reject('accounts_email_valid', 'email', '请输入有效的邮箱地址');
  end if;
  if exists (select 1 from auth.users u where lower(u.email) = lower(p_email)) then
    perform app.reject('accounts_email_key', 'email', format('邮箱 %s 已有账号', lower(p_email)), '23505');
  end if;
  perform app.check_password(p_password);
  if coalesce(btrim(p_display_name), '') = '' then
    perform app.reject('profiles_display_name_not_blank', 'display_name', '请填写显示名');
  end if;
  perform app.create_auth_user(new_id, p_email, p_password, p_display_name);
  insert into public.profiles (user_id, role, org_unit_id, display_name)
  values (new_id, p_role, case when p_role = 'committee_admin' then p_org_unit_id end, btrim(p_display_name));
  return new_id;
end;
$$;
comment on function public.admin_create_account(text, text, public.app_role, text, bigint) is
  '创建账号 (仅组织部): 邮箱、初始密码 (至少 6 位)、角色、显示名、所属组织 (二级党组织管理员必填); 返回 user_id';

create function public.admin_reset_password(p_user_id uuid, p_password text)
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
  perform app.log_account_change(p_user_id, array['encrypted_password'], '{"password_reset": true}');
end;
$$;
comment on function public.admin_reset_password(uuid, text) is '重置密码 (仅组织部); 新密码至少 6 位';

create function public.admin_set_account_disabled(p_user_id uuid, p_disabled boolean)
returns void
language plpgsql security definer
set search_path = ''
as $$
begin
  perform app.require_org_admin();
  if p_disabled and p_user_id = auth.uid() then
    perform app.reject('accounts_not_self', 'user_id', '不能停用自己的账号');
  end if;
  -- GoTrue refuses sign-in and refresh while banned_until is in the future.
  update auth.users set banned_until = case when p_disabled then now() + interval '100 years' end, updated_at = now()
   where id = p_user_id;
  if not found then
    perform app.reject('accounts_user_exists', 'user_id', '账号不存在', '23503');
  end if;
  if p_disabled and to_regclass('auth.sessions') is not null then
    execute 'delete from auth.sessions where user_id = $1' using p_user_id;
  end if;
  perform app.log_account_change(p_user_id, array['banned_until'], jsonb_build_object('disabled', p_disabled));
end;
$$;
comment on function public.admin_set_account_disabled(uuid, boolean) is '停用 (true) 或启用 (false) 账号 (仅组织部); 停用即结束其全部会话';

revoke all on function public.admin_list_accounts(), public.admin_create_account(text, text, public.app_role, text, bigint),
  public.admin_reset_password(uuid, text), public.admin_set_account_disabled(uuid, boolean) from public, anon;
grant execute on function public.admin_list_accounts(), public.admin_create_account(text, text, public.app_role, text, bigint),
  public.admin_reset_password(uuid, text), public.admin_set_account_disabled(uuid, boolean) to authenticated, service_role;
