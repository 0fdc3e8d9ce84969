package org.remediation.console.cloud.gcp;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Google Cloud adapter settings ({@code console.gcp.*}); used only when
 * {@code console.cloud.provider=gcp}.
 *
 * @param project   the Google Cloud project id holding the resources, e.g. {@code netra-staging}
 * @param regions   the regions the console works in; the first is used for regional resources
 *                  configured without an explicit {@code region/} prefix
 * @param resources which resources the console shows, by kind
 * @param endpoints API endpoint overrides (fake servers in tests and the fakes launcher); empty
 *                  means Google's public endpoint. Loopback endpoints are called without credentials.
 * @param polling   how callers that wait for an operation poll it
 * @param retry     bounded retry of calls rejected with 429 / 503 (never of timed-out calls)
 * @param callTimeout deadline of one API call; when it passes the outcome is unknown
 */
@ConfigurationProperties("console.gcp")
public record GcpProperties(
        @DefaultValue("") String project,
        @DefaultValue("us-central1") List<String> regions,
        @DefaultValue Resources resources,
        @DefaultValue Endpoints endpoints,
        @DefaultValue Polling polling,
        @DefaultValue Retry retry,
        @DefaultValue("30s") Duration callTimeout) {

    /** The region used for regional resources configured by bare name. */
    public String defaultRegion() {
        return regions.isEmpty() ? "us-central1" : regions.getFirst();
    }

    /**
     * Resource names the console shows. Regional kinds accept {@code name} (first region) or
     * {@code region/name}; health checks accept {@code name} (global) or {@code region/name}.
     *
     * @param connectors      Serverless VPC Access connector names
     * @param sqlInstances    Cloud SQL instance names
     * @param runServices     Cloud Run service names
     * @param healthChecks    load-balancer health check names
     * @param backendServices global backend service names
     * @param sslCertificates global SSL certificate names
     * @param redisInstances  Memorystore for Redis instance ids ({@code name} or {@code region/name});
     *                        read-only: state, host, port and authorized network, never changed
     */
    public record Resources(
            @DefaultValue List<String> connectors,
            @DefaultValue List<String> sqlInstances,
            @DefaultValue List<String> runServices,
            @DefaultValue List<String> healthChecks,
            @DefaultValue List<String> backendServices,
            @DefaultValue List<String> sslCertificates,
            @DefaultValue List<String> redisInstances) {
    }

    /**
     * Endpoint overrides.
     *
     * @param vpcAccess     gRPC {@code host:port} of the Serverless VPC Access API
     * @param vpcAccessRest base URL of the VPC Access REST API (connector PATCH and its operations)
     * @param sqlAdmin      root URL of the Cloud SQL Admin API, e.g. {@code http://127.0.0.1:9000/}
     * @param run           gRPC {@code host:port} of the Cloud Run Admin API v2
     * @param compute       base URL of the Compute Engine API
     * @param redis         gRPC {@code host:port} of the Memorystore for Redis API v1
     * @param monitoring    gRPC {@code host:port} of the Cloud Monitoring API v3 (GCP_METRIC probes)
     */
    public record Endpoints(
            @DefaultValue("") String vpcAccess,
            @DefaultValue("") String vpcAccessRest,
            @DefaultValue("") String sqlAdmin,
            @DefaultValue("") String run,
            @DefaultValue("") String compute,
            @DefaultValue("") String redis,
            @DefaultValue("") String monitoring) {

        /** True when an override points at this machine: such endpoints get no credentials. */
        public static boolean isLoopback(String endpoint) {
            if (endpoint.isBlank()) {
                return false;
            }
            String host = endpoint.contains("://") ? URI.create(endpoint).getHost()
                    : endpoint.substring(0, endpoint.lastIndexOf(':') < 0 ? endpoint.length() : endpoint.lastIndexOf(':'));
            return "127.0.0.1".equals(host) || "localhost".equals(host) || "[::1]".equals(host);
        }
    }

    /**
     * Operation polling for callers that wait.
     *
     * @param interval time between two polls of a running operation
     * @param timeout  how long a caller waits before reporting the operation as still running
     */
    public record Polling(
            @DefaultValue("2s") Duration interval,
            @DefaultValue("10m") Duration timeout) {
    }

    /**
     * Retry of calls rejected as rate limited (429) or unavailable (503), with exponential backoff
     * and full jitter. Calls that timed out are never retried: their outcome is unknown.
     *
     * @param maxAttempts    attempts in all, including the first (1 = no retry)
     * @param initialBackoff the backoff before the second attempt
     * @param maxBackoff     the cap on one backoff
     * @param multiplier     growth of the backoff per attempt
     */
    public record Retry(
            @DefaultValue("4") int maxAttempts,
            @DefaultValue("500ms") Duration initialBackoff,
            @DefaultValue("8s") Duration maxBackoff,
            @DefaultValue("2.0") double multiplier) {
    }
}
