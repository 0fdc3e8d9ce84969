package org.remediation.console.probe;

import org.remediation.console.base.LiveUpdate;
import org.jspecify.annotations.Nullable;

/** Published (after commit) when a target is created, edited, enabled, disabled or deleted. */
public record ProbeTargetChanged(String key, @Nullable ProbeTarget target) implements LiveUpdate {

    public boolean deleted() {
        return target == null;
    }
}
