package org.remediation.console.incident;

import org.remediation.console.base.identity.SignedIn;
import java.util.List;
import org.remediation.console.criteria.CriteriaService;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.remediation.console.audit.AuditService;
import org.remediation.console.base.InvalidInputException;
import org.springframework.context.ApplicationEventPublisher;
import org.remediation.console.base.identity.CurrentUser;
import org.remediation.console.base.identity.Roles;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Drafts Markdown status updates from live data and tells when the next one is due. */
@Service
@SignedIn
public class StatusUpdateService {

    private final IncidentRepository incidents;
    private final PlanReader reader;
    private final SignOffGate gate;
    private final TimelineService timeline;
    private final AuditService audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final IncidentProperties properties;
    private final CriteriaService criteria;

    StatusUpdateService(IncidentRepository incidents, PlanReader reader, SignOffGate gate, TimelineService timeline,
                        AuditService audit, ApplicationEventPublisher events, Clock clock, IncidentProperties properties,
                        CriteriaService criteria) {
        this.criteria = criteria;
        this.incidents = incidents;
        this.reader = reader;
        this.gate = gate;
        this.timeline = timeline;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.properties = properties;
    }

    /** Drafts the update and records that one was drafted now (which resets the reminder). */
    @RolesAllowed({Roles.TEAM_LEAD, Roles.COMMANDER})
    @Transactional
    public String draft(String incidentKey) {
        Incident incident = incidents.findByKey(incidentKey)
                .orElseThrow(() -> new InvalidInputException("incident", "no incident " + incidentKey));
        Instant now = clock.instant();
        String markdown = StatusMarkdown.render(incident.summary(), reader.phases(incident), gate, now)
                + liveMeasurements(incidentKey);
        incident.statusUpdateDrafted(now);
        timeline.record(incident, CurrentUser.require(), "status.update", "Status update drafted", false);
        audit.record("incident.status-update", incidentKey, Map.of("characters", markdown.length()));
        events.publishEvent(new IncidentChanged(incidentKey, null));
        return markdown;
    }

    /** Every measured criterion and KPI with its live value, threshold and state. */
    private String liveMeasurements(String incidentKey) {
        List<String> lines = criteria.statusLines(incidentKey);
        if (lines.isEmpty()) {
            return "";
        }
        StringBuilder md = new StringBuilder("\n### Live measurements\n\n");
        lines.forEach(line -> md.append("- ").append(line).append('\n'));
        return md.toString();
    }

    /** When the next update is due: cadence after the last drafted one, or after the start. */
    public Instant nextDue(IncidentSummary incident) {
        Instant last = incident.lastStatusUpdateAt() == null ? incident.startedAt() : incident.lastStatusUpdateAt();
        return last.plus(properties.statusUpdateCadence());
    }

    public boolean reminderDue(IncidentSummary incident) {
        return incident.status() != IncidentStatus.RESOLVED && !clock.instant().isBefore(nextDue(incident));
    }

    public Duration cadence() {
        return properties.statusUpdateCadence();
    }
}
