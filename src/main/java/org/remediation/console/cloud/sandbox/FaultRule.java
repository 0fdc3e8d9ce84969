package org.remediation.console.cloud.sandbox;

import java.time.Instant;

/**
 * An injected fault. {@code target} is a resource ({@code KIND/location/name}) or an operation kind
 * such as {@code connector.update} (see {@link SandboxAdminService#operationKinds()}).
 */
public record FaultRule(String target, Fault fault, String setBy, Instant setAt) {
}
