package org.remediation.console.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Narrows the audit trail; blank or null parts match everything. Text parts match a prefix. */
public record AuditFilter(@Nullable String actor, @Nullable String action, @Nullable String subject,
                          @Nullable Instant from, @Nullable Instant to) {

    public static AuditFilter all() {
        return new AuditFilter(null, null, null, null, null);
    }
}
