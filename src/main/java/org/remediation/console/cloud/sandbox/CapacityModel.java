package org.remediation.console.cloud.sandbox;

/**
 * How well the simulated services do for a given cloud configuration: the VPC connector carries a
 * fixed demo load with (max instances × per-instance throughput of its machine type); the database
 * sees connection demand that piles up when the connector is saturated, against its
 * {@code max_connections} and tier. Pure and deterministic; randomness is applied by the caller.
 */
final class CapacityModel {

    /** Connections the demo workload holds open when traffic flows freely. */
    static final int BASE_CONNECTIONS = 60;
    static final long HEALTHY_LATENCY_MS = 40;

    /** Expected latency and probability of an HTTP 503 for one endpoint call. */
    record Condition(long latencyMs, double errorRate) {
        boolean healthy() {
            return errorRate == 0 && latencyMs < 1000;
        }
    }

    private CapacityModel() {
    }

    /** Sustained per-instance throughput in Mbps (the lower end of Google's documented range). */
    static int throughputPerInstanceMbps(String machineType) {
        return switch (machineType) {
            case "f1-micro" -> 100;
            case "e2-standard-4" -> 3200;
            default -> 200; // e2-micro
        };
    }

    /** Demand over capacity: below 1 the connector keeps up, above it queues and drops. */
    static double connectorUtilisation(int maxInstances, String machineType, int demoLoadMbps) {
        int capacity = Math.max(1, maxInstances) * throughputPerInstanceMbps(machineType);
        return (double) demoLoadMbps / capacity;
    }

    /**
     * Connections one connector instance carries at once for the load check, by machine type (a demo
     * scale, proportional to the instance's throughput class): f1-micro 1, e2-micro 2, e2-standard-4 8.
     */
    static int connectionsPerInstance(String machineType) {
        return switch (machineType) {
            case "f1-micro" -> 1;
            case "e2-standard-4" -> 8;
            default -> 2; // e2-micro
        };
    }

    /**
     * How many requests the connector serves at once: max instances × connections per instance, and
     * when saturated ({@code utilisation > 1}) only the share the demo load leaves over. The #1278
     * connector (3 × e2-micro, utilisation 2.5) serves 2 at once; 10 × e2-micro serves 20; 10 ×
     * e2-standard-4 serves 80. Never less than 1.
     */
    static int concurrentCapacity(int maxInstances, String machineType, double utilisation) {
        int raw = Math.max(1, maxInstances) * connectionsPerInstance(machineType);
        return utilisation <= 1.0 ? raw : Math.max(1, (int) Math.floor(raw / utilisation));
    }

    /** Services behind the connector (backend, agent). */
    static Condition behindConnector(double utilisation) {
        return saturation(utilisation, HEALTHY_LATENCY_MS);
    }

    /**
     * The database, reached through the connector: a saturated connector holds connections open
     * longer, multiplying demand; a small tier (fewer vCPUs) slows every query.
     */
    static Condition database(double connectorUtilisation, int maxConnections, int vcpus) {
        double demand = BASE_CONNECTIONS * Math.max(1.0, connectorUtilisation);
        double utilisation = Math.max(demand / Math.max(1, maxConnections), Math.min(connectorUtilisation, 3.0));
        long base = HEALTHY_LATENCY_MS / 2 * Math.max(1, 4 / Math.max(1, vcpus));
        return saturation(utilisation, base);
    }

    /** Frontend and auth do not use the connector: they stay healthy. */
    static Condition direct() {
        return new Condition(HEALTHY_LATENCY_MS / 2, 0);
    }

    /** vCPUs of a Cloud SQL tier: {@code db-custom-<cpu>-<mib>}, shared-core tiers count as one. */
    static int vcpus(String tier) {
        String[] parts = tier.split("-");
        if (parts.length == 4 && parts[1].equals("custom")) {
            try {
                return Integer.parseInt(parts[2]);
            } catch (NumberFormatException e) {
                return 1;
            }
        }
        return 1;
    }

    private static Condition saturation(double u, long base) {
        if (u < 0.8) {
            return new Condition(Math.round(base * (1 + u)), 0);
        }
        if (u < 1.0) {
            return new Condition(Math.round(base * 2 + (u - 0.8) * 2500), 0.02);
        }
        long latency = Math.min(8000, Math.round(1500 * u));
        return new Condition(latency, Math.min(0.7, 0.35 + (u - 1.0) * 0.25));
    }
}
