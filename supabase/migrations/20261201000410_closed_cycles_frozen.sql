-- What was closed stays closed. A closed (已结束) evaluation cycle is a published result: its weights, its
-- branch evaluations (and so their totals and grades), its member reviews and the member posts (定岗明责) of its
-- year are frozen for every role. Before this, org_admin could change a closed cycle's weights and every published
-- total and grade was silently recomputed.
--
-- Reopening is an explicit step: public.reopen_evaluation_cycle (org_admin only) sets the status back to 'open';
-- the audit trigger records it like any change. Nothing else can change a closed cycle: a direct update of its
-- status through the API is refused too, so the reopening is always that one recognisable action. Closing an open
-- cycle stays an ordinary update.
--
-- Maintenance outside the API (demo-data loading, test clean-up, a DBA in psql) may set the session setting
-- app.maintenance = 'on'; PostgREST gives clients no way to set it.
--
-- The freeze triggers are named *_write_frozen so they run after each table's *_rules trigger: a committee still
-- hears "未开放填报" for a cycle it may not write in, org_admin hears that the cycle is closed.

create function app.in_maintenance() returns boolean
language sql stable
set search_path = ''
as $$ select coalesce(current_setting('app.maintenance', true), '') = 'on' $$;
comment on function app.in_maintenance() is '当前会话为 API 之外的维护操作 (演示数据、测试清理), 可修改已结束周期的记录';

create function app.refuse_closed_cycle(p_rule text, p_field text, p_title text) returns void
language plpgsql
set search_path = ''
as $$
begin
  perform app.reject(p_rule, p_field, format('考核周期「%s」已结束, 记录已冻结', p_title));
end;
$$;
comment on function app.refuse_closed_cycle(text, text, text) is '拒绝修改已结束考核周期的记录 (统一的中文提示)';

-- ---------------------------------------------------------------------------------------------------------
-- The cycle itself
-- ---------------------------------------------------------------------------------------------------------
create function app.freeze_evaluation_cycles() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  if old.status <> 'closed' or app.in_maintenance() then
    return coalesce(new, old);
  end if;
  if tg_op = 'DELETE' then
    perform app.refuse_closed_cycle('evaluation_cycles_closed_frozen', null, old.title);
  end if;
  -- The one change allowed: reopen_evaluation_cycle flags its own cycle for this transaction and changes only the
  -- status (updated_at follows by the touch trigger).
  if coalesce(current_setting('app.reopening_cycle', true), '') = old.id::text
     and new.status = 'open'
     and (to_jsonb(new) - 'status' - 'updated_at') = (to_jsonb(old) - 'status' - 'updated_at') then
    return new;
  end if;
  if new.status <> 'closed' and (to_jsonb(new) - 'status' - 'updated_at') = (to_jsonb(old) - 'status' - 'updated_at') then
    perform app.reject('evaluation_cycles_closed_frozen', 'status',
                       format('考核周期「%s」已结束, 记录已冻结; 如需修改, 请由组织部执行「重新开放」', old.title));
  end if;
  perform app.refuse_closed_cycle('evaluation_cycles_closed_frozen', 'status', old.title);
  return null;
end;
$$;
create trigger evaluation_cycles_write_frozen before update or delete on public.evaluation_cycles
  for each row execute function app.freeze_evaluation_cycles();

-- ---------------------------------------------------------------------------------------------------------
-- Its evaluations, reviews and the posts of its year
-- ---------------------------------------------------------------------------------------------------------
create function app.closed_cycle_title(p_cycle_id bigint) returns text
language sql stable security definer
set search_path = ''
as $$ select c.title from public.evaluation_cycles c where c.id = p_cycle_id and c.status = 'closed' $$;
comment on function app.closed_cycle_title(bigint) is '已结束周期的标题; 周期未结束或不存在时为空';

create function app.closed_cycle_title_of_year(p_year integer) returns text
language sql stable security definer
set search_path = ''
as $$ select c.title from public.evaluation_cycles c where c.year = p_year and c.status = 'closed' $$;
comment on function app.closed_cycle_title_of_year(integer) is '该年度已结束周期的标题; 没有或未结束时为空';

-- For branch_evaluations and member_reviews (both carry cycle_id): the old row's cycle and the new row's cycle
-- must both be open to change. The argument is the rule name.
create function app.freeze_cycle_rows() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  title text;
begin
  if app.in_maintenance() then
    return coalesce(new, old);
  end if;
  if tg_op <> 'INSERT' then
    title := app.closed_cycle_title(old.cycle_id);
  end if;
  if title is null and tg_op <> 'DELETE' then
    title := app.closed_cycle_title(new.cycle_id);
  end if;
  if title is not null then
    perform app.refuse_closed_cycle(tg_argv[0], case when tg_op = 'DELETE' then null else 'cycle_id' end, title);
  end if;
  return coalesce(new, old);
end;
$$;
comment on function app.freeze_cycle_rows() is
  'BEFORE INSERT / UPDATE / DELETE: 已结束周期的支部考核与党员评议不可新增、修改、删除; 参数: 规则名';

create trigger branch_evaluations_write_frozen before insert or update or delete on public.branch_evaluations
  for each row execute function app.freeze_cycle_rows('branch_evaluations_cycle_closed');
create trigger member_reviews_write_frozen before insert or update or delete on public.member_reviews
  for each row execute function app.freeze_cycle_rows('member_reviews_cycle_closed');

create function app.freeze_member_posts() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  title text;
begin
  if app.in_maintenance() then
    return coalesce(new, old);
  end if;
  if tg_op <> 'INSERT' then
    title := app.closed_cycle_title_of_year(old.year);
  end if;
  if title is null and tg_op <> 'DELETE' then
    title := app.closed_cycle_title_of_year(new.year);
  end if;
  if title is not null then
    perform app.refuse_closed_cycle('member_posts_cycle_closed', case when tg_op = 'DELETE' then null else 'year' end, title);
  end if;
  return coalesce(new, old);
end;
$$;
comment on function app.freeze_member_posts() is
  'BEFORE INSERT / UPDATE / DELETE: 年度考核周期已结束时, 该年度的定岗明责不可新增、修改、删除';

create trigger member_posts_write_frozen before insert or update or delete on public.member_posts
  for each row execute function app.freeze_member_posts();

-- ---------------------------------------------------------------------------------------------------------
-- Reopening: the one way back
-- ---------------------------------------------------------------------------------------------------------
create function public.reopen_evaluation_cycle(p_cycle_id bigint)
returns public.evaluation_cycles
language plpgsql security definer
set search_path = ''
as $$
declare
  cycle public.evaluation_cycles;
begin
  if not app.is_org_admin() then
    perform app.reject('evaluation_cycles_reopen_org_admin_only', null, '只有组织部可以重新开放已结束的考核周期', '42501');
  end if;
  select * into cycle from public.evaluation_cycles c where c.id = p_cycle_id for update;
  if not found then
    perform app.reject('evaluation_cycles_reopen_exists', 'cycle_id', '未找到该考核周期', '23503');
  end if;
  if cycle.status <> 'closed' then
    perform app.reject('evaluation_cycles_reopen_only_closed', 'status', format('考核周期「%s」尚未结束, 无需重新开放', cycle.title));
  end if;
  perform set_config('app.reopening_cycle', p_cycle_id::text, true);
  update public.evaluation_cycles c set status = 'open' where c.id = p_cycle_id returning * into cycle;
  perform set_config('app.reopening_cycle', '', true);
  return cycle;
end;
$$;
comment on function public.reopen_evaluation_cycle(bigint) is
  '重新开放已结束的考核周期 (仅组织部): 状态改回进行中, 记入变更记录; 之后其考核、评议与定岗明责可再修改';

revoke all on function public.reopen_evaluation_cycle(bigint) from public, anon;
grant execute on function public.reopen_evaluation_cycle(bigint) to authenticated, service_role;
revoke all on function app.in_maintenance(), app.refuse_closed_cycle(text, text, text), app.closed_cycle_title(bigint),
  app.closed_cycle_title_of_year(integer) from public;
grant execute on function app.in_maintenance(), app.refuse_closed_cycle(text, text, text), app.closed_cycle_title(bigint),
  app.closed_cycle_title_of_year(integer) to anon, authenticated, service_role;
