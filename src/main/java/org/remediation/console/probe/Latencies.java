package org.remediation.console.probe;

import java.util.Arrays;

/**
 * Durations (ms) of a window's successful runs, ascending. Failed runs have no latency: they are
 * counted apart, so no statistic can mistake a fast refusal or a run cut off at its timeout for a
 * fast answer (docs/criteria.md, "Latency criteria count failures").
 */
public final class Latencies {

    private static final Latencies NONE = new Latencies(new double[0]);

    private final double[] ascending;

    private Latencies(double[] ascending) {
        this.ascending = ascending;
    }

    public static Latencies none() {
        return NONE;
    }

    /** Takes ownership of {@code ms} and sorts it. */
    public static Latencies of(double[] ms) {
        Arrays.sort(ms);
        return ms.length == 0 ? NONE : new Latencies(ms);
    }

    public int count() {
        return ascending.length;
    }

    /** The {@code k}-th smallest latency, 1 ≤ k ≤ {@link #count()}. */
    public double atRank(int k) {
        return ascending[k - 1];
    }

    /** Nearest-rank percentile (0 < p ≤ 100); NaN without latencies. */
    public double percentile(double p) {
        if (ascending.length == 0) {
            return Double.NaN;
        }
        return atRank(Math.max(1, (int) Math.ceil(p / 100.0 * ascending.length)));
    }

    public double mean() {
        return ascending.length == 0 ? Double.NaN : Arrays.stream(ascending).sum() / ascending.length;
    }
}
