package org.remediation.console.incident.ui;

import org.springframework.security.test.context.support.WithMockUser;
import org.remediation.console.base.identity.SystemActor;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.button.Button;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.remediation.console.base.InvalidInputException;
import org.remediation.console.criteria.CriteriaService;
import org.remediation.console.criteria.CriteriaSpringTest;
import org.remediation.console.criteria.InMemoryProbeMeasurements;
import org.remediation.console.incident.ChecklistService;
import org.remediation.console.incident.IncidentService;
import org.remediation.console.incident.IncidentSummary;
import org.remediation.console.incident.PhaseState;
import org.remediation.console.incident.Runbook;
import org.remediation.console.incident.Severity;
import org.remediation.console.incident.SignOffService;
import org.remediation.console.security.Role;
import org.remediation.console.support.As;
import org.remediation.console.support.KaribuTest;
import org.remediation.console.support.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;

/** A plan criterion bound to probe data: results arriving make it met and open the sign-off. */
@CriteriaSpringTest
@WithMockUser(username = "viewer", roles = "VIEWER") // reads need a signed-in caller
class MeasuredSignOffTest extends KaribuTest {

    static final Instant T0 = Instant.parse("2026-11-25T12:00:00Z");

    @Autowired IncidentService incidents;
    @Autowired ChecklistService checklist;
    @Autowired SignOffService signOffs;
    @Autowired CriteriaService criteria;
    @Autowired InMemoryProbeMeasurements probes;
    @Autowired MutableClock clock;

    final String target = "be-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void resultsArrivingTurnTheCriterionMetEnableSignOffAndTheEvidenceIsFrozen() {
        clock.set(T0);
        PhaseState phase = open();
        assertThat(phase.criteria().get(0).measured()).isTrue();
        As.user("responder", Role.RESPONDER, () -> checklist.setDone(phase.tasks().get(0).id(),
                phase.tasks().get(0).version(), true));

        login("lead", Role.TEAM_LEAD);
        navigate("phases/" + phase.id());
        Button signOff = _get(Button.class, spec -> spec.withId("sign-off"));
        assertThat(signOff.isEnabled()).isFalse();
        assertThat(signOffs.blockingReasons(phase.id())).anySatisfy(r -> assertThat(r).contains("p95"));

        probes.results(target, T0, Duration.ofSeconds(10), 6, true, 300);
        clock.set(T0.plusSeconds(61));
        SystemActor.run(() -> criteria.onProbeResult(target));
        MockVaadin.clientRoundtrip(false);

        signOff = _get(Button.class, spec -> spec.withId("sign-off"));
        assertThat(signOff.isEnabled()).isTrue();
        _click(signOff);
        _click(_get(Button.class, spec -> spec.withId("yes-sign-off")));
        var record = signOffs.history(phase.id()).get(0);
        var frozen = signOffs.frozenEvidence(record);
        assertThat(frozen).singleElement().satisfies(e -> {
            assertThat(e.criterionKey()).isEqualTo("fast");
            assertThat(e.sampleCount()).isEqualTo(6);
            assertThat(e.value()).contains("300");
            assertThat(e.threshold()).contains("1000");
        });
        assertThat(_get(com.vaadin.flow.component.html.UnorderedList.class, spec -> spec.withId("frozen-evidence"))
                .getElement().getTextRecursively()).contains("fast").contains("6 samples");
    }

    @Test
    void aMeasuredCriterionCannotBeTickedByHand() {
        clock.set(T0);
        PhaseState phase = open();
        var criterion = phase.criteria().get(0);
        assertThatThrownBy(() -> As.user("lead", Role.TEAM_LEAD, () -> criteria.confirmManual(criterion.owner(),
                "trust me"))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("measured");
    }

    private PhaseState open() {
        Runbook plan = new Runbook("Measured drill", Severity.P1, "none", List.of(
                new Runbook.Phase("a", "Phase A", Severity.P0, "Infrastructure", List.of(), 0, 60, List.of(), "", "",
                        List.of(), List.of(new Runbook.Task("a1", "Scale it", "Infrastructure", null, null, null)),
                        List.of(new Runbook.Criterion("fast", "Backend is fast", target,
                                target + " p95 < 1000 ms over 15m min 5")))));
        IncidentSummary inc = As.user("commander", Role.COMMANDER, () -> incidents.create(
                "M-" + (int) (Math.random() * 1e8), plan));
        return incidents.phases(inc.key()).get(0);
    }
}
