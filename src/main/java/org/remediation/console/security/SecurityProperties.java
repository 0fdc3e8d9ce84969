package org.remediation.console.security;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Login protection and the initial administrator.
 *
 * @param maxFailedLogins failed logins (per source address, per account) before each further attempt
 *     must wait, 1 s doubling; no account is ever locked (see {@link LoginThrottle})
 * @param maxBackoff the longest wait of one source address (an account's is at most a minute)
 * @param adminUsername initial admin created at start when no enabled admin exists (env
 *     {@code CONSOLE_ADMIN_USERNAME}); required under the {@code postgres} profile on first start
 * @param adminPassword password of that initial admin (env {@code CONSOLE_ADMIN_PASSWORD})
 */
@ConfigurationProperties("console.security")
public record SecurityProperties(@DefaultValue("5") int maxFailedLogins,
                                 @DefaultValue("15m") Duration maxBackoff,
                                 @Nullable String adminUsername,
                                 @Nullable String adminPassword) {
}
