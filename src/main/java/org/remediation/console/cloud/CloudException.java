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
        /** The provider rejected the request's values. */
        INVALID_ARGUMENT(false),
        /** 429 / RESOURCE_EXHAUSTED: retried with backoff. */
        RATE_LIMITED(true),
        /** 503 / UNAVAILABLE: retried with backoff. */
        UNAVAILABLE(true),
        /** The call timed out; it may or may not have happened. Re-read the resource before retrying. */
        DEADLINE_EXCEEDED(false),
        /** The operation ran and ended in error. */
        OPERATION_FAILED(false);

        private final boolean retryable;

        Kind(boolean retryable) {
            this.retryable = retryable;
        }

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
