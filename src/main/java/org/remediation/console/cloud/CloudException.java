package org.remediation.console.cloud;

import org.jspecify.annotations.Nullable;

/**
 * A cloud call failed. The kind says what a person can do about it; permission errors name the
 * missing permission and the role that grants it.
 */
public class CloudException extends RuntimeException {

    public enum Kind {
        /** The caller lacks a permission: see {@link #missingPermission()} and {@link #grantingRole()}. */
        PERMISSION_DENIED(false),
        /** The API is not enabled in the project. */
        SERVICE_DISABLED(false),
        NOT_FOUND(false),
        /** The live state changed since the preview (HTTP 409/412): preview again. */
        CONFLICT(false),
        /**
         * The resource is running another operation (Cloud SQL 409 {@code operationInProgress}, a
         * sandbox operation in flight): nothing was sent through; try again when it is idle.
         */
        BUSY(false),
        /** The provider rejected the request's values. */
        INVALID_ARGUMENT(false),
        /** 429 / RESOURCE_EXHAUSTED: nothing was done; reads are retried with backoff, changes later. */
        RATE_LIMITED(true),
        /** 503 / UNAVAILABLE: reads are retried with backoff; for a change the outcome is unknown. */
        UNAVAILABLE(true),
        /** The call timed out; it may or may not have happened. Re-read the resource before retrying. */
        DEADLINE_EXCEEDED(false),
        /** HTTP 500 / gRPC INTERNAL or UNKNOWN: a read may be retried; for a change see OUTCOME_UNKNOWN. */
        INTERNAL_ERROR(true),
        /**
         * A change was sent and the answer does not say whether it was accepted (a timeout, 500, 503):
         * re-read the resource and its running operations before deciding anything.
         */
        OUTCOME_UNKNOWN(false),
        /** The console's Google credentials are missing or incomplete (no ADC, no quota project). */
        CREDENTIALS(false),
        /** The operation ran and ended in error. */
        OPERATION_FAILED(false);

        private final boolean retryable;

        Kind(boolean retryable) {
            this.retryable = retryable;
        }

        /** Whether a read that failed this way may simply be sent again. */
        public boolean retryable() {
            return retryable;
        }
    }

    private final Kind kind;
    private final @Nullable String missingPermission;
    private final @Nullable String grantingRole;

    public CloudException(Kind kind, String message) {
        this(kind, message, null, null, null);
    }

    public CloudException(Kind kind, String message, @Nullable Throwable cause) {
        this(kind, message, null, null, cause);
    }

    public CloudException(Kind kind, String message, @Nullable String missingPermission,
                          @Nullable String grantingRole, @Nullable Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.missingPermission = missingPermission;
        this.grantingRole = grantingRole;
    }

    public static CloudException permissionDenied(String permission, String role) {
        return new CloudException(Kind.PERMISSION_DENIED, "Permission '" + permission
                + "' is missing; grant the role " + role + " to the console's service account.", permission, role, null);
    }

    public Kind kind() {
        return kind;
    }

    public @Nullable String missingPermission() {
        return missingPermission;
    }

    public @Nullable String grantingRole() {
        return grantingRole;
    }
}
