package org.remediation.console.cloud.gcp;

import java.util.Map;

/**
 * Which predefined IAM role grants a permission the console needs, so a
 * permission error can say what to grant. Unknown permissions fall back by verb and service.
 */
public final class PermissionRoles {

    private static final Map<String, String> ROLES = Map.ofEntries(
            Map.entry("vpcaccess.connectors.get", "roles/vpcaccess.viewer"),
            Map.entry("vpcaccess.connectors.list", "roles/vpcaccess.viewer"),
            Map.entry("vpcaccess.operations.get", "roles/vpcaccess.viewer"),
            Map.entry("vpcaccess.connectors.update", "roles/vpcaccess.admin"),
            Map.entry("cloudsql.instances.get", "roles/cloudsql.viewer"),
            Map.entry("cloudsql.instances.list", "roles/cloudsql.viewer"),
            Map.entry("cloudsql.instances.update", "roles/cloudsql.editor"),
            Map.entry("run.services.get", "roles/run.viewer"),
            Map.entry("run.services.list", "roles/run.viewer"),
            Map.entry("run.revisions.get", "roles/run.viewer"),
            Map.entry("run.revisions.list", "roles/run.viewer"),
            Map.entry("run.operations.get", "roles/run.viewer"),
            Map.entry("run.services.update", "roles/run.developer"),
            Map.entry("iam.serviceAccounts.actAs", "roles/iam.serviceAccountUser"),
            Map.entry("compute.healthChecks.get", "roles/compute.viewer"),
            Map.entry("compute.regionHealthChecks.get", "roles/compute.viewer"),
            Map.entry("compute.backendServices.get", "roles/compute.viewer"),
            Map.entry("compute.sslCertificates.get", "roles/compute.viewer"),
            Map.entry("compute.sslCertificates.list", "roles/compute.viewer"),
            Map.entry("compute.globalOperations.get", "roles/compute.viewer"),
            Map.entry("compute.regionOperations.get", "roles/compute.viewer"),
            Map.entry("compute.healthChecks.update", "roles/compute.loadBalancerAdmin"),
            Map.entry("compute.regionHealthChecks.update", "roles/compute.loadBalancerAdmin"),
            Map.entry("compute.backendServices.update", "roles/compute.loadBalancerAdmin"),
            Map.entry("redis.instances.get", "roles/redis.viewer"),
            Map.entry("redis.instances.list", "roles/redis.viewer"),
            Map.entry("monitoring.timeSeries.list", "roles/monitoring.viewer"));

    private PermissionRoles() {
    }

    /** The role to grant for {@code permission}, e.g. {@code roles/vpcaccess.admin}. */
    public static String grantingRole(String permission) {
        String known = ROLES.get(permission);
        if (known != null) {
            return known;
        }
        String service = permission.contains(".") ? permission.substring(0, permission.indexOf('.')) : permission;
        boolean read = permission.endsWith(".get") || permission.endsWith(".list");
        return switch (service) {
            case "compute" -> read ? "roles/compute.viewer" : "roles/compute.loadBalancerAdmin";
            case "run" -> read ? "roles/run.viewer" : "roles/run.developer";
            case "cloudsql" -> read ? "roles/cloudsql.viewer" : "roles/cloudsql.editor";
            case "vpcaccess" -> read ? "roles/vpcaccess.viewer" : "roles/vpcaccess.admin";
            case "redis" -> read ? "roles/redis.viewer" : "roles/redis.editor";
            case "monitoring" -> read ? "roles/monitoring.viewer" : "roles/monitoring.editor";
            default -> "a role that includes " + permission;
        };
    }

    /** Every role the console's service account needs to read and change all supported resources. */
    public static Map<String, String> consoleRoles() {
        return Map.of(
                "roles/vpcaccess.admin", "read and scale Serverless VPC Access connectors",
                "roles/cloudsql.editor", "read Cloud SQL instances, change tier and flags",
                "roles/run.developer", "read Cloud Run services and revisions, change resources and traffic",
                "roles/iam.serviceAccountUser", "on the Cloud Run runtime service account, to deploy revisions",
                "roles/compute.loadBalancerAdmin", "read and change health checks and backend services, read certificates",
                "roles/redis.viewer", "read Memorystore for Redis instances (state, host, port, network); never changes them",
                "roles/monitoring.viewer", "read Cloud Monitoring time series for GCP_METRIC probes (monitoring.timeSeries.list)");
    }
}
