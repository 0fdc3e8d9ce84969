package org.remediation.console.criteria;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.remediation.console.criteria.ProbeMeasurements.WindowStats;

/**
 * Units of a ranked statistic ({@code p95}, {@code max}, {@code min}, {@code avg}, a bare {@code count}):
 * a latency in ms (or s) for most probes, a metric probe's value in the metric's unit. A threshold in
 * the wrong unit is "no data" with the reason, never silently compared: {@code connector-cpu max < 70 ms}
 * on a % metric says so instead of turning green.
 */
final class MetricUnits {

    private MetricUnits() {
    }

    /**
     * How a criterion's threshold and values read for one target.
     *
     * @param metric true for a metric probe's value (not one of its named timings)
     * @param unit the metric's unit (empty text when it names none); "ms" for latencies
     * @param problem why the criterion cannot be judged on this target, or null
     */
    record Scale(boolean metric, String unit, @Nullable String problem) {

        /** The threshold in the unit the values are in. */
        double threshold(MeasuredCriterion c) {
            return metric ? c.threshold().amount() : c.thresholdValue();
        }

        String format(double value) {
            String n = Math.abs(value) >= 1000 ? String.valueOf(Math.round(value))
                    : new BigDecimal(value).round(new MathContext(3)).stripTrailingZeros().toPlainString();
            return unit.isEmpty() ? n : n + " " + unit;
        }
    }

    static Scale scale(MeasuredCriterion c, String target, ProbeMeasurements m) {
        Statistic stat = c.statistic();
        if (!stat.isLatency() && !stat.isSum()) {
            return new Scale(false, "", null);
        }
        Optional<String> metricUnit = c.measurement() == null ? m.metricUnit(target) : Optional.empty();
        String written = c.improvement() ? "" : c.threshold().unit();
        if (metricUnit.isPresent() && c.improvement()) {
            // whether a metric improves by rising (throughput) or falling (5xx, utilisation) is the metric's, not
            // the statistic's; until a criterion can say which, an improvement over a metric is not judged
            return new Scale(true, metricUnit.get(), "'improved by' is not judged on a metric's values: whether "
                    + target + " improves by rising or falling depends on the metric; write a threshold instead");
        }
        if (metricUnit.isPresent()) {
            String unit = metricUnit.get();
            boolean fits = written.isEmpty() || written.equals(unit); // units are case-sensitive: Mbps is not MBps
            return new Scale(true, unit, fits ? null : target + " measures " + (unit.isEmpty() ? "a plain number" : unit)
                    + ", but the threshold is written in " + written + ": write it in " + (unit.isEmpty() ? "no unit" : unit)
                    + " or without a unit");
        }
        if (stat.isSum()) {
            return new Scale(false, "ms", "'count' alone sums a metric probe's values, and " + target + " is not a metric"
                    + " probe: write 'failures count' or '<measurement>=<value> count' to count its runs");
        }
        boolean time = written.isEmpty() || written.equals("ms") || written.equals("s");
        return new Scale(false, "ms", time ? null : target + " measures latency in ms; '" + written
                + "' is not a time unit (use ms or s)");
    }

    /**
     * Why a ranked statistic over several targets means nothing: they mix metric values and latencies, or
     * metrics in different units ({@code group database any p95 < 500} must not be met by the connections
     * in use of a metric target while the database's health checks all fail). Empty when they agree.
     */
    static Optional<String> mixedGroup(MeasuredCriterion c, java.util.List<String> targets, ProbeMeasurements m) {
        if (c.measurement() != null) {
            return Optional.empty();
        }
        java.util.Map<String, String> units = new java.util.TreeMap<>();
        for (String t : targets) {
            units.put(t, m.metricUnit(t).map(u -> "metric in " + (u.isEmpty() ? "plain numbers" : u)).orElse("latency in ms"));
        }
        boolean metrics = units.values().stream().anyMatch(u -> u.startsWith("metric"));
        boolean calls = units.values().stream().anyMatch(u -> !u.startsWith("metric"));
        boolean ranked = c.statistic().isLatency() || c.statistic().isSum();
        // a metric read that succeeds says the query worked, not that the service did: any statistic over a
        // group of both kinds mixes the two; ranked ones also need one unit
        if (!(metrics && calls) && !(ranked && new java.util.HashSet<>(units.values()).size() > 1)) {
            return Optional.empty();
        }
        return Optional.of(c.statistic().word() + " over these targets compares unlike figures (" + units
                + "): group metric targets apart from the probes of calls, or name one target");
    }

    /**
     * The window's values summed. Any failed read decides it, as for {@code avg}: what the failed read
     * would have added is unknown, so the sum cannot be known to meet the threshold.
     */
    static Evaluation sum(MeasuredCriterion c, WindowStats s, Scale scale, String window, Instant now,
                          @Nullable Duration interval) {
        long failed = s.samples() - s.successes();
        if (interval != null && failed == 0) {
            // a period with no read (a skipped run, the console down, the target disabled) is not a quiet period
            long periods = c.window().toMillis() / Math.max(1, interval.toMillis());
            if (s.samples() < periods - 1) {
                return Evaluation.noData(s.samples() + " of " + periods + " reads", s.samples(), "count sums one read per "
                        + Tokens.formatDuration(interval) + "; only " + s.samples() + " of the " + periods + " periods of the last "
                        + window + " were read, and a period without a read cannot count as nothing happened", now);
            }
        }
        if (failed > 0) {
            String failures = failed + " of " + s.samples() + " reads failed";
            return new Evaluation(CriterionState.NOT_MET, null, failures, s.samples(), "count sums every read's value;"
                    + " " + failures + ", so what they would have added is unknown and " + c.thresholdText()
                    + " cannot be known to hold over the last " + window, now);
        }
        double sum = s.latencies().count() == 0 ? 0 : s.latencies().mean() * s.latencies().count();
        boolean ok = c.comparison().test(sum, scale.threshold(c));
        String text = scale.format(sum);
        return new Evaluation(ok ? CriterionState.MET : CriterionState.NOT_MET, sum, text, s.samples(),
                text + (ok ? " meets " : " does not meet ") + "count " + c.thresholdText() + ": the sum of "
                        + s.samples() + " reads in the last " + window, now);
    }
}
