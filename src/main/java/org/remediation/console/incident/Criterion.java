package org.remediation.console.incident;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * A phase's success criterion as the plan defines it (what export writes back). Its state — met or
 * not, value, evidence, who confirmed it — lives in the criteria feature only.
 */
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

    String key() { return key; }

    Runbook.Criterion definition() {
        return new Runbook.Criterion(key, description, probeHint, measure);
    }
}
