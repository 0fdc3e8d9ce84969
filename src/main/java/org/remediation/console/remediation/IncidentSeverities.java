package org.remediation.console.remediation;

import java.util.Comparator;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.remediation.console.base.InvalidInputException;
import org.remediation.console.incident.ChecklistService;
import org.remediation.console.incident.IncidentService;
import org.remediation.console.incident.IncidentStatus;
import org.remediation.console.incident.IncidentSummary;
import org.springframework.stereotype.Component;

/**
 * The incident an action is for and the severity its approval rule uses. A task's incident, or an
 * incident the request names, gives its own severity, whatever the form says. An action linked to
 * nothing takes the most severe open incident's: during an open P0 one operator cannot request and
 * run a change alone by leaving the link out (issue 16, item 5). A requester may raise that
 * severity, never lower it.
 */
@Component
class IncidentSeverities {

    private final ChecklistService checklist;
    private final IncidentService incidents;

    IncidentSeverities(ChecklistService checklist, IncidentService incidents) {
        this.checklist = checklist;
        this.incidents = incidents;
    }

    /**
     * The incident a draft is linked to (null when none), the severity that applies (null when none)
     * and why, in words for the approval reasons.
     */
    record Link(@Nullable String incidentKey, @Nullable String severity, String why) {
    }

    Link link(ActionDraft draft) {
        if (draft.taskId() != null && !draft.taskId().isBlank()) {
            long id;
            try {
                id = Long.parseLong(draft.taskId().strip());
            } catch (NumberFormatException e) {
                throw new InvalidInputException("taskId", "'" + draft.taskId() + "' is not a task id (a number).");
            }
            IncidentSummary incident = checklist.task(id).flatMap(t -> incidents.phase(t.phaseId()))
                    .flatMap(p -> incidents.find(p.incidentKey())).orElseThrow(() ->
                            new InvalidInputException("taskId", "There is no incident task " + id + "."));
            if (draft.incidentKey() != null && !draft.incidentKey().isBlank() && !draft.incidentKey().strip().equals(incident.key())) {
                throw new InvalidInputException("incidentKey", "Task " + id + " belongs to " + incident.key() + ", not to "
                        + draft.incidentKey().strip() + ".");
            }
            return of(incident);
        }
        if (draft.incidentKey() != null && !draft.incidentKey().isBlank()) {
            String key = draft.incidentKey().strip();
            return of(incidents.find(key).orElseThrow(() -> new InvalidInputException("incidentKey", "There is no incident " + key + ".")));
        }
        Optional<IncidentSummary> worst = incidents.list().stream().filter(i -> i.status() != IncidentStatus.RESOLVED)
                .min(Comparator.comparing(IncidentSummary::severity));
        String asked = draft.incidentSeverity() != null && ActionRequests.SEVERITIES.contains(draft.incidentSeverity())
                ? draft.incidentSeverity() : null;
        if (worst.isPresent() && (asked == null || worst.get().severity().name().compareTo(asked) <= 0)) {
            IncidentSummary i = worst.get();
            return new Link(null, i.severity().name(), i.key() + " is open at " + i.severity() + " (an action linked to no "
                    + "incident takes the most severe open one's severity)");
        }
        return new Link(null, asked, asked == null ? "no incident is open" : "the request says " + asked);
    }

    private static Link of(IncidentSummary incident) {
        return new Link(incident.key(), incident.severity().name(), incident.key() + " is " + incident.severity());
    }
}
