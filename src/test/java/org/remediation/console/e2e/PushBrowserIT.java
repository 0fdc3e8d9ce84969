package org.remediation.console.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.remediation.console.support.Demo;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Scenario 2: two people on the same checklist; a tick in one browser shows in the other by server push. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "console.live.ui-delivery=async")
class PushBrowserIT {

    private static final String TASK = "tick-1.3";

    @LocalServerPort
    int port;

    @BeforeAll
    static void needsChromium() {
        Browser.assumeInstalled();
    }

    @Test
    void aTickInOneBrowserAppearsInTheOtherWithoutReload() throws Exception {
        try (Browser responder = new Browser(port); Browser lead = new Browser(port)) {
            responder.login("responder", Demo.PASSWORD);
            lead.login("lead", Demo.PASSWORD);
            String phasePath = openPhaseOne(responder);
            lead.open(phasePath);
            lead.waitFor(By.id(TASK));
            assertThat(isChecked(lead)).as("task 1.3 starts not done").isFalse();

            // The watcher records the moment push changed its DOM, on the same machine clock as the click.
            JavascriptExecutor watcher = (JavascriptExecutor) lead.driver();
            watcher.executeScript("""
                    window.__seenAt = 0;
                    new MutationObserver(() => {
                      const box = document.getElementById(arguments[0]);
                      if (!window.__seenAt && box && box.hasAttribute('checked')) { window.__seenAt = Date.now(); }
                    }).observe(document.body, {subtree: true, childList: true, attributes: true});
                    """, TASK);
            long clickedAt = (Long) ((JavascriptExecutor) responder.driver()).executeScript("""
                    const at = Date.now();
                    document.getElementById(arguments[0]).querySelector('input').click();
                    return at;
                    """, TASK);

            new WebDriverWait(lead.driver(), Duration.ofSeconds(15))
                    .until(d -> ((Number) ((JavascriptExecutor) d).executeScript("return window.__seenAt")).longValue() > 0);
            long seenAt = ((Number) watcher.executeScript("return window.__seenAt")).longValue();
            System.out.println("push delay: " + (seenAt - clickedAt) + " ms (tick by responder -> lead's checklist)");

            assertThat(isChecked(lead)).isTrue();
            lead.waitFor(By.id("task-who-1.3"));
            assertThat(lead.driver().findElement(By.id("task-who-1.3")).getText()).contains("responder");
            assertThat(lead.driver().getCurrentUrl()).endsWith(phasePath);
        }
    }

    /** Opens phase 1 of INC-1278 from the board, as a person would, and returns its path. */
    static String openPhaseOne(Browser browser) {
        browser.open("/?incident=INC-1278");
        browser.waitFor(By.cssSelector("#phase-card-vpc-connector a")).click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().contains("/phases/"));
        browser.waitFor(By.id("checklist"));
        String url = browser.driver().getCurrentUrl();
        return url.substring(url.indexOf("/phases/"));
    }

    private static boolean isChecked(Browser browser) {
        return (Boolean) ((JavascriptExecutor) browser.driver()).executeScript(
                "return document.getElementById(arguments[0]).hasAttribute('checked')", TASK);
    }
}
