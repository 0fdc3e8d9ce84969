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

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.context.ApplicationEventPublisher events;

    /**
     * Issue 15: the phase page rebuilt itself when a figure changed and erased what was being typed
     * into "Add a task". Text typed but not yet sent (no blur) must survive a checklist change made by
     * someone else and criteria rounds, and the field keeps the focus.
     */
    @Test
    void textBeingTypedIntoAddATaskSurvivesChangesUnderneath() throws Exception {
        try (Browser responder = new Browser(port); Browser lead = new Browser(port)) {
            responder.login("responder", Demo.PASSWORD);
            lead.login("lead", Demo.PASSWORD);
            String phasePath = openPhaseOne(responder);
            lead.open(phasePath);
            lead.waitFor(By.id("tick-1.1"));
            responder.waitFor(By.id("add-task"));
            ((JavascriptExecutor) responder.driver()).executeScript( // open "Add a task" and bring it into view
                    "const d = document.getElementById('add-task'); d.opened = true; d.scrollIntoView({block: 'center'});");
            org.openqa.selenium.WebElement input = responder.waitFor(By.cssSelector("#new-task-text input"));
            ((JavascriptExecutor) responder.driver()).executeScript("arguments[0].focus()", input);
            input.sendKeys("Restart the pooler on db-2");

            ((JavascriptExecutor) lead.driver()).executeScript(
                    "document.getElementById('tick-1.1').querySelector('input').click()");
            new WebDriverWait(responder.driver(), Duration.ofSeconds(15)).until(d -> !d.findElements(By.id("task-who-1.1")).isEmpty());
            for (int i = 0; i < 3; i++) { // criteria rounds on this incident, as the engine publishes them
                events.publishEvent(new org.remediation.console.criteria.CriteriaEvaluated(java.util.Set.of("INC-1278"),
                        java.time.Instant.now()));
                Thread.sleep(300);
            }
            responder.waitForVaadin();

            Object typed = ((JavascriptExecutor) responder.driver()).executeScript(
                    "const f = document.querySelector('#new-task-text'); return f ? f.inputElement.value : null");
            assertThat(typed).as("what was typed, not yet sent").isEqualTo("Restart the pooler on db-2");
            Object focused = ((JavascriptExecutor) responder.driver()).executeScript(
                    "const a = document.activeElement; return a && a.closest('#new-task-text') ? 'in the field' : (a ? a.tagName + '#' + a.id : null)");
            assertThat(focused).as("the focus stays in the field").isEqualTo("in the field");
        }
    }

    /** Opens phase 1 of INC-1278 from the board, as a person would, and returns its path. */
    static String openPhaseOne(Browser browser) {
        browser.open("/?incident=INC-1278");
        browser.waitFor(By.cssSelector("#phase-card-vpc-connector a"));
        Ui.click(browser, By.cssSelector("#phase-card-vpc-connector a")); // the card may be replaced by push meanwhile
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
