-- The sixth of the 六有 in the policy (上理工委〔2014〕23号) is 有师生满意的服务业绩, not 有群众满意的服务业绩:
-- the label the field-limit messages use for branch_evaluations.score_performance follows the policy.
update app.field_limits set label = '有师生满意的服务业绩' where table_name = 'branch_evaluations' and column_name = 'score_performance';
