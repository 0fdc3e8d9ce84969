package org.remediation.console.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.remediation.console.base.SettingException;
import org.springframework.mock.env.MockEnvironment;

/** A setting whose meaning is gone stops the start with one line, instead of silently doing nothing. */
class RetiredSettingsTest {

    @Test
    void theRetiredLockoutSettingIsRefusedWithWhatToDoInstead() {
        assertThatThrownBy(() -> new RetiredSettings(new MockEnvironment().withProperty("console.security.lockout", "15m")))
                .isInstanceOf(SettingException.class)
                .hasMessageContaining("console.security.lockout").hasMessageContaining("console.security.max-backoff")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void withoutItTheStartGoesOn() {
        new RetiredSettings(new MockEnvironment().withProperty("console.security.max-failed-logins", "5"));
    }
}
