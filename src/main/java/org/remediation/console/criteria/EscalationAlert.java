package org.remediation.console.criteria;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A fired escalation, open until a COMMANDER acknowledges it. */
public record EscalationAlert(long id, String incidentKey, String phaseKey, String ruleText, String message,
                              Instant firedAt, @Nullable String acknowledgedBy, @Nullable Instant acknowledgedAt) {

    public boolean open() {
        return acknowledgedAt == null;
    }
}
