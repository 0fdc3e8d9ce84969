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
    @EnumSource(value = Role.class, names = {"METRICS", "REPORTER"}, mode = EnumSource.Mode.EXCLUDE) // service accounts: no sign-in
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

    @org.springframework.beans.factory.annotation.Autowired
    org.remediation.console.security.UserAdminService admin;

    /**
     * Issue 16, item 4: disabling a user ends their open pages at once. Two browsers of the same user sit on
     * the board, untouched; the administrator disables the account; both go to the sign-in page by push,
     * saying why, without anyone clicking.
     */
    @Test
    void disablingAUserSendsTheirOpenPagesToTheSignInPageWithinSeconds() throws Exception {
        String user = "ended-" + java.util.concurrent.ThreadLocalRandom.current().nextInt(100_000, 999_999);
        String password = "Correct-horse-battery-7";
        org.remediation.console.support.As.user("admin", Role.ADMIN, () -> admin.createUser(user, "Soon Ended", password,
                java.util.Set.of(Role.RESPONDER)));
        try (Browser laptop = new Browser(port); Browser phone = new Browser(port)) {
            laptop.login(user, password);
            phone.login(user, password);
            laptop.open("/");
            phone.open("/probes/backend-health"); // a nested route: the sign-in page must still be the app's
            laptop.waitForVaadin();
            phone.waitForVaadin();
            org.remediation.console.support.As.user("admin", Role.ADMIN, () -> admin.setEnabled(user, false));
            for (Browser b : List.of(laptop, phone)) {
                new org.openqa.selenium.support.ui.WebDriverWait(b.driver(), java.time.Duration.ofSeconds(10))
                        .until(d -> d.getCurrentUrl().endsWith(":" + port + "/login?ended"));
                assertThat(b.waitFor(By.id("session-ended")).getText()).contains("access changed");
            }
            laptop.open("/");
            new org.openqa.selenium.support.ui.WebDriverWait(laptop.driver(), java.time.Duration.ofSeconds(10))
                    .until(d -> d.getCurrentUrl().contains("/login"));
        }
    }
}
