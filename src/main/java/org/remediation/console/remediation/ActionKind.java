package org.remediation.console.remediation;

import java.util.Arrays;
import java.util.Optional;
import org.remediation.console.cloud.ResourceKind;

/** The kinds of remediation action, with the spec names used in task {@code actionSpec} strings. */
public enum ActionKind {
    SCALE_CONNECTOR("scale-connector", "Scale VPC connector", ResourceKind.VPC_CONNECTOR,
            "Raise the connector's minimum/maximum instances or change its machine type."),
    SQL_TIER("sql-tier", "Change Cloud SQL tier", ResourceKind.SQL_INSTANCE,
            "Move the database to a larger or smaller machine tier (restarts the instance)."),
    SQL_FLAG("sql-flag", "Set Cloud SQL flag", ResourceKind.SQL_INSTANCE,
            "Set one database flag such as max_connections; the whole flag list is sent."),
    RUN_RESOURCES("run-resources", "Cloud Run resources", ResourceKind.RUN_SERVICE,
            "Change memory, CPU, request timeout or min/max instances (creates a new revision)."),
    RUN_TRAFFIC("run-traffic", "Shift Cloud Run traffic", ResourceKind.RUN_SERVICE,
            "Send traffic to an existing revision, e.g. back to the previous one."),
    HEALTH_CHECK("health-check", "Tune health check", ResourceKind.HEALTH_CHECK,
            "Change the load balancer's check interval, timeout and thresholds."),
    HEALTH_CHECK_TARGET("health-check-target", "Health check path and port", ResourceKind.HEALTH_CHECK,
            "Change the port and (HTTP, HTTPS, HTTP/2) request path the load balancer's health check probes."),
    RUN_ENV("run-env", "Cloud Run environment variables", ResourceKind.RUN_SERVICE,
            "Set or remove plain environment variables (creates a new revision; secrets stay in Secret Manager)."),
    RUN_STARTUP_PROBE("run-startup-probe", "Cloud Run startup probe", ResourceKind.RUN_SERVICE,
            "Change the container's startup probe: HTTP path or TCP port, delay, period, timeout, threshold."),
    CONNECTOR_REPLACE("connector-replace", "Replace VPC connector", ResourceKind.VPC_CONNECTOR,
            "Create a new connector (new IP range or smaller size) and move the named Cloud Run services' egress to it, "
                    + "step by step; the old connector stays until deleted separately."),
    CONNECTOR_DELETE("connector-delete", "Delete VPC connector", ResourceKind.VPC_CONNECTOR,
            "Delete a connector no Cloud Run service uses any more (refused while one does).");

    private final String spec;
    private final String label;
    private final ResourceKind resourceKind;
    private final String description;

    ActionKind(String spec, String label, ResourceKind resourceKind, String description) {
        this.spec = spec;
        this.label = label;
        this.resourceKind = resourceKind;
        this.description = description;
    }

    public String spec() {
        return spec;
    }

    public String label() {
        return label;
    }

    public ResourceKind resourceKind() {
        return resourceKind;
    }

    public String description() {
        return description;
    }

    public static Optional<ActionKind> bySpec(String spec) {
        return Arrays.stream(values()).filter(k -> k.spec.equals(spec)).findFirst();
    }
}
