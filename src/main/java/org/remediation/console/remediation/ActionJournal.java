package org.remediation.console.remediation;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.remediation.console.audit.AuditService;
import org.remediation.console.base.TimelineNote;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Writes every step of an action to its trail, the audit log (same transaction), the incident
 * timeline and the live event bus, so all four always agree.
 */
@Component
class ActionJournal {

    private final ActionStore store;
    private final AuditService audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ActionJournal(ActionStore store, AuditService audit, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** Records one step; {@code before}/{@code after} are the resource states it concerns, when known. */
    void step(ActionRecord action, String actor, String step, String message, @Nullable Map<String, String> before,
              @Nullable Map<String, String> after) {
        store.addStep(new ActionStep(action.id(), clock.instant(), actor, step, message));
        Map<String, Object> details = new TreeMap<>();
        details.put("kind", action.kind().spec());
        details.put("resource", action.resource().toString());
        details.put("message", message);
        if (action.taskId() != null) {
            details.put("taskId", action.taskId());
        }
        if (before != null) {
            details.put("before", before);
        }
        if (after != null) {
            details.put("after", after);
        }
        audit.append(actor, "action." + step, "action:" + action.id(), details);
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("action", "#" + action.id());
        facts.put("resource", action.resource().toString());
        facts.put("by", actor);
        if (action.taskId() != null) {
            facts.put("task", action.taskId());
        }
        events.publishEvent(new TimelineNote(clock.instant(), actor, "action." + step,
                "Action " + action.title() + ": " + message, action.incidentKey(), facts));
    }

    void changed(long id, ActionStatus status, int progress, String message) {
        events.publishEvent(new ActionChanged(id, status, progress, message));
    }
}
