package org.remediation.console.remediation;

import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.remediation.console.cloud.CloudException;
import org.remediation.console.cloud.CloudGateway;
import org.remediation.console.cloud.OperationStatus;
import org.remediation.console.cloud.ResourceState;

/** Cloud reads whose failure only means "not known now": for messages and idle checks, never for decisions to send. */
final class Quietly {

    private Quietly() {
    }

    static @Nullable ResourceState read(CloudGateway gateway, ActionRecord a) {
        try {
            return gateway.read(a.resource());
        } catch (CloudException e) {
            return null;
        }
    }

    /** The operation running on the action's resource; empty when the provider could not be asked. */
    static Optional<Optional<OperationStatus>> running(CloudGateway gateway, ActionRecord a) {
        try {
            return Optional.of(gateway.runningOperation(a.resource()));
        } catch (CloudException e) {
            return Optional.empty();
        }
    }
}
