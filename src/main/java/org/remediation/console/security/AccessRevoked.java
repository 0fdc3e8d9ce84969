package org.remediation.console.security;

/** A user lost access (disabled, a role removed, password reset): their open sessions must end. */
record AccessRevoked(String username, String why) {
}
