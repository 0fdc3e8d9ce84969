package org.remediation.console.cloud.sandbox;

/** What the sandbox does to an operation that matches an injected fault. */
public enum Fault {
    /** The operation starts, runs to about half-way and ends with an error; nothing is changed. */
    FAIL("fails half-way"),
    /** The operation starts and never finishes (progress stalls). */
    HANG("hangs"),
    /** The change is refused at once with HTTP 429 / RESOURCE_EXHAUSTED. */
    RATE_LIMIT("is rate-limited"),
    /** The change is refused at once: the console's service account lacks the permission. */
    PERMISSION_DENIED("is denied permission");

    private final String effect;

    Fault(String effect) {
        this.effect = effect;
    }

    public String effect() {
        return effect;
    }
}
