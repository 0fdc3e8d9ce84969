package org.remediation.console.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.remediation.console.e2e.Browser;

/**
 * Time to first complete paint of a view in headless Chromium: a script injected before each
 * document's own scripts checks on every animation frame whether the view is complete (a CSS
 * condition per view) and notes the start of the frame after the first complete one, i.e. once it
 * has been painted. Each load is a full navigation (new document, Vaadin bootstrap, server-side
 * view build, rendering); figures are milliseconds since the navigation started.
 */
final class FirstPaint {

    private static final String WATCH = """
            (() => {
              const complete = () => { %s };
              const check = () => {
                if (complete()) {
                  requestAnimationFrame(() => { window.__completePaint = performance.now(); });
                } else {
                  requestAnimationFrame(check);
                }
              };
              requestAnimationFrame(check);
            })();
            """;

    /** One load: first contentful paint and first complete paint, ms since navigation start. */
    record Load(double firstContentfulMs, double completeMs) {
    }

    private FirstPaint() {
    }

    /** Loads {@code path} {@code warmups + n} times; {@code completeJs} is a JS expression body returning true when done. */
    static List<Load> measure(Browser browser, int port, String path, String completeJs, int warmups, int n) {
        ChromeDriver chrome = (ChromeDriver) browser.driver();
        Object id = chrome.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
                Map.of("source", WATCH.formatted(completeJs))).get("identifier");
        try {
            List<Load> loads = new ArrayList<>();
            for (int i = 0; i < warmups + n; i++) {
                chrome.get("http://127.0.0.1:" + port + path);
                new WebDriverWait(chrome, java.time.Duration.ofSeconds(60)).until(d ->
                        ((JavascriptExecutor) d).executeScript("return window.__completePaint") != null);
                double complete = ((Number) chrome.executeScript("return window.__completePaint")).doubleValue();
                Object fcp = chrome.executeScript(
                        "const e = performance.getEntriesByName('first-contentful-paint')[0]; return e ? e.startTime : null");
                if (i >= warmups) {
                    double contentful = fcp == null ? Double.NaN : ((Number) fcp).doubleValue();
                    // FCP is the compositor's presentation time, which may come after the next frame starts:
                    // the view is not shown complete before both
                    loads.add(new Load(contentful, Double.isNaN(contentful) ? complete : Math.max(complete, contentful)));
                }
            }
            return loads;
        } finally {
            chrome.executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", id));
        }
    }

    static void report(String what, List<Load> loads) {
        List<Double> complete = loads.stream().map(Load::completeMs).sorted().toList();
        List<Double> fcp = loads.stream().map(Load::firstContentfulMs).sorted().toList();
        System.out.printf("  %-18s first complete paint median %.0f ms, p95 %.0f ms, max %.0f ms; first contentful paint "
                        + "median %.0f ms over %d loads (goal ≤ 1500 ms)%n", what, complete.get(complete.size() / 2),
                complete.get((int) Math.ceil(complete.size() * 0.95) - 1), complete.getLast(), fcp.get(fcp.size() / 2), loads.size());
    }
}
