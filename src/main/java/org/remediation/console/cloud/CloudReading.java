package org.remediation.console.cloud;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One observation of a cloud resource for probes and criteria: whether it is healthy, numeric
 * measurements (names in {@link CloudResourceReader}) and textual labels such as the state.
 * {@code errorKind} is set when the resource could not be read.
 */
public record CloudReading(ResourceRef ref, Instant readAt, boolean healthy, String summary,
                           Map<String, Double> measurements, Map<String, String> labels,
                           CloudException.@Nullable Kind errorKind) {

    public CloudReading {
        measurements = Map.copyOf(measurements);
        labels = Map.copyOf(labels);
    }

    public Optional<Double> measurement(String name) {
        return Optional.ofNullable(measurements.get(name));
    }

    public Optional<String> label(String name) {
        return Optional.ofNullable(labels.get(name));
    }
}
