package org.remediation.console.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.remediation.console.ConsoleApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** A whole start with local accounts off and no single sign-on: refused, with one line that says why. */
@ExtendWith(OutputCaptureExtension.class)
class SsoStartTest {

    @Test
    void localAccountsOffWithoutSingleSignOnRefusesTheStartWithOneLine(CapturedOutput output) {
        assertThatThrownBy(() -> new SpringApplicationBuilder(ConsoleApplication.class).run(
                "--spring.datasource.url=jdbc:h2:mem:sso-start-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE",
                "--server.port=0", "--spring.profiles.active=default", "--console.sso.local-accounts=false"))
                .hasRootCauseInstanceOf(org.remediation.console.base.SettingException.class);
        String description = output.getAll().substring(output.getAll().indexOf("Description:"));
        assertThat(description.lines().skip(2).findFirst().orElseThrow())
                .startsWith("console.sso.local-accounts: local accounts are off but single sign-on is not on");
    }
}
