package org.remediation.console.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.remediation.console.base.Problems;

/**
 * The contract every {@link Probe} kind honours: a healthy target is UP with a duration and
 * measurements, an unreachable one is DOWN or ERROR with a human message, a hung one is TIMEOUT
 * at the configured timeout, and the healthy settings pass validation.
 */
abstract class ProbeContract {

    static final Duration TIMEOUT = Duration.ofMillis(1000);

    abstract Probe probe();

    abstract Map<String, String> healthy() throws Exception;

    abstract Map<String, String> unreachable() throws Exception;

    abstract Map<String, String> hung() throws Exception;

    ProbeResult run(Map<String, String> settings) {
        return probe().run(Loopback.request(settings, TIMEOUT));
    }

    @Test
    void healthyTargetIsUpWithDurationAndMeasurements() throws Exception {
        ProbeResult r = run(healthy());
        assertThat(r.outcome()).as(r.error()).isEqualTo(Outcome.UP);
        assertThat(r.duration()).isPositive();
        assertThat(r.measurements()).isNotEmpty();
        assertThat(r.error()).isNull();
        assertThat(r.targetKey()).isEqualTo("test-target");
    }

    @Test
    void unreachableTargetFailsWithAHumanMessage() throws Exception {
        ProbeResult r = run(unreachable());
        assertThat(r.outcome()).isIn(Outcome.DOWN, Outcome.ERROR);
        assertThat(r.errorClass()).isNotBlank();
        assertThat(r.error()).isNotBlank().doesNotContain("Exception");
    }

    @Test
    void hungTargetTimesOutAtTheConfiguredTimeout() throws Exception {
        ProbeResult r = new ProbeRunner(java.util.List.of(probe())).run(probe(), Loopback.request(hung(), TIMEOUT));
        assertThat(r.outcome()).as(r.error()).isEqualTo(Outcome.TIMEOUT);
        assertThat(r.errorClass()).isEqualTo("timeout");
        assertThat(r.duration()).isGreaterThanOrEqualTo(TIMEOUT.multipliedBy(9).dividedBy(10))
                .isLessThan(TIMEOUT.plus(ProbeRunner.GRACE).plusMillis(500));
    }

    @Test
    void healthySettingsAreValid() throws Exception {
        Problems p = new Problems();
        probe().validate(healthy(), p);
        assertThat(p.list()).isEmpty();
    }
}
