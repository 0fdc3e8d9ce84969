package org.remediation.console.cloud.sandbox;

import static org.remediation.console.cloud.Attributes.*;

import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.remediation.console.cloud.ResourceKind;
import org.remediation.console.cloud.ResourceRef;

/**
 * Decides how one call to a simulated service endpoint goes, from the current sandbox state and the
 * capacity model, with jitter and failures drawn from a seeded random source (repeatable runs).
 */
class EndpointSimulator {

    /** The outcome of one simulated call: how long it takes and which HTTP status it answers. */
    record Response(String service, long latencyMs, int status, double connectorUtilisation) {
    }

    /** How a held call waits out its latency (the endpoint sleeps; tests hold calls on a latch). */
    @FunctionalInterface
    interface Pause {
        void hold(long millis) throws InterruptedException;
    }

    /** Calls that need the connector while the service has none left: refused at once. */
    private static final CapacityModel.Condition NO_EGRESS = new CapacityModel.Condition(CapacityModel.HEALTHY_LATENCY_MS, 1.0);

    private final SandboxStore store;
    private final SandboxProperties properties;
    private final Random random;
    /** Calls of the load check in flight now: each holds one of the connector's concurrent places. */
    private final AtomicInteger inFlight = new AtomicInteger();

    EndpointSimulator(SandboxStore store, SandboxProperties properties) {
        this.store = store;
        this.properties = properties;
        this.random = new Random(properties.seed());
    }

    Response call(String service) {
        double u = utilisation();
        boolean egress = egressConnector() != null;
        CapacityModel.Condition condition = switch (service) {
            // the DNS and TLS stand-ins answer through the connector too, so they are slow and fail with it
            case "backend", "agent", "dns", "tls" -> egress ? CapacityModel.behindConnector(u) : NO_EGRESS;
            case "database" -> {
                Map<String, String> db = attributes(SandboxTopology.DATABASE);
                yield CapacityModel.database(u, intOf(db.get(FLAG_PREFIX + "max_connections"), 100),
                        CapacityModel.vcpus(db.getOrDefault(TIER, "db-custom-2-7680")));
            }
            default -> CapacityModel.direct();
        };
        return draw(service, condition, u);
    }

    /**
     * One call of the load check ({@code /sandbox/backend/load}): it needs one of the connector's
     * concurrent places ({@link CapacityModel#concurrentCapacity}) for as long as it takes. Without a
     * free place it is refused at once with HTTP 503; with one it goes like a backend call and holds
     * the place while it waits out its latency. A saturated connector serves a few at once, a scaled
     * one 20 and more.
     */
    Response load(Pause pause) throws InterruptedException {
        double u = utilisation();
        if (egressConnector() == null) {
            return new Response("load", 0, 503, u);
        }
        if (inFlight.incrementAndGet() > concurrentCapacity(u)) {
            inFlight.decrementAndGet();
            return new Response("load", 0, 503, u);
        }
        try {
            Response r = draw("load", CapacityModel.behindConnector(u), u);
            pause.hold(r.latencyMs());
            return r;
        } finally {
            inFlight.decrementAndGet();
        }
    }

    /** The connector's concurrent places now (shown in the load endpoint's body). */
    int concurrentCapacity() {
        return concurrentCapacity(utilisation());
    }

    private int concurrentCapacity(double u) {
        Map<String, String> connector = connectorOrEmpty();
        return CapacityModel.concurrentCapacity(intOf(connector.get(MAX_INSTANCES), 3),
                connector.getOrDefault(MACHINE_TYPE, "e2-micro"), u);
    }

    /** Demand over capacity of the connector as it is now. */
    double utilisation() {
        Map<String, String> connector = connectorOrEmpty();
        return CapacityModel.connectorUtilisation(intOf(connector.get(MAX_INSTANCES), 3),
                connector.getOrDefault(MACHINE_TYPE, "e2-micro"), properties.demoLoadMbps());
    }

    /** Whether the backend's egress has a connector now (none while it is created, deleted or gone). */
    boolean hasEgress() {
        return egressConnector() != null;
    }

    /** Applies jitter (±20 %) and the error rate with the seeded random source. */
    synchronized Response draw(String service, CapacityModel.Condition condition, double utilisation) {
        double jitter = 0.8 + random.nextDouble() * 0.4;
        long latency = Math.min(properties.maxEndpointDelay().toMillis(), Math.round(condition.latencyMs() * jitter));
        int status = random.nextDouble() < condition.errorRate() ? 503 : 200;
        return new Response(service, latency, status, utilisation);
    }

    /**
     * The connector the backend's egress goes through now (its {@code vpcConnector}), or null when
     * that connector is gone or being deleted: Google deletes a connector in use, and the services
     * behind it then lose their egress.
     */
    private @Nullable Map<String, String> egressConnector() {
        String name = attributes(SandboxTopology.BACKEND).getOrDefault(VPC_CONNECTOR, SandboxTopology.CONNECTOR.name());
        Map<String, String> connector = attributes(new ResourceRef(ResourceKind.VPC_CONNECTOR,
                SandboxTopology.BACKEND.location(), name));
        String state = connector.getOrDefault(STATE, "");
        return connector.isEmpty() || state.equals("DELETING") || state.equals("CREATING") ? null : connector;
    }

    private Map<String, String> connectorOrEmpty() {
        Map<String, String> connector = egressConnector();
        return connector == null ? Map.of() : connector;
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
