package org.remediation.console.criteria;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * When the phase a criterion belongs to started: the baseline of {@code improved by N % since phase
 * start} ends there. Without one (a KPI, a phase not started yet) such a criterion reads "no data"
 * and says why in {@code whyNone}.
 *
 * @param at the phase's start, null when there is none
 * @param whyNone why there is no start, in plain words (empty when there is one)
 */
public record PhaseStart(@Nullable Instant at, String whyNone) {

    public static PhaseStart at(Instant start) {
        return new PhaseStart(start, "");
    }

    public static PhaseStart none(String why) {
        return new PhaseStart(null, why);
    }
}
