package org.remediation.console.base;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Something that belongs on an incident's timeline, raised by any feature (a probe changing state,
 * an action starting) as a Spring application event. The incident feature listens and appends it
 * to the named incident, or to the current one when {@code incidentKey} is null.
 *
 * @param actor who did it: the person on whose behalf it happened, or {@code system} for the
 *     console's own work (a probe changing state, a criteria round)
 * @param category short machine-readable kind, e.g. {@code probe.state}, {@code action.started}
 * @param text one human-readable line for the timeline
 * @param facts small key/value details shown with the entry
 */
public record TimelineNote(Instant at, String actor, String category, String text, @Nullable String incidentKey,
                           Map<String, String> facts) {
}
