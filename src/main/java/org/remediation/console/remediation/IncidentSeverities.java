package org.remediation.console.remediation;

import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.remediation.console.base.InvalidInputException;
import org.remediation.console.incident.ChecklistService;
import org.remediation.console.incident.IncidentService;
import org.remediation.console.incident.IncidentSummary;
import org.springframework.stereotype.Component;

/**
 * Links a draft to its task's incident: the incident's key (its steps go to that timeline) and the
 * severity the approval policy must use — the incident's own, whatever the request form says, so a
 * requester cannot talk a P0 action down to needing no second person. Unlinked actions keep the
 * severity the requester gave.
 */
@Component
class IncidentSeverities {

    private final ChecklistService checklist;
    private final IncidentService incidents;

    IncidentSeverities(ChecklistService checklist, IncidentService incidents) {
        this.checklist = checklist;
        this.incidents = incidents;
    }

    /** The incident a draft's task belongs to (null when unlinked) and the severity that applies. */
    record Link(@Nullable String incidentKey, @Nullable String severity) {
    }

    Link link(ActionDraft draft) {
        if (draft.taskId() != null && !draft.taskId().isBlank()) {
            long id;
            try {
                id = Long.parseLong(draft.taskId().strip());
            } catch (NumberFormatException e) {
                throw new InvalidInputException("taskId", "'" + draft.taskId() + "' is not a task id (a number).");
            }
            Optional<IncidentSummary> incident = checklist.task(id).flatMap(t -> incidents.phase(t.phaseId()))
                    .flatMap(p -> incidents.find(p.incidentKey()));
            return incident.map(i -> new Link(i.key(), i.severity().name())).orElseThrow(() ->
                    new InvalidInputException("taskId", "There is no incident task " + id + "."));
        }
        return new Link(null, draft.incidentSeverity());
    }
}
