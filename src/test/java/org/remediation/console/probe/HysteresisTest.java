package org.remediation.console.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.remediation.console.probe.Outcome.DEGRADED;
import static org.remediation.console.probe.Outcome.DOWN;
import static org.remediation.console.probe.Outcome.ERROR;
import static org.remediation.console.probe.Outcome.TIMEOUT;
import static org.remediation.console.probe.Outcome.UP;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HysteresisTest {

    static List<HealthState> feed(Hysteresis h, Outcome... outcomes) {
        List<HealthState> states = new ArrayList<>();
        for (Outcome o : outcomes) {
            states.add(h.apply(o));
        }
        return states;
    }

    @Test
    void startsUnknownAndFirstSuccessIsUp() {
        Hysteresis h = new Hysteresis(3, 2);
        assertThat(h.state()).isEqualTo(HealthState.UNKNOWN);
        assertThat(feed(h, UP)).containsExactly(HealthState.UP);
    }

    @Test
    void goesDownOnlyAfterNConsecutiveFailuresPassingThroughDegraded() {
        Hysteresis h = new Hysteresis(3, 2);
        assertThat(feed(h, UP, DOWN, TIMEOUT, ERROR)).containsExactly(
                HealthState.UP, HealthState.DEGRADED, HealthState.DEGRADED, HealthState.DOWN);
    }

    @Test
    void aSuccessBetweenFailuresResetsTheCount() {
        Hysteresis h = new Hysteresis(3, 2);
        assertThat(feed(h, UP, DOWN, DOWN, UP, DOWN, DOWN)).last().isEqualTo(HealthState.DEGRADED);
    }

    @Test
    void comesBackOnlyAfterMConsecutiveSuccesses() {
        Hysteresis h = new Hysteresis(3, 2);
        feed(h, DOWN, DOWN, DOWN);
        assertThat(feed(h, UP)).containsExactly(HealthState.DOWN);
        assertThat(feed(h, DOWN, UP)).containsExactly(HealthState.DOWN, HealthState.DOWN);
        assertThat(feed(h, UP)).containsExactly(HealthState.UP);
    }

    @Test
    void slowSuccessesKeepItDegradedAndBringADownTargetBackAsDegraded() {
        Hysteresis h = new Hysteresis(3, 2);
        assertThat(feed(h, UP, DEGRADED, DEGRADED)).containsExactly(HealthState.UP, HealthState.DEGRADED, HealthState.DEGRADED);
        feed(h, DOWN, DOWN, DOWN);
        assertThat(feed(h, DEGRADED, DEGRADED)).containsExactly(HealthState.DOWN, HealthState.DEGRADED);
        // slow answers count as successes, so the first fast one after M successes is UP at once
        assertThat(feed(h, UP)).containsExactly(HealthState.UP);
    }

    @Test
    void degradedTargetNeedsMSuccessesToBeUp() {
        Hysteresis h = new Hysteresis(3, 2);
        assertThat(feed(h, UP, DOWN, UP, UP)).containsExactly(
                HealthState.UP, HealthState.DEGRADED, HealthState.DEGRADED, HealthState.UP);
    }

    @Test
    void thresholdsOfOneFollowEveryResult() {
        Hysteresis h = new Hysteresis(1, 1);
        assertThat(feed(h, UP, DOWN, UP)).containsExactly(HealthState.UP, HealthState.DOWN, HealthState.UP);
    }
}
