package org.remediation.console.audit;

import java.time.Instant;

/**
 * Published when the chain's head is anchored outside the database, so that it can be sent further
 * (a webhook in {@code notify}, which depends on this package, not the other way round).
 *
 * @param reason {@code start}, {@code scheduled} or {@code shutdown}
 */
public record AuditAnchored(long seq, String hash, int keyId, Instant at, String reason) {
}
