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
    /**
     * The value of a flag that is set without a value (Cloud SQL flag type NONE, e.g. MySQL's
     * {@code skip_grant_tables}): Cloud SQL omits {@code value} for it and requires it omitted on
     * every patch (https://cloud.google.com/sql/docs/mysql/admin-api/rest/v1/instances, DatabaseFlags.value).
     */
    public static final String FLAG_SET_WITHOUT_VALUE = "(set, no value)";

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
     * Traffic split as configured, comma-separated {@code revision=percent} of the targets with a
     * share (or {@code LATEST=100}). A change that sets it sets the exact split and keeps the tags.
     * A template change without it leaves the split as it is: {@code LATEST} follows the new
     * revision, a split pinned to named revisions stays pinned and the new revision gets 0 %.
     */
    public static final String TRAFFIC = "traffic";
    /** Revision tags, comma-separated {@code tag=revision} (or {@code tag=LATEST}); empty when none. */
    public static final String TRAFFIC_TAGS = "trafficTags";
    /**
     * What actually serves, as the provider reports it (Cloud Run's {@code traffic_statuses}), with
     * {@code LATEST} resolved to the revision: comma-separated {@code revision=percent}.
     */
    public static final String SERVING = "serving";
    /** The newest revision created; differs from {@link #LATEST_READY_REVISION} while or when it fails to start. */
    public static final String LATEST_CREATED_REVISION = "latestCreatedRevision";
    public static final String RECONCILING = "reconciling";
    /**
     * Prefix of one attribute per plain environment variable of the first container:
     * {@code env.DB_CONNECTION_TIMEOUT=600}. Values of secret-looking variables are reported masked
     * ({@link EnvValues}). A change that carries any {@code env.*} attribute carries the whole plain
     * list; a masked value in it means "keep the current value".
     */
    public static final String ENV_PREFIX = "env.";
    /**
     * Prefix of one attribute per variable taken from Secret Manager: {@code envSecret.DB_PASSWORD=db-password:latest}
     * ({@code secret:version}, as gcloud's {@code --update-secrets} writes it). Read-only here.
     */
    public static final String ENV_SECRET_PREFIX = "envSecret.";
    /** Startup probe of the first container: {@code HTTP}, {@code TCP}, {@code GRPC} or {@code NONE}. */
    public static final String PROBE_TYPE = "startupProbe.type";
    /** HTTP probe path; empty for other types. */
    public static final String PROBE_PATH = "startupProbe.path";
    public static final String PROBE_PORT = "startupProbe.port";
    public static final String PROBE_INITIAL_DELAY = "startupProbe.initialDelaySeconds";
    public static final String PROBE_PERIOD = "startupProbe.periodSeconds";
    public static final String PROBE_TIMEOUT = "startupProbe.timeoutSeconds";
    public static final String PROBE_FAILURE_THRESHOLD = "startupProbe.failureThreshold";
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
    /** Compute's {@code HealthCheck.type}: TCP, SSL, HTTP, HTTPS, HTTP2 or GRPC. Read only. */
    public static final String PROTOCOL = "protocol";
    /**
     * HEALTH_CHECK: the port the check probes (1–65535; absent when it uses the backends' serving
     * port). REDIS_INSTANCE: the port clients connect to.
     */
    public static final String PORT = "port";
    /** The HTTP path the check requests (HTTP, HTTPS and HTTP2 checks only). */
    public static final String REQUEST_PATH = "requestPath";

    // BACKEND_SERVICE
    public static final String HEALTH_CHECKS = "healthChecks";
    public static final String BACKEND_TIMEOUT_SECONDS = "timeoutSec";

    // SSL_CERTIFICATE
    /** Managed status: ACTIVE, PROVISIONING, PROVISIONING_FAILED, … */
    public static final String MANAGED_STATUS = "managedStatus";
    public static final String DOMAINS = "domains";
    /** ISO-8601 instant. */
    public static final String EXPIRE_TIME = "expireTime";

    // REDIS_INSTANCE (read-only; TIER is BASIC or STANDARD_HA, NETWORK the authorized network's short name)
    /** The IP address clients connect to, e.g. {@code 10.166.204.83}. */
    public static final String HOST = "host";
    // PORT (above) is the instance's port here
    /** The VPC network as Google reports it: {@code projects/P/global/networks/N}. */
    public static final String AUTHORIZED_NETWORK = "authorizedNetwork";
    /** DIRECT_PEERING or PRIVATE_SERVICE_ACCESS. */
    public static final String CONNECT_MODE = "connectMode";
    public static final String MEMORY_SIZE_GB = "memorySizeGb";
    /** e.g. {@code REDIS_7_0}. */
    public static final String REDIS_VERSION = "redisVersion";
    /** DIRECT_PEERING: the instance's CIDR; PRIVATE_SERVICE_ACCESS: the allocated range's name. */
    public static final String RESERVED_IP_RANGE = "reservedIpRange";

    private Attributes() {
    }
}
