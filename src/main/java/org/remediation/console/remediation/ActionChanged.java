package org.remediation.console.remediation;

import org.remediation.console.base.LiveUpdate;

/** Published (after commit) whenever an action's status or progress changes; views refresh from it. */
public record ActionChanged(long actionId, ActionStatus status, int progress, String message) implements LiveUpdate {
}
