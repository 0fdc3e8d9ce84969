package org.remediation.console.security;

import org.remediation.console.base.cluster.ClusterEvent;

/**
 * A user lost access (disabled, a role removed, password reset): their open sessions must end, on every
 * console (a cluster event: {@link OpenSessions} listens on each node).
 */
record AccessRevoked(String username, String why) implements ClusterEvent {
}
