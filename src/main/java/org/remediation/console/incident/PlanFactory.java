package org.remediation.console.incident;

import java.time.Instant;
import java.util.Map;
import java.util.regex.Pattern;
import org.remediation.console.audit.AuditService;
import org.remediation.console.base.Problems;
import org.remediation.console.security.TeamDirectory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Writes a new incident and its plan from a runbook; the caller holds the transaction and the role. */
@Component
class PlanFactory {

    static final Pattern INCIDENT_KEY = Pattern.compile("[A-Z][A-Z0-9]{0,9}-[0-9]{1,9}");

    private final IncidentRepository incidents;
    private final PhaseRepository phases;
    private final TaskRepository tasks;
    private final CriterionRepository criteria;
    private final TeamDirectory teams;
    private final TimelineService timeline;
    private final AuditService audit;
    private final MeasuredCriteria measured;
    private final ObjectProvider<TaskActions> actions;

    PlanFactory(IncidentRepository incidents, PhaseRepository phases, TaskRepository tasks,
                CriterionRepository criteria, TeamDirectory teams, TimelineService timeline, AuditService audit,
                MeasuredCriteria measured, ObjectProvider<TaskActions> actions) {
        this.measured = measured;
        this.actions = actions;
        this.incidents = incidents;
        this.phases = phases;
        this.tasks = tasks;
        this.criteria = criteria;
        this.teams = teams;
        this.timeline = timeline;
        this.audit = audit;
    }

    /** Reads runbook YAML with every check: teams, and task actions as the remediation feature reads them. */
    Runbook read(String yaml) {
        return RunbookYaml.parse(yaml, teams::exists, taskActions());
    }

    /** {@link #read} plus the warnings: measured criteria on probe targets or groups that do not exist. */
    RunbookCheck check(String yaml) {
        return RunbookYaml.check(yaml, teams::exists, taskActions(), measured::missingProbes);
    }

    /** A new incident's key: well formed and not taken. */
    void checkKey(String key, Problems problems) {
        problems.check(INCIDENT_KEY.matcher(key).matches(), "incidentKey",
                "use a key like INC-1278 (capital letters, a dash, digits)");
        problems.check(incidents.findByKey(key).isEmpty(), "incidentKey", "incident " + key + " already exists");
    }

    /** The remediation feature's reading of task actions, or {@link TaskActions#UNCHECKED} in a slice without it. */
    TaskActions taskActions() {
        return actions.getIfAvailable(() -> TaskActions.UNCHECKED);
    }

    Incident create(String key, Runbook runbook, String commander, Instant startedAt, String actor) {
        Problems problems = new Problems();
        checkKey(key, problems);
        problems.check(!commander.isBlank(), "commander", "name the incident commander");
        problems.throwIfAny();
        // A runbook built in code gets the same checks as an imported one (keys, windows, cycles, teams).
        read(RunbookWriter.write(runbook));
        Incident incident = incidents.save(new Incident(key, runbook.title(), runbook.severity(),
                runbook.businessImpact(), commander, startedAt));
        int order = 1;
        for (Runbook.Phase p : runbook.phases()) {
            Phase phase = new Phase(incident.id(), order, p, PlanReader.validationJson(p.validation()));
            if (order == 1) {
                phase.status(PhaseStatus.ACTIVE, actor, startedAt);
            }
            phase = phases.save(phase);
            int t = 1;
            for (Runbook.Task task : p.tasks()) {
                tasks.save(new Task(phase.id(), t++, task));
            }
            int c = 1;
            for (Runbook.Criterion criterion : p.criteria()) {
                criteria.save(new Criterion(phase.id(), c++, criterion));
            }
            order++;
        }
        // opened before its criteria are first evaluated, so the timeline never shows a criterion change first
        timeline.record(incident, actor, "incident.opened", "Incident " + key + " opened (" + runbook.severity()
                + ", commander " + commander + ") with " + runbook.phases().size() + " phases", false);
        measured.define(incident, runbook);
        if (incidents.findFirstByPinnedTrue().isEmpty()) {
            incident.pinned(true);
        }
        audit.append(actor, "incident.create", key, Map.of("title", runbook.title(), "severity",
                runbook.severity().name(), "commander", commander, "phases", runbook.phases().size()));
        return incident;
    }
}
