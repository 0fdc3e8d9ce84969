package org.remediation.console.criteria.ui;

import org.springframework.security.test.context.support.WithMockUser;
import org.remediation.console.base.identity.SystemActor;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.remediation.console.base.LiveEvents;
import org.remediation.console.criteria.CriteriaService;
import org.remediation.console.criteria.CriteriaSpringTest;
import org.remediation.console.criteria.CriterionDefinition;
import org.remediation.console.criteria.EscalationAlert;
import org.remediation.console.criteria.EscalationService;
import org.remediation.console.criteria.FakePhaseTimes;
import org.remediation.console.criteria.PhaseTimes.PhaseTiming;
import org.remediation.console.security.Role;
import org.remediation.console.support.As;
import org.remediation.console.support.KaribuTest;
import org.remediation.console.support.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;

@CriteriaSpringTest
@WithMockUser(username = "viewer", roles = "VIEWER") // reads need a signed-in caller
class EscalationBannerTest extends KaribuTest {

    static final Instant T0 = Instant.parse("2026-11-25T13:00:00Z");

    @Autowired CriteriaService criteria;
    @Autowired EscalationService escalations;
    @Autowired LiveEvents live;
    @Autowired FakePhaseTimes phaseTimes;
    @Autowired MutableClock clock;

    final String incident = "eb-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void aFiredEscalationAppearsLiveAndACommanderAcknowledgesIt() {
        clock.set(T0);
        login("commander", Role.COMMANDER);
        As.user("commander", Role.COMMANDER, () -> {
            criteria.defineCriteria(incident, "p1", List.of(new CriterionDefinition("qa", "QA", "manual: QA confirms")));
            escalations.defineRules(incident, "p1", List.of("phase overran its window"));
        });
        phaseTimes.set(incident, "p1", new PhaseTiming(T0, T0.plus(Duration.ofMinutes(30)), null));
        EscalationBanner banner = new EscalationBanner(escalations, live, incident);
        UI.getCurrent().add(banner);
        assertThat(banner.getChildren()).isEmpty();

        clock.set(T0.plus(Duration.ofMinutes(31)));
        EscalationAlert alert = SystemActor.call(() -> escalations.checkAll()).stream().filter(a -> a.incidentKey().equals(incident))
                .findFirst().orElseThrow();
        MockVaadin.clientRoundtrip(false);
        assertThat(banner.getElement().getTextRecursively()).contains("overran its window");

        _click(_get(Button.class, spec -> spec.withId("acknowledge-" + alert.id())));
        assertThat(banner.getChildren()).isEmpty();
        assertThat(escalations.openAlerts(incident)).isEmpty();
    }

    @Test
    void onlyACommanderGetsTheAcknowledgeButton() {
        clock.set(T0);
        As.user("commander", Role.COMMANDER, () -> {
            criteria.defineCriteria(incident, "p1", List.of(new CriterionDefinition("qa", "QA", "manual: QA confirms")));
            escalations.defineRules(incident, "p1", List.of("phase overran its window"));
        });
        phaseTimes.set(incident, "p1", new PhaseTiming(T0, T0.plus(Duration.ofMinutes(30)), null));
        clock.set(T0.plus(Duration.ofMinutes(31)));
        SystemActor.call(() -> escalations.checkAll());
        login("viewer", Role.VIEWER);
        EscalationBanner banner = new EscalationBanner(escalations, live, incident);
        UI.getCurrent().add(banner);
        assertThat(banner.getElement().getTextRecursively()).contains("overran");
        assertThat(_find(Button.class, spec -> spec.withText("Acknowledge"))).isEmpty();
    }

    /** Issue 15: a banner kept saying the phase overran after it was signed off. */
    @Test
    void theBannerSaysWhenItsConditionEndedLiveAndNoLongerAsksForAction() {
        clock.set(T0);
        login("commander", Role.COMMANDER);
        As.user("commander", Role.COMMANDER, () -> {
            criteria.defineCriteria(incident, "p1", List.of(new CriterionDefinition("qa", "QA", "manual: QA confirms")));
            escalations.defineRules(incident, "p1", List.of("phase overran its window"));
        });
        phaseTimes.set(incident, "p1", new PhaseTiming(T0, T0.plus(Duration.ofMinutes(30)), null));
        EscalationBanner banner = new EscalationBanner(escalations, live, incident);
        UI.getCurrent().add(banner);
        assertThat(banner.getElement().getAttribute("aria-live")).as("announced to screen readers").isEqualTo("assertive");
        clock.set(T0.plus(Duration.ofMinutes(31)));
        SystemActor.call(() -> escalations.checkAll());
        MockVaadin.clientRoundtrip(false);
        assertThat(banner.getElement().getTextRecursively()).contains("Escalation (fired 13:31 UTC)");

        phaseTimes.set(incident, "p1", new PhaseTiming(T0, T0.plus(Duration.ofMinutes(30)), T0.plus(Duration.ofMinutes(40))));
        clock.set(T0.plus(Duration.ofMinutes(41)));
        SystemActor.call(() -> escalations.checkAll());
        MockVaadin.clientRoundtrip(false);
        assertThat(banner.getElement().getTextRecursively()).startsWith("Resolved at 13:41 UTC").contains("overran");
        assertThat(_find(Button.class, spec -> spec.withText("Acknowledge"))).as("nothing left to acknowledge").isEmpty();

        clock.set(T0.plus(Duration.ofMinutes(57)));
        UI.getCurrent().remove(banner);
        EscalationBanner later = new EscalationBanner(escalations, live, incident);
        UI.getCurrent().add(later);
        assertThat(later.getChildren()).as("gone after 15 minutes").isEmpty();
    }
}
