package org.remediation.console.criteria;

import java.time.Duration;

/** A windowed criterion not met over {@code window} whose last {@code span} meets its threshold (recovering). */
public record RecentlyMet(Duration span, Duration window) {
}
