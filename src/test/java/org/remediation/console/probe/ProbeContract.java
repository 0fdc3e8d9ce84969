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

    /**
     * For targets that answer (healthy, refusing, failing): they do in milliseconds on loopback, so this
     * is generous on purpose. A loaded machine must never turn an answer into a TIMEOUT; these tests
     * check what a probe reports, not how fast it is (speed is for the benchmarks).
     */
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** For targets that never answer: short, so the run ends soon, and it must end at this timeout. */
    static final Duration HUNG_TIMEOUT = Duration.ofSeconds(1);

    /**
     * The hangs the hung targets stand for last 20 s (the slow fake Google call), about two minutes
     * (a connect stuck in SYN_SENT) or for ever (a silent server). A run cut by its own timeout ends
     * long before this; the margin over {@link #HUNG_TIMEOUT} plus {@link ProbeRunner#GRACE} is
     * seconds, room for a loaded machine's scheduling, not a speed requirement.
     */
    static final Duration WELL_BEFORE_THE_HANG = Duration.ofSeconds(5);

    abstract Probe probe();

    abstract Map<String, String> healthy() throws Exception;

    abstract Map<String, String> unreachable() throws Exception;

    abstract Map<String, String> hung() throws Exception;

    ProbeResult run(Map<String, String> settings) {
        return run(settings, TIMEOUT);
    }

    ProbeResult run(Map<String, String> settings, Duration timeout) {
        return probe().run(Loopback.request(settings, timeout));
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
        ProbeResult r = RunnerCut.run(probe(), Loopback.request(hung(), HUNG_TIMEOUT));
        assertThat(r.outcome()).as(r.error()).isEqualTo(Outcome.TIMEOUT);
        assertThat(r.errorClass()).isEqualTo("timeout");
        assertThat(r.error()).as("the error names the configured timeout")
                .contains("within " + HUNG_TIMEOUT.toMillis() + " ms");
        assertThat(r.duration()).as("the run waited out its timeout (not an early failure) and was cut by it, "
                        + "long before the hang")
                .isGreaterThanOrEqualTo(HUNG_TIMEOUT.multipliedBy(9).dividedBy(10))
                .isLessThan(WELL_BEFORE_THE_HANG);
    }

    @Test
    void healthySettingsAreValid() throws Exception {
        Problems p = new Problems();
        probe().validate(healthy(), p);
        assertThat(p.list()).isEmpty();
    }
}
