package org.remediation.console.cloud;

import org.jspecify.annotations.Nullable;

/**
 * Where an operation is. {@code progressPercent} is the provider's estimate (0–100). When
 * {@code done} and {@code error} is set, the operation failed with the provider's message.
 */
public record OperationStatus(String id, boolean done, int progressPercent, String message,
                              @Nullable String error) {

    public boolean succeeded() {
        return done && error == null;
    }

    public boolean failed() {
        return done && error != null;
    }
}
