package org.remediation.console.remediation;

import java.time.Instant;

/** One entry of an action's trail (requested, previewed, approved, started, progress, succeeded, …). */
public record ActionStep(long actionId, Instant at, String actor, String step, String message) {
}
