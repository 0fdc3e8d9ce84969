package org.remediation.console.criteria;

import java.time.Instant;

/** A stored escalation rule of a phase (empty {@code phaseKey}: incident-level). */
public record EscalationRuleView(long id, String incidentKey, String phaseKey, String text, String createdBy,
                                 Instant createdAt) {
}
