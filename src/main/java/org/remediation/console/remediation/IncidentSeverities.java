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
            return of(incident, draft);
        }
        if (draft.incidentKey() != null && !draft.incidentKey().isBlank()) {
            String key = draft.incidentKey().strip();
            return of(incidents.find(key).orElseThrow(() -> new InvalidInputException("incidentKey", "There is no incident " + key + ".")),
                    draft);
        }
        return unlinked(null, asked(draft));
    }

    private static @Nullable String asked(ActionDraft draft) {
        return draft.incidentSeverity() != null && ActionRequests.SEVERITIES.contains(draft.incidentSeverity())
                ? draft.incidentSeverity() : null;
    }

    /**
     * An open incident's own severity; a resolved one lowers nothing: naming it (or a task of it) during an
     * open P0 gets the most severe open incident's rule, though the action stays on the named incident's timeline.
     */
    private Link of(IncidentSummary incident, ActionDraft draft) {
        if (incident.status() == IncidentStatus.RESOLVED) {
            Link rule = unlinked(incident.key(), asked(draft) == null || incident.severity().name().compareTo(asked(draft)) < 0
                    ? incident.severity().name() : asked(draft));
            return new Link(incident.key(), rule.severity(), rule.why());
        }
        return new Link(incident.key(), incident.severity().name(), incident.key() + " is " + incident.severity());
    }

    private Link unlinked(@Nullable String resolvedKey, @Nullable String asked) {
        Optional<IncidentSummary> worst = incidents.list().stream().filter(i -> i.status() != IncidentStatus.RESOLVED)
                .min(Comparator.comparing(IncidentSummary::severity));
        String linkedTo = resolvedKey == null ? "an action linked to no incident" : "an action on resolved " + resolvedKey;
        if (worst.isPresent() && (asked == null || worst.get().severity().name().compareTo(asked) <= 0)) {
            IncidentSummary i = worst.get();
            return new Link(null, i.severity().name(), i.key() + " is open at " + i.severity() + " (" + linkedTo
                    + " takes the most severe open incident's severity)");
        }
        return new Link(null, asked, asked == null ? "no incident is open" : (resolvedKey == null ? "the request says "
                : resolvedKey + " was ") + asked);
    }
}
