package org.remediation.console.remediation;

/** Published (after commit) whenever an action's status or progress changes; views refresh from it. */
public record ActionChanged(long actionId, ActionStatus status, int progress, String message) {
}
