package org.remediation.console.incident;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.remediation.console.criteria.CriterionOwner;
import org.remediation.console.criteria.CriterionStatus;

/**
 * A success criterion of a phase: the plan's definition ({@code key} stable within the phase,
 * {@code text}, the {@code probe} hint and the {@code measure} that binds it to live data) with its
 * one state, read from the criteria feature ({@code status}; null only while the criteria feature
 * does not know it).
 */
public record CriterionState(String incidentKey, String phaseKey, String key, String text, @Nullable String probe,
                             @Nullable String measure, @Nullable CriterionStatus status) {

    /** True when live probe data decides this criterion rather than a person. */
    public boolean measured() {
        return measure != null;
    }

    public boolean met() {
        return status != null && status.met();
    }

    public CriterionOwner owner() {
        return CriterionOwner.phase(incidentKey, phaseKey, key);
    }

    /** The evidence as people read it: a manual confirmation's note, or the live value. */
    public @Nullable String evidence() {
        if (status == null) {
            return null;
        }
        return status.manual() ? status.evidenceNote() : status.valueText();
    }

    /** Who confirmed a manual criterion (null when not confirmed, and for measured ones). */
    public @Nullable String confirmedBy() {
        return status == null ? null : status.confirmedBy();
    }

    public @Nullable Instant confirmedAt() {
        return status == null ? null : status.confirmedAt();
    }

    /** Why it blocks a sign-off; see {@link CriterionStatus#whyNotMet()}. */
    public String whyNotMet() {
        return status == null ? "'" + text + "': no state yet" : status.whyNotMet();
    }
}
