package org.remediation.console.notify;

/** A notification setting that cannot work; the message is one line that names the property. */
public final class NotifyConfigException extends IllegalStateException {

    public NotifyConfigException(String property, String problem) {
        super(property + ": " + problem);
    }
}
