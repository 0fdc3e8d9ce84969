package org.remediation.console.e2e;

import java.time.Duration;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Waits until Vaadin has rendered what the server sent: no round trip in flight, then one frame. */
final class Pages {

    private Pages() {
    }

    static void settle(Browser browser) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d)
                .executeScript("""
                        const flow = window.Vaadin && window.Vaadin.Flow;
                        if (!flow || !flow.clients) { return document.readyState === 'complete'; }
                        return Object.values(flow.clients).every(c => !c.isActive || !c.isActive());
                        """)));
        ((JavascriptExecutor) browser.driver()).executeAsyncScript(
                "const done = arguments[arguments.length - 1]; requestAnimationFrame(() => setTimeout(done, 150))");
    }
}
