-- Demo data. Run after the migrations by `npm run db:reset` (and by `supabase db reset` on the Supabase CLI).
-- Demo accounts (password dangjian-demo): admin@dangjian.test (组织部), leader@dangjian.test (校领导),
-- committee@dangjian.test (管理员 of the first org unit, code U001).

insert into public.org_units (code, name, kind, category) values
  ('U001', '机械工程学院党委', 'party_committee', 'college'),
  ('U002', '能源与动力工程学院党委', 'party_committee', 'college'),
  ('U003', '光电信息与计算机工程学院党委', 'party_committee', 'college'),
  ('U004', '管理学院党委', 'party_committee', 'college'),
  ('U005', '外语学院党总支', 'general_branch', 'college'),
  ('U006', '机关党委', 'party_committee', 'administration'),
  ('U007', '图书馆直属党支部', 'direct_branch', 'affiliated');

-- Accounts in auth.users. A hosted Supabase auth.users has more columns than the local stack's (token columns
-- that GoTrue reads as non-null strings, instance_id) and keeps the login identity in auth.identities: fill
-- those only where they exist, so the same file seeds both.
do $$
declare
  account record;
begin
  for account in
    select * from (values
      ('00000000-0000-4000-8000-000000000001'::uuid, 'admin@dangjian.test', 'org_admin'::public.app_role, null::text, '李敏（组织部）'),
      ('00000000-0000-4000-8000-000000000002'::uuid, 'leader@dangjian.test', 'leader'::public.app_role, null::text, '王建国（校领导）'),
      ('00000000-0000-4000-8000-000000000003'::uuid, 'committee@dangjian.test', 'committee_admin'::public.app_role, 'U001', '陈静（机械工程学院党委）')
    ) as a (id, email, role, org_unit_code, display_name)
  loop
    insert into auth.users (id, aud, role, email, encrypted_password, email_confirmed_at,
                            raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
    values (account.id, 'authenticated', 'authenticated', account.email,
            extensions.crypt('dangjian-demo', extensions.gen_salt('bf')), now(),
            '{"provider": "email", "providers": ["email"]}'::jsonb,
            jsonb_build_object('display_name', account.display_name), now(), now());

    insert into public.profiles (user_id, role, org_unit_id, display_name)
    values (account.id, account.role,
            (select u.id from public.org_units u where u.code = account.org_unit_code),
            account.display_name);
  end loop;

  if exists (select 1 from information_schema.columns
             where table_schema = 'auth' and table_name = 'users' and column_name = 'confirmation_token') then
    update auth.users
       set instance_id = '00000000-0000-0000-0000-000000000000',
           confirmation_token = '', recovery_token = '', email_change = '', email_change_token_new = ''
     where email like '%@dangjian.test';
  end if;

  if to_regclass('auth.identities') is not null then
    insert into auth.identities (id, user_id, provider_id, provider, identity_data, last_sign_in_at, created_at, updated_at)
    select gen_random_uuid(), u.id, u.id::text, 'email',
           jsonb_build_object('sub', u.id::text, 'email', u.email, 'email_verified', true), now(), now(), now()
      from auth.users u
     where u.email like '%@dangjian.test';
  end if;
end;
$$;
