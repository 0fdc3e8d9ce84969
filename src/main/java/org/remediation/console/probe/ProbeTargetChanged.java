package org.remediation.console.probe;

import org.jspecify.annotations.Nullable;

/** Published (after commit) when a target is created, edited, enabled, disabled or deleted. */
public record ProbeTargetChanged(String key, @Nullable ProbeTarget target) {

    public boolean deleted() {
        return target == null;
    }
}
