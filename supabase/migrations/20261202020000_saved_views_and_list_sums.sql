-- List-page features: saved views (a user's named filters, search and sort of a list) and the sum of a money
-- list's filtered rows.
--
-- Saved views are a person's own bookmarks, not a register: each row belongs to one account (user_id), only
-- that account reads or writes it (RLS own rows only, for every role, org_admin included), nothing about it
-- is audited, and deleting the account deletes its views. The view itself is the list page's URL query (the
-- filters, search and sort Refine keeps in the URL), so a view opens exactly as it was saved and a later
-- change to the list page's filters needs no migration.
--
-- Sums: the money lists (fund_budgets, fund_expenditures) show the sum of every row their filters select, not
-- the visible page. PostgREST computes it in Postgres with its aggregate functions (`select=amount.sum()` with
-- the list's own filters, through RLS like the list). Aggregates are a PostgREST setting of the project, not
-- of the schema: the local stack turns them on (PGRST_DB_AGGREGATES_ENABLED), a hosted project once as the
-- README says (setting a `pgrst.*` parameter on a role needs more than the postgres role may do in a migration).
-- A request stays bounded by the roles' statement_timeout.

create table public.saved_views (
  id bigint generated always as identity primary key,
  user_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
  resource text not null,
  name text not null,
  query text not null default '',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint saved_views_name_key unique (user_id, resource, name),
  constraint saved_views_name_present check (btrim(name) <> ''),
  constraint saved_views_resource_format check (resource ~ '^[a-z][a-z0-9_]{0,62}$')
);
comment on table public.saved_views is '已保存的视图: 用户为某个列表保存的筛选、搜索与排序, 仅本人可见';
comment on column public.saved_views.user_id is '所属用户 (只读写自己的视图)';
comment on column public.saved_views.resource is '列表对应的登记表';
comment on column public.saved_views.name is '视图名称 (同一列表内不重复)';
comment on column public.saved_views.query is '列表页地址中的查询参数 (筛选、搜索、排序)';
-- (the unique key's index also serves the menu, which lists a user's views by list and name)

-- A name that is blank, or already used for this list, gets a zh-CN message on the name field.
create function app.check_saved_view() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.name is null or btrim(new.name) = '' then
    perform app.reject('saved_views_name_present', 'name', '请填写视图名称', '23514');
  end if;
  new.name := btrim(new.name);
  if exists (select 1 from public.saved_views v
              where v.user_id = new.user_id and v.resource = new.resource and v.name = new.name
                and v.id is distinct from new.id) then
    perform app.reject('saved_views_name_key', 'name', format('已有名为“%s”的视图, 请换一个名称', new.name), '23505');
  end if;
  return new;
end;
$$;
create trigger saved_views_rules before insert or update on public.saved_views
  for each row execute function app.check_saved_view();
create trigger saved_views_touch_updated_at before update on public.saved_views
  for each row execute function app.touch_updated_at();

insert into app.field_limits (table_name, column_name, label, kind, max_length, max_value, years_ahead) values
  ('saved_views', 'resource', '列表', 'text', 63, null, null),
  ('saved_views', 'name', '视图名称', 'text', 50, null, null),
  ('saved_views', 'query', '筛选条件', 'text', 4000, null, null);
select app.apply_field_limits('saved_views');

-- Own rows only, whatever the role: a view is nobody else's business.
alter table public.saved_views enable row level security;
create policy saved_views_select on public.saved_views for select to authenticated
  using (user_id = (select auth.uid()));
create policy saved_views_insert on public.saved_views for insert to authenticated
  with check (user_id = (select auth.uid()));
create policy saved_views_update on public.saved_views for update to authenticated
  using (user_id = (select auth.uid())) with check (user_id = (select auth.uid()));
create policy saved_views_delete on public.saved_views for delete to authenticated
  using (user_id = (select auth.uid()));
revoke all on public.saved_views from anon;
grant select, insert, update, delete on public.saved_views to authenticated;
grant all on public.saved_views to service_role;
