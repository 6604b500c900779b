-- The expenditures list pages by spent_on, newest first, with the id as tie-breaker (the data provider gives
-- every paged list a total order). Without an index in that order PostgreSQL joins and sorts every expenditure
-- before it can return the first 20: seconds at ten times the demo data, against an 8 s statement timeout.
create index fund_expenditures_spent_on_id_idx on public.fund_expenditures (spent_on desc, id desc);
