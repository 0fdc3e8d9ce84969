package org.remediation.console.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.remediation.console.incident.IncidentService;
import org.remediation.console.incident.IncidentStatus;
import org.remediation.console.incident.IncidentSummary;
import org.remediation.console.security.Role;
import org.remediation.console.support.As;
import org.remediation.console.support.Demo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Keyboard use of the board, a phase page, the probes and New action in real Chromium: the skip link comes
 * first and works, Tab reaches the main controls in reading order, focus returns to a dialog's opener
 * when it closes, and stays where it was when a live update replaces what holds it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "console.live.ui-delivery=async")
class KeyboardBrowserIT {

    private static final Duration LIVE = Duration.ofSeconds(15);

    @LocalServerPort
    int port;
    @Autowired
    IncidentService incidents;

    @BeforeAll
    static void needsChromium() {
        Browser.assumeInstalled();
    }

    @Test
    void boardSkipLinkTabOrderDialogAndLiveUpdate() throws Exception {
        try (Browser commander = new Browser(port)) {
            commander.login("commander", Demo.PASSWORD);
            commander.open("/");
            commander.waitFor(By.id("draft-status-update"));
            Pages.settle(commander);

            List<String> order = Keyboard.tabOrder(commander, 40);
            assertThat(order.getFirst()).as("first Tab stop").isEqualTo("skip-link");
            assertThat(order).contains("theme-switch", "draft-status-update", "incident-status", "edit-incident");
            assertThat(order.indexOf("draft-status-update")).as("header controls before the phase cards")
                    .isLessThan(firstStartingWith(order, "phase-link-"));

            Keyboard.focus(commander, "skip-link");
            Keyboard.press(commander, Keys.ENTER);
            Ui.waitUntil(commander, LIVE, "focus moved to the content", b -> Keyboard.focused(b).equals("main-content"));
            Keyboard.press(commander, Keys.TAB);
            assertThat(Keyboard.focused(commander)).as("Tab after the skip link lands in the view, not the menu")
                    .isNotIn("BODY", "theme-switch", "logout").doesNotStartWith("vaadin-side-nav");

            // The dialog's opener is replaced by a live update while the dialog is open; focus still returns to it.
            IncidentSummary incident = As.viewer(() -> incidents.current()).orElseThrow();
            Keyboard.focus(commander, "draft-status-update");
            Keyboard.press(commander, Keys.ENTER);
            commander.waitFor(By.id("status-update-text"));
            IncidentStatus other = incident.status() == IncidentStatus.MONITORING ? IncidentStatus.MITIGATING : IncidentStatus.MONITORING;
            As.user("commander", Role.COMMANDER, () -> incidents.setStatus(incident.key(), other));
            Keyboard.press(commander, Keys.ESCAPE);
            Ui.waitUntil(commander, LIVE, "focus back on the opener (" + Keyboard.focused(commander) + ")",
                    b -> Keyboard.focused(b).equals("draft-status-update"));

            // A live update replaces the header that holds the focus: focus stays on the same control.
            Keyboard.focus(commander, "edit-incident");
            As.user("commander", Role.COMMANDER, () -> incidents.setStatus(incident.key(), incident.status()));
            Ui.waitUntil(commander, LIVE, "the header re-rendered", b -> b.driver().findElement(By.id("incident-status"))
                    .getText().contains(incident.status().label()));
            Pages.settle(commander);
            assertThat(Keyboard.focused(commander)).isEqualTo("edit-incident");
        }
    }

    @Test
    void phasePageTicksATaskFromTheKeyboardAndKeepsFocusOnIt() throws Exception {
        try (Browser lead = new Browser(port)) {
            lead.login("lead", Demo.PASSWORD);
            lead.open("/");
            Ui.click(lead, By.cssSelector("#phase-card-vpc-connector a"));
            lead.waitFor(By.id("checklist"));
            Pages.settle(lead);

            List<String> order = Keyboard.tabOrder(lead, 60);
            assertThat(order.getFirst()).isEqualTo("skip-link");
            assertThat(order).as("checkboxes and command blocks are Tab stops").contains("tick-1.1", "tick-1.2");
            assertThat(order.indexOf("tick-1.1")).isLessThan(order.indexOf("tick-1.2"));

            Keyboard.focus(lead, "tick-1.1");
            Keyboard.press(lead, Keys.SPACE);
            lead.waitFor(By.id("task-who-1.1"));
            Pages.settle(lead);
            assertThat(Keyboard.focused(lead)).as("focus after ticking").isEqualTo("tick-1.1");
        }
    }

    @Test
    void probeTilesOpenWithEnterAndNewActionTabsThroughItsForm() throws Exception {
        try (Browser operator = new Browser(port)) {
            operator.login("operator", Demo.PASSWORD);
            operator.open("/probes");
            operator.waitFor(By.id("tile-backend-health"));
            Pages.settle(operator);
            assertThat(Keyboard.tabOrder(operator, 80)).as("every probe tile is a Tab stop").contains("tile-backend-health", "tile-redis");
            Keyboard.focus(operator, "tile-backend-health");
            Keyboard.press(operator, Keys.ENTER);
            Ui.waitUntil(operator, LIVE, "the probe's page", b -> b.driver().getCurrentUrl().endsWith("/probes/backend-health"));

            operator.open("/actions/new");
            operator.waitFor(By.id("action-kind"));
            Pages.settle(operator);
            List<String> order = Keyboard.tabOrder(operator, 40);
            assertThat(order.getFirst()).isEqualTo("skip-link");
            assertThat(order).containsSubsequence("action-kind", "action-resource", "action-reason", "preview");
        }
    }

    private static int firstStartingWith(List<String> ids, String prefix) {
        for (int i = 0; i < ids.size(); i++) {
            if (ids.get(i).startsWith(prefix)) {
                return i;
            }
        }
        throw new AssertionError("no Tab stop starting with " + prefix + " in " + ids);
    }
}
