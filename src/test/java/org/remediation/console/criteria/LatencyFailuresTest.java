package org.remediation.console.criteria;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Latency criteria over streams of failure: a failed run (refused, 503, timeout) is never a fast run.
 * The #1278 template's latency criteria are the cases: each must be red while its target fails.
 */
class LatencyFailuresTest {

    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    static final Duration EVERY = Duration.ofSeconds(10);
    static final Instant START = NOW.minus(Duration.ofMinutes(10));

    final InMemoryProbeMeasurements probes = new InMemoryProbeMeasurements();

    Evaluation eval(String text) {
        return CriterionEvaluator.evaluate((MeasuredCriterion) CriterionText.parse(text), probes, NOW);
    }

    @ParameterizedTest
    @ValueSource(strings = {"agent-response p95 < 30 s over 10m", "agent-response max < 60 s over 10m",
            "agent-response p50 < 30 s over 10m", "agent-response p99 <= 30 s over 10m",
            "agent-response p95 > 1 ms over 10m", "agent-response max >= 1 ms over 10m"})
    void everyRunFailingFastMeetsNoLatencyCriterion(String criterion) {
        probes.results("agent-response", START, EVERY, 60, false, 3); // HTTP 503 after 3 ms
        Evaluation e = eval(criterion);
        assertThat(e.state()).isEqualTo(CriterionState.NOT_MET);
        assertThat(e.valueText()).isEqualTo("60 of 60 runs failed");
        assertThat(e.detail()).contains("counts failed runs as too slow: 60 of 60 runs failed");
    }

    @Test
    void everyRunCutOffAtItsTimeoutMeetsNoThresholdAboveTheTimeout() {
        probes.results("database", START, EVERY, 60, false, 10_000); // timed out at 10 s
        assertThat(eval("database max < 600 s over 10m").state()).isEqualTo(CriterionState.NOT_MET);
        assertThat(eval("database p95 < 40 s over 10m").state()).isEqualTo(CriterionState.NOT_MET);
    }

    @Test
    void aThirdFailingIsNotMetForP95AndTheTileSaysHowManyFailed() {
        for (int i = 0; i < 60; i++) {
            probes.result("agent-response", START.plus(EVERY.multipliedBy(i)), i % 3 != 0, 200);
        }
        Evaluation e = eval("agent-response p95 < 30 s over 10m");
        assertThat(e.state()).isEqualTo(CriterionState.NOT_MET);
        assertThat(e.valueText()).isEqualTo("20 of 60 runs failed");
        assertThat(eval("agent-response p50 < 30 s over 10m").state())
                .as("two thirds succeeded fast: the median is a fast success").isEqualTo(CriterionState.MET);
    }

    @Test
    void exactlyFivePercentFailedStillMeetsP95ButNotP99OrMax() {
        for (int i = 0; i < 60; i++) {
            probes.result("backend-health", START.plus(EVERY.multipliedBy(i)), i >= 3, 120); // 3 of 60 failed
        }
        Evaluation p95 = eval("backend-health p95 < 1000 ms over 10m");
        assertThat(p95.state()).isEqualTo(CriterionState.MET);
        assertThat(p95.valueText()).isEqualTo("120 ms");
        assertThat(p95.detail()).endsWith("(3 of 60 runs failed)");
        assertThat(eval("backend-health p99 < 1000 ms over 10m").state()).isEqualTo(CriterionState.NOT_MET);
        assertThat(eval("backend-health max < 1000 ms over 10m").state()).isEqualTo(CriterionState.NOT_MET);
        probes.result("backend-health", NOW.minusSeconds(1), false, 5);
        assertThat(eval("backend-health p95 < 1000 ms over 10m").state())
                .as("one more failure: fewer than 95 % succeeded").isEqualTo(CriterionState.NOT_MET);
    }

    @Test
    void fastSuccessesDoNotHideSlowOnesAndFailuresDoNotHideInBetween() {
        for (int i = 0; i < 40; i++) {
            probes.result("backend-health", START.plus(EVERY.multipliedBy(i)), i != 5, i < 20 ? 50 : 4_000);
        }
        Evaluation e = eval("backend-health p95 < 1000 ms over 10m");
        assertThat(e.state()).isEqualTo(CriterionState.NOT_MET);
        assertThat(e.valueText()).isEqualTo("4000 ms");
    }

    @Test
    void recoveryIsMetOnceTheFailuresLeaveTheWindow() {
        probes.results("agent-response", NOW.minus(Duration.ofMinutes(30)), EVERY, 90, false, 3);
        probes.results("agent-response", START, EVERY, 60, true, 800);
        Evaluation e = eval("agent-response p95 < 30 s over 10m");
        assertThat(e.state()).isEqualTo(CriterionState.MET);
        assertThat(e.detail()).doesNotContain("failed");
        assertThat(eval("agent-response p95 < 30 s over 30m").state())
                .as("a longer window still holds the failures").isEqualTo(CriterionState.NOT_MET);
    }

    @Test
    void rolledUpFailuresCountAsFailuresToo() {
        probes.results("database", NOW.minus(Duration.ofMinutes(50)), EVERY, 240, false, 2);
        probes.rollUpBefore(NOW.minus(Duration.ofMinutes(15)));
        probes.results("database", START, EVERY, 60, true, 100);
        assertThat(eval("database p95 < 40 s over 1h").state()).isEqualTo(CriterionState.NOT_MET);
        assertThat(eval("database p95 < 40 s over 1h").valueText()).isEqualTo("240 of 300 runs failed");
    }

    @Test
    void theTrendOfAFailingMinuteIsDrawnAboveTheThresholdLine() {
        probes.results("agent-response", NOW.minus(Duration.ofMinutes(30)), EVERY, 90, true, 800);
        probes.results("agent-response", START, EVERY, 60, false, 3);
        var c = (MeasuredCriterion) CriterionText.parse("agent-response p95 < 30 s over 10m");
        var trend = Trends.of(c, probes, NOW);
        assertThat(trend).hasSize(60);
        assertThat(trend.subList(30, 40)).as("the healthy minutes").allSatisfy(v -> assertThat(v).isEqualTo(800.0));
        assertThat(trend.subList(50, 59)).as("the minutes of fast 503s").allSatisfy(v ->
                assertThat(v).isGreaterThan(c.thresholdValue()).isFinite());
    }

    @Test
    void aNamedTimingOfAFailedRunIsNoFastTiming() {
        for (int i = 0; i < 30; i++) {
            probes.result("database", START.plus(EVERY.multipliedBy(i)), false, 10_000,
                    java.util.Map.of("connect", 2.0), false);
        }
        assertThat(eval("database connect p95 < 5000 ms over 10m").state()).isEqualTo(CriterionState.NOT_MET);
    }
}
