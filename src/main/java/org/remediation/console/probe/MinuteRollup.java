package org.remediation.console.probe;

import java.time.Instant;

/** One target's results in one minute: count, failures and latency figures in milliseconds. */
public record MinuteRollup(String targetKey, Instant minute, int samples, int failures, double minMs, double maxMs,
                           double p50Ms, double p95Ms, double p99Ms) {
}
