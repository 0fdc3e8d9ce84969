package org.remediation.console.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.remediation.console.security.Role;
import org.remediation.console.support.Demo;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Scenario 1: each demo role signs in through the real login form and sees what its role allows. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "console.live.ui-delivery=async")
class LoginBrowserIT {

    @LocalServerPort
    int port;

    @BeforeAll
    static void needsChromium() {
        Browser.assumeInstalled();
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void eachDemoRoleSeesItsNavigation(Role role) throws Exception {
        String username = role == Role.TEAM_LEAD ? "lead" : role.name().toLowerCase();
        try (Browser browser = new Browser(port)) {
            browser.login(username, Demo.PASSWORD);
            List<String> expected = org.remediation.console.base.ui.NavigationExpectationsAccess.forRole(role);
            assertThat(browser.navigationTitles()).containsExactlyElementsOf(expected);
            assertThat(browser.driver().findElement(By.cssSelector(".user-roles")).getText()).contains(role.name());
        }
    }

    @Test
    void aWrongPasswordShowsTheErrorAndStaysOnLogin() throws Exception {
        try (Browser browser = new Browser(port)) {
            browser.open("/login");
            browser.waitFor(By.cssSelector("vaadin-login-form input[name='username']")).sendKeys("viewer");
            browser.driver().findElement(By.cssSelector("vaadin-login-form input[name='password']")).sendKeys("nope-123");
            browser.driver().findElement(By.cssSelector("vaadin-login-form vaadin-button[slot='submit']")).click();
            new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(10))
                    .until(d -> d.getCurrentUrl().contains("error"));
            assertThat(browser.driver().getCurrentUrl()).contains("/login");
        }
    }
}
