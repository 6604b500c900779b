-- A carrier is one place: (org unit, kind, name) is unique, so the coverage form's carrier picker can no longer
-- offer several identical 军工路校区学生公寓1号楼 of one unit and a fourth exact duplicate is refused.
-- Existing duplicates keep their rows (coverages point at them) and are renamed deterministically: within each
-- (unit, kind, name) group the lowest id keeps the name, the others get （2）, （3）, ... in id order (skipping a
-- suffix some other carrier already uses).

do $$
declare
  dup record;
  k integer;
  candidate text;
begin
  for dup in
    select c.id, c.org_unit_id, c.kind, c.name
      from (select c.*, row_number() over (partition by c.org_unit_id, c.kind, c.name order by c.id) as n
              from public.carriers c) c
     where c.n > 1
     order by c.org_unit_id, c.kind, c.name, c.id
  loop
    k := 2;
    loop
      candidate := dup.name || '（' || k || '）';
      exit when not exists (select 1 from public.carriers c
                             where c.org_unit_id = dup.org_unit_id and c.kind = dup.kind and c.name = candidate);
      k := k + 1;
    end loop;
    update public.carriers c set name = candidate where c.id = dup.id;
  end loop;
end;
$$;

alter table public.carriers
  add constraint carriers_org_unit_kind_name_key unique (org_unit_id, kind, name);

create function app.check_carriers_unique() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  if exists (select 1 from public.carriers c
              where c.org_unit_id = new.org_unit_id and c.kind = new.kind and c.name = new.name and c.id <> new.id) then
    perform app.reject('carriers_org_unit_kind_name_key', 'name',
                       format('本单位已有同类载体「%s」, 请勿重复登记 (可在名称中注明楼号、校区等加以区分)', new.name), '23505');
  end if;
  return new;
end;
$$;
comment on function app.check_carriers_unique() is 'BEFORE INSERT / UPDATE: 同一单位、同一类型下载体名称不能重复';
create trigger carriers_unique_rules before insert or update of org_unit_id, kind, name on public.carriers
  for each row execute function app.check_carriers_unique();

comment on table public.carriers is
  '党组织应进入的载体 (§11 进公寓、进社团、进实验室、进课题组、进实践基地); 同一单位同一类型下名称唯一';
