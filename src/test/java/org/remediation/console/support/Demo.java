package org.remediation.console.support;

/** The demo password the test configuration gives every demo user. */
public final class Demo {

    public static final String PASSWORD = "Demo-password-2026";

    private Demo() {
    }
}
