-- An action linked to an incident task records that task's incident, so its steps reach that
-- incident's timeline (not whichever incident is pinned). Existing actions are linked from their task.
alter table remediation_action add column incident_key varchar(40);
update remediation_action set incident_key = (
    select i.incident_key from incident_task t
    join incident_phase p on p.id = t.phase_id
    join incident i on i.id = p.incident_id
    where cast(t.id as varchar(80)) = remediation_action.task_id)
where task_id is not null;
