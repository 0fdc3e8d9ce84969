package org.remediation.console.criteria;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * When a windowed criterion is not met but its recent past would meet it ("recovering: last 3 min OK,
 * window still 15 min"): after a fix, a 15-minute window stays red for up to 15 minutes while the
 * probes are green, and a tile that does not say why reads as a contradiction (issue 15, item 2).
 * The criterion's own state never changes for this: the window it was defined with decides.
 */
final class Recovery {

    /** Recent spans tried, shortest first; only those shorter than the criterion's window. */
    static final List<Duration> SPANS = List.of(Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(3),
            Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofMinutes(15), Duration.ofMinutes(30),
            Duration.ofHours(1));

    private Recovery() {
    }

    /**
     * The longest recent span (of {@link #SPANS}) over which the same statistic meets the threshold,
     * with at least its minimum samples; empty when the criterion is met, not windowed, or even the
     * last minute fails.
     */
    static Optional<RecentlyMet> of(MeasuredCriterion c, ProbeMeasurements m, Instant now, PhaseStart phaseStart) {
        if (!c.statistic().windowed() || c.improvement()) {
            return Optional.empty();
        }
        Duration ok = null;
        for (Duration span : SPANS) {
            if (span.compareTo(c.window()) >= 0) {
                break;
            }
            MeasuredCriterion shorter = new MeasuredCriterion(c.subject(), c.measurement(), c.statistic(), c.attribute(),
                    c.comparison(), c.threshold(), span, c.minSamples(), c.matchValue(), false);
            if (CriterionEvaluator.evaluate(shorter, m, now, phaseStart).state() != CriterionState.MET) {
                break;
            }
            ok = span;
        }
        return ok == null ? Optional.empty() : Optional.of(new RecentlyMet(ok, c.window()));
    }
}
