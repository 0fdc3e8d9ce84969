package org.remediation.console.incident.ui;

import org.springframework.security.test.context.support.WithMockUser;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import org.junit.jupiter.api.Test;
import org.remediation.console.incident.IncidentService;
import org.remediation.console.incident.IncidentSummary;
import org.remediation.console.incident.PhaseState;
import org.remediation.console.incident.SignOffService;
import org.remediation.console.incident.TestPlans;
import org.remediation.console.security.Role;
import org.remediation.console.support.As;
import org.remediation.console.support.KaribuTest;
import org.springframework.beans.factory.annotation.Autowired;

@WithMockUser(username = "viewer", roles = "VIEWER") // reads need a signed-in caller
class TimelineAndRunbooksViewTest extends KaribuTest {

    @Autowired IncidentService incidents;
    @Autowired SignOffService signOffs;

    @Test
    void theTimelineListsEventsInOrderAndAnOverrideStandsOut() {
        IncidentSummary inc = TestPlans.open(incidents);
        login("viewer", Role.VIEWER);
        UI.getCurrent().navigate("timeline", QueryParameters.of("incident", inc.key()));
        assertThat(_find(Div.class, s -> s.withClasses("timeline-row"))).hasSize(1);
        As.user("commander", Role.COMMANDER, () -> signOffs.overrideSignOff(
                TestPlans.phase(incidents, inc.key(), "a").id(), "Drill, no real outage"));
        MockVaadin.clientRoundtrip(false);
        var rows = _find(Div.class, s -> s.withClasses("timeline-row"));
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1).getClassNames()).contains("timeline-loud");
        _get(com.vaadin.flow.component.html.Anchor.class, s -> s.withId("timeline-export"));
    }

    @Test
    void aBadRunbookShowsPathAndLineAndOpensNothing() {
        login("commander", Role.COMMANDER);
        navigate("runbooks");
        String key = TestPlans.newKey();
        _setValue(_get(TextArea.class, s -> s.withId("runbook-yaml")), "title: t\nseverity: P7\nphases: []\n");
        _setValue(_get(TextField.class, s -> s.withId("runbook-incident-key")), key);
        _click(_get(Button.class, s -> s.withId("runbook-import")));
        assertThat(_find(ListItem.class)).extracting(ListItem::getText)
                .contains("severity: line 2: 'P7' is not one of P0, P1, P2, P3");
        assertThat(incidents.find(key)).isEmpty();
    }

    @Test
    void theTemplateOpensANewIncidentFromTheRunbooksView() {
        login("commander", Role.COMMANDER);
        navigate("runbooks");
        String key = TestPlans.newKey();
        _click(_get(Button.class, s -> s.withId("runbook-template")));
        _setValue(_get(TextField.class, s -> s.withId("runbook-incident-key")), key);
        _click(_get(Button.class, s -> s.withId("runbook-import")));
        assertThat(incidents.phases(key)).hasSize(4);
        assertThat(_find(PhaseCard.class)).hasSize(4);
    }

    @Test
    void aCriterionOnAnUnknownProbeTargetOpensTheIncidentWithAWarning() {
        login("commander", Role.COMMANDER);
        navigate("runbooks");
        String key = TestPlans.newKey();
        String target = "ghost-" + key.toLowerCase();
        _setValue(_get(TextArea.class, s -> s.withId("runbook-yaml")), "title: Drill\nseverity: P1\nphases:\n"
                + "  - key: a\n    title: A\n    priority: P0\n    owner: Infrastructure\n"
                + "    window: { start: 0h, end: 4h }\n    criteria:\n      - key: ghost\n        text: It answers\n"
                + "        measure: \"" + target + " up\"\n");
        _click(_get(Button.class, s -> s.withId("runbook-validate")));
        assertThat(_find(ListItem.class, s -> s.withClasses("runbook-warning"))).extracting(ListItem::getText)
                .singleElement().asString().startsWith("warning: phases[0].criteria[0].measure: line 12: criterion ghost: "
                        + "no such probe target: " + target);
        _setValue(_get(TextField.class, s -> s.withId("runbook-incident-key")), key);
        _click(_get(Button.class, s -> s.withId("runbook-import")));
        assertThat(incidents.find(key)).isPresent();
        assertThat(NotificationsKt.getNotifications()).extracting(n -> n.getElement().getProperty("text", ""))
                .anySatisfy(t -> assertThat(t).startsWith("Incident " + key + " opened, with 1 warning: ")
                        .contains("no such probe target: " + target));
    }

    @Test
    void onlyTheCommanderOpensRunbooks() {
        login("lead", Role.TEAM_LEAD);
        assertDenied("runbooks");
        assertThat(_find(RunbooksView.class)).isEmpty();
    }

    @Test
    void theCommanderCannotSaveAWindowThatEndsBeforeItStarts() {
        IncidentSummary inc = TestPlans.open(incidents);
        PhaseState b = TestPlans.phase(incidents, inc.key(), "b");
        login("commander", Role.COMMANDER);
        navigate("phases/" + b.id());
        _click(_get(Button.class, s -> s.withId("edit-phase")));
        _setValue(_get(TextField.class, s -> s.withId("phase-window-end")), "30m");
        _click(_get(Button.class, s -> s.withId("phase-edit-save")));
        assertThat(_get(TextField.class, s -> s.withId("phase-window-end")).isInvalid()).isTrue();
        assertThat(TestPlans.phase(incidents, inc.key(), "b").windowEndMinutes()).isEqualTo(120);
        _setValue(_get(TextField.class, s -> s.withId("phase-window-end")), "3h");
        _click(_get(Button.class, s -> s.withId("phase-edit-save")));
        assertThat(TestPlans.phase(incidents, inc.key(), "b").windowEndMinutes()).isEqualTo(180);
    }
}
