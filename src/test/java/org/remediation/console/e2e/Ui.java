package org.remediation.console.e2e;

import java.time.Duration;
import java.util.function.Predicate;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Small Selenium moves shared by the browser scenarios: click, type, wait for a text or a state. */
final class Ui {

    private Ui() {
    }

    /** Clicks through JavaScript: the views re-render on push, so an element may move under a pointer click. */
    static void click(Browser browser, By by) {
        for (int attempt = 1; ; attempt++) {
            WebElement element = browser.waitFor(by);
            try {
                ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].click()", element);
                return;
            } catch (org.openqa.selenium.StaleElementReferenceException replaced) {
                // push replaced the element between finding and clicking it: the click did not happen
                if (attempt == 5) {
                    throw replaced;
                }
            }
        }
    }

    /**
     * Clicks a Vaadin checkbox's native input until the server confirms the change, shown by {@code confirmed}.
     * Live views re-render on push, so a click can land on a row that the server replaced a moment before;
     * the server ignores it and the click is tried again (only while the change is still unconfirmed).
     */
    static void tickUntil(Browser browser, String checkboxId, Predicate<Browser> confirmed, Runnable afterClick) {
        JavascriptExecutor js = (JavascriptExecutor) browser.driver();
        long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        while (!confirmed.test(browser)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the server never confirmed " + checkboxId);
            }
            browser.waitFor(By.id(checkboxId));
            if (!checked(js, checkboxId)) {
                js.executeScript("document.getElementById(arguments[0]).querySelector('input').click()", checkboxId);
            }
            afterClick.run();
            try {
                waitUntil(browser, Duration.ofSeconds(4), checkboxId + " confirmed", confirmed);
            } catch (org.openqa.selenium.TimeoutException e) {
                // the row was replaced before the server saw the click: try again
            }
        }
    }

    /** Ticks a checklist task; the server's "✔ who at when" line confirms it. */
    static void tickTask(Browser browser, String ref) {
        tickUntil(browser, "tick-" + ref, b -> !b.driver().findElements(By.id("task-who-" + ref)).isEmpty(), () -> { });
    }

    private static boolean checked(JavascriptExecutor js, String id) {
        return (Boolean) js.executeScript(
                "const e = document.getElementById(arguments[0]); return !!e && e.hasAttribute('checked')", id);
    }

    /** Types into the input (or textarea) inside a Vaadin field and leaves it, so the server gets the value. */
    static void type(Browser browser, String fieldId, String text) {
        WebElement field = browser.waitFor(By.cssSelector("#" + fieldId + " input, #" + fieldId + " textarea"));
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        field.sendKeys(text, Keys.TAB);
    }

    static String text(Browser browser, By by) {
        return browser.waitFor(by).getText();
    }

    static void waitForText(Browser browser, By by, Duration timeout, Predicate<String> condition, String what) {
        waitUntil(browser, timeout, what, b -> b.driver().findElements(by).stream()
                .anyMatch(e -> condition.test(e.getText())));
    }

    static void waitUntil(Browser browser, Duration timeout, String what, Predicate<Browser> condition) {
        // live updates replace elements: one found and then replaced before it was read is read again next poll
        new WebDriverWait(browser.driver(), timeout).withMessage("waiting for " + what)
                .pollingEvery(Duration.ofMillis(200)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> condition.test(browser));
    }
}
