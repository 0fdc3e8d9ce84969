-- An action whose change the cloud refused "not now" (busy, rate limited) or answered ambiguously
-- waits here for its next sending; attempts counts the sendings so far. Existing actions have none.
create table remediation_apply_retry (
    action_id  bigint       not null primary key,
    attempts   int          not null,
    retry_at   timestamp with time zone,
    reason     varchar(20)  not null,
    first_at   timestamp with time zone not null
);
