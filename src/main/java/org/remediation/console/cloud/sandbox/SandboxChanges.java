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
            PROBE_TYPE, PROBE_PATH, PROBE_PORT, PROBE_INITIAL_DELAY, PROBE_PERIOD, PROBE_TIMEOUT, PROBE_FAILURE_THRESHOLD,
            VPC_CONNECTOR);
    private static final Map<ResourceKind, Set<String>> WRITABLE = Map.of(
            ResourceKind.VPC_CONNECTOR, Set.of(MACHINE_TYPE, MIN_INSTANCES, MAX_INSTANCES),
            ResourceKind.SQL_INSTANCE, Set.of(TIER),
            ResourceKind.RUN_SERVICE, RUN_TEMPLATE,
            ResourceKind.HEALTH_CHECK, Set.of(CHECK_INTERVAL_SECONDS, CHECK_TIMEOUT_SECONDS, HEALTHY_THRESHOLD,
                    UNHEALTHY_THRESHOLD, PORT, REQUEST_PATH),
            ResourceKind.BACKEND_SERVICE, Set.of(BACKEND_TIMEOUT_SECONDS, HEALTH_CHECKS),
            ResourceKind.SSL_CERTIFICATE, Set.of(),
            ResourceKind.REDIS_INSTANCE, Set.of());

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
            case REDIS_INSTANCE -> "redis.update";
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

    /** Why a change of this kind is never accepted, or null when the kind can be changed. */
    static @Nullable String readOnly(ResourceRef ref) {
        return ref.kind() == ResourceKind.REDIS_INSTANCE ? ref + " is read-only here: the console reads a "
                + "Memorystore for Redis instance's state, host, port and network but never changes it." : null;
    }

    /** Why the provider would reject these values outright, or null when it accepts them. */
    static @Nullable String refusal(ResourceRef ref, Map<String, String> current, Map<String, String> desired) {
        for (String name : desired.keySet()) {
            boolean flag = ref.kind() == ResourceKind.SQL_INSTANCE && name.startsWith(FLAG_PREFIX);
            boolean run = ref.kind() == ResourceKind.RUN_SERVICE && (name.startsWith(ENV_PREFIX) || name.equals(TRAFFIC));
            if (!flag && !run && !WRITABLE.get(ref.kind()).contains(name)) {
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
        if (desired.containsKey(REQUEST_PATH) && !List.of("HTTP", "HTTPS", "HTTP2").contains(current.get(PROTOCOL))) {
            // as Compute: only the HTTP-family sub-objects have a requestPath
            return "a " + current.get(PROTOCOL) + " health check has no request path";
        }
        if (desired.containsKey(TRAFFIC)) {
            List<String> revisions = Arrays.asList(current.getOrDefault(REVISIONS, "").split(","));
            int sum = 0;
            for (String part : desired.get(TRAFFIC).split(",")) {
                String[] kv = part.split("=");
                if (!revisions.contains(kv[0]) && !kv[0].equals("LATEST")) {
                    return "revision '" + kv[0] + "' does not exist";
                }
                sum += kv.length == 2 ? num(kv[1]) : 0;
            }
            if (sum != 100) {
                return "traffic percentages must add up to 100, not " + sum;
            }
        }
        return SandboxRunEnv.refusal(ref, current, desired);
    }

    /** The attributes after the change succeeds, with the provider's side effects. */
    static Map<String, String> applied(ResourceRef ref, Map<String, String> current, Map<String, String> desired) {
        Map<String, String> next = new TreeMap<>(current);
        if (desired.keySet().stream().anyMatch(k -> k.startsWith(FLAG_PREFIX))) {
            next.keySet().removeIf(k -> k.startsWith(FLAG_PREFIX)); // Cloud SQL replaces the whole flag list
        }
        next.putAll(desired);
        SandboxRunEnv.apply(ref, current, desired, next);
        boolean template = desired.keySet().stream().anyMatch(k -> RUN_TEMPLATE.contains(k) || k.startsWith(ENV_PREFIX));
        if (ref.kind() == ResourceKind.RUN_SERVICE && template) {
            List<String> revisions = new ArrayList<>(Arrays.asList(current.get(REVISIONS).split(",")));
            String latest = SandboxTopology.revisionName(ref.name(), revisions.size() + 1);
            revisions.add(latest);
            next.put(REVISIONS, String.join(",", revisions));
            next.put(LATEST_READY_REVISION, latest);
            // The split stays as it is: LATEST follows the new revision, a pinned split stays pinned
            // (https://cloud.google.com/run/docs/rollouts-rollbacks-traffic-migration, "Lifecycle of traffic splits").
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
