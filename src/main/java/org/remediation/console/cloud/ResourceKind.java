package org.remediation.console.cloud;

/** The kinds of cloud resource the console reads and changes. */
public enum ResourceKind {
    VPC_CONNECTOR("Serverless VPC Access connector"),
    SQL_INSTANCE("Cloud SQL instance"),
    RUN_SERVICE("Cloud Run service"),
    HEALTH_CHECK("Load-balancer health check"),
    BACKEND_SERVICE("Load-balancer backend service"),
    SSL_CERTIFICATE("SSL certificate"),
    /** Read-only: the console checks its state and network, it never changes it. */
    REDIS_INSTANCE("Memorystore for Redis instance");

    private final String label;

    ResourceKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
