package org.remediation.console.notify;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What happened, independent of where it goes: the feature that noticed it, the incident and its
 * severity when known, the probe target group, the escalation rule kind, a one-line title, the text
 * a chat shows, and the facts a machine reads.
 *
 * @param source the feature that raised it (routes match on it)
 * @param at when it happened
 * @param incidentKey the incident it is about, when known
 * @param severity the incident severity ({@code P0}..{@code P3}) when known; {@link Notifier} looks it
 *     up from the incident key when it is missing
 * @param group the probe target group, for probe notifications
 * @param rule the escalation rule kind ({@link #RULE_KINDS}), for escalations
 * @param title one line, e.g. "Backend health is DOWN"
 * @param text the full message; the Slack format sends exactly this
 * @param facts details for machines, in order (the JSON format sends them under {@code facts})
 */
public record Notification(Source source, Instant at, @Nullable String incidentKey, @Nullable String severity,
                           @Nullable String group, @Nullable String rule, String title, String text,
                           Map<String, @Nullable Object> facts) {

    /** The escalation rule kinds a route's {@code rules} may name. */
    public static final Set<String> RULE_KINDS = Set.of("still-not-met", "phase-overran", "regressed");

    /** Which feature raised a notification. */
    public enum Source {
        /** A probe target changed state. */
        PROBE,
        /** An escalation rule fired. */
        ESCALATION,
        /** A watched signal regressed after a remediation action. */
        WATCH,
        /** A remediation action on a P0 incident waits for a second person's approval. */
        APPROVAL;

        /** The name used in configuration and in the JSON format. */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Notification {
        facts = Collections.unmodifiableMap(new LinkedHashMap<>(facts));
    }

    Notification withSeverity(@Nullable String resolved) {
        return new Notification(source, at, incidentKey, resolved, group, rule, title, text, facts);
    }
}
