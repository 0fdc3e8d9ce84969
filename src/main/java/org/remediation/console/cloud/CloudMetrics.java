package org.remediation.console.cloud;

/**
 * Reads time series from the active cloud: Cloud Monitoring ({@code cloud.gcp}) or the sandbox's
 * capacity model. Provider-neutral: probes and views depend on this port, never on Google classes.
 */
public interface CloudMetrics {

    /** "sandbox" or "gcp", as {@link CloudGateway#name()}. */
    String name();

    /**
     * One read. Throws {@link CloudException} with the same kinds as the other adapters: a bad
     * filter or an unknown metric type is {@code INVALID_ARGUMENT} with Google's message, a missing
     * {@code monitoring.timeSeries.list} is {@code PERMISSION_DENIED} naming it, 429 and 503 are
     * {@code RATE_LIMITED} and {@code UNAVAILABLE}.
     */
    MetricAnswer read(MetricQuery query);
}
