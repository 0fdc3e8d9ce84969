package org.remediation.console.audit;

import java.time.Instant;

/**
 * One link of the audit chain. {@code hash} covers every other field but {@code keyId}, {@code prevHash}
 * included; {@code keyId} names the key that made it (0: plain SHA-256, written before keys existed).
 */
public record AuditEvent(long seq, Instant occurredAt, String actor, String action, String subject,
                         String details, String prevHash, String hash, int keyId) {
}
