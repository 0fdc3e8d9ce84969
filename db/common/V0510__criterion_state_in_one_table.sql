-- One source of truth for a criterion's state (issue 13, part 5). The criteria feature's
-- `criterion` table now holds the state of every criterion of a phase, manual ones included;
-- `incident_criterion` keeps only the plan as the runbook wrote it (key, text, probe hint, measure,
-- order), which export reads back. Runs unchanged on H2 (PostgreSQL mode) and PostgreSQL.

-- Manual criteria carry the runbook's text (up to 1000 characters) as label and evidence up to 2000.
alter table criterion alter column label set data type varchar(1000);
alter table criterion alter column definition set data type varchar(1100);
alter table criterion alter column evidence_note set data type varchar(2000);

-- Measured criteria already live in `criterion`: give them the plan's order.
update criterion set position_no = (
    select ic.sort_order - 1 from incident_criterion ic
    join incident_phase p on p.id = ic.phase_id
    join incident i on i.id = p.incident_id
    where i.incident_key = criterion.incident_key and p.phase_key = criterion.phase_key
      and ic.criterion_key = criterion.criterion_key)
where phase_key <> '' and exists (
    select 1 from incident_criterion ic
    join incident_phase p on p.id = ic.phase_id
    join incident i on i.id = p.incident_id
    where i.incident_key = criterion.incident_key and p.phase_key = criterion.phase_key
      and ic.criterion_key = criterion.criterion_key);

-- Manual criteria move over with their checklist state: a confirmed one stays met with its
-- evidence, who and when; one marked not met keeps who said so in its detail.
insert into criterion (incident_key, phase_key, criterion_key, label, definition, manual, position_no, state,
                       state_since, value_text, sample_count, detail, evaluated_at, first_met_at, evidence_note,
                       confirmed_by, confirmed_at, version)
select i.incident_key, p.phase_key, ic.criterion_key, ic.description, 'manual: ' || trim(ic.description), true,
       ic.sort_order - 1,
       case when ic.met then 'MET' else 'NOT_MET' end,
       coalesce(ic.set_at, i.started_at),
       case when ic.met then substr('confirmed by ' || coalesce(ic.set_by, 'unknown'), 1, 200)
            else 'awaiting confirmation' end,
       0,
       case when ic.met then substr('confirmed by ' || coalesce(ic.set_by, 'unknown') || ': '
                                    || coalesce(ic.evidence, ''), 1, 500)
            when ic.set_by is not null then substr('marked not met by ' || ic.set_by
                                    || coalesce(': ' || ic.evidence, ''), 1, 500)
            else 'a person must confirm this with an evidence note' end,
       ic.set_at,
       case when ic.met then coalesce(ic.set_at, i.started_at) end,
       case when ic.met then ic.evidence end,
       case when ic.met then ic.set_by end,
       case when ic.met then ic.set_at end,
       0
from incident_criterion ic
join incident_phase p on p.id = ic.phase_id
join incident i on i.id = p.incident_id
where ic.measure is null and not exists (
    select 1 from criterion c
    where c.incident_key = i.incident_key and c.phase_key = p.phase_key and c.criterion_key = ic.criterion_key);

-- The mirrored copy goes: state lives in `criterion` only.
alter table incident_criterion drop column met;
alter table incident_criterion drop column evidence;
alter table incident_criterion drop column set_by;
alter table incident_criterion drop column set_at;
alter table incident_criterion drop column version;
