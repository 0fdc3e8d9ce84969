package org.remediation.console.probe;

import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What an admin submits to create or edit a target (from a form or YAML). Everything may be
 * missing or wrong; {@link ProbeTargetService} validates it and names each bad field.
 *
 * @param cloudResource the cloud resource the target stands for as {@code KIND/location/name}
 *     ({@link org.remediation.console.cloud.ResourceRef}'s form); blank or null for none
 */
public record TargetDraft(@Nullable String key, @Nullable String name, @Nullable String kind,
                          @Nullable Map<String, String> settings, @Nullable Duration interval,
                          @Nullable Duration timeout, boolean enabled, @Nullable String group,
                          @Nullable Integer goldenStep, @Nullable String cloudResource) {

    /** A draft that names no cloud resource. */
    public TargetDraft(@Nullable String key, @Nullable String name, @Nullable String kind,
                       @Nullable Map<String, String> settings, @Nullable Duration interval,
                       @Nullable Duration timeout, boolean enabled, @Nullable String group,
                       @Nullable Integer goldenStep) {
        this(key, name, kind, settings, interval, timeout, enabled, group, goldenStep, null);
    }
}
