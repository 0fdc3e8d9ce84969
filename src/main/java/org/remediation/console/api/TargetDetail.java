package org.remediation.console.api;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.remediation.console.probe.Durations;
import org.remediation.console.probe.Latencies;
import org.remediation.console.probe.ProbeResult;
import org.remediation.console.probe.ProbeTarget;
import org.remediation.console.probe.TargetStatus;
import org.remediation.console.probe.WindowStats;

/**
 * One target as {@code GET /api/v1/probe-targets/{key}} gives it: the settings as the YAML export writes
 * them, the state the board shows (DISABLED for a disabled target, else UNKNOWN, UP, DEGRADED or DOWN),
 * the latest result and the statistics of one window.
 *
 * @param settings credential references ({@code secret:name}), never secret values
 */
record TargetDetail(String key, String name, String kind, String group, boolean enabled, String interval,
                    String timeout, @Nullable Integer goldenPath, @Nullable String cloudResource, long version,
                    Map<String, String> settings, String state, @Nullable Instant stateSince,
                    @Nullable Long healthyStreakSeconds, @Nullable LastResult lastResult, Window window) {

    static TargetDetail of(ProbeTarget t, Duration window, @Nullable TargetStatus status, @Nullable WindowStats stats,
                           Instant now) {
        String state = !t.enabled() ? "DISABLED" : status == null ? "UNKNOWN" : status.state().name();
        return new TargetDetail(t.key(), t.name(), t.kind().name(), t.group(), t.enabled(),
                Durations.format(t.interval()), Durations.format(t.timeout()), t.goldenStep(),
                t.cloudResource() == null ? null : t.cloudResource().toString(), t.version(),
                new TreeMap<>(t.settings()), state, status == null ? null : status.since(),
                status == null || status.since() == null ? null : status.consecutiveSuccess().toSeconds(),
                status == null || status.last() == null ? null : LastResult.of(status.last()),
                Window.of(t, window, stats, now));
    }

    /** The latest run. */
    record LastResult(Instant startedAt, double durationMs, String outcome, @Nullable String errorClass,
                      @Nullable String error, @Nullable Double metricValue, Map<String, Object> measurements) {
        static LastResult of(ProbeResult r) {
            return new LastResult(r.startedAt(), r.durationMs(), r.outcome().name(), r.errorClass(), r.error(),
                    r.metricValue(), r.measurements());
        }
    }

    /**
     * Statistics over {@code window} (as {@code ProbeStatistics.window}). {@code figure} names what the
     * percentiles rank: {@code latencyMs} of successful runs, or a metric target's {@code metricValue}.
     * Figures are null without a successful run; {@code coveredFrom} is where the target's data begins
     * within the window (null without data).
     */
    record Window(String window, Instant from, Instant to, String figure, int samples, int failures, int available,
                  @Nullable Double successRate, @Nullable Double p50, @Nullable Double p95, @Nullable Double p99,
                  @Nullable Double max, @Nullable Double mean, @Nullable Instant coveredFrom,
                  Map<String, Timing> timings) {

        static Window of(ProbeTarget t, Duration window, @Nullable WindowStats s, Instant now) {
            String figure = t.kind().isMetric() ? "metricValue" : "latencyMs";
            if (s == null) {
                return new Window(Durations.format(window), now.minus(window), now, figure, 0, 0, 0, null, null, null,
                        null, null, null, null, Map.of());
            }
            Map<String, Timing> timings = new TreeMap<>();
            s.timings().forEach((name, timing) -> timings.put(name, Timing.of(timing)));
            return new Window(Durations.format(window), s.from(), s.to(), figure, s.samples(), s.failures(),
                    s.available(), s.successRate(), s.p50Ms(), s.p95Ms(), s.p99Ms(), s.maxMs(), s.meanMs(),
                    s.coveredFrom(), timings);
        }
    }

    /** One named timing (connect, ttfb, query …) over the window, in ms. */
    record Timing(int samples, int successes, @Nullable Double p50Ms, @Nullable Double p95Ms, @Nullable Double p99Ms) {
        static Timing of(WindowStats.Timing t) {
            Latencies l = t.latencies();
            return new Timing(t.samples(), t.successes(), figure(l.percentile(50)), figure(l.percentile(95)),
                    figure(l.percentile(99)));
        }

        private static @Nullable Double figure(double v) {
            return Double.isNaN(v) ? null : v;
        }
    }
}
