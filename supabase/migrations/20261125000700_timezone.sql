-- The university keeps Beijing time: "today" in the database (coverage on a day, current_date defaults of the
-- analytics functions, the carriers' computed `covered`) must be the same day the people using it see, or bars
-- and drill-down lists disagree between 00:00 and 08:00. New sessions pick this up; PostgREST reconnects its pool
-- on a schema reload.
do $$
begin
  execute format('alter database %I set timezone to %L', current_database(), 'Asia/Shanghai');
end
$$;
