package org.remediation.console.security;

import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** What the console shows about a user; never the password hash. */
public record UserSummary(String username, String displayName, boolean enabled, Set<Role> roles,
                          @Nullable Instant lockedUntil) {
}
