/**
 * The sandbox cloud: a simulated Google Cloud holding the #1278 topology, exposed to the rest of the
 * console only as a {@link org.remediation.console.cloud.CloudGateway} bean, its admin service for
 * failure injection ({@link org.remediation.console.cloud.sandbox.SandboxAdminService}) and simulated
 * service endpoints under {@code /sandbox/**}. Nothing outside this package depends on its internals.
 */
@NullMarked
package org.remediation.console.cloud.sandbox;

import org.jspecify.annotations.NullMarked;
