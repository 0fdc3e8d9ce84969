package org.remediation.console.probe;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.remediation.console.base.Problems;
import org.remediation.console.cloud.ResourceKind;
import org.remediation.console.cloud.ResourceRef;

/** Validates a {@link TargetDraft}; each problem names the field as the form and YAML call it. */
final class TargetRules {

    private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9-]{0,79}");
    private static final Pattern GROUP = Pattern.compile("[a-z0-9][a-z0-9-]{0,59}");
    static final Duration MAX_INTERVAL = Duration.ofHours(24);
    /** The field name of the optional cloud resource, in the form and in YAML. */
    static final String CLOUD_RESOURCE = "cloudResource";

    private TargetRules() {
    }

    /** Returns the valid target, or records problems and returns null. */
    static @Nullable ProbeTarget check(TargetDraft d, ProbeRunner runner, Predicate<String> credentialResolves,
                                       Problems p) {
        String key = d.key() == null ? "" : d.key().strip();
        if (key.isEmpty()) {
            p.add("key", "A key is required (lowercase letters, digits and dashes, e.g. backend-health).");
        } else if (!KEY.matcher(key).matches()) {
            p.add("key", "Use lowercase letters, digits and dashes only, at most 80 characters (got '" + key + "').");
        }
        String name = d.name() == null ? "" : d.name().strip();
        p.check(!name.isEmpty(), "name", "A display name is required.");
        p.check(name.length() <= 200, "name", "The name is too long (max 200 characters).");
        ProbeKind kind = kind(d.kind(), runner, p);
        checkTiming(d.interval(), d.timeout(), p);
        if (kind == ProbeKind.GCP_METRIC && d.interval() != null && d.interval().compareTo(Duration.ofSeconds(60)) < 0) {
            p.add("interval", "A Cloud Monitoring target reads one alignment period per run, its interval, and Google"
                    + " requires at least 60 s (got " + Durations.format(d.interval()) + ").");
        }
        if (kind == ProbeKind.EXTERNAL && d.interval() != null && d.settings() != null) {
            Duration stale = Durations.parse(d.settings().getOrDefault(ExternalProbe.STALE_AFTER, ""));
            // silence is looked for once per interval: a longer interval would leave a dead job green past staleAfter
            p.check(stale == null || stale.compareTo(ExternalProbe.MIN_STALE_AFTER) < 0 || d.interval().compareTo(stale) <= 0,
                    "interval", "An EXTERNAL target is checked for "
                    + "silence once per interval: the interval must not exceed staleAfter (" + (stale == null ? ""
                    : Durations.format(stale)) + "), or a dead job stays green longer than staleAfter.");
        }
        String group = d.group() == null ? "" : d.group().strip();
        p.check(GROUP.matcher(group).matches(), "group",
                "A group tag is required: lowercase letters, digits and dashes (e.g. backend, redis).");
        p.check(d.goldenStep() == null || (d.goldenStep() >= 1 && d.goldenStep() <= 5), "goldenPath",
                "The golden-path position must be 1 (login) to 5 (AI response), or empty.");
        Map<String, String> settings = d.settings() == null ? Map.of() : d.settings();
        if (kind != null && runner.probe(kind) != null) {
            runner.probe(kind).validate(settings, p);
            for (String ref : runner.probe(kind).references(settings)) {
                if (!credentialResolves.test(ref)) {
                    p.add("settings." + fieldOf(settings, ref), "The credential reference " + ref + " does not resolve: "
                            + CredentialRefs.howToSet(ref) + " first.");
                }
            }
        }
        p.check(Json.write(settings).length() <= 4000, "settings", "The settings are too large (max 4000 characters).");
        ResourceRef resource = cloudResource(d.cloudResource(), p);
        if (!p.isEmpty() || kind == null) {
            return null;
        }
        return new ProbeTarget(key, name, kind, Map.copyOf(settings), d.interval(), d.timeout(), d.enabled(), group,
                d.goldenStep(), 0, resource);
    }

    /** The optional cloud resource, read by the one parser of resource references. */
    private static @Nullable ResourceRef cloudResource(@Nullable String text, Problems p) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return ResourceRef.parse(text.strip());
        } catch (IllegalArgumentException e) {
            p.add(CLOUD_RESOURCE, "Cloud resource: " + e.getMessage() + ". Write KIND/location/name, e.g. "
                    + "RUN_SERVICE/us-central1/netra-backend (kinds: " + String.join(", ", java.util.Arrays.stream(
                    ResourceKind.values()).map(Enum::name).toList()) + "), or leave it empty.");
            return null;
        }
    }

    /** The setting that holds {@code ref} (a header line's reference sits inside {@code headers}). */
    private static String fieldOf(Map<String, String> settings, String ref) {
        return settings.entrySet().stream().filter(e -> e.getValue() != null && e.getValue().contains(ref))
                .map(Map.Entry::getKey).findFirst().orElse("headers");
    }

    private static @Nullable ProbeKind kind(@Nullable String text, ProbeRunner runner, Problems p) {
        if (text == null || text.isBlank()) {
            p.add("kind", "A kind is required: one of " + kinds() + ".");
            return null;
        }
        try {
            ProbeKind k = ProbeKind.valueOf(text.strip().toUpperCase(Locale.ROOT));
            p.check(runner.probe(k) != null, "kind", "No probe is installed for kind " + k + ".");
            return k;
        } catch (IllegalArgumentException e) {
            p.add("kind", "Unknown kind '" + text + "'. Use one of " + kinds() + ".");
            return null;
        }
    }

    private static void checkTiming(@Nullable Duration interval, @Nullable Duration timeout, Problems p) {
        if (interval == null) {
            p.add("interval", "An interval is required (at least 1 s, e.g. 10s).");
        } else if (interval.compareTo(Duration.ofSeconds(1)) < 0) {
            p.add("interval", "The interval must be at least 1 s (got " + Durations.format(interval) + ").");
        } else if (interval.compareTo(MAX_INTERVAL) > 0) {
            p.add("interval", "The interval must be at most 24 h.");
        }
        if (timeout == null) {
            p.add("timeout", "A timeout is required (e.g. 5s), shorter than the interval.");
        } else if (timeout.compareTo(Duration.ofMillis(50)) < 0) {
            p.add("timeout", "The timeout must be at least 50 ms (got " + Durations.format(timeout) + ").");
        } else if (interval != null && timeout.compareTo(interval) >= 0) {
            p.add("timeout", "The timeout (" + Durations.format(timeout) + ") must be shorter than the interval ("
                    + Durations.format(interval) + "), or runs would overlap.");
        }
    }

    private static String kinds() {
        return String.join(", ", java.util.Arrays.stream(ProbeKind.values()).map(Enum::name).toList());
    }
}
