package org.remediation.console.probe;

/**
 * Durations (ms) of a window's successful runs, by rank. Failed runs have no latency: they are
 * counted apart, so no statistic can mistake a fast refusal or a run cut off at its timeout for a
 * fast answer (docs/criteria.md, "Latency criteria count failures").
 *
 * <p>Two forms: exact sorted durations for windows answered from memory, and merged HdrHistograms
 * for windows that reach back into the per-minute rollups ({@link HistogramLatencies}: every value
 * reads as its bucket's highest equivalent value, within 0.1 %).
 */
public interface Latencies {

    static Latencies none() {
        return SortedLatencies.NONE;
    }

    /** Takes ownership of {@code ms} and sorts it. */
    static Latencies of(double[] ms) {
        return SortedLatencies.of(ms);
    }

    int count();

    /** The {@code k}-th smallest latency, 1 ≤ k ≤ {@link #count()}. */
    double atRank(int k);

    /** Nearest-rank percentile (0 < p ≤ 100); NaN without latencies. */
    default double percentile(double p) {
        if (count() == 0) {
            return Double.NaN;
        }
        return atRank(Math.max(1, (int) Math.ceil(p / 100.0 * count())));
    }

    /** Mean latency; NaN without latencies. */
    double mean();
}
