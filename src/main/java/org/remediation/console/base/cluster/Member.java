package org.remediation.console.base.cluster;

import java.time.Duration;
import java.time.Instant;

/** A console process that renewed its membership within the lease time. */
public record Member(String nodeId, String address, Instant startedAt, Duration heartbeatAge) {
}
