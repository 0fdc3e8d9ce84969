package org.remediation.console.incident;

import java.time.Instant;

/** One line of an incident's timeline; {@code loud} marks overrides and other must-see events. */
public record TimelineItem(Instant at, String actor, String category, String text, boolean loud) {
}
