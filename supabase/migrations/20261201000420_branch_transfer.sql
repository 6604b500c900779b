-- Dissolving or merging a branch (已撤销 / 已合并) requires its members to be transferred (转接) first.
--   * branches_closing_requires_no_members: a change of status to merged/dissolved is refused while members remain;
--   * closing a branch ends its open carrier coverages today (they no longer count anyway: covered requires an
--     active branch; now the record says so too);
--   * members_branch_active: a member can be added to, or moved into, active branches only;
--   * public.transfer_members moves some or all members to another active branch in one transaction and can close
--     the emptied branch in the same call.
-- Existing data: members of merged/dissolved branches are transferred to an active branch of the same unit and the
-- open coverages of those branches are ended, so the rules above hold for what is already stored.

-- ---------------------------------------------------------------------------------------------------------
-- Rules
-- ---------------------------------------------------------------------------------------------------------
create function app.check_branch_closing() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  remaining bigint;
begin
  if new.status in ('merged', 'dissolved') and new.status is distinct from old.status then
    select count(*) into remaining from public.members m where m.branch_id = new.id;
    if remaining > 0 then
      perform app.reject('branches_closing_requires_no_members', 'status',
                         format('该支部还有 %s 名党员, 请先将党员转接到其他支部, 再设为%s', remaining,
                                case new.status when 'merged' then '已合并' else '已撤销' end));
    end if;
  end if;
  return new;
end;
$$;
comment on function app.check_branch_closing() is 'BEFORE UPDATE OF status: 支部仍有党员时不能设为已合并或已撤销 (须先转接)';
create trigger branches_closing_rules before update of status on public.branches
  for each row execute function app.check_branch_closing();

create function app.end_coverages_of_closed_branch() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  -- A coverage that has not started yet ends on its first day (ended_on >= started_on).
  update public.carrier_coverages c set ended_on = greatest(c.started_on, current_date)
   where c.branch_id = new.id and (c.ended_on is null or c.ended_on > current_date);
  return null;
end;
$$;
comment on function app.end_coverages_of_closed_branch() is 'AFTER UPDATE OF status: 支部合并或撤销时, 其进行中的载体覆盖于今日结束';
create trigger branches_closing_ends_coverages after update of status on public.branches
  for each row when (new.status in ('merged', 'dissolved') and new.status is distinct from old.status)
  execute function app.end_coverages_of_closed_branch();

create function app.check_member_branch_active() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  if (tg_op = 'INSERT' or new.branch_id is distinct from old.branch_id)
     and exists (select 1 from public.branches b where b.id = new.branch_id and b.status <> 'active') then
    perform app.reject('members_branch_active', 'branch_id', '所选支部已合并或撤销, 不能再接收党员');
  end if;
  return new;
end;
$$;
comment on function app.check_member_branch_active() is 'BEFORE INSERT / UPDATE OF branch_id: 党员只能加入或转入正常状态的支部';
create trigger members_branch_active_rules before insert or update of branch_id on public.members
  for each row execute function app.check_member_branch_active();

-- The unit of any branch, whatever the caller's RLS shows (to tell "not yours" from "does not exist").
create function app.branch_org_unit_id(p_branch_id bigint) returns bigint
language sql stable security definer
set search_path = ''
as $$ select b.org_unit_id from public.branches b where b.id = p_branch_id $$;
comment on function app.branch_org_unit_id(bigint) is '支部所属二级党组织 id (不受调用者行级权限限制); 支部不存在时为空';

-- ---------------------------------------------------------------------------------------------------------
-- 转接
-- ---------------------------------------------------------------------------------------------------------
create function public.transfer_members(p_from_branch_id bigint, p_to_branch_id bigint,
                                        p_member_ids bigint[] default null,
                                        p_close_as public.branch_status default null)
returns integer
language plpgsql security invoker
set search_path = ''
as $$
declare
  caller public.app_role := app.current_role();
  from_unit bigint := app.branch_org_unit_id(p_from_branch_id);
  to_unit bigint := app.branch_org_unit_id(p_to_branch_id);
  from_branch public.branches;
  to_branch public.branches;
  strangers bigint;
  moved integer;
begin
  if caller is distinct from 'org_admin' and caller is distinct from 'committee_admin' then
    perform app.reject('transfer_members_not_allowed', null, '只有组织部或二级党组织管理员可以转接党员', '42501');
  end if;
  if from_unit is null then
    perform app.reject('transfer_members_from_branch', 'from_branch_id', '未找到转出支部', '23503');
  end if;
  if to_unit is null then
    perform app.reject('transfer_members_to_branch', 'to_branch_id', '未找到转入支部', '23503');
  end if;
  if caller = 'committee_admin' and from_unit is distinct from app.committee_org_unit_id() then
    perform app.reject('transfer_members_own_org_unit', 'from_branch_id', '只能转接本单位支部的党员', '42501');
  end if;
  if caller = 'committee_admin' and to_unit is distinct from app.committee_org_unit_id() then
    perform app.reject('transfer_members_own_org_unit', 'to_branch_id',
                       '不能转接到其他二级党组织的支部; 跨单位转接请联系组织部', '42501');
  end if;
  if p_from_branch_id = p_to_branch_id then
    perform app.reject('transfer_members_other_branch', 'to_branch_id', '转入支部不能与转出支部相同');
  end if;
  if p_close_as = 'active' then
    perform app.reject('transfer_members_close_as', 'close_as', '转接后原支部只能设为已合并或已撤销');
  end if;

  -- Both rows locked in id order (two transfers between the same branches cannot deadlock), read through RLS.
  perform 1 from public.branches b where b.id in (p_from_branch_id, p_to_branch_id) order by b.id for update;
  select * into from_branch from public.branches b where b.id = p_from_branch_id;
  select * into to_branch from public.branches b where b.id = p_to_branch_id;
  if from_branch.status <> 'active' then
    perform app.reject('transfer_members_from_branch', 'from_branch_id', '转出支部已合并或撤销');
  end if;
  if to_branch.status <> 'active' then
    perform app.reject('members_branch_active', 'to_branch_id', '转入支部已合并或撤销, 不能接收党员');
  end if;

  if p_member_ids is not null then
    select count(*) into strangers
      from unnest(p_member_ids) x (id)
     where not exists (select 1 from public.members m where m.id = x.id and m.branch_id = p_from_branch_id);
    if strangers > 0 then
      perform app.reject('transfer_members_in_from_branch', 'member_ids', format('有 %s 名所选党员不在转出支部中', strangers));
    end if;
  end if;

  -- The secretary leaves the post first (the sync trigger makes them 党员); a 支部职务 belongs to the old branch,
  -- so everyone arrives in the new branch as 党员.
  if from_branch.secretary_id is not null and (p_member_ids is null or from_branch.secretary_id = any (p_member_ids)) then
    update public.branches b set secretary_id = null where b.id = p_from_branch_id;
  end if;
  update public.members m set branch_id = p_to_branch_id, branch_role = 'member'
   where m.branch_id = p_from_branch_id and (p_member_ids is null or m.id = any (p_member_ids));
  get diagnostics moved = row_count;

  if p_close_as is not null then
    -- branches_closing_rules refuses if anyone is left; branches_closing_ends_coverages ends the open coverages.
    update public.branches b set status = p_close_as where b.id = p_from_branch_id;
  end if;
  return moved;
end;
$$;
comment on function public.transfer_members(bigint, bigint, bigint[], public.branch_status) is
  '党员转接: 将转出支部的所选党员 (为空则全部) 转入另一正常支部, 一个事务内完成; 书记转出则书记空缺; '
  'p_close_as 为 merged / dissolved 时要求转出支部已无党员, 结束其进行中的载体覆盖并设置状态。按调用者权限执行 (RLS), '
  '二级党组织管理员仅限本单位; 返回转接人数。每项变更均记入变更记录。';

revoke all on function public.transfer_members(bigint, bigint, bigint[], public.branch_status) from public, anon;
grant execute on function public.transfer_members(bigint, bigint, bigint[], public.branch_status) to authenticated, service_role;
revoke all on function app.branch_org_unit_id(bigint) from public;
grant execute on function app.branch_org_unit_id(bigint) to anon, authenticated, service_role;

-- ---------------------------------------------------------------------------------------------------------
-- Existing data: empty the merged/dissolved branches into the nearest active branch of the same unit (the next
-- one by id, else the previous one) and end their open coverages. A closed branch whose unit has no active branch
-- left keeps its members (nowhere to go); the rules only act on the next change.
-- ---------------------------------------------------------------------------------------------------------
create temp table closed_branch_targets on commit drop as
select b.id as branch_id,
       coalesce((select min(a.id) from public.branches a where a.org_unit_id = b.org_unit_id and a.status = 'active' and a.id > b.id),
                (select max(a.id) from public.branches a where a.org_unit_id = b.org_unit_id and a.status = 'active')) as target_id
  from public.branches b
 where b.status <> 'active' and exists (select 1 from public.members m where m.branch_id = b.id);

update public.branches b set secretary_id = null
  from closed_branch_targets t where t.branch_id = b.id and t.target_id is not null and b.secretary_id is not null;
update public.members m set branch_id = t.target_id, branch_role = 'member'
  from closed_branch_targets t where t.branch_id = m.branch_id and t.target_id is not null;

update public.carrier_coverages c set ended_on = greatest(c.started_on, current_date)
 where (c.ended_on is null or c.ended_on > current_date)
   and exists (select 1 from public.branches b where b.id = c.branch_id and b.status <> 'active');
