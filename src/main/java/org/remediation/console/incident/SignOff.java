package org.remediation.console.incident;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Who signed a phase off, when, whether the gate was overridden, and the evidence at that moment. */
@Entity
@Table(name = "incident_signoff")
class SignOff {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;
    private long phaseId;
    private String signedBy = "";
    private Instant signedAt = Instant.EPOCH;
    @Column(name = "override_used")
    private boolean override;
    private @Nullable String overrideReason;
    private String snapshotJson = "{}";

    protected SignOff() {
    }

    SignOff(long phaseId, String signedBy, Instant signedAt, boolean override, @Nullable String overrideReason,
            String snapshotJson) {
        this.phaseId = phaseId;
        this.signedBy = signedBy;
        this.signedAt = signedAt;
        this.override = override;
        this.overrideReason = overrideReason;
        this.snapshotJson = snapshotJson;
    }

    long phaseId() { return phaseId; }

    SignOffRecord record() {
        return new SignOffRecord(java.util.Objects.requireNonNull(id), phaseId, signedBy, signedAt, override,
                overrideReason, snapshotJson);
    }
}
