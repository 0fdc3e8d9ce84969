package org.remediation.console.cloud.sandbox;

import static org.remediation.console.cloud.Attributes.*;

import java.util.Map;
import java.util.Random;
import org.remediation.console.cloud.ResourceRef;

/**
 * Decides how one call to a simulated service endpoint goes, from the current sandbox state and the
 * capacity model, with jitter and failures drawn from a seeded random source (repeatable runs).
 */
class EndpointSimulator {

    /** The outcome of one simulated call: how long it takes and which HTTP status it answers. */
    record Response(String service, long latencyMs, int status, double connectorUtilisation) {
    }

    private final SandboxStore store;
    private final SandboxProperties properties;
    private final Random random;

    EndpointSimulator(SandboxStore store, SandboxProperties properties) {
        this.store = store;
        this.properties = properties;
        this.random = new Random(properties.seed());
    }

    Response call(String service) {
        Map<String, String> connector = attributes(SandboxTopology.CONNECTOR);
        double u = CapacityModel.connectorUtilisation(intOf(connector.get(MAX_INSTANCES), 3),
                connector.getOrDefault(MACHINE_TYPE, "e2-micro"), properties.demoLoadMbps());
        CapacityModel.Condition condition = switch (service) {
            case "backend", "agent" -> CapacityModel.behindConnector(u);
            case "database" -> {
                Map<String, String> db = attributes(SandboxTopology.DATABASE);
                yield CapacityModel.database(u, intOf(db.get(FLAG_PREFIX + "max_connections"), 100),
                        CapacityModel.vcpus(db.getOrDefault(TIER, "db-custom-2-7680")));
            }
            default -> CapacityModel.direct();
        };
        return draw(service, condition, u);
    }

    /** Applies jitter (±20 %) and the error rate with the seeded random source. */
    synchronized Response draw(String service, CapacityModel.Condition condition, double utilisation) {
        double jitter = 0.8 + random.nextDouble() * 0.4;
        long latency = Math.min(properties.maxEndpointDelay().toMillis(), Math.round(condition.latencyMs() * jitter));
        int status = random.nextDouble() < condition.errorRate() ? 503 : 200;
        return new Response(service, latency, status, utilisation);
    }

    private Map<String, String> attributes(ResourceRef ref) {
        return store.resource(ref).orElse(Map.of());
    }

    private static int intOf(String s, int fallback) {
        try {
            return s == null ? fallback : Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
