-- A fired escalation shows its current state, not only what it said when it fired (issue 15):
-- the condition as last checked, and when it ended. Existing firings carry their message forward
-- as the last check; they are open (not resolved) until the next check says otherwise. The columns
-- stay nullable (read with coalesce): a replica of the previous release, still running during a
-- rolling upgrade, inserts firings without them.
alter table escalation_firing add column current_message varchar(500);
alter table escalation_firing add column checked_at timestamp with time zone;
alter table escalation_firing add column resolved_at timestamp with time zone;
update escalation_firing set current_message = message, checked_at = fired_at;
