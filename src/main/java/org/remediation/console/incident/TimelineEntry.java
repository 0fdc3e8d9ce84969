package org.remediation.console.incident;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

@Entity
@Table(name = "incident_timeline")
class TimelineEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;
    private long incidentId;
    private Instant occurredAt = Instant.EPOCH;
    private String actor = "";
    private String category = "";
    private String message = "";
    /** Overrides and other things a commander must not miss. */
    private boolean loud;

    protected TimelineEntry() {
    }

    TimelineEntry(long incidentId, Instant occurredAt, String actor, String category, String message, boolean loud) {
        this.incidentId = incidentId;
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.category = category;
        this.message = message.length() > 2000 ? message.substring(0, 2000) : message;
        this.loud = loud;
    }

    TimelineItem item() {
        return new TimelineItem(occurredAt, actor, category, message, loud);
    }
}
