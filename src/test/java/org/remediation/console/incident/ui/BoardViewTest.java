package org.remediation.console.incident.ui;

import org.springframework.security.test.context.support.WithMockUser;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.QueryParameters;
import org.junit.jupiter.api.Test;
import org.remediation.console.incident.ChecklistService;
import org.remediation.console.incident.IncidentService;
import org.remediation.console.incident.IncidentChanged;
import org.remediation.console.incident.IncidentSummary;
import org.remediation.console.incident.PhaseState;
import org.remediation.console.incident.TaskState;
import org.remediation.console.incident.SignOffService;
import org.remediation.console.incident.TestPlans;
import org.remediation.console.security.Role;
import org.remediation.console.support.As;
import org.remediation.console.support.KaribuTest;
import org.springframework.beans.factory.annotation.Autowired;

@WithMockUser(username = "viewer", roles = "VIEWER") // reads need a signed-in caller
class BoardViewTest extends KaribuTest {

    @Autowired IncidentService incidents;
    @Autowired ChecklistService checklist;
    @Autowired SignOffService signOffs;
    @Autowired org.springframework.context.ApplicationEventPublisher events;

    static void show(String key) {
        UI.getCurrent().navigate("", QueryParameters.of("incident", key));
    }

    @Test
    void aViewerSeesThe1278BoardWithOneCardPerPhaseAndNoCommanderControls() {
        login("viewer", Role.VIEWER);
        show("INC-1278");
        assertThat(_get(H1.class).getText()).startsWith("INC-1278 · Issue #1278");
        assertThat(_find(PhaseCard.class)).hasSize(4);
        assertThat(_get(Span.class, s -> s.withId("tasks-vpc-connector")).getText()).contains("/ 5 done");
        // phase 1: six criteria of the seeds plus the connector utilisation and instance floor read from metrics (issue 18)
        assertThat(_get(Span.class, s -> s.withId("criteria-vpc-connector")).getText()).contains("/ 8 met");
        assertThat(_get(Span.class, s -> s.withId("incident-elapsed")).getText()).startsWith("Elapsed ");
        assertThat(_find(Button.class, s -> s.withId("draft-status-update"))).isEmpty();
        assertThat(_find(com.vaadin.flow.component.select.Select.class, s -> s.withId("incident-status"))).isEmpty();
    }

    @Test
    void theCommanderSeesTheStatusUpdateReminderAndDraftsAnUpdate() {
        IncidentSummary fresh = TestPlans.open(incidents);
        login("commander", Role.COMMANDER);
        show("INC-1278");
        if (incidents.find("INC-1278").orElseThrow().lastStatusUpdateAt() == null) {
            _get(Span.class, s -> s.withId("status-update-reminder"));
        }
        show(fresh.key());
        assertThat(_find(Span.class, s -> s.withId("status-update-reminder"))).isEmpty();
        _get(com.vaadin.flow.component.select.Select.class, s -> s.withId("incident-picker"));
        com.github.mvysny.kaributesting.v10.LocatorJ._click(_get(Button.class, s -> s.withId("draft-status-update")));
        assertThat(_get(com.vaadin.flow.component.textfield.TextArea.class, s -> s.withId("status-update-text"))
                .getValue()).contains("## " + fresh.key() + " status update", "| 1 | Phase A |");
    }

    @Test
    void anOverrideIsLoudOnTheBoard() {
        IncidentSummary inc = TestPlans.open(incidents);
        long phaseB = TestPlans.phase(incidents, inc.key(), "b").id();
        As.user("commander", Role.COMMANDER, () -> signOffs.overrideSignOff(phaseB, "Vendor says it is fixed"));
        login("viewer", Role.VIEWER);
        show(inc.key());
        assertThat(_get(Span.class, s -> s.withId("override-b")).getText()).contains("OVERRIDE", "Vendor says it is fixed");
    }

    @Test
    void anEventReplacesOnlyTheCardWhoseFiguresChangedAndNothingWhenNothingDid() throws InterruptedException {
        IncidentSummary inc = TestPlans.open(incidents);
        PhaseState a = TestPlans.phase(incidents, inc.key(), "a");
        while (java.time.LocalTime.now(java.time.ZoneOffset.UTC).getSecond() >= 58) {
            Thread.sleep(200); // cards carry minute-granular times: stay clear of a minute boundary
        }
        login("viewer", Role.VIEWER);
        show(inc.key());
        PhaseCard cardA = _get(PhaseCard.class, s -> s.withId("phase-card-a"));
        PhaseCard cardB = _get(PhaseCard.class, s -> s.withId("phase-card-b"));
        IncidentHeader header = _get(IncidentHeader.class);

        events.publishEvent(new IncidentChanged(inc.key(), null)); // e.g. a timeline note: nothing on the board moves
        MockVaadin.clientRoundtrip(false);
        assertThat(_get(PhaseCard.class, s -> s.withId("phase-card-a"))).isSameAs(cardA);
        assertThat(_get(PhaseCard.class, s -> s.withId("phase-card-b"))).isSameAs(cardB);
        assertThat(_get(IncidentHeader.class)).isSameAs(header);

        TaskState task = a.tasks().getFirst();
        As.user("responder", Role.RESPONDER, () -> checklist.setDone(task.id(), task.version(), true));
        MockVaadin.clientRoundtrip(false);
        assertThat(_get(PhaseCard.class, s -> s.withId("phase-card-b"))).isSameAs(cardB);
        assertThat(_get(PhaseCard.class, s -> s.withId("phase-card-a"))).isNotSameAs(cardA);
        assertThat(_get(Span.class, s -> s.withId("tasks-a")).getText()).isEqualTo("Tasks: 1 / " + a.tasks().size() + " done");
    }
}
