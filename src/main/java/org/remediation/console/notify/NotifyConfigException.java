package org.remediation.console.notify;

import org.remediation.console.base.SettingException;

/** A notification setting that cannot work; the message is one line that names the property. */
public final class NotifyConfigException extends SettingException {

    public NotifyConfigException(String property, String problem) {
        super(property, problem);
    }
}
