-- Issue 19: EXTERNAL probe targets, whose results an outside check (a CI smoke test, a cron job)
-- pushes. The latest push of each target is kept here, written with the push, so the staleness rule
-- ("no result within staleAfter is a failure") reads the same after a restart: a restart must never
-- turn a silent target back into a fresh one. The results themselves go to probe_result as any run's.
create table probe_external_push (
    target_key  varchar(80) not null primary key,
    checked_at  timestamp with time zone not null,
    received_at timestamp with time zone not null,
    pushed_by   varchar(64) not null
);
