package org.remediation.console.criteria;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A criterion with its current state, for boards, badges and tiles.
 *
 * @param since when the criterion entered its current state
 * @param valueText the live value as people read it ("842 ms", "READY", "confirmed by lead")
 * @param thresholdText what it must be ("< 1000 ms over 15m"), empty for manual criteria
 * @param firstMetAt when it was first met (null if never), for regression rules
 * @param evidenceNote the note of a manual confirmation
 */
public record CriterionStatus(CriterionOwner owner, String label, String text, boolean manual,
                              CriterionState state, Instant since, String valueText, @Nullable Double value,
                              String thresholdText, long samples, String detail, @Nullable Instant evaluatedAt,
                              @Nullable Instant firstMetAt, @Nullable String evidenceNote,
                              @Nullable String confirmedBy, @Nullable Instant confirmedAt,
                              @Nullable String decidedBy) {

    /**
     * The figure alone, for a headline: a group's or golden path's value text leads with the target
     * that decided ({@code backend-health 86.2 %}); the headline is {@code 86.2 %} and
     * {@link #decidedBy()} names the step underneath (issue 15, item 2).
     */
    public String headline() {
        return decidedBy != null && valueText.startsWith(decidedBy + " ") ? valueText.substring(decidedBy.length() + 1)
                : valueText;
    }

    public boolean met() {
        return state == CriterionState.MET;
    }

    /**
     * Why this criterion blocks a sign-off, in the words the gate, the phase page and the status
     * update use, e.g. {@code 'Backend is fast' (backend-health p95 < 1000 ms over 15m): not met — 1200 ms,
     * needs < 1000 ms over 15m} or {@code 'QA passed': not confirmed yet (manual criterion)}.
     */
    public String whyNotMet() {
        if (manual) {
            return "'" + label + "': not confirmed yet (manual criterion)";
        }
        String why = state == CriterionState.NO_DATA ? "no data — " + detail
                : "not met — " + valueText + ", needs " + thresholdText;
        return "'" + label + "' (" + text + "): " + why;
    }
}
