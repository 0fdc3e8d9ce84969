package org.remediation.console.criteria;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.remediation.console.criteria.ProbeMeasurements.SeriesStatistic;

/** One-hour, per-minute trend series of a criterion's statistic, for sparklines. */
final class Trends {

    static final Duration SPAN = Duration.ofHours(1);
    static final Duration STEP = Duration.ofMinutes(1);

    private Trends() {
    }

    static List<@Nullable Double> of(MeasuredCriterion c, ProbeMeasurements m, Instant now) {
        SeriesStatistic stat = switch (c.statistic()) {
            case SUCCESS_RATE -> SeriesStatistic.SUCCESS_RATE;
            case P50 -> SeriesStatistic.P50;
            case P95 -> SeriesStatistic.P95;
            case P99 -> SeriesStatistic.P99;
            case MAX -> SeriesStatistic.MAX;
            case AVAILABILITY, UP, UP_FOR -> SeriesStatistic.AVAILABILITY;
            case ATTRIBUTE, AVG, MIN, SUM, COUNT, RATE, CONCURRENT_SUCCESS -> null; // no per-minute series of these yet
        };
        if (stat == null) {
            return List.of();
        }
        List<String> targets = switch (c.subject().kind()) {
            case TARGET -> List.of(c.subject().name());
            case GROUP -> m.targetsInGroup(c.subject().name());
            case GOLDEN_PATH -> m.goldenPathTargets();
        };
        Instant to = now.truncatedTo(java.time.temporal.ChronoUnit.MINUTES).plus(STEP);
        Instant from = to.minus(SPAN);
        List<@Nullable Double> combined = null;
        boolean higherIsWorse = c.statistic().isLatency();
        boolean all = c.subject().quantifier() == Subject.Quantifier.ALL;
        for (String t : targets) {
            List<@Nullable Double> s = m.series(t, c.measurement(), stat, from, to, STEP);
            if (combined == null) {
                combined = new ArrayList<>(s);
                continue;
            }
            for (int i = 0; i < Math.min(s.size(), combined.size()); i++) {
                combined.set(i, pick(combined.get(i), s.get(i), higherIsWorse == all));
            }
        }
        return combined == null ? List.of() : aboveTheLine(combined, c);
    }

    /** A minute its failures decide (+∞) is drawn above the threshold line, never below it. */
    private static List<@Nullable Double> aboveTheLine(List<@Nullable Double> series, MeasuredCriterion c) {
        double ceiling = c.thresholdValue() * 1.5;
        for (Double v : series) {
            if (v != null && Double.isFinite(v)) {
                ceiling = Math.max(ceiling, v);
            }
        }
        List<@Nullable Double> out = new ArrayList<>(series.size());
        for (Double v : series) {
            out.add(v != null && Double.isInfinite(v) ? Double.valueOf(ceiling) : v);
        }
        return out;
    }

    /** For ALL the worst value of a bucket is shown, for ANY the best. */
    private static @Nullable Double pick(@Nullable Double a, @Nullable Double b, boolean higher) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return higher ? Math.max(a, b) : Math.min(a, b);
    }
}
