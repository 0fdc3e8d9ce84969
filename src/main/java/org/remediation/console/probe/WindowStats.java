package org.remediation.console.probe;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Statistics of one target over a window: from memory when the window lies within the in-memory
 * history, otherwise merged with stored raw results and per-minute rollups. Latency figures describe
 * the successful runs only ({@link #latencies()}); failed runs are counted in {@code failures} and
 * never make a latency look better. Every figure is null when the window holds no successful run.
 *
 * @param from start of the window asked for
 * @param to end of the window (now)
 * @param samples results that started within the window
 * @param failures of those, how many were DOWN, TIMEOUT or ERROR
 * @param available of those, how many were UP or DEGRADED
 * @param successRate share of non-failures, 0..1 (DEGRADED counts as success)
 * @param latencies durations of the successful runs, by rank
 * @param coveredFrom where the target's data begins within the window: {@code from} when data goes back
 *     at least that far, later for a target first probed within the window; null without any data
 * @param timings named timings (PostgreSQL {@code connect}, {@code query}, HTTP {@code ttfb} …) by name
 */
public record WindowStats(String targetKey, Instant from, Instant to, int samples, int failures, int available,
                          @Nullable Double successRate, @Nullable Double p50Ms, @Nullable Double p95Ms,
                          @Nullable Double p99Ms, @Nullable Double maxMs, @Nullable Double meanMs,
                          Latencies latencies, @Nullable Instant coveredFrom, Map<String, Timing> timings) {

    /**
     * One named timing over the window. A run counts for it when it succeeded and recorded that timing.
     *
     * @param samples runs in the window whose timings are known
     * @param successes of those, the successful runs that recorded this timing
     */
    public record Timing(int samples, int successes, Latencies latencies) {
    }

    static WindowStats of(String targetKey, Instant from, Instant to, int samples, int failures, int available,
                          Latencies ok, @Nullable Instant coveredFrom, Map<String, Timing> timings) {
        return new WindowStats(targetKey, from, to, samples, failures, available,
                samples == 0 ? null : (samples - failures) / (double) samples, figure(ok.percentile(50)),
                figure(ok.percentile(95)), figure(ok.percentile(99)), figure(ok.percentile(100)), figure(ok.mean()), ok,
                coveredFrom, timings);
    }

    private static @Nullable Double figure(double v) {
        return Double.isNaN(v) ? null : v;
    }
}
