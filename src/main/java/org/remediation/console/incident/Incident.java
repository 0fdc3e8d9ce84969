package org.remediation.console.incident;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

@Entity
@Table(name = "incident")
class Incident {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;
    @Column(name = "incident_key")
    private String key = "";
    private String title = "";
    @Enumerated(EnumType.STRING)
    private Severity severity = Severity.P0;
    @Enumerated(EnumType.STRING)
    private IncidentStatus status = IncidentStatus.INVESTIGATING;
    private String businessImpact = "";
    private String commander = "";
    private Instant startedAt = Instant.EPOCH;
    private @Nullable Instant resolvedAt;
    private boolean pinned;
    private @Nullable Instant lastStatusUpdateAt;
    @Version
    private long version;

    protected Incident() {
    }

    Incident(String key, String title, Severity severity, String businessImpact, String commander, Instant startedAt) {
        this.key = key;
        this.title = title;
        this.severity = severity;
        this.businessImpact = businessImpact;
        this.commander = commander;
        this.startedAt = startedAt;
    }

    long id() { return java.util.Objects.requireNonNull(id); }
    String key() { return key; }
    String title() { return title; }
    Severity severity() { return severity; }
    IncidentStatus status() { return status; }
    boolean pinned() { return pinned; }
    Instant startedAt() { return startedAt; }

    void edit(String newTitle, Severity newSeverity, String newImpact, String newCommander) {
        title = newTitle;
        severity = newSeverity;
        businessImpact = newImpact;
        commander = newCommander;
    }

    void status(IncidentStatus newStatus, Instant at) {
        status = newStatus;
        resolvedAt = newStatus == IncidentStatus.RESOLVED ? at : null;
    }

    void pinned(boolean value) { pinned = value; }
    void statusUpdateDrafted(Instant at) { lastStatusUpdateAt = at; }

    IncidentSummary summary() {
        return new IncidentSummary(id(), key, title, severity, status, businessImpact, commander, startedAt,
                resolvedAt, pinned, lastStatusUpdateAt);
    }
}
