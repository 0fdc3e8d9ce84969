package org.remediation.console.probe;

/** What one probe run found. TIMEOUT and ERROR count as failures, like DOWN. */
public enum Outcome {
    /** Healthy and within any latency threshold. */
    UP,
    /** Answered correctly but too slowly (or a certificate close to expiry). */
    DEGRADED,
    /** Answered wrongly or refused (bad status, refused connection, NXDOMAIN, expired certificate). */
    DOWN,
    /** No answer within the target's timeout. */
    TIMEOUT,
    /** The probe itself could not run (bad settings at run time, missing secret, unexpected exception). */
    ERROR;

    private static final Outcome[] BY_ORDINAL = values(); // values() copies the array on every call

    /** The outcome stored as {@code ordinal} (memory keeps outcomes as bytes). */
    static Outcome of(int ordinal) {
        return BY_ORDINAL[ordinal];
    }

    public boolean isFailure() {
        return this == DOWN || this == TIMEOUT || this == ERROR;
    }
}
