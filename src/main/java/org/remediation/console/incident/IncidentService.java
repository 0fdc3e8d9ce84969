package org.remediation.console.incident;

import org.remediation.console.base.identity.SignedIn;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.remediation.console.audit.AuditService;
import org.remediation.console.base.InvalidInputException;
import org.springframework.context.ApplicationEventPublisher;
import org.remediation.console.base.Problems;
import org.remediation.console.base.identity.CurrentUser;
import org.remediation.console.base.identity.Roles;
import org.remediation.console.security.TeamDirectory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Incidents and their plans: reading for everyone, changes for the incident commander. */
@Service
@SignedIn
public class IncidentService {

    private final IncidentRepository incidents;
    private final PhaseRepository phases;
    private final PlanReader reader;
    private final PlanFactory factory;
    private final TimelineService timeline;
    private final AuditService audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TeamDirectory teams;

    IncidentService(IncidentRepository incidents, PhaseRepository phases, PlanReader reader, PlanFactory factory,
                    TimelineService timeline, AuditService audit, ApplicationEventPublisher events, Clock clock, TeamDirectory teams) {
        this.teams = teams;
        this.incidents = incidents;
        this.phases = phases;
        this.reader = reader;
        this.factory = factory;
        this.timeline = timeline;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<IncidentSummary> list() {
        return incidents.findAllByOrderByStartedAtDesc().stream().map(Incident::summary).toList();
    }

    /** The pinned incident, else the latest one. */
    @Transactional(readOnly = true)
    public Optional<IncidentSummary> current() {
        return incidents.findFirstByPinnedTrue().or(() -> incidents.findAllByOrderByStartedAtDesc().stream().findFirst())
                .map(Incident::summary);
    }

    @Transactional(readOnly = true)
    public Optional<IncidentSummary> find(String key) {
        return incidents.findByKey(key).map(Incident::summary);
    }

    /** The incident's phases in plan order, each with its tasks, criteria and last sign-off. */
    @Transactional(readOnly = true)
    public List<PhaseState> phases(String incidentKey) {
        return incidents.findByKey(incidentKey).map(reader::phases).orElse(List.of());
    }

    @Transactional(readOnly = true)
    public Optional<PhaseState> phase(long phaseId) {
        return phases.findById(phaseId).map(p -> reader.phase(incidents.findById(p.incidentId()).orElseThrow(), p));
    }

    /** The incident's plan as a runbook, as export writes it. */
    @Transactional(readOnly = true)
    public Runbook runbook(String incidentKey) {
        Incident incident = require(incidentKey);
        return reader.runbook(incident, incident.summary().businessImpact());
    }

    /** Opens an incident from a validated runbook, started now, commanded by the caller. */
    @RolesAllowed(Roles.COMMANDER)
    @Transactional
    public IncidentSummary create(String key, Runbook runbook) {
        String user = CurrentUser.require();
        Incident incident = factory.create(key, runbook, user, clock.instant(), user);
        events.publishEvent(new IncidentChanged(key, null));
        return incident.summary();
    }

    @RolesAllowed(Roles.COMMANDER)
    @Transactional
    public IncidentSummary update(String key, String title, Severity severity, String businessImpact, String commander) {
        Problems problems = new Problems();
        problems.check(!title.isBlank() && title.length() <= 200, "title", "give a title of 1 to 200 characters");
        problems.check(businessImpact.length() <= 2000, "businessImpact", "at most 2000 characters");
        problems.check(!commander.isBlank() && commander.length() <= 64, "commander", "name the incident commander");
        problems.throwIfAny();
        Incident incident = require(key);
        incident.edit(title.strip(), severity, businessImpact, commander.strip());
        changed(incident, "incident.update", "Incident details changed: " + severity + ", commander " + commander,
                Map.of("title", title, "severity", severity.name(), "commander", commander));
        return incident.summary();
    }

    @RolesAllowed(Roles.COMMANDER)
    @Transactional
    public IncidentSummary setStatus(String key, IncidentStatus status) {
        Incident incident = require(key);
        IncidentStatus before = incident.status();
        incident.status(status, clock.instant());
        changed(incident, "incident.status", "Status " + before.label().toLowerCase() + " → "
                + status.label().toLowerCase(), Map.of("from", before.name(), "to", status.name()));
        return incident.summary();
    }

    @RolesAllowed(Roles.COMMANDER)
    @Transactional
    public IncidentSummary resolve(String key) {
        return setStatus(key, IncidentStatus.RESOLVED);
    }

    /** Pins this incident as the board's current one (unpinning any other). */
    @RolesAllowed(Roles.COMMANDER)
    @Transactional
    public void pin(String key) {
        Incident incident = require(key);
        incidents.findAll().forEach(i -> i.pinned(false));
        incident.pinned(true);
        changed(incident, "incident.pin", "Pinned as the current incident", Map.of());
    }

    @RolesAllowed(Roles.COMMANDER)
    @Transactional
    public PhaseState editPhase(long phaseId, PhaseEdit edit) {
        Phase phase = phases.findById(phaseId).orElseThrow(() -> new InvalidInputException("phase", "no such phase"));
        edit.validate(teams::exists);
        phase.edit(edit.title().strip(), edit.priority(), edit.ownerTeam(), edit.supportingTeams(),
                edit.windowStartMinutes(), edit.windowEndMinutes(), edit.rollback(), edit.escalation());
        Incident incident = incidents.findById(phase.incidentId()).orElseThrow();
        changed(incident, "phase.edit", "Phase '" + phase.title() + "' edited (owner " + edit.ownerTeam()
                + ", window " + RunbookYaml.offset(edit.windowStartMinutes()) + "–"
                + RunbookYaml.offset(edit.windowEndMinutes()) + ")", Map.of("phase", phase.key()));
        return reader.phase(incident, phase);
    }

    /** Moves a phase between pending, active and blocked; signing off goes through {@link SignOffService}. */
    @RolesAllowed(Roles.COMMANDER)
    @Transactional
    public PhaseState setPhaseStatus(long phaseId, PhaseStatus status) {
        if (status == PhaseStatus.SIGNED_OFF) {
            throw new InvalidInputException("status", "a phase is signed off through the sign-off, not by status");
        }
        Phase phase = phases.findById(phaseId).orElseThrow(() -> new InvalidInputException("phase", "no such phase"));
        if (phase.status() == PhaseStatus.SIGNED_OFF) {
            throw new InvalidInputException("status", "phase '" + phase.title() + "' is signed off already");
        }
        PhaseStatus before = phase.status();
        phase.status(status, CurrentUser.require(), clock.instant());
        Incident incident = incidents.findById(phase.incidentId()).orElseThrow();
        changed(incident, "phase.status", "Phase '" + phase.title() + "' " + before.label().toLowerCase() + " → "
                + status.label().toLowerCase(), Map.of("phase", phase.key(), "from", before.name(), "to", status.name()));
        return reader.phase(incident, phase);
    }

    private void changed(Incident incident, String action, String text, Map<String, ?> details) {
        String user = CurrentUser.require();
        timeline.record(incident, user, action, text, false);
        audit.record(action, incident.key(), details);
        events.publishEvent(new IncidentChanged(incident.key(), null));
    }

    private Incident require(String key) {
        return incidents.findByKey(key).orElseThrow(() -> new InvalidInputException("incident",
                "no incident " + key));
    }
}
