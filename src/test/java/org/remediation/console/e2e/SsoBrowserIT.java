package org.remediation.console.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.remediation.console.support.OidcProvider;
import org.remediation.console.support.SsoConsoleTest;

/**
 * Single sign-on in real Chromium against the real provider: the console sends a visitor to the provider's
 * sign-in page, the person signs in there and lands on the board with the role their group maps to, and
 * "Log out" ends the provider's session too (RP-initiated logout), so the next visit asks for the password
 * again. A person without a mapped role is told why on the console's sign-in page.
 */
class SsoBrowserIT extends SsoConsoleTest {

    @BeforeAll
    static void needsChromium() {
        Browser.assumeInstalled();
    }

    @Test
    void signInThroughTheProviderLandOnTheBoardAndSignOutThroughTheProvider() throws Exception {
        String name = "ada" + ThreadLocalRandom.current().nextInt(10_000, 99_999);
        PROVIDER.user(name, "console-admins");
        try (Browser browser = new Browser(PORT)) {
            WebDriver driver = browser.driver();
            browser.open("/");
            providerSignIn(browser, name);
            until(driver, d -> d.getCurrentUrl().startsWith("http://127.0.0.1:" + PORT + "/")
                    && !d.getCurrentUrl().contains("/login")); // the board, maybe as the saved "/?continue"
            browser.waitFor(By.cssSelector("vaadin-side-nav-item"));
            assertThat(browser.waitFor(By.cssSelector(".user-roles")).getText()).contains("ADMIN");
            assertThat(browser.navigationTitles()).contains("Users");

            Ui.click(browser, By.id("logout"));
            until(driver, d -> d.getCurrentUrl().endsWith(":" + PORT + "/login?logout"));
            assertThat(browser.waitFor(By.id("signed-out")).getText()).contains("You signed out");

            browser.open("/"); // the provider forgot the session: it asks for the password again
            until(driver, d -> d.getCurrentUrl().startsWith(PROVIDER.issuer() + "/login"));
            assertThat(driver.findElements(By.id("password"))).hasSize(1);
        }
    }

    @Test
    void aPersonWithoutAMappedRoleIsToldWhyOnTheSignInPage() throws Exception {
        String name = "sam" + ThreadLocalRandom.current().nextInt(10_000, 99_999);
        PROVIDER.user(name, "marketing");
        try (Browser browser = new Browser(PORT)) {
            browser.open("/login");
            providerSignIn(browser, name);
            until(browser.driver(), d -> d.getCurrentUrl().endsWith(":" + PORT + "/login?error"));
            assertThat(browser.waitFor(By.id("sign-in-refused")).getText()).contains("no role in the console")
                    .contains("marketing");
            assertThat(browser.driver().findElements(By.cssSelector("vaadin-login-form")).stream()
                    .noneMatch(org.openqa.selenium.WebElement::isDisplayed)).as("no password form").isTrue();
            assertThat(browser.waitFor(By.id("sso-sign-in")).getText()).isEqualTo("Sign in with Example ID");
            browser.screenshot("sso-refused");
        }
    }

    /** The provider's own sign-in form (Spring Security's default page). */
    private static void providerSignIn(Browser browser, String name) {
        until(browser.driver(), d -> d.getCurrentUrl().startsWith(PROVIDER.issuer() + "/login"));
        browser.waitFor(By.id("username")).sendKeys(name);
        browser.driver().findElement(By.id("password")).sendKeys(OidcProvider.PASSWORD);
        browser.driver().findElement(By.cssSelector("button[type=submit]")).click();
    }

    private static void until(WebDriver driver, java.util.function.Function<WebDriver, Boolean> condition) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).withMessage(() -> "at " + driver.getCurrentUrl())
                .until(condition::apply);
    }
}
