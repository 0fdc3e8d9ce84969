package org.remediation.console.probe;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import org.remediation.console.base.egress.EgressPolicy;

/**
 * Everything one run needs.
 *
 * @param settings kind-specific settings with {@code {self}} already replaced
 * @param secrets resolves a credential reference ({@code secret:name}) to its value; throws
 *     {@link IllegalStateException} when the reference does not resolve
 * @param egress where the run may connect: every probe resolves its host through it
 * @param interval the target's interval (a Cloud Monitoring read aligns over it, so each point counts once)
 */
public record ProbeRequest(String targetKey, Map<String, String> settings, Duration timeout,
                           Function<String, String> secrets, Clock clock, EgressPolicy egress, Duration interval) {

    /** With a one-minute interval (kinds that do not read it). */
    public ProbeRequest(String targetKey, Map<String, String> settings, Duration timeout,
                        Function<String, String> secrets, Clock clock, EgressPolicy egress) {
        this(targetKey, settings, timeout, secrets, clock, egress, Duration.ofMinutes(1));
    }

    /** Under the default egress policy (link-local and unspecified addresses refused). */
    public ProbeRequest(String targetKey, Map<String, String> settings, Duration timeout,
                        Function<String, String> secrets, Clock clock) {
        this(targetKey, settings, timeout, secrets, clock, EgressPolicy.DEFAULT);
    }

    public String setting(String name, String fallback) {
        String v = settings.get(name);
        return v == null || v.isBlank() ? fallback : v.strip();
    }

    public int intSetting(String name, int fallback) {
        String v = settings.get(name);
        return v == null || v.isBlank() ? fallback : Integer.parseInt(v.strip());
    }
}
