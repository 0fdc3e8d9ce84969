package org.remediation.console.incident;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.remediation.console.base.HumanTime;
import org.remediation.console.base.TimelineNote;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An incident's timeline: every change in order, plus notes other features raise. */
@Service
public class TimelineService {

    private final TimelineRepository timeline;
    private final IncidentRepository incidents;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TimelineService(TimelineRepository timeline, IncidentRepository incidents, ApplicationEventPublisher events, Clock clock) {
        this.timeline = timeline;
        this.incidents = incidents;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<TimelineItem> entries(String incidentKey) {
        return incidents.findByKey(incidentKey)
                .map(i -> timeline.findByIncidentIdOrderByOccurredAtAscIdAsc(i.id()).stream()
                        .map(TimelineEntry::item).toList())
                .orElse(List.of());
    }

    /** The timeline as a Markdown document, for the post-incident review or the issue tracker. */
    @Transactional(readOnly = true)
    public String markdown(String incidentKey) {
        StringBuilder md = new StringBuilder("# Timeline of ").append(incidentKey).append("\n\n");
        md.append("| When | Who | What | |\n|---|---|---|---|\n");
        for (TimelineItem item : entries(incidentKey)) {
            md.append("| ").append(HumanTime.timestamp(item.at())).append(" | ").append(cell(item.actor())).append(" | ")
                    .append(item.loud() ? "**" + cell(item.text()) + "**" : cell(item.text())).append(" | ")
                    .append(item.category()).append(" |\n");
        }
        return md.toString();
    }

    /** Notes from other features go onto the named incident, or the current one when none is named. */
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

    /** Appends within the caller's transaction. */
    void record(Incident incident, String actor, String category, String text, boolean loud) {
        timeline.save(new TimelineEntry(incident.id(), clock.instant(), actor, category, text, loud));
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
