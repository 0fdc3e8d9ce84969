package org.remediation.console.probe;

import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What an admin submits to create or edit a target (from a form or YAML). Everything may be
 * missing or wrong; {@link ProbeTargetService} validates it and names each bad field.
 */
public record TargetDraft(@Nullable String key, @Nullable String name, @Nullable String kind,
                          @Nullable Map<String, String> settings, @Nullable Duration interval,
                          @Nullable Duration timeout, boolean enabled, @Nullable String group,
                          @Nullable Integer goldenStep) {
}
