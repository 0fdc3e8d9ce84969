package org.remediation.console.criteria;

import org.remediation.console.base.LiveUpdate;

/** Live update when a COMMANDER acknowledges an escalation: boards drop the banner. */
public record EscalationAcknowledged(EscalationAlert alert) implements LiveUpdate {
}
