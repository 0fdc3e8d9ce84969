-- A task ticked because the remediation action linked to it succeeded and verified (issue 15): the
-- action it links to. Existing tasks were ticked by hand: null.
alter table incident_task add column done_by_action bigint;
