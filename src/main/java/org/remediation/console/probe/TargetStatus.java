package org.remediation.console.probe;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Where a target stands now.
 *
 * @param since when the current state began (null while UNKNOWN)
 * @param sinceChange time from {@code since} to now
 * @param consecutiveSuccess how long results have been successes without a failure or degradation in
 *     between (from the start of the first of them to now); zero when the last result failed or was degraded
 * @param last the latest result, with its measurements
 * @param streakStart when that run of clean successes began (null when there is none)
 */
public record TargetStatus(String targetKey, HealthState state, @Nullable Instant since, Duration sinceChange,
                           Duration consecutiveSuccess, @Nullable ProbeResult last, @Nullable Instant streakStart) {

    public Map<String, Object> lastMeasurements() {
        return last == null ? Map.of() : last.measurements();
    }
}
