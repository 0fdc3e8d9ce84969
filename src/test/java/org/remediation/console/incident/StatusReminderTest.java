package org.remediation.console.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The reminder and the overrun, against a fixed clock. */
class StatusReminderTest {

    static final Instant START = Instant.parse("2026-11-25T06:00:00Z");

    static StatusUpdateService at(Instant now) {
        return new StatusUpdateService(null, null, null, null, null, null, Clock.fixed(now, ZoneOffset.UTC),
                new IncidentProperties(Duration.ofMinutes(60)), null);
    }

    static IncidentSummary incident(Instant lastUpdate, IncidentStatus status) {
        return new IncidentSummary(1, "INC-1", "t", Severity.P0, status, "", "c", START, null, true, lastUpdate);
    }

    @Test
    void remindsOnceTheCadenceHasPassedSinceTheStartOrTheLastUpdate() {
        assertThat(at(START.plusSeconds(59 * 60)).reminderDue(incident(null, IncidentStatus.MITIGATING))).isFalse();
        assertThat(at(START.plusSeconds(60 * 60)).reminderDue(incident(null, IncidentStatus.MITIGATING))).isTrue();
        Instant posted = START.plusSeconds(90 * 60);
        assertThat(at(START.plusSeconds(120 * 60)).reminderDue(incident(posted, IncidentStatus.MITIGATING))).isFalse();
        assertThat(at(START.plusSeconds(150 * 60)).reminderDue(incident(posted, IncidentStatus.MITIGATING))).isTrue();
        assertThat(at(START.plusSeconds(600 * 60)).reminderDue(incident(posted, IncidentStatus.RESOLVED))).isFalse();
    }

    @Test
    void aPhasePastItsPlannedEndAndNotSignedOffIsOverrun() {
        PhaseState phase = new PhaseState(1, "INC-1", 1, "a", "A", Severity.P0, "Infrastructure", java.util.List.of(),
                0, 240, java.util.List.of(), "", "", java.util.List.of(), PhaseStatus.ACTIVE, null, null,
                java.util.List.of(), java.util.List.of(), null);
        assertThat(phase.overrun(START, START.plusSeconds(240 * 60))).isFalse();
        assertThat(phase.overrun(START, START.plusSeconds(241 * 60))).isTrue();
    }
}
