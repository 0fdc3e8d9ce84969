package org.remediation.console.incident;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A phase's success criterion; met/not met is manual until the criteria feature binds it to probes. */
@Entity
@Table(name = "incident_criterion")
class Criterion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;
    private long phaseId;
    private int sortOrder;
    @Column(name = "criterion_key")
    private String key = "";
    private String description = "";
    private @Nullable String probeHint;
    private @Nullable String measure;
    private boolean met;
    private @Nullable String evidence;
    private @Nullable String setBy;
    private @Nullable Instant setAt;
    @Version
    private long version;

    protected Criterion() {
    }

    Criterion(long phaseId, int sortOrder, Runbook.Criterion c) {
        this.phaseId = phaseId;
        this.sortOrder = sortOrder;
        this.key = c.key();
        this.description = c.text();
        this.probeHint = c.probe();
        this.measure = c.measure();
    }

    long id() { return java.util.Objects.requireNonNull(id); }
    long phaseId() { return phaseId; }
    long version() { return version; }
    String key() { return key; }

    void assess(boolean value, @Nullable String newEvidence, String by, Instant at) {
        met = value;
        evidence = newEvidence;
        setBy = by;
        setAt = at;
    }

    Runbook.Criterion definition() {
        return new Runbook.Criterion(key, description, probeHint, measure);
    }

    CriterionState state() {
        return new CriterionState(id(), phaseId, key, description, probeHint, met, evidence, setBy, setAt, version,
                measure);
    }
}
