package org.remediation.console.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.remediation.console.support.Prerequisites;

/**
 * axe-core run inside the page under test, limited to WCAG 2.1 A and AA rules.
 *
 * <p>The script comes from the npm registry ({@code .ci/run} fetches it into {@value #DEFAULT}): no
 * {@code org.webjars.npm:axe-core} version is served by the Maven mirror reachable here.
 */
final class Axe {

    static final String DEFAULT = ".cache/axe-core/axe.min.js";
    static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    private final String source;

    private Axe(String source) {
        this.source = source;
    }

    /** Loads the script, or skips (fails in CI) when it was not fetched. */
    static Axe load() throws IOException {
        Path script = Path.of(System.getProperty("console.tests.axe-script", DEFAULT));
        Prerequisites.require(Files.isReadable(script) ? null : "axe-core's axe.min.js at " + script.toAbsolutePath()
                + " (npm pack axe-core@4.11.0, or run .ci/run)", "the accessibility browser test");
        return new Axe(Files.readString(script));
    }

    /** One line per violation: rule id, impact, help text and the selectors of the offending nodes. */
    @SuppressWarnings("unchecked")
    List<String> violations(Browser browser) {
        JavascriptExecutor js = (JavascriptExecutor) browser.driver();
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object'"))) {
            js.executeScript(source);
        }
        var found = (List<Map<String, Object>>) js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})
                   .then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                        targets: v.nodes.map(n => JSON.stringify(n.target) + (n.failureSummary ? ' ' + n.failureSummary.replace(/\\s+/g, ' ') : ''))}))))
                   .catch(e => done([{id: 'axe-error', impact: 'n/a', help: String(e), targets: []}]));
                """, TAGS);
        return found.stream().map(v -> v.get("id") + " (" + v.get("impact") + "): " + v.get("help") + "\n      "
                + String.join("\n      ", (List<String>) v.get("targets"))).toList();
    }
}
