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
    PROMETHEUS,
    /**
     * Results pushed by an outside check (a CI smoke test, a cron job) through
     * {@link ExternalResultService#push}; the engine runs nothing, it only marks silence longer than the
     * target's {@code staleAfter} as a failed run ({@link Staleness}).
     */
    EXTERNAL;

    /** A kind whose runs carry a value ({@link ProbeResult#METRIC_VALUE}) rather than a latency to judge. */
    public boolean isMetric() {
        return this == GCP_METRIC || this == PROMETHEUS;
    }

    /** A kind whose results are pushed from outside rather than run by the scheduler. */
    public boolean isPushed() {
        return this == EXTERNAL;
    }
}
