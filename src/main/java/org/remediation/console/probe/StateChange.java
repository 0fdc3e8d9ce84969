package org.remediation.console.probe;

import java.time.Instant;

/** A target moved from one state to another, because of the result described in {@code reason}. */
public record StateChange(String targetKey, Instant at, HealthState from, HealthState to, String reason) {
}
