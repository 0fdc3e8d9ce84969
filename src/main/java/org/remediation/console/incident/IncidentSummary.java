package org.remediation.console.incident;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** An incident's header facts as the board shows them. */
public record IncidentSummary(long id, String key, String title, Severity severity, IncidentStatus status,
                              String businessImpact, String commander, Instant startedAt,
                              @Nullable Instant resolvedAt, boolean pinned, @Nullable Instant lastStatusUpdateAt) {

    /** Time since the start, frozen at resolution. */
    public Duration elapsed(Instant now) {
        Instant end = resolvedAt == null ? now : resolvedAt;
        return end.isBefore(startedAt) ? Duration.ZERO : Duration.between(startedAt, end);
    }
}
