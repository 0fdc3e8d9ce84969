package org.remediation.console.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.remediation.console.e2e.Browser;

/**
 * {@code n} live board sessions, each its own headless Chromium (own profile, own cookie, so its own
 * HTTP and Vaadin session), signed in as one of the demo users and left open on the board. Each page
 * records, with the machine clock, every change of one KPI tile's value text, so a benchmark can
 * match server-side events to the moment each browser's DOM showed them.
 */
public final class BoardSessions implements AutoCloseable {

    private static final String[] USERS = {"viewer", "responder", "lead", "operator", "commander", "admin"};

    /** Runs in the page: a MutationObserver notes (epoch ms with µs precision, text) on each change. */
    private static final String RECORDER = """
            const id = arguments[0];
            window.__kpiChanges = [];
            let last = null;
            const note = () => {
              const v = document.querySelector('#' + CSS.escape(id) + ' .kpi-value');
              const text = v ? v.textContent : null;
              if (text !== null && text !== last) {
                last = text;
                window.__kpiChanges.push([performance.timeOrigin + performance.now(), text]);
              }
            };
            new MutationObserver(note).observe(document.body, {subtree: true, childList: true, characterData: true});
            note();
            """;

    /** One observed DOM change: when (epoch ms) and the tile's new value text. */
    public record Change(double epochMs, String text) {
    }

    private final List<Browser> browsers = Collections.synchronizedList(new ArrayList<>());
    private final String tileId;

    private BoardSessions(String tileId) {
        this.tileId = tileId;
    }

    /** Opens {@code n} sessions on {@code boardPath}, three browsers starting at a time. */
    public static BoardSessions open(int port, int n, String password, String boardPath, String tileId) throws Exception {
        BoardSessions sessions = new BoardSessions(tileId);
        ExecutorService starters = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> started = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String user = USERS[i % USERS.length];
                started.add(starters.submit(() -> {
                    Browser browser = new Browser(port);
                    sessions.browsers.add(browser);
                    browser.login(user, password);
                    if (!browser.driver().getCurrentUrl().endsWith(boardPath)) {
                        browser.open(boardPath); // a reload: the board the login landed on goes away
                    }
                    browser.waitFor(By.cssSelector("#" + tileId + " .kpi-value"));
                    ((JavascriptExecutor) browser.driver()).executeScript(RECORDER, tileId);
                    return null;
                }));
            }
            for (Future<?> f : started) {
                f.get();
            }
        } catch (Exception e) {
            sessions.close();
            throw e;
        } finally {
            starters.shutdown();
        }
        return sessions;
    }

    public int size() {
        return browsers.size();
    }

    /** Takes (and clears) every session's recorded changes; one list per session. */
    public List<List<Change>> drain() {
        List<List<Change>> all = new ArrayList<>();
        for (Browser b : List.copyOf(browsers)) {
            Object raw = ((JavascriptExecutor) b.driver()).executeScript(
                    "const c = window.__kpiChanges || []; window.__kpiChanges = []; return c;");
            List<Change> changes = new ArrayList<>();
            for (Object o : (List<?>) raw) {
                List<?> pair = (List<?>) o;
                changes.add(new Change(((Number) pair.get(0)).doubleValue(), String.valueOf(pair.get(1))));
            }
            all.add(changes);
        }
        return all;
    }

    /** Sessions whose page no longer shows the tile (reloaded, logged out, or lost its connection). */
    public long broken() {
        return List.copyOf(browsers).stream().filter(b -> (Boolean) ((JavascriptExecutor) b.driver()).executeScript(
                "return !window.__kpiChanges || !document.getElementById(arguments[0])", tileId)).count();
    }

    @Override
    public void close() {
        for (Browser b : List.copyOf(browsers)) {
            try {
                b.close();
            } catch (RuntimeException ignored) {
                // a browser that already died needs no closing
            }
        }
        browsers.clear();
    }
}
