-- After every migration, as the owner (DATABASE_MIGRATION_USER): the console's runtime role
-- (DATABASE_USER) may read and write rows, only add to the audit trail, and own nothing, so it cannot
-- disable the append-only trigger (docs/security.md). Repeated at each start, so tables added by later
-- migrations are covered. Nothing to do when the console runs as the owner itself.
do $grants$
declare
    runtime text := '${runtime_role}';
    schema_name text := current_schema();
begin
    if runtime = '' or runtime = current_user or not exists (select 1 from pg_roles where rolname = runtime) then
        return;
    end if;
    execute format('grant usage on schema %I to %I', schema_name, runtime);
    execute format('grant select, insert, update, delete on all tables in schema %I to %I', schema_name, runtime);
    execute format('grant usage, select on all sequences in schema %I to %I', schema_name, runtime);
    execute format('revoke update, delete, truncate, references, trigger on %I.audit_event from %I', schema_name, runtime);
    execute format('revoke insert, delete, truncate, references, trigger on %I.audit_head from %I', schema_name, runtime);
    execute format('revoke insert, update, delete, truncate on %I.%I from %I', schema_name, '${flyway:table}', runtime);
end
$grants$;
