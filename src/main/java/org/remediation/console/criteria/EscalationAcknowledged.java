package org.remediation.console.criteria;

/** Published on LiveEvents when a COMMANDER acknowledges an escalation: boards drop the banner. */
public record EscalationAcknowledged(EscalationAlert alert) {
}
