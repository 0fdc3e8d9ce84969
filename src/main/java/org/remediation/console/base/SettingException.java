package org.remediation.console.base;

/** A setting that cannot work: start is refused with one line that names the property and the fix. */
public class SettingException extends IllegalStateException {

    public SettingException(String property, String problem) {
        super(property + ": " + problem);
    }
}
