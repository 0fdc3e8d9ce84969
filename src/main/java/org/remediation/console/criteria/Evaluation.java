package org.remediation.console.criteria;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One evaluation of a criterion.
 *
 * @param state met, not met or no data
 * @param value the measured value in the statistic's canonical unit (ms, %, seconds), null when
 *     there is none or it is a word
 * @param valueText the value as people read it: {@code 842 ms}, {@code 99.2 %}, {@code READY}, {@code 4/5 up}
 * @param samples results the value is based on (summed over a group)
 * @param detail why this state, in plain words
 * @param at when it was evaluated
 * @param decidedBy for a group or golden path: the target whose value decided (the worst or first
 *     failing step), whose name leads {@code valueText}; null otherwise
 */
public record Evaluation(CriterionState state, @Nullable Double value, String valueText, long samples,
                         String detail, Instant at, @Nullable String decidedBy) {

    public Evaluation(CriterionState state, @Nullable Double value, String valueText, long samples, String detail,
                      Instant at) {
        this(state, value, valueText, samples, detail, at, null);
    }

    static Evaluation noData(String valueText, long samples, String detail, Instant at) {
        return new Evaluation(CriterionState.NO_DATA, null, valueText, samples, detail, at);
    }
}
