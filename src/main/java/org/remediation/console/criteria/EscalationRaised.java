package org.remediation.console.criteria;

/** Published on LiveEvents when an escalation fires: every open board shows a banner. */
public record EscalationRaised(EscalationAlert alert) {
}
