package org.remediation.console.criteria;

import org.remediation.console.base.LiveUpdate;

/** Live update when a fired escalation's condition ended or its current state changed: boards redraw the banner. */
public record EscalationResolved(EscalationAlert alert) implements LiveUpdate {
}
