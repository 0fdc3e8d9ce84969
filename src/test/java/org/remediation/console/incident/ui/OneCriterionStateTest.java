package org.remediation.console.incident.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.remediation.console.base.identity.SystemActor;
import org.remediation.console.criteria.CriteriaService;
import org.remediation.console.criteria.CriteriaSpringTest;
import org.remediation.console.criteria.EvidenceSnapshot;
import org.remediation.console.criteria.InMemoryProbeMeasurements;
import org.remediation.console.criteria.ui.CriterionBadge;
import org.remediation.console.incident.ChecklistService;
import org.remediation.console.incident.IncidentService;
import org.remediation.console.incident.IncidentSummary;
import org.remediation.console.incident.PhaseState;
import org.remediation.console.incident.Runbook;
import org.remediation.console.incident.Severity;
import org.remediation.console.incident.SignOffService;
import org.remediation.console.incident.StatusUpdateService;
import org.remediation.console.security.Role;
import org.remediation.console.support.As;
import org.remediation.console.support.KaribuTest;
import org.remediation.console.support.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * A criterion has one state: after it changes, the board, the phase page, the sign-off gate, the
 * status-update draft and the frozen evidence all say the same thing.
 */
@CriteriaSpringTest
@WithMockUser(username = "viewer", roles = "VIEWER") // reads need a signed-in caller
class OneCriterionStateTest extends KaribuTest {

    static final Instant T0 = Instant.parse("2026-11-26T12:00:00Z");

    @Autowired IncidentService incidents;
    @Autowired ChecklistService checklist;
    @Autowired SignOffService signOffs;
    @Autowired StatusUpdateService updates;
    @Autowired CriteriaService criteria;
    @Autowired InMemoryProbeMeasurements probes;
    @Autowired MutableClock clock;

    final String target = "one-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void boardPhasePageGateDraftAndEvidenceAgreeAfterEachChange() {
        clock.set(T0);
        PhaseState phase = open();
        String key = phase.incidentKey();
        As.user("lead", Role.TEAM_LEAD, () -> checklist.setDone(phase.tasks().get(0).id(),
                phase.tasks().get(0).version(), true));

        // Nothing met yet: every reader says 0 of 2.
        agree(key, phase.id(), 0);

        // The measured criterion turns met from probe data.
        probes.results(target, T0, Duration.ofSeconds(10), 6, true, 300);
        clock.set(T0.plusSeconds(61));
        SystemActor.run(() -> criteria.onProbeResult(target));
        agree(key, phase.id(), 1);

        // The lead confirms the manual one on the phase page, with evidence.
        login("lead", Role.TEAM_LEAD);
        navigate("phases/" + phase.id());
        _setValue(_get(TextField.class, s -> s.withId("evidence-qa")), "QA-42 passed");
        _click(_get(Button.class, s -> s.withId("confirm-qa")));
        MockVaadin.clientRoundtrip(false);
        agree(key, phase.id(), 2);

        login("lead", Role.TEAM_LEAD);
        navigate("phases/" + phase.id());
        _click(_get(Button.class, s -> s.withId("sign-off")));
        _click(_get(Button.class, s -> s.withId("yes-sign-off")));
        var record = signOffs.history(phase.id()).get(0);
        List<EvidenceSnapshot> frozen = signOffs.frozenEvidence(record);
        assertThat(frozen).extracting(EvidenceSnapshot::label).containsExactly("Backend is fast", "QA passed");
        assertThat(frozen).allSatisfy(e -> assertThat(e.state().label()).isEqualTo("met"));
        assertThat(frozen.get(1).value()).isEqualTo("QA-42 passed");
        assertThat(frozen.get(1).confirmedBy()).isEqualTo("lead");
        MockVaadin.clientRoundtrip(false);
        String shown = _get(UnorderedList.class, s -> s.withId("frozen-evidence")).getElement().getTextRecursively();
        assertThat(shown).contains("Backend is fast: 300").contains("QA passed: confirmed by lead — QA-42 passed")
                .doesNotContain("qa:");
    }

    /** Board card, phase page, gate and status draft read the same state: {@code met} of the two criteria met. */
    private void agree(String key, long phaseId, int met) {
        PhaseState now = As.viewer(() -> incidents.phase(phaseId)).orElseThrow();
        assertThat(now.criteriaMet()).isEqualTo(met);

        login("viewer", Role.VIEWER);
        BoardViewTest.show(key);
        assertThat(_get(Span.class, s -> s.withId("criteria-a")).getText()).contains(met + " / 2 met");

        navigate("phases/" + phaseId);
        assertThat(_get(com.vaadin.flow.component.html.Div.class, s -> s.withId("criterion-fast"))
                .getChildren().filter(CriterionBadge.class::isInstance).map(CriterionBadge.class::cast)
                .findFirst().orElseThrow().stateText()).isEqualTo(met >= 1 ? "met" : "no data");

        List<String> reasons = As.viewer(() -> signOffs.blockingReasons(phaseId));
        assertThat(reasons.stream().filter(r -> r.startsWith("criterion ")).count()).isEqualTo(2 - met);

        String draft = As.user("commander", Role.COMMANDER, () -> updates.draft(key));
        assertThat(draft).contains("| " + met + "/2 |");
        assertThat(draft).contains(met >= 1 ? "[met] Backend is fast" : "[no data] Backend is fast");
        assertThat(draft).contains(met == 2 ? "[met] QA passed (phase a): confirmed by lead: QA-42 passed"
                : "[not met] QA passed (phase a): manual, awaiting confirmation");
    }

    private PhaseState open() {
        Runbook plan = new Runbook("One state drill", Severity.P1, "none", List.of(
                new Runbook.Phase("a", "Phase A", Severity.P0, "Infrastructure", List.of(), 0, 60, List.of(), "", "",
                        List.of(), List.of(new Runbook.Task("a1", "Scale it", "Infrastructure", null, null, null)),
                        List.of(new Runbook.Criterion("fast", "Backend is fast", target,
                                        target + " p95 < 1000 ms over 15m min 5"),
                                new Runbook.Criterion("qa", "QA passed", null)))));
        IncidentSummary inc = As.user("commander", Role.COMMANDER, () -> incidents.create(
                "O-" + (int) (Math.random() * 1e8), plan));
        return As.viewer(() -> incidents.phases(inc.key())).get(0);
    }
}
