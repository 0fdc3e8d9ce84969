package org.remediation.console.criteria;

import java.time.Instant;
import org.remediation.console.base.HumanTime;
import org.remediation.console.criteria.ProbeMeasurements.WindowStats;

/**
 * {@code improved by N % since phase start}: the statistic over the criterion's window ending now,
 * against the same statistic over a window of the same length ending at the phase's start (the
 * baseline). A statistic that is better smaller (latencies, failure counts and rates) must have
 * fallen to at most {@code (100 − N) %} of the baseline; one that is better larger (success-rate,
 * availability, concurrent-success) must have risen to at least {@code (100 + N) %} of it. Failed
 * runs count as for the absolute forms: a latency decided by failures now is not an improvement,
 * and one decided by failures before the phase is beaten by any latency decided by successes.
 */
final class Baselines {

    private record Value(long samples, double value, String text) {
    }

    private Baselines() {
    }

    static Evaluation improvement(MeasuredCriterion c, String target, ProbeMeasurements m, Instant now,
                                  PhaseStart phaseStart) {
        String window = Tokens.formatDuration(c.window());
        if (phaseStart.at() == null) {
            return Evaluation.noData("no baseline", 0, "no data: " + phaseStart.whyNone()
                    + ", and 'since phase start' compares with the " + window + " before it", now);
        }
        Instant start = phaseStart.at();
        Value current = value(c, target, m, now.minus(c.window()), now);
        Evaluation few = CriterionEvaluator.tooFew(c, current.samples(), "in the last " + window, now);
        if (few != null) {
            return few;
        }
        Value base = value(c, target, m, start.minus(c.window()), start);
        String baseWhere = "in the " + window + " before the phase started (" + HumanTime.hourMinute(start) + " UTC)";
        Evaluation noBase = CriterionEvaluator.tooFew(c, base.samples(), baseWhere, now);
        if (noBase != null || Double.isNaN(base.value())) {
            return Evaluation.noData("no baseline", current.samples(), "no data for the baseline: "
                    + (noBase != null ? noBase.detail() : "no " + c.statistic().word() + " " + baseWhere)
                    + ", so there is nothing to compare with", now);
        }
        if (Double.isNaN(current.value())) {
            return Evaluation.noData("no value", current.samples(), "no " + c.statistic().word() + " in the last "
                    + window, now);
        }
        double n = c.thresholdValue();
        double b = base.value();
        double v = current.value();
        boolean lower = c.statistic().lowerIsBetter();
        boolean ok;
        String change;
        if (lower) {
            if (v == Double.POSITIVE_INFINITY) {
                ok = false;
                change = "not improved";
            } else if (b == Double.POSITIVE_INFINITY) {
                ok = true;
                change = "improved";
            } else if (b == 0) {
                ok = v == 0; // nothing to improve on: it must stay at zero
                change = v == 0 ? "still 0" : "worse";
            } else {
                double pct = 100 * (b - v) / b;
                ok = v <= b * (1 - n / 100) + 1e-9;
                change = pct >= 0 ? "improved " + Values.format(Statistic.COUNT, pct) + " %"
                        : "worse by " + Values.format(Statistic.COUNT, -pct) + " %";
            }
        } else {
            if (b <= 0) {
                ok = v > 0;
                change = v > 0 ? "up from 0" : "still 0";
            } else {
                double pct = 100 * (v - b) / b;
                ok = v >= b * (1 + n / 100) - 1e-9;
                change = pct >= 0 ? "improved " + Values.format(Statistic.COUNT, pct) + " %"
                        : "worse by " + Values.format(Statistic.COUNT, -pct) + " %";
            }
        }
        String text = change + " (" + base.text() + " → " + current.text() + ")";
        return new Evaluation(ok ? CriterionState.MET : CriterionState.NOT_MET, v, text, current.samples(),
                c.statistic().word() + " " + (c.statistic().isCount() ? c.counted() + " " : "") + "was " + base.text()
                        + " over the " + window + " before the phase started and is " + current.text()
                        + " over the last " + window + ": " + change + ", needs " + c.thresholdText(), now);
    }

    private static Value value(MeasuredCriterion c, String target, ProbeMeasurements m, Instant from, Instant to) {
        Statistic stat = c.statistic();
        if (stat.isCount() || stat == Statistic.CONCURRENT_SUCCESS) {
            Counts.Measure s = Counts.measure(c, target, m, from, to, stat.lowerIsBetter());
            return new Value(s.samples(), s.noValue() != null ? Double.NaN : s.value(), s.text());
        }
        WindowStats s = m.window(target, c.measurement(), from, to);
        if (stat.isLatency()) {
            double v = LatencySli.value(stat, Comparison.LT, s);
            long failed = s.samples() - s.successes();
            return new Value(s.samples(), v, Double.isNaN(v) ? "no value" : LatencySli.decidedByFailures(v)
                    ? failed + " of " + s.samples() + " runs failed" : Values.format(stat, v));
        }
        Double v = stat == Statistic.SUCCESS_RATE ? s.successRatePercent() : s.availabilityPercent();
        return new Value(s.samples(), v == null ? Double.NaN : v, v == null ? "no value" : Values.format(stat, v));
    }

}
