package org.remediation.console.cloud;

/**
 * Reads time series from the active cloud: Cloud Monitoring ({@code cloud.gcp}) or the sandbox's
 * capacity model. Provider-neutral: probes and views depend on this port, never on Google classes.
 */
public interface CloudMetrics {

    /** "sandbox" or "gcp", as {@link CloudGateway#name()}. */
    String name();

    /**
     * One read. Throws {@link CloudException} with the same kinds as the other adapters, as Google
     * answers: a malformed filter or aggregation is {@code INVALID_ARGUMENT} with Google's message, an
     * unknown metric type {@code NOT_FOUND} ("Cannot find metric(s) that match type = …"), a missing
     * {@code monitoring.timeSeries.list} (or an unknown project, which Google answers the same way)
     * {@code PERMISSION_DENIED} naming it, 429 and 503 {@code RATE_LIMITED} and {@code UNAVAILABLE}.
     */
    MetricAnswer read(MetricQuery query);
}
