package org.remediation.console.api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.remediation.console.criteria.CriterionSpec;
import org.remediation.console.criteria.CriterionStatus;
import org.remediation.console.criteria.CriterionText;
import org.remediation.console.criteria.MeasuredCriterion;
import org.remediation.console.incident.CriterionState;

/**
 * A success criterion or KPI with its one state, as the criteria feature holds it (the board reads the
 * same {@link CriterionStatus}). {@code state} is null only while the criteria feature has not evaluated
 * it yet; then every field after it is null too.
 *
 * @param measure the criterion in the criteria grammar ({@code backend-health p95 < 1000 ms over 15m}),
 *     or {@code manual: …}
 * @param value the live value as people read it ({@code 842 ms}); {@code numericValue} the figure alone
 * @param threshold what it must be ({@code < 1000 ms over 15m}); empty for a manual criterion
 * @param window the look-back window of its statistic (ISO-8601, {@code PT15M}); null when it has none
 *     (manual, {@code up}, an attribute) or when the parts of a composite use different windows
 * @param since when it entered its current state
 */
record CriterionJson(String key, String text, @Nullable String measure, @Nullable String probe, boolean manual,
                     @Nullable String state, @Nullable String value, @Nullable Double numericValue,
                     @Nullable String threshold, @Nullable String window, @Nullable Long samples,
                     @Nullable Instant since, @Nullable Instant evaluatedAt, @Nullable String detail,
                     @Nullable String confirmedBy, @Nullable Instant confirmedAt, @Nullable String evidenceNote) {

    /** A phase's criterion: the plan's definition with its state. */
    static CriterionJson of(CriterionState c) {
        CriterionStatus s = c.status();
        if (s == null) {
            return new CriterionJson(c.key(), c.text(), c.measure(), c.probe(), !c.measured(), null, null, null, null,
                    c.measure() == null ? null : window(c.measure()), null, null, null, null, null, null, null);
        }
        return of(c.key(), c.text(), c.measure() == null ? s.text() : c.measure(), c.probe(), s);
    }

    /** A KPI, which exists only in the criteria feature. */
    static CriterionJson kpi(CriterionStatus s) {
        return of(s.owner().criterionKey(), s.label(), s.text(), null, s);
    }

    private static CriterionJson of(String key, String text, @Nullable String measure, @Nullable String probe,
                                    CriterionStatus s) {
        return new CriterionJson(key, text, measure, probe, s.manual(), s.state().name(), s.valueText(), s.value(),
                s.thresholdText(), s.manual() ? null : window(s.text()), s.samples(), s.since(), s.evaluatedAt(),
                s.detail(), s.confirmedBy(), s.confirmedAt(), s.evidenceNote());
    }

    /** The one window of the criterion's windowed statistics, read from its text with the criteria grammar. */
    static @Nullable String window(String text) {
        try {
            CriterionSpec spec = CriterionText.parse(text);
            List<Duration> windows = spec.measured().stream().filter(m -> m.statistic().windowed())
                    .map(MeasuredCriterion::window).distinct().toList();
            return windows.size() == 1 ? windows.getFirst().toString() : null;
        } catch (IllegalArgumentException e) {
            return null; // stored criteria were checked when defined; an old text the grammar no longer reads has no window
        }
    }
}
