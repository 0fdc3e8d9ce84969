package org.remediation.console.probe;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts and exact durations of some runs of one target, gathered from memory or raw stored
 * results; named timings ({@code connectMs} → {@code connect}) apart. Not thread-safe.
 */
final class Tally {

    int samples;
    int failures;
    int available;
    long earliestMs = Long.MAX_VALUE;
    /** Runs whose named timings are known (every raw run; rollups of the previous release have none). */
    int timedSamples;
    private double[] ok = new double[16];
    private int okCount;
    private final Map<String, double[]> timings = new TreeMap<>();
    private final Map<String, Integer> timingCounts = new TreeMap<>();
    private final boolean withTimings;

    Tally() {
        this(true);
    }

    /** {@code withTimings} false: named timings are not gathered (a criterion on the overall result needs none). */
    Tally(boolean withTimings) {
        this.withTimings = withTimings;
    }

    boolean withTimings() {
        return withTimings;
    }

    void run(long startMs, double ms, boolean failed) {
        samples++;
        timedSamples++;
        earliestMs = Math.min(earliestMs, startMs);
        if (failed) {
            failures++;
            return;
        }
        available++;
        if (okCount == ok.length) {
            ok = Arrays.copyOf(ok, okCount * 2);
        }
        ok[okCount++] = ms;
    }

    /** A timing of the last successful run. */
    void timing(String name, double ms) {
        int n = timingCounts.getOrDefault(name, 0);
        double[] values = timings.computeIfAbsent(name, k -> new double[16]);
        if (n == values.length) {
            values = Arrays.copyOf(values, n * 2);
            timings.put(name, values);
        }
        values[n] = ms;
        timingCounts.put(name, n + 1);
    }

    void addAll(Tally other) {
        samples += other.samples;
        failures += other.failures;
        available += other.available;
        timedSamples += other.timedSamples;
        earliestMs = Math.min(earliestMs, other.earliestMs);
        for (int i = 0; i < other.okCount; i++) {
            if (okCount == ok.length) {
                ok = Arrays.copyOf(ok, okCount * 2);
            }
            ok[okCount++] = other.ok[i];
        }
        other.timings.forEach((name, values) -> {
            for (int i = 0; i < other.timingCounts.get(name); i++) {
                timing(name, values[i]);
            }
        });
    }

    /** A fresh copy of the successful runs' durations. */
    double[] ok() {
        return Arrays.copyOf(ok, okCount);
    }

    java.util.Set<String> timingNames() {
        return timings.keySet();
    }

    double[] timing(String name) {
        double[] values = timings.get(name);
        return values == null ? new double[0] : Arrays.copyOf(values, timingCounts.get(name));
    }

    /** The timing name of a measurement key ({@code connectMs} → {@code connect}), or null when it is no timing. */
    static @org.jspecify.annotations.Nullable String timingName(String measurement) {
        return measurement.length() > 2 && measurement.endsWith("Ms") ? measurement.substring(0, measurement.length() - 2)
                : null;
    }
}
