package org.remediation.console.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.remediation.console.support.MutableClock;

class ProbeStatisticsTest {

    static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    MutableClock clock;
    ProbeStatistics stats;
    ProbeTarget target = new ProbeTarget("api", "API", ProbeKind.HTTP, Map.of(), Duration.ofSeconds(10),
            Duration.ofSeconds(2), true, "backend", null, 0);

    @BeforeEach
    void setUp() {
        clock = new MutableClock(T0);
        stats = new ProbeStatistics(new ProbeProperties(new ProbeProperties.Scheduler(true, 10, Duration.ofMillis(10)),
                Duration.ofHours(24), Duration.ofDays(30), 100, 3, 2, Duration.ofMinutes(60)), clock);
    }

    void result(Outcome outcome, double ms) {
        Instant start = clock.instant();
        stats.record(target, new ProbeResult("api", start, Duration.ofNanos((long) (ms * 1_000_000)), outcome,
                outcome == Outcome.UP ? null : "x", outcome == Outcome.UP ? null : "failed", Map.of("status", 200)));
        clock.advance(Duration.ofSeconds(10));
    }

    @Test
    void windowComputesSuccessRateAndPercentiles() {
        for (int i = 1; i <= 100; i++) {
            result(i % 10 == 0 ? Outcome.DOWN : Outcome.UP, i);
        }
        WindowStats w = stats.window("api", Duration.ofMinutes(30)).orElseThrow();
        // 30 minutes at 10 s hold the last 180 s... i.e. results 83..100 are in a 3-minute tail; use the full span:
        WindowStats all = stats.window("api", Duration.ofMinutes(20)).orElseThrow();
        assertThat(all.samples()).isEqualTo(100);
        assertThat(all.failures()).isEqualTo(10);
        assertThat(all.successRate()).isCloseTo(0.9, within(1e-9));
        // latencies of the 90 successful runs only (the failed 10, 20, … 100 ms runs are failures)
        assertThat(all.latencies().count()).isEqualTo(90);
        assertThat(all.p50Ms()).isCloseTo(49.0, within(0.1));
        assertThat(all.p95Ms()).isCloseTo(95.0, within(0.1));
        assertThat(all.p99Ms()).isCloseTo(99.0, within(0.1));
        assertThat(all.maxMs()).isCloseTo(99.0, within(0.01));
        assertThat(w.samples()).isEqualTo(100);
    }

    @Test
    void windowOnlyCountsRecentResults() {
        for (int i = 0; i < 12; i++) {
            result(Outcome.DOWN, 5);
        }
        for (int i = 0; i < 6; i++) {
            result(Outcome.UP, 5);
        }
        WindowStats last = stats.window("api", Duration.ofSeconds(60)).orElseThrow();
        assertThat(last.samples()).isEqualTo(6);
        assertThat(last.successRate()).isEqualTo(1.0);
    }

    @Test
    void emptyWindowHasNoFigures() {
        result(Outcome.UP, 5);
        clock.advance(Duration.ofHours(2));
        WindowStats w = stats.window("api", Duration.ofMinutes(5)).orElseThrow();
        assertThat(w.samples()).isZero();
        assertThat(w.successRate()).isNull();
        assertThat(w.p95Ms()).isNull();
        assertThat(stats.window("unknown", Duration.ofMinutes(5))).isEmpty();
    }

    @Test
    void statusTracksStateSinceAndSuccessStreak() {
        result(Outcome.UP, 5);          // t0: UP
        result(Outcome.DOWN, 5);        // t0+10: DEGRADED
        result(Outcome.DOWN, 5);
        result(Outcome.DOWN, 5);        // t0+30: DOWN
        result(Outcome.UP, 5);          // t0+40: still DOWN, streak starts
        result(Outcome.UP, 5);          // t0+50: UP
        TargetStatus s = stats.status("api").orElseThrow();
        assertThat(s.state()).isEqualTo(HealthState.UP);
        assertThat(s.since()).isEqualTo(T0.plusSeconds(50));
        assertThat(s.sinceChange()).isEqualTo(Duration.ofSeconds(10));
        assertThat(s.consecutiveSuccess()).isEqualTo(Duration.ofSeconds(20));
        assertThat(s.lastMeasurements()).containsEntry("status", 200);
        assertThat(stats.stateChanges("api", 10)).extracting(StateChange::to)
                .containsExactly(HealthState.UP, HealthState.DOWN, HealthState.DEGRADED, HealthState.UP);
    }

    @Test
    void aDegradedResultEndsTheCleanStreakWhichStartsAtItsFirstSuccess() {
        result(Outcome.UP, 5);          // t0
        result(Outcome.DEGRADED, 5);    // t0+10
        result(Outcome.UP, 5);          // t0+20: the clean streak starts here
        result(Outcome.UP, 5);          // t0+30
        clock.advance(Duration.ofMinutes(5));
        TargetStatus s = stats.status("api").orElseThrow();
        assertThat(s.streakStart()).isEqualTo(T0.plusSeconds(20));
        assertThat(s.consecutiveSuccess()).isEqualTo(Duration.ofSeconds(20).plus(Duration.ofMinutes(5)));
    }

    @Test
    void failureResetsTheSuccessStreak() {
        result(Outcome.UP, 5);
        result(Outcome.TIMEOUT, 5);
        assertThat(stats.status("api").orElseThrow().consecutiveSuccess()).isZero();
    }

    @Test
    void ringBufferKeepsOnlyItsCapacity() {
        int capacity = TargetHistory.capacityFor(Duration.ofMinutes(60), Duration.ofSeconds(10));
        for (int i = 0; i < capacity + 50; i++) {
            result(Outcome.UP, 1);
        }
        assertThat(stats.samples("api", 10_000).size()).isEqualTo(capacity);
        assertThat(stats.recentResults("api", 100)).hasSize(30);
    }
}
