package org.remediation.console.probe;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Statistics of one target over a window, from memory. Latency figures describe the successful
 * runs only ({@link #latencies()}); failed runs are counted in {@code failures} and never make a
 * latency look better. Every figure is null when the window holds no successful run.
 *
 * @param from start of the window asked for
 * @param to end of the window (now)
 * @param samples results that started within the window
 * @param failures of those, how many were DOWN, TIMEOUT or ERROR
 * @param successRate share of non-failures, 0..1 (DEGRADED counts as success)
 * @param latencies durations of the successful runs, ascending
 * @param coveredFrom oldest result held in memory; later than {@code from} when the window reaches
 *     back further than the in-memory history (see {@code console.probes.memory-window})
 */
public record WindowStats(String targetKey, Instant from, Instant to, int samples, int failures,
                          @Nullable Double successRate, @Nullable Double p50Ms, @Nullable Double p95Ms,
                          @Nullable Double p99Ms, @Nullable Double maxMs, @Nullable Double meanMs,
                          Latencies latencies, @Nullable Instant coveredFrom) {

    static WindowStats of(String targetKey, Instant from, Instant to, int samples, int failures, Latencies ok,
                          @Nullable Instant coveredFrom) {
        return new WindowStats(targetKey, from, to, samples, failures,
                samples == 0 ? null : (samples - failures) / (double) samples, figure(ok.percentile(50)),
                figure(ok.percentile(95)), figure(ok.percentile(99)), figure(ok.percentile(100)), figure(ok.mean()), ok,
                coveredFrom);
    }

    private static @Nullable Double figure(double v) {
        return Double.isNaN(v) ? null : v;
    }
}
