-- Two computed fields (PostgREST embeds a function over the row type as a column) for the lists: which contact
-- points are in force today and which visits still wait for their follow-up, so the 联系点 and 走访 lists filter
-- on exactly what the 联系点 dashboard counts today (the definitions of 20261202050000_contact_points_and_visits.sql).

create function public.active(contact_point public.contact_points)
returns boolean
language sql stable
set search_path = ''
as $$
  select contact_point.started_on <= current_date
     and (contact_point.ended_on is null or contact_point.ended_on >= current_date)
$$;
comment on function public.active(public.contact_points) is
  '联系点今日是否有效: 已建立且未结束 (PostgREST 计算字段, 可作列表筛选)';

create function public.follow_up_open(visit public.visits)
returns boolean
language sql stable
set search_path = ''
as $$
  select nullif(btrim(visit.follow_up), '') is not null
     and visit.visited_on <= current_date
     and (visit.resolved_on is null or visit.resolved_on > current_date)
$$;
comment on function public.follow_up_open(public.visits) is
  '走访的跟进事项今日是否待跟进: 已填写跟进措施且尚未解决 (PostgREST 计算字段, 可作列表筛选)';

revoke execute on function public.active(public.contact_points), public.follow_up_open(public.visits) from public, anon;
grant execute on function public.active(public.contact_points), public.follow_up_open(public.visits) to authenticated, service_role;
