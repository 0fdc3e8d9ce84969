package org.remediation.console.cloud;

/**
 * Attribute names used in {@link ResourceState} and {@link CloudChange}, per resource kind. Every
 * adapter reports and accepts exactly these names, so previews, probes and criteria work the same
 * against the sandbox and Google.
 */
public final class Attributes {

    // Every kind
    /** Lifecycle state as the provider reports it (READY, UPDATING, RUNNABLE, ACTIVE, …). */
    public static final String STATE = "state";

    // VPC_CONNECTOR
    public static final String MACHINE_TYPE = "machineType";
    public static final String MIN_INSTANCES = "minInstances";
    public static final String MAX_INSTANCES = "maxInstances";
    public static final String IP_CIDR_RANGE = "ipCidrRange";
    public static final String NETWORK = "network";

    // SQL_INSTANCE
    public static final String TIER = "tier";
    public static final String DATABASE_VERSION = "databaseVersion";
    /**
     * Prefix of one attribute per database flag: {@code flags.max_connections=100}. A change that
     * carries any {@code flags.*} attribute carries the whole list: adapters replace the instance's
     * flags with exactly those (as Cloud SQL's patch does with {@code settings.databaseFlags}).
     */
    public static final String FLAG_PREFIX = "flags.";

    // RUN_SERVICE (MIN_INSTANCES / MAX_INSTANCES are the template's scaling)
    /** Container memory limit in Kubernetes notation: {@code 512Mi}, {@code 4Gi}. */
    public static final String MEMORY = "memory";
    /** CPU limit: {@code 1}, {@code 2}, or a fraction such as {@code 0.5}. */
    public static final String CPU = "cpu";
    public static final String TIMEOUT_SECONDS = "timeoutSeconds";
    public static final String LATEST_READY_REVISION = "latestReadyRevision";
    /** Comma-separated revision names, oldest first. */
    public static final String REVISIONS = "revisions";
    /**
     * Traffic split, comma-separated {@code revision=percent} (or {@code LATEST=100}). A change that
     * sets it sets the exact split; a template change without it sends all traffic to the new
     * revision (gcloud's default).
     */
    public static final String TRAFFIC = "traffic";
    public static final String RECONCILING = "reconciling";
    /**
     * Short name of the Serverless VPC Access connector the service's egress goes through (Cloud Run
     * v2 {@code template.vpc_access.connector}; the connector sits in the service's region). Absent
     * when the service uses no connector.
     */
    public static final String VPC_CONNECTOR = "vpcConnector";
    /** Which egress goes through the connector: {@code PRIVATE_RANGES_ONLY} (Google's default) or {@code ALL_TRAFFIC}. */
    public static final String VPC_EGRESS = "vpcEgress";

    // HEALTH_CHECK
    public static final String CHECK_INTERVAL_SECONDS = "checkIntervalSec";
    public static final String CHECK_TIMEOUT_SECONDS = "timeoutSec";
    public static final String HEALTHY_THRESHOLD = "healthyThreshold";
    public static final String UNHEALTHY_THRESHOLD = "unhealthyThreshold";

    // BACKEND_SERVICE
    public static final String HEALTH_CHECKS = "healthChecks";
    public static final String BACKEND_TIMEOUT_SECONDS = "timeoutSec";

    // SSL_CERTIFICATE
    /** Managed status: ACTIVE, PROVISIONING, PROVISIONING_FAILED, … */
    public static final String MANAGED_STATUS = "managedStatus";
    public static final String DOMAINS = "domains";
    /** ISO-8601 instant. */
    public static final String EXPIRE_TIME = "expireTime";

    private Attributes() {
    }
}
