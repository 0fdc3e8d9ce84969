package org.remediation.console.probe;

import java.util.Arrays;

/**
 * Exact latencies (windows answered from memory), sorted on the first rank asked for: a criterion on
 * the success rate reads the same window and never needs the order (issue 14).
 */
final class SortedLatencies implements Latencies {

    static final SortedLatencies NONE = new SortedLatencies(new double[0]);

    private final double[] values; // owned: callers hand over a fresh array
    private volatile double @org.jspecify.annotations.Nullable [] ascending;

    private SortedLatencies(double[] values) {
        this.values = values;
    }

    static Latencies of(double[] ms) {
        return ms.length == 0 ? NONE : new SortedLatencies(ms);
    }

    @Override
    public int count() {
        return values.length;
    }

    @Override
    public double atRank(int k) {
        double[] a = ascending;
        if (a == null) { // a race sorts twice, each on its own copy; either result is the same
            a = values.clone();
            Arrays.sort(a);
            ascending = a;
        }
        return a[k - 1];
    }

    @Override
    public double mean() {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return values.length == 0 ? Double.NaN : sum / values.length;
    }
}
