-- On PostgreSQL the database itself refuses to rewrite history.
create or replace function audit_event_reject_change() returns trigger as $$
begin
    raise exception 'audit_event is append-only: % is not allowed', tg_op;
end;
$$ language plpgsql;

create trigger audit_event_append_only
    before update or delete on audit_event
    for each row execute function audit_event_reject_change();

create trigger audit_event_no_truncate
    before truncate on audit_event
    for each statement execute function audit_event_reject_change();
