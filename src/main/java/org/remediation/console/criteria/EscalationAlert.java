package org.remediation.console.criteria;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A fired escalation. {@code message} is what it said when it fired; {@code currentMessage} what its
 * condition says at the last check ({@code checkedAt}); {@code resolvedAt} when the condition ended.
 * Shown on boards until its condition ends or a COMMANDER acknowledges it.
 */
public record EscalationAlert(long id, String incidentKey, String phaseKey, String ruleText, String message,
                              Instant firedAt, @Nullable String acknowledgedBy, @Nullable Instant acknowledgedAt,
                              String currentMessage, Instant checkedAt, @Nullable Instant resolvedAt) {

    /** Fired at {@code firedAt}, not yet checked again. */
    public EscalationAlert(long id, String incidentKey, String phaseKey, String ruleText, String message, Instant firedAt) {
        this(id, incidentKey, phaseKey, ruleText, message, firedAt, null, null, message, firedAt, null);
    }

    /** Neither acknowledged nor resolved: its condition still held at the last check. */
    public boolean open() {
        return acknowledgedAt == null && resolvedAt == null;
    }

    public boolean resolved() {
        return resolvedAt != null;
    }
}
