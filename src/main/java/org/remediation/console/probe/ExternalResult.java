package org.remediation.console.probe;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One result pushed by an outside check to an {@link ProbeKind#EXTERNAL} target (the body of
 * {@code POST /api/v1/probe-targets/{key}/results}).
 *
 * @param success required: whether the check passed
 * @param durationMs how long the check took, 0 to 3 600 000 ms; 0 when absent
 * @param value a figure the check measured (stored as the metric kinds store theirs), or null
 * @param unit the value's unit (e.g. {@code %}, {@code ms}), at most 20 characters; only with a value
 * @param message one line about the result (the error of a failure), at most 500 characters
 * @param checkedAt when the check ran; the receive time when absent. Not in the future (beyond 30 s of
 *     clock skew), not older than the target's staleAfter, not before the target's latest result
 */
public record ExternalResult(@Nullable Boolean success, @Nullable Double durationMs, @Nullable Double value,
                             @Nullable String unit, @Nullable String message, @Nullable Instant checkedAt) {

    /** A bare pass or fail, checked now. */
    public static ExternalResult of(boolean success) {
        return new ExternalResult(success, null, null, null, null, null);
    }
}
