package org.remediation.console.remediation;

/**
 * Refused because of who asks, not because of the action's state: the requester may not approve their
 * own request (four eyes), whichever way they are signed in (browser or any of their API tokens).
 * Its own type lets the REST API answer 403 rather than 409.
 */
public class SecondPersonRequiredException extends ActionRefusedException {

    public SecondPersonRequiredException(String message) {
        super(message);
    }
}
