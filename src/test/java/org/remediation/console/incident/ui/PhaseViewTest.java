package org.remediation.console.incident.ui;

import org.springframework.security.test.context.support.WithMockUser;
import org.remediation.console.base.identity.SystemActor;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.VaadinSession;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.remediation.console.criteria.CriteriaService;
import org.remediation.console.criteria.ui.CriterionBadge;
import org.remediation.console.incident.ChecklistService;
import org.remediation.console.incident.IncidentService;
import org.remediation.console.incident.IncidentSummary;
import org.remediation.console.incident.PhaseState;
import org.remediation.console.incident.PhaseStatus;
import org.remediation.console.incident.RunbookService;
import org.remediation.console.incident.TaskState;
import org.remediation.console.incident.TestPlans;
import org.remediation.console.probe.ProbeTargetService;
import org.remediation.console.probe.TargetDraft;
import org.remediation.console.security.Role;
import org.remediation.console.support.As;
import org.remediation.console.support.KaribuTest;
import org.springframework.beans.factory.annotation.Autowired;

@WithMockUser(username = "viewer", roles = "VIEWER") // reads need a signed-in caller
class PhaseViewTest extends KaribuTest {

    @Autowired IncidentService incidents;
    @Autowired ChecklistService checklist;
    @Autowired org.springframework.context.ApplicationEventPublisher events;
    @Autowired RunbookService runbooks;
    @Autowired CriteriaService criteria;
    @Autowired ProbeTargetService targets;

    private PhaseState open(String phaseKey) {
        IncidentSummary inc = TestPlans.open(incidents);
        return TestPlans.phase(incidents, inc.key(), phaseKey);
    }

    @Test
    void aResponderTicksATaskAndSeesWhoAndWhen() {
        PhaseState a = open("a");
        login("responder", Role.RESPONDER);
        navigate("phases/" + a.id());
        _setValue(_get(Checkbox.class, s -> s.withId("tick-a1")), true);
        assertThat(checklist.task(a.tasks().get(0).id()).orElseThrow().doneBy()).isEqualTo("responder");
        MockVaadin.clientRoundtrip(false);
        assertThat(_get(Span.class, s -> s.withId("task-who-a1")).getText()).startsWith("✔ responder at ");
        assertThat(_get(Anchor.class, s -> s.withId("request-action-a1")).getHref())
                .isEqualTo("actions/new?task=" + a.tasks().get(0).id());
        assertThat(_get(com.vaadin.flow.component.html.Pre.class, s -> s.withClasses("task-command")).getText())
                .isEqualTo("gcloud do-it");
    }

    @Test
    void anIncidentWideEventThatChangesNothingHereLeavesTheChecklistInPlace() {
        PhaseState a = open("a");
        login("responder", Role.RESPONDER);
        navigate("phases/" + a.id());
        Checkbox before = _get(Checkbox.class, s -> s.withId("tick-a1"));
        // e.g. a timeline note: rebuilding here would drop a tick or note the user is making right now
        events.publishEvent(new org.remediation.console.incident.IncidentChanged(a.incidentKey(), null));
        MockVaadin.clientRoundtrip(false);
        assertThat(_get(Checkbox.class, s -> s.withId("tick-a1"))).isSameAs(before);

        As.user("lead", Role.TEAM_LEAD, () -> checklist.setDone(a.tasks().get(0).id(), a.tasks().get(0).version(), true));
        MockVaadin.clientRoundtrip(false);
        Checkbox after = _get(Checkbox.class, s -> s.withId("tick-a1"));
        assertThat(after).isNotSameAs(before);
        assertThat(after.getValue()).isTrue();
    }

    @Test
    void aCriterionOnAProbeTargetThatDoesNotExistSaysSoUntilTheTargetIsCreated() {
        String target = "ghost-" + TestPlans.newKey().toLowerCase();
        String key = TestPlans.newKey();
        As.user("commander", Role.COMMANDER, () -> runbooks.importAsIncident(key, "title: Drill\nseverity: P1\n"
                + "phases:\n  - key: a\n    title: A\n    priority: P0\n    owner: Infrastructure\n"
                + "    window: { start: 0h, end: 4h }\n    criteria:\n      - key: ghost\n"
                + "        text: The new service answers\n        measure: \"" + target + " up\"\n"));
        PhaseState a = TestPlans.phase(incidents, key, "a");
        login("viewer", Role.VIEWER);
        navigate("phases/" + a.id());
        CriterionBadge badge = _get(CriterionBadge.class);
        assertThat(badge.valueText()).startsWith("no such probe target: " + target);
        assertThat(badge.getElement().getAttribute("title")).contains("no such probe target: " + target);

        As.user("admin", Role.ADMIN, () -> targets.create(new TargetDraft(target, "Ghost", "HTTP",
                Map.of("url", "http://127.0.0.1:9/health"), Duration.ofSeconds(30), Duration.ofSeconds(1), false,
                "ghosts", null)));
        SystemActor.run(() -> criteria.reevaluateAll());
        MockVaadin.clientRoundtrip(false);
        navigate("phases/" + a.id());
        assertThat(_get(CriterionBadge.class).valueText()).doesNotContain("no such probe target")
                .startsWith("unknown");
    }

    /** Issue 15: a measured figure moving rebuilt the page and erased what was being typed into "Add a task". */
    @Test
    void whatAUserIsTypingSurvivesAMeasuredCriterionChangingUnderneath() {
        String target = "later-" + TestPlans.newKey().toLowerCase();
        String key = TestPlans.newKey();
        As.user("commander", Role.COMMANDER, () -> runbooks.importAsIncident(key, "title: Drill\nseverity: P1\n"
                + "phases:\n  - key: a\n    title: A\n    priority: P0\n    owner: Infrastructure\n"
                + "    window: { start: 0h, end: 4h }\n    criteria:\n      - key: answers\n"
                + "        text: The new service answers\n        measure: \"" + target + " up\"\n"
                + "      - key: qa\n        text: QA confirms\n"));
        PhaseState a = TestPlans.phase(incidents, key, "a");
        login("commander", Role.COMMANDER);
        navigate("phases/" + a.id());
        TextField task = _get(TextField.class, s -> s.withId("new-task-text"));
        _setValue(task, "Restart the pooler on db-2");
        TextField evidence = _get(TextField.class, s -> s.withId("evidence-qa"));
        _setValue(evidence, "QA ran the smoke suite: 42/42");
        String before = _get(_get(com.vaadin.flow.component.html.Div.class, s -> s.withId("criterion-answers")), CriterionBadge.class).valueText();

        As.user("admin", Role.ADMIN, () -> targets.create(new TargetDraft(target, "Later", "HTTP",
                Map.of("url", "http://127.0.0.1:9/health"), Duration.ofSeconds(30), Duration.ofSeconds(1), false,
                "later", null)));
        SystemActor.run(() -> criteria.reevaluateAll());
        MockVaadin.clientRoundtrip(false);

        assertThat(_get(_get(com.vaadin.flow.component.html.Div.class, s -> s.withId("criterion-answers")), CriterionBadge.class).valueText())
                .as("the measured figure moved, live").isNotEqualTo(before);
        assertThat(_get(TextField.class, s -> s.withId("new-task-text"))).as("not rebuilt").isSameAs(task);
        assertThat(task.getValue()).isEqualTo("Restart the pooler on db-2");
        assertThat(_get(TextField.class, s -> s.withId("evidence-qa"))).as("not rebuilt").isSameAs(evidence);
        assertThat(evidence.getValue()).isEqualTo("QA ran the smoke suite: 42/42");
    }

    @Test
    void aViewerCannotTickAnything() {
        PhaseState a = open("a");
        login("viewer", Role.VIEWER);
        navigate("phases/" + a.id());
        assertThat(_get(Checkbox.class, s -> s.withId("tick-a1")).isReadOnly()).isTrue();
        assertThat(_find(Button.class, s -> s.withId("sign-off"))).isEmpty();
        assertThat(_find(Button.class, s -> s.withId("override-sign-off"))).isEmpty();
    }

    @Test
    void whoeverTicksSecondIsToldAndTheRowReloads() {
        PhaseState a = open("a");
        login("responder", Role.RESPONDER);
        TaskState seen = a.tasks().get(0);
        boolean[] reloaded = {false};
        // the responder's row still shows the version before someone else's change reached it
        TaskRow row = new TaskRow(seen, true, checklist, () -> reloaded[0] = true);
        UI.getCurrent().add(row);
        As.user("lead", Role.TEAM_LEAD, () -> checklist.setNote(seen.id(), seen.version(), "done from the CLI"));
        _setValue(_get(row, Checkbox.class, s -> s.withId("tick-a1")), true);
        MockVaadin.clientRoundtrip(false);
        NotificationsKt.expectNotifications(
                "Someone else changed task a1 first (it is now not ticked). Your change was not saved; the checklist "
                        + "now shows their version — check it and try again.");
        assertThat(reloaded[0]).isTrue();
        TaskState now = checklist.task(seen.id()).orElseThrow();
        assertThat(now.done()).isFalse();
        assertThat(now.note()).isEqualTo("done from the CLI");
    }

    @Test
    void theLeadSignsOffOnceTheGateIsClear() {
        PhaseState a = open("a");
        login("lead", Role.TEAM_LEAD);
        navigate("phases/" + a.id());
        assertThat(_find(ListItem.class)).extracting(ListItem::getText)
                .contains("task a1 is not done: Scale it", "criterion 'It works': not confirmed yet (manual criterion)");
        assertThat(_get(Button.class, s -> s.withId("sign-off")).isEnabled()).isFalse();
        _setValue(_get(Checkbox.class, s -> s.withId("tick-a1")), true);
        MockVaadin.clientRoundtrip(false);
        _click(_get(Button.class, s -> s.withId("confirm-a-ok")));
        assertThat(_find(ListItem.class)).extracting(ListItem::getText)
                .contains("criterion 'It works': not confirmed yet (manual criterion)"); // evidence is required
        _setValue(_get(TextField.class, s -> s.withId("evidence-a-ok")), "p95 420 ms for 15 min");
        _click(_get(Button.class, s -> s.withId("confirm-a-ok")));
        MockVaadin.clientRoundtrip(false);
        assertThat(_get(Span.class, s -> s.withId("confirmed-a-ok")).getText())
                .startsWith("confirmed by lead at").endsWith(": p95 420 ms for 15 min");
        MockVaadin.clientRoundtrip(false);
        _click(_get(Button.class, s -> s.withId("sign-off")));
        _click(_get(Button.class, s -> s.withId("yes-sign-off")));
        assertThat(TestPlans.phase(incidents, a.incidentKey(), "a").status()).isEqualTo(PhaseStatus.SIGNED_OFF);
        MockVaadin.clientRoundtrip(false);
        assertThat(_get(Checkbox.class, s -> s.withId("tick-a1")).isReadOnly()).isTrue();
    }

    @Test
    void theCommanderOverridesWithAReasonThatListsWhatIsBypassed() {
        PhaseState b = open("b");
        login("commander", Role.COMMANDER);
        navigate("phases/" + b.id());
        _click(_get(Button.class, s -> s.withId("override-sign-off")));
        assertThat(_find(ListItem.class)).extracting(ListItem::getText)
                .contains("depends on phase 'Phase A', which is active, not signed off");
        _setValue(_get(TextArea.class, s -> s.withId("override-reason")), "short");
        _click(_get(Button.class, s -> s.withId("override-confirm")));
        assertThat(_get(TextArea.class, s -> s.withId("override-reason")).isInvalid()).isTrue();
        assertThat(TestPlans.phase(incidents, b.incidentKey(), "b").signedOff()).isFalse();
        _setValue(_get(TextArea.class, s -> s.withId("override-reason")), "Phase A verified by hand with vendor");
        _click(_get(Button.class, s -> s.withId("override-confirm")));
        assertThat(TestPlans.phase(incidents, b.incidentKey(), "b").lastSignOff().override()).isTrue();
        MockVaadin.clientRoundtrip(false);
        assertThat(_get(Span.class, s -> s.withId("signoff-override")).getText()).contains("OVERRIDE");
    }

    @Test
    void aTickInOneUiReachesASecondUiThroughPush() {
        PhaseState a = open("a");
        login("responder", Role.RESPONDER);
        BoardViewTest.show(a.incidentKey());
        UI first = UI.getCurrent();
        assertThat(_get(Span.class, s -> s.withId("tasks-a")).getText()).isEqualTo("Tasks: 0 / 1 done");
        MockVaadin.INSTANCE.createUI$karibu_testing_v10(UI::new, VaadinSession.getCurrent());
        UI second = UI.getCurrent();
        assertThat(second).isNotSameAs(first);
        navigate("phases/" + a.id());
        _setValue(_get(Checkbox.class, s -> s.withId("tick-a1")), true);
        MockVaadin.runUIQueue();
        UI.setCurrent(first);
        assertThat(_get(first, Span.class, s -> s.withId("tasks-a")).getText()).isEqualTo("Tasks: 1 / 1 done");
    }
}
