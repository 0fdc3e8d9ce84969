package org.remediation.console.incident;

import java.util.Optional;
import org.remediation.console.base.TimelineNote;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends the notes other features raise (probe state changes on probe threads, action steps,
 * criteria) to the named incident's timeline, or the current one when none is named, in the
 * publisher's transaction when it has one.
 */
@Component
class TimelineNotes {

    private final TimelineRepository timeline;
    private final IncidentRepository incidents;
    private final ApplicationEventPublisher events;

    TimelineNotes(TimelineRepository timeline, IncidentRepository incidents, ApplicationEventPublisher events) {
        this.timeline = timeline;
        this.incidents = incidents;
        this.events = events;
    }

    @EventListener
    @Transactional
    public void onNote(TimelineNote note) {
        Optional<Incident> target = note.incidentKey() != null ? incidents.findByKey(note.incidentKey())
                : incidents.findFirstByPinnedTrue();
        target.ifPresent(incident -> {
            String facts = note.facts().isEmpty() ? "" : " (" + String.join(", ", note.facts().entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).toList()) + ")";
            timeline.save(new TimelineEntry(incident.id(), note.at(), note.actor(), note.category(), note.text() + facts,
                    false));
            events.publishEvent(new IncidentChanged(incident.key(), null));
        });
    }
}
