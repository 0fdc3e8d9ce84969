package org.remediation.console.probe;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.remediation.console.base.Problems;
import org.springframework.stereotype.Component;

/**
 * The settings of an {@link ProbeKind#EXTERNAL} target: {@code staleAfter} (required, 1 m to 24 h: silence
 * longer than this is a failure) and {@code reporter} (required: the one service account allowed to push). The
 * scheduler never calls {@link #run}; it asks {@link Staleness} instead.
 */
@Component
class ExternalProbe implements Probe {

    static final String STALE_AFTER = "staleAfter";
    static final String REPORTER = "reporter";
    static final Duration MIN_STALE_AFTER = Duration.ofMinutes(1);
    static final Duration MAX_STALE_AFTER = Duration.ofHours(24);
    /** A username as accounts spell it (security's AccountRules). */
    private static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9._-]{2,31}");

    @Override
    public ProbeKind kind() {
        return ProbeKind.EXTERNAL;
    }

    @Override
    public void validate(Map<String, String> s, Problems p) {
        SettingRules.onlyKnown(s, Set.of(STALE_AFTER, REPORTER), p);
        String stale = SettingRules.required(s, STALE_AFTER, p,
                "How long without a pushed result counts as down (staleAfter, e.g. 10m)");
        if (stale != null) {
            Duration d = Durations.parse(stale);
            if (d == null) {
                p.add(SettingRules.field(STALE_AFTER), "'" + stale + "' is not a duration; write e.g. 10m or 1h.");
            } else if (d.compareTo(MIN_STALE_AFTER) < 0 || d.compareTo(MAX_STALE_AFTER) > 0) {
                p.add(SettingRules.field(STALE_AFTER), "staleAfter must be from 1m to 24h (got " + Durations.format(d) + ").");
            }
        }
        // Required: with "any REPORTER may push", one team's CI token could keep another team's badge green.
        String reporter = SettingRules.required(s, REPORTER, p,
                "The service account (REPORTER) whose token pushes this target's results, e.g. ci-smoke");
        if (reporter != null) {
            p.check(USERNAME.matcher(reporter.strip()).matches(), SettingRules.field(REPORTER), "'" + reporter.strip()
                    + "' is not a username (3–32 lowercase letters, digits, dot, dash or underscore, starting with a letter).");
        }
    }

    /** No credential references: nothing here is secret. */
    @Override
    public java.util.List<String> references(Map<String, String> settings) {
        return java.util.List.of();
    }

    /** Never called by the scheduler; a result if anything runs it anyway, so it cannot pass for a success. */
    @Override
    public ProbeResult run(ProbeRequest request) {
        return new Run(request).finish(Outcome.ERROR, "pushed-kind",
                "Results of an EXTERNAL target are pushed to POST /api/v1/probe-targets/" + request.targetKey() + "/results");
    }

    /** The target's staleAfter (validated when saved). */
    static Duration staleAfter(ProbeTarget t) {
        Duration d = Durations.parse(t.settings().getOrDefault(STALE_AFTER, ""));
        return d == null ? MIN_STALE_AFTER : d;
    }

    /** The one account allowed to push (required when saved; null only for a target saved before that rule). */
    static @Nullable String reporter(ProbeTarget t) {
        String r = t.settings().get(REPORTER);
        return r == null || r.isBlank() ? null : r.strip();
    }
}
