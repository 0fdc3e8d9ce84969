package org.remediation.console.incident;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A success criterion of a phase. {@code key} is stable within the phase (from the runbook);
 * {@code probe} is the demo probe target the runbook says it is about (a hint for the criteria
 * feature). {@code met}/{@code evidence} are the manual assessment, or — when {@code measure} is set —
 * the live state mirrored from the criteria feature ({@code setBy} is then "probes").
 */
public record CriterionState(long id, long phaseId, String key, String text, @Nullable String probe, boolean met,
                             @Nullable String evidence, @Nullable String setBy, @Nullable Instant setAt,
                             long version, @Nullable String measure) {

    /** True when live probe data decides this criterion rather than a person. */
    public boolean measured() {
        return measure != null;
    }
}
