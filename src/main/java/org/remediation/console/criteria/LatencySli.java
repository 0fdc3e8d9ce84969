package org.remediation.console.criteria;

import org.remediation.console.criteria.ProbeMeasurements.WindowStats;
import org.remediation.console.probe.Latencies;

/**
 * A latency statistic as operators mean it: "were the calls successful and fast?". Every failed run
 * (refused, error, timeout, unexpected status) sits on the failing side of the threshold, whatever
 * the comparator, so {@code p95 < 30 s} holds only when at least 95 % of the window's runs succeeded
 * under 30 s, and {@code max}, {@code min} and {@code avg} only when every run did (good events over
 * valid events), with {@code >} as with {@code <}.
 */
final class LatencySli {

    private LatencySli() {
    }

    /**
     * The statistic's value with failures counted as missing the threshold: {@code +∞} (or
     * {@code -∞} for {@code >}, {@code >=}) when failed runs decide it; NaN without samples.
     */
    static double value(Statistic statistic, Comparison comparison, WindowStats s) {
        long samples = s.samples();
        long failures = samples - s.successes();
        Latencies ok = s.latencies();
        if (samples == 0) {
            return Double.NaN;
        }
        boolean failuresHigh = comparison != Comparison.GT && comparison != Comparison.GE;
        // a mean, the highest and the lowest have no rank to spare: one failed run decides them, whatever
        // the comparator (max >= 200 Mbps must not hold on one good read among failures)
        if (statistic == Statistic.AVG || statistic == Statistic.MAX || statistic == Statistic.MIN) {
            return failures > 0 ? (failuresHigh ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY) : ok.mean();
        }
        long rank = Math.max(1, (long) Math.ceil(quantile(statistic) * samples - 1e-9));
        if (failuresHigh) {
            return rank > ok.count() ? Double.POSITIVE_INFINITY : ok.atRank((int) rank);
        }
        return rank <= failures ? Double.NEGATIVE_INFINITY : ok.atRank((int) (rank - failures));
    }

    /** True when failed runs, not latencies, decide the value. */
    static boolean decidedByFailures(double value) {
        return Double.isInfinite(value);
    }

    private static double quantile(Statistic statistic) {
        return switch (statistic) {
            case P50 -> 0.50;
            case P95 -> 0.95;
            case P99 -> 0.99;
            case MAX -> 1.0;
            case MIN -> 0.0; // rank 1
            default -> throw new IllegalArgumentException(statistic + " is not a latency statistic");
        };
    }
}
