package org.remediation.console.security;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** A sign-in refused before its password was looked at (see {@link LoginThrottle}); says how long to wait. */
public final class LoginThrottled extends AuthenticationException {

    LoginThrottled(Duration wait) {
        super("Too many failed sign-ins from here or for this account: wait " + Math.max(1, wait.toSeconds())
                + " s and try again. No account is locked.");
    }
}
