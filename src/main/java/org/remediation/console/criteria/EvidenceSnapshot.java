package org.remediation.console.criteria;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One criterion's evidence frozen at sign-off.
 *
 * @param value the value as people read it ("842 ms", "READY", or the manual evidence note)
 * @param comparator the comparator symbol, empty for manual criteria
 * @param threshold the threshold as written, empty for manual criteria
 * @param window the window ("15m"), empty where none applies
 * @param coverage how much of the window the data covered when less than all of it ("10m of 1h"), else
 *     null (and null in evidence frozen before coverage was recorded)
 */
public record EvidenceSnapshot(String criterionKey, String label, String text, boolean manual, String value,
                               @Nullable Double numericValue, String comparator, String threshold, String window,
                               long sampleCount, CriterionState state, Instant stateSince, Instant evaluatedAt,
                               @Nullable String confirmedBy, @Nullable String coverage) {
}
