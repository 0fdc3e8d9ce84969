package org.remediation.console.probe;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Statistics of one target over a window, from memory. Percentiles come from an HdrHistogram of the
 * run durations (3 significant digits). Every figure is null when the window holds no sample.
 *
 * @param from start of the window asked for
 * @param to end of the window (now)
 * @param samples results that started within the window
 * @param failures of those, how many were DOWN, TIMEOUT or ERROR
 * @param successRate share of non-failures, 0..1 (DEGRADED counts as success)
 * @param coveredFrom oldest result held in memory; later than {@code from} when the window reaches
 *     back further than the in-memory history (see {@code console.probes.memory-window})
 */
public record WindowStats(String targetKey, Instant from, Instant to, int samples, int failures,
                          @Nullable Double successRate, @Nullable Double p50Ms, @Nullable Double p95Ms,
                          @Nullable Double p99Ms, @Nullable Double maxMs, @Nullable Double meanMs,
                          @Nullable Instant coveredFrom) {
}
