package org.remediation.console.cloud.sandbox;

import static org.remediation.console.cloud.Attributes.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.remediation.console.cloud.ResourceKind;
import org.remediation.console.cloud.ResourceRef;

/** How the simulated cloud applies a change: pure functions over attribute maps. */
final class SandboxChanges {

    private static final Set<String> RUN_TEMPLATE = Set.of(MEMORY, CPU, TIMEOUT_SECONDS, MIN_INSTANCES, MAX_INSTANCES,
            VPC_CONNECTOR);
    private static final Map<ResourceKind, Set<String>> WRITABLE = Map.of(
            ResourceKind.VPC_CONNECTOR, Set.of(MACHINE_TYPE, MIN_INSTANCES, MAX_INSTANCES),
            ResourceKind.SQL_INSTANCE, Set.of(TIER),
            ResourceKind.RUN_SERVICE, Set.of(MEMORY, CPU, TIMEOUT_SECONDS, MIN_INSTANCES, MAX_INSTANCES, TRAFFIC,
                    VPC_CONNECTOR),
            ResourceKind.HEALTH_CHECK, Set.of(CHECK_INTERVAL_SECONDS, CHECK_TIMEOUT_SECONDS, HEALTHY_THRESHOLD,
                    UNHEALTHY_THRESHOLD),
            ResourceKind.BACKEND_SERVICE, Set.of(BACKEND_TIMEOUT_SECONDS, HEALTH_CHECKS),
            ResourceKind.SSL_CERTIFICATE, Set.of());

    private SandboxChanges() {
    }

    /** The operation kind faults can target, e.g. {@code connector.update}. */
    static String operationKind(ResourceRef ref, Map<String, String> desired) {
        return switch (ref.kind()) {
            case VPC_CONNECTOR -> "connector.update";
            case SQL_INSTANCE -> "sql.patch";
            case RUN_SERVICE -> desired.containsKey(TRAFFIC) ? "run.traffic" : "run.update";
            case HEALTH_CHECK -> "healthcheck.update";
            case BACKEND_SERVICE -> "backendservice.update";
            case SSL_CERTIFICATE -> "certificate.update";
        };
    }

    static List<String> operationKinds() {
        return List.of("connector.update", "sql.patch", "run.update", "run.traffic", "healthcheck.update",
                "backendservice.update");
    }

    /** The IAM permission and granting role an update of this kind needs (for PERMISSION_DENIED). */
    static String[] permission(ResourceKind kind) {
        return switch (kind) {
            case VPC_CONNECTOR -> new String[] {"vpcaccess.connectors.update", "roles/vpcaccess.admin"};
            case SQL_INSTANCE -> new String[] {"cloudsql.instances.update", "roles/cloudsql.editor"};
            case RUN_SERVICE -> new String[] {"run.services.update", "roles/run.developer"};
            default -> new String[] {"compute.healthChecks.update", "roles/compute.loadBalancerAdmin"};
        };
    }

    /** Why the provider would reject these values outright, or null when it accepts them. */
    static @Nullable String refusal(ResourceRef ref, Map<String, String> current, Map<String, String> desired) {
        for (String name : desired.keySet()) {
            boolean flag = ref.kind() == ResourceKind.SQL_INSTANCE && name.startsWith(FLAG_PREFIX);
            if (!flag && !WRITABLE.get(ref.kind()).contains(name)) {
                return "attribute '" + name + "' cannot be changed on a " + ref.kind().label();
            }
        }
        if (ref.kind() == ResourceKind.VPC_CONNECTOR) {
            for (String bound : List.of(MIN_INSTANCES, MAX_INSTANCES)) {
                if (desired.containsKey(bound) && num(desired.get(bound)) < num(current.get(bound))) {
                    return bound + " cannot be lowered in place (" + current.get(bound) + " → " + desired.get(bound) + ")";
                }
            }
        }
        if (desired.containsKey(TRAFFIC)) {
            List<String> revisions = Arrays.asList(current.getOrDefault(REVISIONS, "").split(","));
            for (String part : desired.get(TRAFFIC).split(",")) {
                String revision = part.split("=")[0];
                if (!revisions.contains(revision)) {
                    return "revision '" + revision + "' does not exist";
                }
            }
        }
        return null;
    }

    /** The attributes after the change succeeds, with the provider's side effects. */
    static Map<String, String> applied(ResourceRef ref, Map<String, String> current, Map<String, String> desired) {
        Map<String, String> next = new TreeMap<>(current);
        if (desired.keySet().stream().anyMatch(k -> k.startsWith(FLAG_PREFIX))) {
            next.keySet().removeIf(k -> k.startsWith(FLAG_PREFIX)); // Cloud SQL replaces the whole flag list
        }
        next.putAll(desired);
        if (ref.kind() == ResourceKind.RUN_SERVICE && desired.keySet().stream().anyMatch(RUN_TEMPLATE::contains)) {
            List<String> revisions = new ArrayList<>(Arrays.asList(current.get(REVISIONS).split(",")));
            String latest = SandboxTopology.revisionName(ref.name(), revisions.size() + 1);
            revisions.add(latest);
            next.put(REVISIONS, String.join(",", revisions));
            next.put(LATEST_READY_REVISION, latest);
            if (!desired.containsKey(TRAFFIC)) {
                next.put(TRAFFIC, latest + "=100"); // gcloud's default: traffic follows the new revision
            }
        }
        if (ref.kind() == ResourceKind.RUN_SERVICE) {
            next.put(RECONCILING, "false");
        }
        next.put(STATE, SandboxTopology.restingState(ref.kind()));
        return next;
    }

    /** The attributes while an operation runs. */
    static Map<String, String> updating(ResourceRef ref, Map<String, String> current) {
        Map<String, String> next = new TreeMap<>(current);
        if (ref.kind() == ResourceKind.RUN_SERVICE) {
            next.put(RECONCILING, "true");
        } else {
            next.put(STATE, ref.kind() == ResourceKind.SQL_INSTANCE ? "MAINTENANCE" : "UPDATING");
        }
        return next;
    }

    /** The attributes after a failed operation: the resource settles back unchanged. */
    static Map<String, String> settled(ResourceRef ref, Map<String, String> current) {
        Map<String, String> next = new TreeMap<>(current);
        if (ref.kind() == ResourceKind.RUN_SERVICE) {
            next.put(RECONCILING, "false");
        }
        next.put(STATE, SandboxTopology.restingState(ref.kind()));
        return next;
    }

    private static int num(@Nullable String s) {
        try {
            return s == null ? 0 : Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
