package org.remediation.console.incident;

import org.remediation.console.base.identity.SignedIn;
import java.time.Clock;
import java.util.List;
import org.remediation.console.base.HumanTime;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An incident's timeline: every change in order, plus notes other features raise. */
@Service
@SignedIn
public class TimelineService {

    private final TimelineRepository timeline;
    private final IncidentRepository incidents;
    private final Clock clock;

    TimelineService(TimelineRepository timeline, IncidentRepository incidents, Clock clock) {
        this.timeline = timeline;
        this.incidents = incidents;
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

    /** Appends within the caller's transaction. */
    void record(Incident incident, String actor, String category, String text, boolean loud) {
        timeline.save(new TimelineEntry(incident.id(), clock.instant(), actor, category, text, loud));
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
