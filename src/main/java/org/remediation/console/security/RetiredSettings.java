package org.remediation.console.security;

import org.remediation.console.base.SettingException;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Settings whose meaning is gone: refused at start with one line rather than silently ignored. */
@Component
class RetiredSettings {

    RetiredSettings(Environment env) {
        if (env.containsProperty("console.security.lockout")) {
            throw new SettingException("console.security.lockout", "is retired: failed logins no longer lock an account "
                    + "(an outsider could lock anyone out); they slow down instead. Remove it; "
                    + "console.security.max-backoff (default 15m) caps the wait of one source address");
        }
    }
}
