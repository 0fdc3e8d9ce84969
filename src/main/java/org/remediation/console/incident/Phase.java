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
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

@Entity
@Table(name = "incident_phase")
class Phase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;
    private long incidentId;
    private int sortOrder;
    @Column(name = "phase_key")
    private String key = "";
    private String title = "";
    @Enumerated(EnumType.STRING)
    private Severity priority = Severity.P0;
    private String ownerTeam = "";
    private String supportingTeams = "";
    @Column(name = "window_start_min")
    private int windowStart;
    @Column(name = "window_end_min")
    private int windowEnd;
    private String dependsOn = "";
    private String rollbackText = "";
    private String escalationText = "";
    private String validationText = "[]";
    @Enumerated(EnumType.STRING)
    private PhaseStatus status = PhaseStatus.PENDING;
    private @Nullable String statusBy;
    private @Nullable Instant statusAt;
    @Version
    private long version;

    protected Phase() {
    }

    Phase(long incidentId, int sortOrder, Runbook.Phase p, String validationJson) {
        this.incidentId = incidentId;
        this.sortOrder = sortOrder;
        this.key = p.key();
        this.validationText = validationJson;
        edit(p.title(), p.priority(), p.ownerTeam(), p.supportingTeams(), p.windowStartMinutes(),
                p.windowEndMinutes(), p.rollback(), p.escalation());
        this.dependsOn = String.join(",", p.dependsOn());
    }

    void edit(String newTitle, Severity newPriority, String owner, List<String> supporting, int start, int end,
              String rollback, String escalation) {
        title = newTitle;
        priority = newPriority;
        ownerTeam = owner;
        supportingTeams = String.join(",", supporting);
        windowStart = start;
        windowEnd = end;
        rollbackText = rollback;
        escalationText = escalation;
    }

    void status(PhaseStatus newStatus, String by, Instant at) {
        status = newStatus;
        statusBy = by;
        statusAt = at;
    }

    long id() { return java.util.Objects.requireNonNull(id); }
    long incidentId() { return incidentId; }
    int sortOrder() { return sortOrder; }
    String key() { return key; }
    String title() { return title; }
    Severity priority() { return priority; }
    String ownerTeam() { return ownerTeam; }
    List<String> supportingTeams() { return split(supportingTeams); }
    int windowStart() { return windowStart; }
    int windowEnd() { return windowEnd; }
    List<String> dependsOn() { return split(dependsOn); }
    String rollbackText() { return rollbackText; }
    String escalationText() { return escalationText; }
    String validationText() { return validationText; }
    PhaseStatus status() { return status; }
    @Nullable String statusBy() { return statusBy; }
    @Nullable Instant statusAt() { return statusAt; }

    private static List<String> split(String csv) {
        return csv.isEmpty() ? List.of() : Arrays.asList(csv.split(","));
    }
}
