package org.remediation.console.probe;

/**
 * The kinds of probe the engine can run. A cloud-resource probe is added later by appending a
 * constant here and registering a {@link Probe} bean for it; nothing else needs to change.
 */
public enum ProbeKind {
    HTTP, TCP, REDIS, POSTGRES, DNS, TLS, WEBSOCKET, CLOUD_RESOURCE,
    /** A Cloud Monitoring time series (or the sandbox's), read through {@link org.remediation.console.cloud.CloudMetrics}. */
    GCP_METRIC,
    /** An instant PromQL query against a Prometheus HTTP API. */
    PROMETHEUS;

    /** A run yields a value in the target's unit ({@link ProbeResult#METRIC_VALUE}), not a latency. */
    public boolean isMetric() {
        return this == GCP_METRIC || this == PROMETHEUS;
    }
}
