package org.remediation.console.security;

import java.util.Set;

/** What the console shows about a user; never the password hash. */
public record UserSummary(String username, String displayName, boolean enabled, Set<Role> roles, AccountKind kind) {
}
