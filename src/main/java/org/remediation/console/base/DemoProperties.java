package org.remediation.console.base;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Demo data on the embedded default.
 *
 * @param enabled whether first start creates demo users (one per role), the #1278 plan and sandbox
 *     data; true on the embedded default, false under the {@code postgres} profile
 * @param password one password for every demo user; when unset each demo user gets a random
 *     password that is printed once to the log
 */
@ConfigurationProperties("console.demo")
public record DemoProperties(boolean enabled, @Nullable String password) {
}
