package org.remediation.console.probe;

import org.remediation.console.base.identity.SystemActor;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.remediation.console.base.DemoProperties;
import org.remediation.console.base.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Creates the demo targets of the cross-feature contract on first start of the embedded demo. */
@Component
class DemoTargets {

    private static final Logger log = LoggerFactory.getLogger(DemoTargets.class);

    private final DemoProperties demo;
    private final ProbeTargetService service;

    DemoTargets(DemoProperties demo, ProbeTargetService service) {
        this.demo = demo;
        this.service = service;
    }

    static List<TargetDraft> drafts() {
        return List.of(
                http("frontend", "Frontend", "http://{self}/sandbox/frontend/health", "frontend", 1),
                http("auth", "Auth service", "http://{self}/sandbox/auth/health", "auth", 2),
                http("backend-health", "Backend health", "http://{self}/sandbox/backend/health", "backend", 3),
                new TargetDraft("websocket", "WebSocket echo", "WEBSOCKET", Map.of("url", "ws://{self}/sandbox/ws",
                        "send", "ping", "expectContains", "ping"), Duration.ofSeconds(10), Duration.ofSeconds(5), true,
                        "websocket", 4),
                http("agent-response", "AI agent response", "http://{self}/sandbox/backend/agent", "backend", 5),
                http("database", "Database health", "http://{self}/sandbox/database/health", "database", null),
                new TargetDraft("redis", "Redis", "REDIS", Map.of("host", "127.0.0.1", "port", "6379"),
                        Duration.ofSeconds(10), Duration.ofSeconds(3), true, "redis", null),
                // The seeds' load, DNS and TLS checks, against the sandbox's loopback stand-ins (the real
                // staging hosts are out of reach and would stay red): "VPC connector handles 20+ concurrent
                // connections", "DNS resolution consistently < 2 seconds", "SSL certificate validation < 10
                // seconds under load". Their health follows the simulated connector like the endpoints'.
                new TargetDraft("backend-load", "Backend under load (20 at once)", "HTTP",
                        Map.of("url", "http://{self}/sandbox/backend/load", "concurrency", "20", "degradedAboveMs", "5000"),
                        Duration.ofSeconds(30), Duration.ofSeconds(10), true, "backend", null),
                new TargetDraft("dns-staging", "DNS staging.netrasystems.ai", "DNS",
                        Map.of("name", STAGING_HOST, "server", "127.0.0.1", "serverPort", String.valueOf(SANDBOX_DNS_PORT),
                                "degradedAboveMs", "2000"),
                        Duration.ofSeconds(30), Duration.ofSeconds(5), true, "edge", null),
                new TargetDraft("tls-staging", "TLS staging.netrasystems.ai", "TLS",
                        Map.of("host", "127.0.0.1", "port", String.valueOf(SANDBOX_TLS_PORT), "serverName", STAGING_HOST,
                                "caFile", SANDBOX_CA_FILE),
                        Duration.ofSeconds(30), Duration.ofSeconds(15), true, "edge", null),
                // "Load balancer health checks allow adequate startup time": the health check's own settings,
                // read from the active cloud (the sandbox's netra-backend-hc)
                new TargetDraft("lb-health-check", "Load balancer health check", "CLOUD_RESOURCE",
                        Map.of("resource", "HEALTH_CHECK/global/netra-backend-hc"),
                        Duration.ofSeconds(30), Duration.ofSeconds(5), true, "edge", null),
                // The seeds' utilisation, instance, pool and 5xx figures as Cloud Monitoring metrics; the sandbox
                // answers the same queries from its capacity model (cloud.sandbox.SandboxSeries). Groups of their own:
                // a statistic over a group mixing metric reads and calls means nothing (criteria.MetricUnits.mixedGroup)
                // a distribution per connector: Google refuses ALIGN_MEAN on it; the 99th percentile of the minute
                metric("connector-cpu", "VPC connector CPU", "vpc", CONNECTOR_CPU + ON_CONNECTOR,
                        Map.of("aligner", "ALIGN_PERCENTILE_99", "scale", "100", "unit", "%")),
                metric("connector-instances", "VPC connector instances", "vpc", CONNECTOR_INSTANCES + ON_CONNECTOR,
                        Map.of("aligner", "ALIGN_MIN")),
                // bytes back through the connector per second, read as Mbps (the seeds' unit: "200-300 Mbps baseline")
                metric("connector-throughput", "VPC connector throughput", "vpc",
                        CONNECTOR_RECEIVED + ON_CONNECTOR,
                        Map.of("aligner", "ALIGN_RATE", "reducer", "REDUCE_SUM", "scale", "0.000008", "unit", "Mbps")),
                metric("sql-backends", "Cloud SQL connections in use", "database-metrics",
                        "metric.type = \"cloudsql.googleapis.com/database/postgresql/num_backends\"" + ON_DATABASE,
                        Map.of("reducer", "REDUCE_SUM")),
                metric("sql-cpu", "Cloud SQL CPU", "database-metrics",
                        "metric.type = \"cloudsql.googleapis.com/database/cpu/utilization\"" + ON_DATABASE,
                        Map.of("scale", "100", "unit", "%")),
                // no 5xx in a minute means no series for class 500; the backend's requests of any class prove it reported
                metric("lb-5xx", "Load balancer 5xx", "edge-metrics", LB_REQUESTS + " AND metric.labels.response_code_class = 500",
                        Map.of("aligner", "ALIGN_DELTA", "reducer", "REDUCE_SUM", "emptyAs", "zero", "presenceFilter", LB_REQUESTS)),
                // sum across revisions: every serving revision's instances share the connector and the database pool
                // (seed 001: "46 active across 2 revisions causing resource contention"); the series keep the split
                metric("run-instances", "Backend instances (per revision)", "backend-metrics",
                        "metric.type = \"run.googleapis.com/container/instance_count\" AND resource.labels.service_name = \"netra-backend\"",
                        Map.of("aligner", "ALIGN_MAX", "reducer", "REDUCE_SUM", "groupBy", "resource.labels.revision_name",
                                "across", "sum")),
                // a logs-based counter has no series in a minute without warnings. Presence: the bytes the same
                // connector carried in that minute (a DELTA like the count, as the presence read reuses the aligner;
                // a gauge such as instances would be refused with ALIGN_DELTA), so an empty count reads 0 only while
                // that connector was up, carrying traffic and reporting
                metric("capacity-warnings", "VPC connector capacity warnings", "vpc", CAPACITY_WARNINGS + ON_CONNECTOR,
                        Map.of("aligner", "ALIGN_DELTA", "reducer", "REDUCE_SUM", "emptyAs", "zero",
                                "presenceFilter", CONNECTOR_RECEIVED + ON_CONNECTOR)));
    }

    static final String ON_CONNECTOR = " AND resource.labels.connector_name = \"staging-connector\"";
    static final String ON_DATABASE = " AND resource.labels.database_id = \"netra-staging:netra-staging-db\"";
    static final String CONNECTOR_CPU = "metric.type = \"vpcaccess.googleapis.com/connector/cpu/utilizations\"";
    static final String CONNECTOR_INSTANCES = "metric.type = \"vpcaccess.googleapis.com/connector/instances\"";
    static final String CONNECTOR_RECEIVED = "metric.type = \"vpcaccess.googleapis.com/connector/received_bytes_count\"";
    static final String LB_REQUESTS = "metric.type = \"loadbalancing.googleapis.com/https/request_count\""
            + " AND resource.labels.backend_target_name = \"netra-backend-bs\"";
    static final String CAPACITY_WARNINGS = "metric.type = \"logging.googleapis.com/user/capacity_warnings\"";

    static final String STAGING_HOST = "staging.netrasystems.ai";
    /** The sandbox stand-ins' defaults ({@code console.sandbox.dns-port}, {@code tls-port}, {@code tls-ca-file}). */
    static final int SANDBOX_DNS_PORT = 10053;
    static final int SANDBOX_TLS_PORT = 10443;
    static final String SANDBOX_CA_FILE = "data/sandbox-ca.pem";

    private static TargetDraft http(String key, String name, String url, String group, Integer golden) {
        return new TargetDraft(key, name, "HTTP", Map.of("url", url, "degradedAboveMs", "1000"), Duration.ofSeconds(10),
                Duration.ofSeconds(5), true, group, golden);
    }

    /**
     * A metric target: one 60 s alignment period per run (Google's minimum), ending now ({@code lag: 0s}):
     * the sandbox's points exist as soon as its state does; against Google raise the lag to 4m.
     */
    private static TargetDraft metric(String key, String name, String group, String filter, Map<String, String> more) {
        Map<String, String> settings = new java.util.HashMap<>(more);
        settings.put("filter", filter);
        settings.put("lag", "0s");
        return new TargetDraft(key, name, "GCP_METRIC", Map.copyOf(settings), Duration.ofSeconds(60), Duration.ofSeconds(10),
                true, group, null);
    }

    @EventListener(ApplicationReadyEvent.class)
    void seed() {
        if (!demo.enabled() || !SystemActor.call(service::all).isEmpty()) {
            return;
        }
        SystemActor.run(() -> drafts().forEach(d -> {
            try {
                service.create(d);
            } catch (InvalidInputException e) {
                // e.g. lb-health-check with a cloud that has no netra-backend-hc: the other targets still come
                log.warn("Demo target {} not created: {}", d.key(), e.getMessage());
            }
        }));
    }
}
