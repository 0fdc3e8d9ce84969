package org.remediation.console.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.remediation.console.cloud.CloudGateway;
import org.remediation.console.cloud.ResourceRef;
import org.remediation.console.cloud.ResourceState;
import org.remediation.console.incident.RunbookService;
import org.remediation.console.probe.ProbeTarget;
import org.remediation.console.probe.ProbeTargetService;
import org.remediation.console.probe.TargetDraft;
import org.remediation.console.security.Role;
import org.remediation.console.support.As;
import org.remediation.console.support.Demo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Scenario 3: the whole remediation loop of #1278 in the sandbox, in real browsers, one person per role.
 *
 * <p>Made fast by configuration only: probes of the phase's targets every second, sandbox operations of
 * 3 s and endpoint delays capped at 1.5 s (probe timeout 0.9 s), and phase 1 of the #1278 template imported with 20-second
 * criteria windows instead of 5 minutes (the measures are otherwise the template's own).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "console.probes.scheduler.enabled=true",
        "console.sandbox.operation-duration=3s",
        "console.sandbox.max-endpoint-delay=1500ms",
        "console.criteria.reevaluate-interval=2s",
        "console.live.ui-delivery=async"})
class RemediationLoopBrowserIT {

    private static final Duration PROBES = Duration.ofSeconds(90);
    /**
     * The 60 s metric targets (Google's minimum alignment period): after the scale-up the next read comes within
     * a minute, and the saturated read before it leaves the criteria's 70 s window a minute later.
     */
    private static final Duration METRICS = Duration.ofSeconds(200);
    private static final ResourceRef BACKEND = ResourceRef.parse("RUN_SERVICE/us-central1/netra-backend");

    @LocalServerPort
    int port;
    @Autowired
    ProbeTargetService targets;
    @Autowired
    RunbookService runbooks;
    @Autowired
    CloudGateway cloud;
    @Autowired
    org.remediation.console.criteria.CriteriaService criteriaService;
    @Autowired
    org.remediation.console.probe.ProbeStatistics probeStatistics;

    @BeforeAll
    static void needsChromium() {
        Browser.assumeInstalled();
    }

    @Test
    void theWholeLoopFromRedProbesToSignedOffPhaseAndRollback() throws Exception {
        String incident = "INC-" + ThreadLocalRandom.current().nextInt(10_000, 99_999);
        As.user("admin", Role.ADMIN, () -> List.of("backend-health", "backend-load", "database", "redis").forEach(this::probeEverySecond));
        As.user("commander", Role.COMMANDER, () -> runbooks.importAsIncident(incident,
                shortWindows(runbooks.templateYaml("inc-1278"))));

        try (Browser operator = new Browser(port); Browser commander = new Browser(port); Browser lead = new Browser(port)) {
            operator.login("operator", Demo.PASSWORD);
            commander.login("commander", Demo.PASSWORD);
            lead.login("lead", Demo.PASSWORD);

            // 1. The probes dashboard shows the backend and the database down.
            operator.open("/probes");
            waitForTile(operator, "backend-health", "DOWN");
            waitForTile(operator, "database", "DOWN");
            operator.screenshot("probes");

            // 2. The operator requests the connector scale-up from task 1.1's ready-made action.
            String phasePath = openPhaseOne(operator, incident);
            Ui.click(operator, By.id("request-action-1.1"));
            operator.waitFor(By.id("param-minInstances"));
            Ui.type(operator, "param-minInstances", "3");
            Ui.type(operator, "param-maxInstances", "10");
            Ui.type(operator, "action-reason", "Backend and database time out behind the saturated connector (#1278)");
            Ui.click(operator, By.id("preview"));
            WebElement diff = operator.waitFor(By.id("preview-diff"));
            assertThat(diff.getText()).contains("3").contains("10");
            operator.screenshot("preview-dialog");
            Ui.click(operator, By.id("submit-request"));
            Ui.waitUntil(operator, Duration.ofSeconds(20), "the action page", b -> b.driver().getCurrentUrl().matches(".*/actions/\\d+$"));
            String actionUrl = operator.driver().getCurrentUrl();
            long actionId = Long.parseLong(actionUrl.substring(actionUrl.lastIndexOf('/') + 1));

            // 3. The commander approves it in the inbox; 4. the operator executes it and watches it run.
            approve(commander, actionId);
            executeAndWatch(operator);

            // 5. The simulated endpoints recover: the tiles turn UP.
            operator.open("/probes");
            waitForTile(operator, "backend-health", "UP");
            waitForTile(operator, "database", "UP");

            // 6. The lead finishes the checklist, confirms the manual criterion and waits for the measured ones.
            lead.open(phasePath);
            for (String task : List.of("1.1", "1.2", "1.3", "1.4", "1.5")) {
                Ui.tickTask(lead, task);
            }
            for (String criterion : List.of("vpc-concurrent-connections", "vpc-connect-time", "vpc-throughput",
                    "vpc-utilisation-70", "vpc-no-capacity-warnings", "vpc-min-instances-3")) {
                try {
                    Ui.waitUntil(lead, METRICS, "criterion " + criterion + " met", b -> !b.driver().findElements(
                        By.cssSelector("#criterion-" + criterion + " .criterion-badge[data-state='MET']")).isEmpty());
                } catch (RuntimeException e) {
                    As.user("admin", Role.ADMIN, () -> criteriaService.ofIncident(incident)).stream()
                            .filter(st -> st.owner().criterionKey().equals(criterion)).forEach(st -> System.out.println(
                                    "criterion " + criterion + " not met: " + st.text() + " -> " + st.state() + " " + st.valueText()
                                            + " / " + st.detail()));
                    probeStatistics.recentResults("connector-throughput", 5).forEach(r -> System.out.println("  " + r));
                    throw e;
                }
            }
            metricScreenshots(operator);
            // 7. Sign-off freezes the evidence on the phase.
            try {
                Ui.waitUntil(lead, Duration.ofSeconds(30), "the sign-off button enabled", b -> b.driver()
                        .findElements(By.cssSelector("#sign-off:not([disabled])")).size() == 1);
            } catch (RuntimeException e) {
                System.out.println("sign-off still blocked: " + Ui.text(lead, By.id("signoff-panel")));
                throw e;
            }
            Ui.click(lead, By.id("sign-off"));
            Ui.click(lead, By.id("yes-sign-off"));
            // the panel is redrawn (taller) by the round trip that closes the dialog; WebDriver reads only
            // text in view of the scrolled layout, so bring it into view as a reader would, then wait for it
            lead.waitFor(By.id("frozen-evidence"));
            ((org.openqa.selenium.JavascriptExecutor) lead.driver())
                    .executeScript("document.getElementById('frozen-evidence').scrollIntoView({block: 'center'})");
            Ui.waitForText(lead, By.id("frozen-evidence"), Duration.ofSeconds(20), t -> !t.isBlank(), "the frozen evidence");
            String evidence = Ui.text(lead, By.id("frozen-evidence"));
            // every criterion by its title, the manual one with its evidence (issue 13, part 5)
            assertThat(evidence).contains("VPC connector handles 20+ concurrent Cloud Run connections")
                    .contains("Connection establishment time < 5 seconds consistently")
                    .contains("VPC connector utilization <= 70 % peak").contains("met");
            lead.screenshot("phase");

            commander.open("/?incident=" + incident);
            commander.waitFor(By.id("phase-card-vpc-connector"));
            assertThat(Ui.text(commander, By.id("phase-card-vpc-connector"))).contains("Signed off");
            commander.screenshot("board");

            // 8. The audit view verifies the chain and lists the action's steps.
            commander.open("/audit");
            Ui.click(commander, By.id("verify-chain"));
            Ui.waitForText(commander, By.id("verify-result"), Duration.ofSeconds(30), t -> t.contains("valid"), "chain verified");
            assertThat(Ui.text(commander, By.id("verify-result"))).contains("Chain valid");
            Ui.type(commander, "audit-filter-subject", "action:" + actionId);
            for (String step : List.of("action.previewed", "action.requested", "action.approved", "action.started",
                    "action.progress", "action.succeeded")) {
                Ui.waitUntil(commander, Duration.ofSeconds(20), "audit row " + step, b -> b.pageSource().contains(step));
            }
            commander.screenshot("audit");

            // 9. A Cloud Run change and its rollback restore the previous state.
            rollBackACloudRunChange(operator, commander);
        }
    }

    private void rollBackACloudRunChange(Browser operator, Browser commander) {
        ResourceState before = cloud.read(BACKEND);
        String memory = "1Gi".equals(before.attributes().get("memory")) ? "2Gi" : "1Gi";
        operator.open("/actions/new?spec=" + java.net.URLEncoder.encode("run-resources resource=" + BACKEND
                + " memory=" + memory, java.nio.charset.StandardCharsets.UTF_8));
        operator.waitFor(By.id("param-memory"));
        Ui.type(operator, "action-reason", "Try more memory for the backend's cold starts");
        Ui.click(operator, By.id("preview"));
        operator.waitFor(By.id("preview-diff"));
        Ui.click(operator, By.id("submit-request"));
        long change = actionIdFrom(operator);
        approveIfAsked(operator, commander, change);
        executeAndWatch(operator);
        assertThat(cloud.read(BACKEND).attributes().get("memory")).isEqualTo(memory);

        Ui.click(operator, By.id("request-rollback"));
        Ui.type(operator, "reason-text", "Memory was not the cause; restore the previous revision settings");
        Ui.click(operator, By.id("reason-confirm"));
        Ui.waitUntil(operator, Duration.ofSeconds(20), "the rollback action page",
                b -> b.driver().getCurrentUrl().matches(".*/actions/\\d+$") && actionIdFrom(b) != change);
        long rollback = actionIdFrom(operator);
        approveIfAsked(operator, commander, rollback);
        executeAndWatch(operator);
        ResourceState after = cloud.read(BACKEND);
        System.out.println("cloud run rollback: memory " + before.attributes().get("memory") + " -> " + memory
                + " -> " + after.attributes().get("memory"));
        assertThat(after.attributes().get("memory")).isEqualTo(before.attributes().get("memory"));
    }

    private static long actionIdFrom(Browser browser) {
        Ui.waitUntil(browser, Duration.ofSeconds(20), "an action page", b -> b.driver().getCurrentUrl().matches(".*/actions/\\d+$"));
        String url = browser.driver().getCurrentUrl();
        return Long.parseLong(url.substring(url.lastIndexOf('/') + 1));
    }

    private static void approveIfAsked(Browser requester, Browser approver, long actionId) {
        Ui.waitUntil(requester, Duration.ofSeconds(20), "approve or execute", b -> !b.driver().findElements(By.id("execute")).isEmpty()
                || b.pageSource().contains("Needs a second person"));
        if (requester.driver().findElements(By.id("execute")).isEmpty()) {
            approve(approver, actionId);
        }
    }

    private static void approve(Browser approver, long actionId) {
        approver.open("/actions/inbox");
        Ui.click(approver, By.id("approve-" + actionId));
        Ui.click(approver, By.id("yes-approve")); // the dialog restating the diff being approved
        Ui.waitUntil(approver, Duration.ofSeconds(20), "the approval confirmed",
                b -> b.pageSource().contains("Approved ") || b.driver().findElements(By.id("approve-" + actionId))
                        .stream().noneMatch(WebElement::isDisplayed));
    }

    /** Executes from the action page and waits for the progress bar, then for the verified result (by push). */
    private static void executeAndWatch(Browser operator) {
        operator.waitFor(By.id("execute"));
        Ui.click(operator, By.id("execute"));
        Ui.click(operator, By.id("yes-execute"));
        operator.waitFor(By.id("action-progress"));
        Ui.waitForText(operator, By.id("action-result"), Duration.ofSeconds(60), t -> !t.isBlank(), "the action's result");
        System.out.println("action result: " + Ui.text(operator, By.id("action-result")));
        assertThat(operator.driver().findElements(By.id("request-rollback"))).as("succeeded and may be rolled back").isNotEmpty();
    }

    private static String openPhaseOne(Browser browser, String incident) {
        browser.open("/?incident=" + incident);
        Ui.click(browser, By.cssSelector("#phase-card-vpc-connector a"));
        Ui.waitUntil(browser, Duration.ofSeconds(20), "the phase page", b -> b.driver().getCurrentUrl().contains("/phases/"));
        browser.waitFor(By.id("checklist"));
        String url = browser.driver().getCurrentUrl();
        return url.substring(url.indexOf("/phases/"));
    }

    private static void waitForTile(Browser browser, String key, String state) {
        Ui.waitForText(browser, By.cssSelector("#tile-" + key + " .probe-tile-state"), PROBES, state::equals,
                "probe " + key + " " + state);
    }

    private void probeEverySecond(String key) {
        ProbeTarget t = targets.find(key).orElseThrow();
        TargetDraft d = t.toDraft();
        targets.update(key, new TargetDraft(d.key(), d.name(), d.kind(), d.settings(), Duration.ofSeconds(1),
                Duration.ofMillis(900), true, d.group(), d.goldenStep()), t.version());
    }

    /**
     * Phase 1's windows shortened for a test of minutes: the probes that run every second judge 20 s; the metric
     * criteria (60 s targets) judge 70 s with one read, so each holds exactly the latest read.
     */
    private static String shortWindows(String template) {
        String metric = template;
        for (String target : List.of("capacity-warnings count < 1 per", "connector-throughput min >= 200 Mbps over",
                "connector-cpu max <= 70 % over", "connector-instances min >= 3 over")) {
            metric = metric.replace(target + " 5m min 5", target + " 70s min 1");
        }
        return metric.replace("over 5m min 5", "over 20s min 5");
    }

    /** The metric tiles after the scale-up, and connector-cpu's history with its criterion's threshold line (README). */
    private static void metricScreenshots(Browser operator) throws Exception {
        operator.open("/probes");
        WebElement cpu = operator.waitFor(By.id("tile-connector-cpu"));
        Ui.waitForText(operator, By.cssSelector("#tile-connector-cpu .probe-tile-state"), METRICS, "UP"::equals,
                "connector-cpu UP");
        ((org.openqa.selenium.JavascriptExecutor) operator.driver()).executeScript("arguments[0].scrollIntoView({block: 'start'})", cpu);
        assertThat(Ui.text(operator, By.id("tile-connector-cpu"))).contains("%");
        operator.screenshot("metric-tiles");
        operator.open("/probes/connector-cpu");
        Ui.waitForText(operator, By.id("probe-chart-thresholds"), Duration.ofSeconds(20), t -> t.contains("70 %"),
                "the threshold caption");
        operator.screenshot("metric-detail");
    }
}
