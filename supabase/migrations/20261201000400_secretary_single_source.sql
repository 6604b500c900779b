-- The secretary has one source of truth: branches.secretary_id. members.branch_role = 'secretary' is kept equal
-- to it by the database, in both directions, so the member list's 支部职务 and every figure built on
-- secretary_id (书记高级职称比例) tell the same story:
--   * setting branches.secretary_id makes that member 'secretary' and the previous secretary 'member';
--   * clearing it makes the former secretary 'member' (the post is vacant);
--   * setting a member's branch_role to 'secretary' (form or insert) makes them their branch's secretary (and the
--     previous secretary 'member'); changing the secretary's own branch_role to anything else vacates the post;
--   * moving the secretary to another branch stays refused (members_secretary_stays_in_branch).
-- The triggers are AFTER row triggers (SECURITY DEFINER, so a committee's RLS does not hide the other row to fix);
-- each only touches rows that actually disagree, so the mutual updates stop after one round. The existing audit
-- triggers record every row they change.

-- ---------------------------------------------------------------------------------------------------------
-- Existing data: where a branch has no secretary_id but a member holds 书记, that member is the secretary (the
-- lowest id if several); every other 书记 who is not their branch's secretary_id becomes 党员; whoever is
-- secretary_id gets 书记.
-- ---------------------------------------------------------------------------------------------------------
update public.branches b
   set secretary_id = s.member_id
  from (select m.branch_id, min(m.id) as member_id
          from public.members m
         where m.branch_role = 'secretary'
         group by m.branch_id) s
 where s.branch_id = b.id and b.secretary_id is null and b.status = 'active';

update public.members m
   set branch_role = 'member'
 where m.branch_role = 'secretary'
   and not exists (select 1 from public.branches b where b.id = m.branch_id and b.secretary_id = m.id);

update public.members m
   set branch_role = 'secretary'
 where m.branch_role <> 'secretary'
   and exists (select 1 from public.branches b where b.id = m.branch_id and b.secretary_id = m.id);

-- ---------------------------------------------------------------------------------------------------------
-- Branch -> members
-- ---------------------------------------------------------------------------------------------------------
create function app.sync_secretary_from_branch() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  update public.members m set branch_role = 'member'
   where m.branch_id = new.id and m.branch_role = 'secretary' and m.id is distinct from new.secretary_id;
  if new.secretary_id is not null then
    update public.members m set branch_role = 'secretary'
     where m.id = new.secretary_id and m.branch_role <> 'secretary';
  end if;
  return null;
end;
$$;
comment on function app.sync_secretary_from_branch() is
  'AFTER UPDATE OF secretary_id: 新书记的支部职务设为书记, 本支部其他"书记"改为党员';

create trigger branches_secretary_sync after update of secretary_id on public.branches
  for each row when (new.secretary_id is distinct from old.secretary_id)
  execute function app.sync_secretary_from_branch();

-- ---------------------------------------------------------------------------------------------------------
-- Member -> branch
-- ---------------------------------------------------------------------------------------------------------
create function app.sync_secretary_from_member() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  if new.branch_role = 'secretary' then
    update public.branches b set secretary_id = new.id
     where b.id = new.branch_id and b.secretary_id is distinct from new.id;
  end if;
  if tg_op = 'UPDATE' and old.branch_role = 'secretary'
     and (new.branch_role <> 'secretary' or new.branch_id <> old.branch_id) then
    update public.branches b set secretary_id = null
     where b.id = old.branch_id and b.secretary_id = new.id;
  end if;
  return null;
end;
$$;
comment on function app.sync_secretary_from_member() is
  'AFTER INSERT / UPDATE OF branch_role: 职务设为书记即成为本支部书记 (原书记改为党员); 书记改任其他职务则书记空缺';

create trigger members_secretary_sync after insert or update of branch_role, branch_id on public.members
  for each row execute function app.sync_secretary_from_member();

comment on column public.members.branch_role is
  '支部内职务; 书记与 branches.secretary_id 由数据库保持一致 (设任一处, 另一处随之更新)';
comment on column public.branches.secretary_id is
  '支部书记 (members.id), 必须是本支部党员; 唯一来源, 该党员的支部职务自动为书记';

revoke all on function app.sync_secretary_from_branch() from public;
revoke all on function app.sync_secretary_from_member() from public;
