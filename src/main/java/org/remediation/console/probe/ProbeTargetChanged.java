package org.remediation.console.probe;

import org.remediation.console.base.LiveUpdate;
import org.jspecify.annotations.Nullable;
import org.remediation.console.base.cluster.ClusterEvent;

/** Published (after commit) when a target is created, edited, enabled, disabled or deleted; heard on every node. */
public record ProbeTargetChanged(String key, @Nullable ProbeTarget target) implements LiveUpdate, ClusterEvent {

    public boolean deleted() {
        return target == null;
    }
}
