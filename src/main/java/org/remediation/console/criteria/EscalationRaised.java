package org.remediation.console.criteria;

import org.remediation.console.base.LiveUpdate;

/** Live update when an escalation fires: every open board shows a banner. */
public record EscalationRaised(EscalationAlert alert) implements LiveUpdate {
}
