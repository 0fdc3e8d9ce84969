package org.remediation.console.security;

import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** What the console shows about a token: never the token itself, which is shown once at creation. */
public record ApiTokenSummary(long id, String owner, String name, String prefix, Set<Role> roles, Instant createdAt,
                              String createdBy, Instant expiresAt, @Nullable Instant lastUsedAt,
                              @Nullable Instant revokedAt, @Nullable String revokedBy, @Nullable String revokeReason,
                              boolean active) {
}
