-- Messages that name a cycle quoted it with ASCII double quotes, and cycle titles carry their own quotes
-- (2025年度基层党组织"一报告两评议"), so a person read 考核周期"2025年度基层党组织"一报告两评议""未开放填报.
-- Quote names with 「」 as the newer rules already do (考核周期「%s」已结束, 记录已冻结). The two trigger functions
-- are rewritten from their own current definition, changing only the quoting, so nothing else they do can drift.
do $$
declare
  definition text;
begin
  for definition in
    select pg_get_functiondef(p.oid)
    from pg_proc p
    where p.pronamespace = 'app'::regnamespace
      and p.proname in ('check_branch_evaluations', 'check_member_reviews')
  loop
    if position('"%s"' in definition) = 0 then
      raise exception 'expected "%%s" in %', left(definition, 80);
    end if;
    execute replace(definition, '"%s"', '「%s」');
  end loop;
end;
$$;
