package org.remediation.console.incident;

import java.util.Map;

/**
 * A ready-made action carried by a task: {@code <kind> <param>=<value> …}, e.g.
 * {@code scale-connector resource=VPC_CONNECTOR/us-central1/staging-connector minInstances=3}.
 * The remediation feature interprets the parameters; this feature only checks the shape.
 */
public record ActionSpec(String kind, Map<String, String> params) {
}
