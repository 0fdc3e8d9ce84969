package org.remediation.console.remediation;

/** Where an action is in its life. */
public enum ActionStatus {
    /** Waits for a second person. */
    AWAITING_APPROVAL,
    /** May be executed (approved, or no approval needed). */
    READY,
    REJECTED,
    /** Taken back by the person who requested it, before it ran. */
    WITHDRAWN,
    /** The approval timed out: preview again. */
    EXPIRED,
    /** The live state changed since the preview: preview again. */
    STALE,
    RUNNING,
    SUCCEEDED,
    FAILED,
    /** Succeeded, then undone by a rollback action. */
    ROLLED_BACK;

    public boolean inFlight() {
        return this == RUNNING;
    }

    public boolean open() {
        return this == AWAITING_APPROVAL || this == READY || this == EXPIRED || this == STALE;
    }
}
