-- One file for both databases: H2 runs in PostgreSQL mode, where regexp_replace takes \1 and the g flag.
-- Only the credential settings (user, password) held references; other text that reads env:… stays.
-- Issue 16: env:NAME credential references read any environment variable of the console (its own
-- database password included) and sent it to whatever host a target named. They become secret:NAME,
-- read only from the console's secret namespace (console.secrets.NAME / CONSOLE_SECRETS_NAME, or the
-- file NAME in console.secret-files). The start-up check names every target whose secret is not set yet.
update probe_target
   set settings_json = regexp_replace(settings_json, '"(user|password)":"env:([A-Za-z_][A-Za-z0-9_]*)"', '"\1":"secret:\2"', 'g')
 where settings_json like '%"env:%';
