package org.remediation.console.probe;

import java.util.Arrays;

/** Exact latencies, ascending (windows answered from memory). */
final class SortedLatencies implements Latencies {

    static final SortedLatencies NONE = new SortedLatencies(new double[0]);

    private final double[] ascending;

    private SortedLatencies(double[] ascending) {
        this.ascending = ascending;
    }

    static Latencies of(double[] ms) {
        Arrays.sort(ms);
        return ms.length == 0 ? NONE : new SortedLatencies(ms);
    }

    @Override
    public int count() {
        return ascending.length;
    }

    @Override
    public double atRank(int k) {
        return ascending[k - 1];
    }

    @Override
    public double mean() {
        return ascending.length == 0 ? Double.NaN : Arrays.stream(ascending).sum() / ascending.length;
    }
}
