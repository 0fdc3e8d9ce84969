package org.remediation.console.cloud.sandbox;

import static org.remediation.console.cloud.Attributes.*;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.remediation.console.cloud.ResourceKind;
import org.remediation.console.cloud.ResourceRef;

/** The #1278 staging topology the sandbox starts with (and returns to on reset). */
final class SandboxTopology {

    /** The simulated project: the one the #1278 write-ups run their gcloud commands against. */
    static final String PROJECT = "netra-staging";
    static final ResourceRef CONNECTOR = new ResourceRef(ResourceKind.VPC_CONNECTOR, "us-central1", "staging-connector");
    static final ResourceRef DATABASE = new ResourceRef(ResourceKind.SQL_INSTANCE, "us-central1", "netra-staging-db");
    static final ResourceRef FRONTEND = run("netra-frontend");
    static final ResourceRef AUTH = run("netra-auth");
    static final ResourceRef BACKEND = run("netra-backend");
    static final ResourceRef HEALTH_CHECK = new ResourceRef(ResourceKind.HEALTH_CHECK, "global", "netra-backend-hc");
    static final ResourceRef BACKEND_SERVICE = new ResourceRef(ResourceKind.BACKEND_SERVICE, "global", "netra-backend-bs");
    static final ResourceRef CERTIFICATE = new ResourceRef(ResourceKind.SSL_CERTIFICATE, "global", "netra-staging-cert");
    /** The Redis of #1278 ("10.166.204.83:6379 unreachable"); on the connector's network, read-only. */
    static final ResourceRef REDIS = new ResourceRef(ResourceKind.REDIS_INSTANCE, "us-central1", "netra-staging-redis");

    private SandboxTopology() {
    }

    /** Every resource with its initial attributes, in display order. */
    static Map<ResourceRef, Map<String, String>> initial(Instant now) {
        Map<ResourceRef, Map<String, String>> m = new LinkedHashMap<>();
        m.put(CONNECTOR, attrs(STATE, "READY", MACHINE_TYPE, "e2-micro", MIN_INSTANCES, "2", MAX_INSTANCES, "3",
                IP_CIDR_RANGE, "10.2.0.0/28", NETWORK, "staging-vpc"));
        Map<String, String> db = attrs(STATE, "RUNNABLE", TIER, "db-custom-2-7680", DATABASE_VERSION, "POSTGRES_15");
        db.put(FLAG_PREFIX + "max_connections", "100");
        m.put(DATABASE, db);
        m.put(FRONTEND, service(FRONTEND.name(), "512Mi", "1", "300", "1", "10"));
        m.put(AUTH, service(AUTH.name(), "512Mi", "1", "300", "1", "10"));
        m.put(BACKEND, service(BACKEND.name(), "2Gi", "1", "300", "1", "20"));
        m.put(HEALTH_CHECK, attrs(STATE, "READY", CHECK_INTERVAL_SECONDS, "5", CHECK_TIMEOUT_SECONDS, "5",
                HEALTHY_THRESHOLD, "2", UNHEALTHY_THRESHOLD, "2", PROTOCOL, "HTTP", PORT, "8080", REQUEST_PATH, "/health"));
        m.put(BACKEND_SERVICE, attrs(STATE, "READY", HEALTH_CHECKS, HEALTH_CHECK.name(), BACKEND_TIMEOUT_SECONDS, "30"));
        m.put(CERTIFICATE, attrs(STATE, "READY", MANAGED_STATUS, "ACTIVE", DOMAINS, "staging.netrasystems.ai",
                EXPIRE_TIME, now.plus(Duration.ofDays(60)).truncatedTo(ChronoUnit.SECONDS).toString()));
        m.put(REDIS, attrs(STATE, "READY", HOST, "10.166.204.83", PORT, "6379",
                AUTHORIZED_NETWORK, "projects/netra-staging/global/networks/staging-vpc", NETWORK, "staging-vpc",
                CONNECT_MODE, "DIRECT_PEERING", TIER, "BASIC", MEMORY_SIZE_GB, "1", REDIS_VERSION, "REDIS_7_0",
                RESERVED_IP_RANGE, "10.166.204.80/29"));
        return m;
    }

    /** The #1278 write-ups: every staging service's egress goes through staging-connector. */
    static Map<String, String> vpcAccess(Map<String, String> initialService) {
        return attrs(VPC_CONNECTOR, initialService.get(VPC_CONNECTOR), VPC_EGRESS, initialService.get(VPC_EGRESS));
    }

    /** The state a resource settles in when no operation runs on it. */
    static String restingState(ResourceKind kind) {
        return kind == ResourceKind.SQL_INSTANCE ? "RUNNABLE" : "READY";
    }

    static String revisionName(String service, int number) {
        return service + "-" + String.format("%05d", number);
    }

    private static ResourceRef run(String name) {
        return new ResourceRef(ResourceKind.RUN_SERVICE, "us-central1", name);
    }

    private static Map<String, String> service(String name, String memory, String cpu, String timeout,
                                               String min, String max) {
        String older = revisionName(name, 1);
        String latest = revisionName(name, 2);
        Map<String, String> m = attrs(STATE, "READY", MEMORY, memory, CPU, cpu, TIMEOUT_SECONDS, timeout,
                MIN_INSTANCES, min, MAX_INSTANCES, max, REVISIONS, older + "," + latest, LATEST_READY_REVISION, latest,
                TRAFFIC, "LATEST=100", TRAFFIC_TAGS, "stable=" + older, RECONCILING, "false",
                ENV_PREFIX + "ENVIRONMENT", "staging", ENV_PREFIX + "REDIS_AUTH_TOKEN", "sandbox-" + name + "-token",
                ENV_SECRET_PREFIX + "DB_PASSWORD", "netra-db-password:latest", VPC_CONNECTOR, CONNECTOR.name(),
                VPC_EGRESS, "PRIVATE_RANGES_ONLY");
        m.putAll(DEFAULT_PROBE);
        return m;
    }

    /** Cloud Run's default startup probe (https://cloud.google.com/run/docs/configuring/healthchecks). */
    static final Map<String, String> DEFAULT_PROBE = attrs(PROBE_TYPE, "TCP", PROBE_PATH, "", PROBE_PORT, "8080",
            PROBE_INITIAL_DELAY, "0", PROBE_PERIOD, "240", PROBE_TIMEOUT, "240", PROBE_FAILURE_THRESHOLD, "1");

    private static Map<String, String> attrs(String... kv) {
        Map<String, String> m = new TreeMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }
}
