-- What a Supabase project limits per API role, so that no request can hold the machine: statement timeouts
-- (anon 3 s, authenticated and authenticator 8 s, as Supabase ships them) and a lock timeout, so a request
-- waiting on a lock fails instead of queueing forever. PostgREST 12 reads these role settings and applies them
-- to each request of the role it switches to. Run on every start (alter role ... set is idempotent), so a
-- database bootstrapped before a limit existed gets it too. The postgres superuser (migrations, seed, auth
-- service) keeps no limit; service_role neither, as in Supabase.
alter role anon set statement_timeout = '3s';
alter role authenticated set statement_timeout = '8s';
alter role authenticator set statement_timeout = '8s';
alter role anon set lock_timeout = '3s';
alter role authenticated set lock_timeout = '8s';
alter role authenticator set lock_timeout = '8s';
