/**
 * The provider-neutral cloud port: read a resource's live state, apply a change, poll the operation.
 * Adapters: {@code cloud.sandbox} (simulated, the embedded default) and {@code cloud.gcp} (Google).
 */
@NullMarked
package org.remediation.console.cloud;

import org.jspecify.annotations.NullMarked;
