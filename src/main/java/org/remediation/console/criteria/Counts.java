package org.remediation.console.criteria;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.remediation.console.criteria.ProbeMeasurements.RecordedValue;
import org.remediation.console.criteria.ProbeMeasurements.WindowStats;

/**
 * Counts over a window: {@code failures count}, {@code status=503 count} (and their {@code rate}s),
 * and the worst run's {@code concurrent-success}. Failed runs sit on the failing side of the
 * threshold, as for latencies ({@link LatencySli}): a run refused or cut off at its timeout records
 * no HTTP status, so {@code status=503 count < 1} counts it as one more 503 rather than as a quiet
 * hour, and it counts as zero concurrent successes.
 */
final class Counts {

    /** The concurrent-success measurement an HTTP probe with the setting {@code concurrency} records. */
    static final String CONCURRENT_SUCCESS = "concurrentSuccess";

    /**
     * @param samples runs in the window the value is based on
     * @param value the count, the rate in %, or the worst run's concurrent successes
     * @param text the value as people read it
     * @param note how failed runs were counted (empty when none failed or they do not matter)
     * @param noValue why there is no value although there are runs, else null
     */
    record Measure(long samples, double value, String text, String note, @Nullable String noValue) {
    }

    private Counts() {
    }

    /** The failing side of a comparator: high for {@code <}, {@code <=}, {@code =}; low for {@code >}, {@code >=}. */
    static boolean failuresHigh(Comparison c) {
        return c != Comparison.GT && c != Comparison.GE;
    }

    /** {@code failuresHigh}: whether failed runs count towards a higher value (see {@link #failuresHigh(Comparison)}). */
    static Measure measure(MeasuredCriterion c, String target, ProbeMeasurements m, Instant from, Instant to,
                           boolean failuresHigh) {
        if (c.statistic() == Statistic.CONCURRENT_SUCCESS) {
            return partial(concurrent(m.recorded(target, CONCURRENT_SUCCESS, from, to)),
                    m.recordedFrom(target), from, to);
        }
        long samples;
        long n;
        String note = "";
        if (c.attribute() == null) {
            WindowStats s = m.window(target, null, from, to);
            samples = s.samples();
            n = s.samples() - s.successes();
        } else {
            List<RecordedValue> runs = m.recorded(target, c.attribute(), from, to);
            samples = runs.size();
            long matching = runs.stream().filter(r -> matches(r.value(), c.matchValue())).count();
            long silentFailures = runs.stream().filter(r -> r.failed() && r.value() == null).count();
            n = matching + (failuresHigh ? silentFailures : 0);
            if (silentFailures > 0) {
                note = " (" + silentFailures + " failed run" + (silentFailures == 1 ? "" : "s") + " recorded no "
                        + c.attribute() + (failuresHigh ? " and count as " + c.counted() : " and do not count")
                        + ": a failed run sits on the failing side)";
            }
        }
        Measure measured;
        if (c.statistic() == Statistic.RATE) {
            double rate = samples == 0 ? 0 : 100.0 * n / samples;
            measured = new Measure(samples, rate, Values.format(Statistic.RATE, rate) + " " + c.counted()
                    + " (" + n + " of " + samples + ")", note, null);
        } else {
            String text = c.attribute() == null ? n + (n == 1 ? " failure" : " failures") : n + " × " + c.counted();
            measured = new Measure(samples, n, text, note, null);
        }
        return c.attribute() == null ? measured : partial(measured, m.recordedFrom(target), from, to);
    }

    /**
     * Recorded values (status, rcode, concurrent successes) live in memory only. A window reaching
     * back further is not judged on the part memory holds (a 503 two hours ago must not be
     * forgotten by a "per 1d" count): it is no data, and says how far memory reaches.
     */
    private static Measure partial(Measure measured, @Nullable Instant recordedFrom, Instant from, Instant to) {
        if (recordedFrom == null || !recordedFrom.isAfter(from) || measured.samples() == 0) {
            return measured;
        }
        String held = Tokens.formatDuration(Duration.ofMinutes(Math.max(1, Duration.between(recordedFrom, to).toMinutes())));
        return new Measure(measured.samples(), Double.NaN, "", "", "recorded values are kept in memory for the last "
                + held + " only, so they cannot be counted over the whole window; use a window of at most " + held
                + ", not the last " + Tokens.formatDuration(Duration.between(from, to)));
    }

    private static Measure concurrent(List<RecordedValue> runs) {
        double worst = Double.NaN;
        long considered = 0;
        long failedWithout = 0;
        for (RecordedValue r : runs) {
            double v;
            if (r.value() != null) {
                v = number(r.value());
            } else if (r.failed()) {
                v = 0; // a run that failed outright had no success
                failedWithout++;
            } else {
                continue;
            }
            considered++;
            worst = Double.isNaN(worst) ? v : Math.min(worst, v); // the run with the fewest successes decides
        }
        if (considered == 0) {
            return new Measure(runs.size(), Double.NaN, "", "", "no run recorded concurrent-success (set the HTTP"
                    + " setting 'concurrency' to send several requests per run)");
        }
        String note = failedWithout == 0 ? "" : " (" + failedWithout + " run" + (failedWithout == 1 ? "" : "s")
                + " failed before sending and count as no success)";
        String text = Values.format(Statistic.COUNT, worst) + " concurrent successes (worst run)";
        return new Measure(considered, worst, text, note, null);
    }

    static boolean matches(@Nullable String recorded, @Nullable String wanted) {
        if (recorded == null || wanted == null) {
            return false;
        }
        if (recorded.strip().equalsIgnoreCase(wanted)) {
            return true;
        }
        double a = number(recorded);
        double b = number(wanted);
        return !Double.isNaN(a) && a == b;
    }

    private static double number(String s) {
        try {
            return Double.parseDouble(s.strip());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
