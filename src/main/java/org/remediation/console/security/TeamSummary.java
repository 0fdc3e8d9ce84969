package org.remediation.console.security;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/** A team as the console shows it: its name, its lead and its members' usernames. */
public record TeamSummary(String name, @Nullable String lead, Set<String> members) {
}
