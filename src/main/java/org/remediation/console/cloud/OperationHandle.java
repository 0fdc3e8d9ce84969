package org.remediation.console.cloud;

import java.time.Instant;

/** A long-running operation started by {@link CloudGateway#apply}; persisted so it survives restarts. */
public record OperationHandle(String id, ResourceRef ref, Instant startedAt) {
}
