package org.remediation.console.criteria;

import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What escalation rules need from the incident feature: when a phase started, when its planned
 * window ends, and whether it is finished (signed off). Implemented by an adapter over the
 * incident feature; without one, phase-time rules never fire.
 */
public interface PhaseTimes {

    /** The phase's timing, or empty when the incident or phase is unknown. */
    Optional<PhaseTiming> timing(String incidentKey, String phaseKey);

    /**
     * @param startedAt when the phase started (null while not started)
     * @param plannedEnd end of the phase's planned window (null when it has none)
     * @param completedAt when it was signed off (null while open)
     */
    record PhaseTiming(@Nullable Instant startedAt, @Nullable Instant plannedEnd, @Nullable Instant completedAt) {
    }
}
