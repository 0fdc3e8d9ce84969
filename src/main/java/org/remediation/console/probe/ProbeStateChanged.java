package org.remediation.console.probe;

import org.remediation.console.base.LiveUpdate;
import org.remediation.console.base.cluster.NodeLocal;

/**
 * A target changed state (after hysteresis). Published both as a live event (views) and as a Spring
 * application event (other features, e.g. the criteria evaluator, may listen).
 */
public record ProbeStateChanged(StateChange change, String group, String targetName) implements LiveUpdate, NodeLocal {
}
