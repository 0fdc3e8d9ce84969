-- One file for both databases: H2 runs in PostgreSQL mode, where regexp_replace takes \1 and the g flag.
-- Issue 16: env:NAME credential references read any environment variable of the console (its own
-- database password included) and sent it to whatever host a target named. They become secret:NAME,
-- read only from the console's secret namespace (console.secrets.NAME / CONSOLE_SECRETS_NAME, or the
-- file NAME in console.secrets-dir). The start-up check names every target whose secret is not set yet.
update probe_target
   set settings_json = regexp_replace(settings_json, '"env:([A-Za-z_][A-Za-z0-9_]*)"', '"secret:\1"', 'g')
 where settings_json like '%"env:%';
