package org.remediation.console.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.router.Route;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.remediation.console.cloud.ResourceKind;
import org.remediation.console.cloud.ResourceRef;
import org.remediation.console.remediation.ActionDraft;
import org.remediation.console.remediation.ActionKind;
import org.remediation.console.remediation.RemediationService;
import org.remediation.console.security.Role;
import org.remediation.console.support.As;
import org.remediation.console.support.Demo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/**
 * Every view, as the commander and as the admin, checked by axe-core against WCAG 2.1 A/AA; the board and a
 * phase page again at phone width (390×844), where the page must also not scroll sideways (WCAG 1.4.10).
 * Views a user may not open are checked too: they show the access-denied page; the board and a phase again
 * in the dark theme. Saves the phone-width and dark screenshots the README shows. All violations are printed
 * before the test fails, so one run lists everything.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "console.live.ui-delivery=async")
class AccessibilityBrowserIT {

    /**
     * How far the farthest element reaches past the right edge of the screen, and which one; elements inside a
     * box that scrolls or clips on its own (a command block, a grid) are left out, as they do not move the page.
     */
    static final String OVERFLOW = """
            const width = document.documentElement.clientWidth;
            const boxed = e => ['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(e).overflowX);
            let worst = 0, culprit = '';
            for (const e of document.querySelectorAll('body *')) {
              let p = e.parentElement, inBox = false;
              while (p && p !== document.body) { if (boxed(p)) { inBox = true; break; } p = p.parentElement; }
              const r = e.getBoundingClientRect();
              if (!inBox && r.width > 0 && r.height > 0 && r.right - width > worst) {
                worst = Math.round(r.right - width);
                culprit = e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && e.className.baseVal === undefined
                        ? '.' + String(e.className).trim().split(/\\s+/).join('.') : '');
              }
            }
            return worst > 0 ? worst + ' px, farthest: ' + culprit : '';
            """;

    @LocalServerPort
    int port;
    @Autowired
    RemediationService remediation;

    @BeforeAll
    static void needsChromium() {
        Browser.assumeInstalled();
    }

    @Test
    void everyViewMeetsWcag21AaForCommanderAndAdmin() throws Exception {
        Axe axe = Axe.load();
        long action = As.user("operator", Role.OPERATOR, () -> remediation.request(ActionDraft.of(ActionKind.SCALE_CONNECTOR,
                new ResourceRef(ResourceKind.VPC_CONNECTOR, "us-central1", "staging-connector"),
                Map.of("minInstances", "3", "maxInstances", "10"), "accessibility check"))).id();
        List<String> problems = new ArrayList<>();
        try (Browser browser = new Browser(port)) {
            browser.open("/login");
            browser.waitFor(By.cssSelector("vaadin-login-form"));
            check(axe, browser, "/login (signed out)", problems);
            for (String user : List.of("commander", "admin")) {
                browser.login(user, Demo.PASSWORD);
                String phase = firstPhasePath(browser);
                for (String path : routes(phase, action)) {
                    browser.open(path);
                    check(axe, browser, path + " as " + user, problems);
                }
                // an unknown address, and for the commander an admin page, show the console's own error pages
                browser.open("/no-such-page");
                assertThat(browser.waitFor(By.cssSelector("#main-content h1")).getText()).isEqualTo("Page not found");
                if (user.equals("commander")) {
                    browser.open("/admin/users");
                    assertThat(browser.waitFor(By.cssSelector("#main-content h1")).getText()).isEqualTo("Not available to your role");
                    assertThat(browser.driver().findElements(By.id("back-to-board"))).hasSize(1);
                }
                browser.driver().manage().window().setSize(new Dimension(390, 844));
                for (String path : List.of("/", phase, "/probes")) {
                    browser.open(path);
                    check(axe, browser, path + " as " + user + " at 390×844", problems);
                    String overflow = (String) ((JavascriptExecutor) browser.driver()).executeScript(OVERFLOW);
                    if (!overflow.isEmpty()) {
                        problems.add(path + " as " + user + " at 390×844: reflow: content runs off the screen by " + overflow);
                    }
                    if (user.equals("commander") && !path.equals("/probes")) {
                        browser.screenshot((path.equals("/") ? "board" : "phase") + "-phone");
                    }
                }
                browser.driver().manage().window().setSize(new Dimension(1400, 900));
                if (user.equals("commander")) {
                    // the dark theme's colours must hold the same contrast
                    Ui.click(browser, By.id("theme-switch"));
                    for (String path : List.of("/", phase)) {
                        browser.open(path);
                        check(axe, browser, path + " as " + user + " in the dark theme", problems);
                    }
                    browser.open("/");
                    Pages.settle(browser);
                    browser.screenshot("board-dark");
                    Ui.click(browser, By.id("theme-switch"));
                }
                Ui.click(browser, By.id("logout"));
                browser.waitFor(By.cssSelector("vaadin-login-form"));
            }
        }
        problems.forEach(p -> System.out.println("A11Y " + p));
        assertThat(problems).as("WCAG 2.1 A/AA violations (printed above)").isEmpty();
    }

    private static void check(Axe axe, Browser browser, String page, List<String> problems) {
        Pages.settle(browser);
        axe.violations(browser).forEach(v -> problems.add(page + ": " + v));
    }

    private static String firstPhasePath(Browser browser) {
        browser.open("/");
        String href = browser.waitFor(By.cssSelector(".phase-card a")).getAttribute("href");
        return href.substring(href.indexOf("/phases/"));
    }

    /** Every @Route of the application (the login view aside), with its parameters filled in. */
    static List<String> routes(String phasePath, long actionId) {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        TreeSet<String> paths = new TreeSet<>();
        for (var bean : scanner.findCandidateComponents("org.remediation.console")) {
            String template;
            try {
                template = Class.forName(bean.getBeanClassName()).getAnnotation(Route.class).value();
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
            switch (template) {
                case "login" -> { }
                case "probes/:key" -> paths.add("/probes/backend-health");
                case "phases/:phaseId" -> paths.add(phasePath);
                case "actions/:id([0-9]+)" -> paths.add("/actions/" + actionId);
                default -> {
                    assertThat(template).as("a route parameter this test does not know how to fill").doesNotContain(":");
                    paths.add("/" + template);
                }
            }
        }
        paths.add("/no-such-page");
        return List.copyOf(paths);
    }
}
