-- Issue 17: actions of several cloud operations (connector-replace) store the step they reached and
-- when it was started, so the executor resumes that step after a restart instead of starting over.
-- Existing actions are single-step: step 0, started with the action.
alter table remediation_action add column step_index integer default 0 not null;
alter table remediation_action add column step_started_at timestamp with time zone;
