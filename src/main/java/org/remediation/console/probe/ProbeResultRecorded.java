package org.remediation.console.probe;

import org.remediation.console.base.LiveUpdate;
import org.remediation.console.base.cluster.NodeLocal;

/** Live event: a result was recorded for a target; {@code status} is its state after it. */
public record ProbeResultRecorded(ProbeResult result, TargetStatus status) implements LiveUpdate, NodeLocal {
}
