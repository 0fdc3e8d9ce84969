package org.remediation.console.e2e;

import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

/** Key presses sent to whatever has focus, and where focus is, named by the nearest id. */
final class Keyboard {

    private Keyboard() {
    }

    static void press(Browser browser, CharSequence key) {
        new Actions(browser.driver()).sendKeys(key).perform();
    }

    /** The id of the focused element or its nearest ancestor with one (across shadow roots); "BODY" when none. */
    static String focused(Browser browser) {
        return (String) ((JavascriptExecutor) browser.driver()).executeScript("""
                let e = document.activeElement;
                if (!e || e === document.body) { return 'BODY'; }
                // ids Vaadin generates for a field's inner input name nothing: go up to the component
                const named = n => n.id && !/^(input|textarea|summary|content|label)-vaadin-/.test(n.id);
                while (e && !named(e)) { e = e.parentElement || (e.getRootNode && e.getRootNode().host); }
                return e ? e.id : 'BODY';
                """);
    }

    /** Presses Tab {@code times} times from the top of the page and lists where focus went. */
    static List<String> tabOrder(Browser browser, int times) {
        ((JavascriptExecutor) browser.driver()).executeScript(
                "document.activeElement && document.activeElement.blur(); window.getSelection().removeAllRanges();");
        List<String> order = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            press(browser, Keys.TAB);
            order.add(focused(browser));
        }
        return order;
    }

    static void focus(Browser browser, String id) {
        ((JavascriptExecutor) browser.driver()).executeScript("document.getElementById(arguments[0]).focus()", id);
    }
}
