package org.remediation.console.audit;

import java.time.Instant;

/** One link of the audit chain. {@code hash} covers every other field, {@code prevHash} included. */
public record AuditEvent(long seq, Instant occurredAt, String actor, String action, String subject,
                         String details, String prevHash, String hash) {

    /** True when the stored hash is the hash of the stored content. */
    public boolean contentMatchesHash() {
        return AuditChain.hash(seq, occurredAt, actor, action, subject, details, prevHash).equals(hash);
    }
}
