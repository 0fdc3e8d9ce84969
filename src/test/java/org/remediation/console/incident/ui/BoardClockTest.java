package org.remediation.console.incident.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.QueryParameters;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.remediation.console.criteria.CriteriaSpringTest;
import org.remediation.console.incident.IncidentService;
import org.remediation.console.incident.IncidentSummary;
import org.remediation.console.incident.TestPlans;
import org.remediation.console.security.Role;
import org.remediation.console.support.KaribuTest;
import org.remediation.console.support.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.security.test.context.support.WithMockUser;

/** Issue 15, item 4: open boards' clocks lagged a fresh load's by up to a minute. */
@CriteriaSpringTest
@WithMockUser(username = "viewer", roles = "VIEWER")
class BoardClockTest extends KaribuTest {

    static final Instant T0 = Instant.parse("2026-11-26T01:00:00Z");

    @Autowired IncidentService incidents;
    @Autowired ApplicationEventPublisher events;
    @Autowired MutableClock clock;

    @Test
    void theTickComesAtTheStartOfEachMinute() throws NoSuchMethodException {
        String cron = Ticker.class.getDeclaredMethod("tick").getAnnotation(Scheduled.class).cron();
        LocalDateTime midMinute = LocalDateTime.of(2026, 11, 26, 3, 8, 30);
        assertThat(CronExpression.parse(cron).next(midMinute)).isEqualTo(LocalDateTime.of(2026, 11, 26, 3, 9, 0));
        assertThat(CronExpression.parse(cron).next(LocalDateTime.of(2026, 11, 26, 3, 9, 0)))
                .isEqualTo(LocalDateTime.of(2026, 11, 26, 3, 10, 0));
    }

    @Test
    void anOpenBoardSaysWhatAFreshLoadSaysAfterEachTick() {
        clock.set(T0);
        IncidentSummary incident = TestPlans.open(incidents);
        login("viewer", Role.VIEWER);
        clock.set(T0.plusSeconds(2 * 3600 + 8 * 60 + 30)); // 2h 08m 30s
        show(incident.key());
        assertThat(elapsed()).isEqualTo("Elapsed 2h 8m");

        clock.set(T0.plusSeconds(2 * 3600 + 9 * 60)); // the tick at the start of the minute
        events.publishEvent(new Ticker.Tick());
        MockVaadin.clientRoundtrip(false);
        String open = elapsed();
        show(incident.key());
        assertThat(open).as("the open board agrees with a fresh load").isEqualTo(elapsed()).isEqualTo("Elapsed 2h 9m");
    }

    private static String elapsed() {
        return _get(Span.class, s -> s.withId("incident-elapsed")).getText();
    }

    private static void show(String key) {
        com.vaadin.flow.component.UI.getCurrent().navigate("", QueryParameters.of("incident", key));
    }
}
