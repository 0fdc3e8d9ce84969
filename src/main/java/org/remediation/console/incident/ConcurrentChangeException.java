package org.remediation.console.incident;

/** Someone else changed the same row first; nothing of this change was written. */
public class ConcurrentChangeException extends RuntimeException {

    public ConcurrentChangeException(String message) {
        super(message);
    }
}
