package org.remediation.console.remediation;

/**
 * The action cannot proceed right now, for a reason the person must act on: the resource is busy
 * with another action, the state changed since the preview, the approval expired, or the approver
 * is the requester. The message says what to do.
 */
public class ActionRefusedException extends RuntimeException {

    public ActionRefusedException(String message) {
        super(message);
    }
}
