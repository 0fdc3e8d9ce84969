package org.remediation.console.cloud.sandbox;

import static org.remediation.console.cloud.Attributes.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.remediation.console.cloud.ResourceKind;
import org.remediation.console.cloud.ResourceRef;

/**
 * The sandbox's metrics as series of one point a minute, from the live state and the capacity
 * model: the connector carrying the backend's egress gets the demo load, its autoscaler runs enough
 * instances (between min and max) to keep each under {@link #SCALE_TARGET}, and whatever the load
 * cannot get through shows as 5xx at the load balancer, capacity warnings in the logs and
 * connections piling up in Cloud SQL (as {@link CapacityModel#database} models them).
 */
final class SandboxSeries {

    /** Google's metric kinds that matter to aligners: a gauge samples a level, a delta counts per minute. */
    enum Kind { GAUGE, DELTA }

    /** One metric: Google's kind, value type and unit (cloud.google.com/monitoring/api/metrics_gcp). */
    record Descriptor(String type, Kind kind, boolean integer, String unit) {
    }

    /**
     * One series: Google's labels ({@code resource.type}, {@code resource.labels.*}, {@code metric.labels.*})
     * and its level per minute; {@code spread} is the relative noise drawn per minute.
     */
    record Raw(Map<String, String> labels, double perMinute, double spread) {
    }

    static final String VPC_CPU = "vpcaccess.googleapis.com/connector/cpu/utilizations";
    static final String VPC_INSTANCES = "vpcaccess.googleapis.com/connector/instances";
    static final String VPC_SENT = "vpcaccess.googleapis.com/connector/sent_bytes_count";
    static final String VPC_RECEIVED = "vpcaccess.googleapis.com/connector/received_bytes_count";
    static final String SQL_BACKENDS = "cloudsql.googleapis.com/database/postgresql/num_backends";
    static final String SQL_CPU = "cloudsql.googleapis.com/database/cpu/utilization";
    static final String LB_REQUESTS = "loadbalancing.googleapis.com/https/request_count";
    static final String RUN_INSTANCES = "run.googleapis.com/container/instance_count";
    static final String CAPACITY_WARNINGS = "logging.googleapis.com/user/capacity_warnings";

    static final Map<String, Descriptor> DESCRIPTORS = descriptors();

    /** The connector autoscaler's aim per instance (the sandbox's assumption; Google documents none). */
    static final double SCALE_TARGET = 0.7;
    /** Requests a minute the demo sends through the load balancer to the backend. */
    static final int LB_REQUESTS_PER_MINUTE = 120;
    /** Of the traffic the connector carries, the share going out to the VPC (requests); the rest is answers. */
    static final double SENT_SHARE = 0.3;

    private final SandboxStore store;
    private final EndpointSimulator simulator;
    private final int demoLoadMbps;

    SandboxSeries(SandboxStore store, EndpointSimulator simulator, int demoLoadMbps) {
        this.store = store;
        this.simulator = simulator;
        this.demoLoadMbps = demoLoadMbps;
    }

    /** Every series of the metric type as the state is now. */
    List<Raw> series(String type) {
        return switch (type) {
            case VPC_CPU, VPC_INSTANCES, VPC_SENT, VPC_RECEIVED, CAPACITY_WARNINGS -> connectorSeries(type);
            case SQL_BACKENDS, SQL_CPU -> databaseSeries(type);
            case LB_REQUESTS -> lbSeries();
            case RUN_INSTANCES -> runSeries();
            default -> throw new IllegalArgumentException(type);
        };
    }

    private List<Raw> connectorSeries(String type) {
        List<Raw> out = new ArrayList<>();
        String egress = attrs(SandboxTopology.BACKEND).getOrDefault(VPC_CONNECTOR, SandboxTopology.CONNECTOR.name());
        for (ResourceRef ref : refs(ResourceKind.VPC_CONNECTOR)) {
            Map<String, String> c = attrs(ref);
            String state = c.getOrDefault(STATE, "");
            if (state.equals("CREATING") || state.equals("DELETING")) {
                continue; // no instances report while it is built or torn down
            }
            String machine = c.getOrDefault(MACHINE_TYPE, "e2-micro");
            int min = intOf(c.get(MIN_INSTANCES), 2);
            int max = intOf(c.get(MAX_INSTANCES), 3);
            int load = ref.name().equals(egress) ? demoLoadMbps : 0;
            int perInstance = CapacityModel.throughputPerInstanceMbps(machine);
            int instances = instances(load, perInstance, min, max);
            double u = CapacityModel.connectorUtilisation(max, machine, load);
            double delivered = Math.min(load, (double) max * perInstance) * (1 - CapacityModel.behindConnector(u).errorRate());
            double bytesPerMinute = delivered * 1_000_000 / 8 * 60;
            Map<String, String> labels = labels("vpc_access_connector", "location", ref.location(), "connector_name", ref.name());
            switch (type) {
                case VPC_CPU -> out.add(new Raw(labels, Math.min(1.0, 0.02 + (double) load / ((double) instances * perInstance)), 0.03));
                case VPC_INSTANCES -> out.add(new Raw(labels, instances, 0));
                case VPC_SENT -> out.add(new Raw(labels, bytesPerMinute * SENT_SHARE, 0.02));
                case VPC_RECEIVED -> out.add(new Raw(labels, bytesPerMinute * (1 - SENT_SHARE), 0.02));
                default -> { // capacity warnings: logged only while the demand exceeds what max instances carry
                    if (u >= 1.0) {
                        out.add(new Raw(labels, Math.ceil(2 * u), 0.3));
                    }
                }
            }
        }
        return out;
    }

    /** Instances the connector runs: enough to keep each under the scale target, within min and max. */
    static int instances(int loadMbps, int perInstanceMbps, int min, int max) {
        int needed = (int) Math.ceil(loadMbps / (perInstanceMbps * SCALE_TARGET));
        return Math.max(min, Math.min(max, needed));
    }

    private List<Raw> databaseSeries(String type) {
        Map<String, String> db = attrs(SandboxTopology.DATABASE);
        if (db.isEmpty()) {
            return List.of();
        }
        int maxConnections = intOf(db.get(FLAG_PREFIX + "max_connections"), 100);
        int vcpus = CapacityModel.vcpus(db.getOrDefault(TIER, "db-custom-2-7680"));
        double u = simulator.utilisation();
        // the demand CapacityModel.database puts on the pool; a few connections stay reserved for superusers
        double app = Math.min(CapacityModel.BASE_CONNECTIONS * Math.max(1.0, u), maxConnections - 3);
        Map<String, String> base = labels("cloudsql_database", "region", SandboxTopology.DATABASE.location(),
                "database_id", SandboxTopology.PROJECT + ":" + SandboxTopology.DATABASE.name());
        if (type.equals(SQL_CPU)) {
            double pool = (app + 2) / maxConnections;
            return List.of(new Raw(base, Math.min(0.98, 0.08 + 0.5 * pool * 2.0 / vcpus * Math.clamp(u, 1.0, 2.0)), 0.03));
        }
        return List.of(new Raw(with(base, "metric.labels.database", "netra"), Math.round(app), 0.03),
                new Raw(with(base, "metric.labels.database", "postgres"), 2, 0));
    }

    private List<Raw> lbSeries() {
        double u = simulator.utilisation();
        double errorRate = simulator.hasEgress() ? CapacityModel.behindConnector(u).errorRate() : 1.0;
        Map<String, String> base = labels("https_lb_rule", "region", "global", "url_map_name", "netra-staging-lb",
                "forwarding_rule_name", "netra-staging-https", "target_proxy_name", "netra-staging-proxy",
                "backend_target_name", SandboxTopology.BACKEND_SERVICE.name(), "backend_target_type", "BACKEND_SERVICE",
                "matched_url_path_rule", "UNMATCHED");
        double failed = LB_REQUESTS_PER_MINUTE * errorRate;
        List<Raw> out = new ArrayList<>();
        if (failed < LB_REQUESTS_PER_MINUTE) {
            out.add(new Raw(codes(base, "200"), LB_REQUESTS_PER_MINUTE - failed, 0.05));
        }
        if (failed > 0) {
            out.add(new Raw(codes(base, "503"), failed, 0.2));
        }
        return out;
    }

    private static Map<String, String> codes(Map<String, String> base, String code) {
        Map<String, String> m = with(base, "metric.labels.response_code", code);
        m.put("metric.labels.response_code_class", code.charAt(0) + "00");
        m.put("metric.labels.protocol", "HTTP/2.0");
        m.put("metric.labels.cache_result", "DISABLED");
        return m;
    }

    /** Active instances per serving revision: slow answers behind a saturated connector need more of them. */
    private List<Raw> runSeries() {
        double u = simulator.utilisation();
        List<Raw> out = new ArrayList<>();
        for (ResourceRef ref : refs(ResourceKind.RUN_SERVICE)) {
            Map<String, String> s = SandboxRunEnv.reported(ref, attrs(ref));
            boolean viaConnector = s.containsKey(VPC_CONNECTOR) && !ref.equals(SandboxTopology.FRONTEND);
            int active = Math.clamp((long) Math.ceil(viaConnector ? 2 + 8 * Math.min(u, 3.0) : 2),
                    intOf(s.get(MIN_INSTANCES), 0), Math.max(1, intOf(s.get(MAX_INSTANCES), 100)));
            for (Map.Entry<String, Integer> e : serving(s).entrySet()) {
                if (e.getValue() > 0) {
                    Map<String, String> labels = labels("cloud_run_revision", "location", ref.location(),
                            "service_name", ref.name(), "revision_name", e.getKey(), "configuration_name", ref.name());
                    labels.put("metric.labels.state", "active");
                    out.add(new Raw(labels, Math.max(1, Math.ceil(active * e.getValue() / 100.0)), 0));
                }
            }
        }
        return out;
    }

    /** {@code revision -> percent} from the service's serving split (or its latest ready revision). */
    private static Map<String, Integer> serving(Map<String, String> s) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (String part : s.getOrDefault(SERVING, "").split(",")) {
            String[] kv = part.split("=");
            if (kv.length == 2) {
                m.merge(kv[0].strip(), intOf(kv[1].strip(), 0), Integer::sum);
            }
        }
        if (m.isEmpty() && s.containsKey(LATEST_READY_REVISION)) {
            m.put(s.get(LATEST_READY_REVISION), 100);
        }
        return m;
    }

    private List<ResourceRef> refs(ResourceKind kind) {
        return store.resourceRefs().stream().sorted().map(ResourceRef::parse).filter(r -> r.kind() == kind).toList();
    }

    private Map<String, String> attrs(ResourceRef ref) {
        return store.resource(ref).orElse(Map.of());
    }

    private static Map<String, String> labels(String resourceType, String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("resource.type", resourceType);
        m.put("resource.labels.project_id", SandboxTopology.PROJECT);
        for (int i = 0; i < kv.length; i += 2) {
            m.put("resource.labels." + kv[i], kv[i + 1]);
        }
        return m;
    }

    private static Map<String, String> with(Map<String, String> base, String key, String value) {
        Map<String, String> m = new LinkedHashMap<>(base);
        m.put(key, value);
        return m;
    }

    private static Map<String, Descriptor> descriptors() {
        Map<String, Descriptor> m = new LinkedHashMap<>();
        // connector/cpu/utilizations is a DISTRIBUTION over the instances in Google; aligned, it reads as its mean
        for (Descriptor d : List.of(new Descriptor(VPC_CPU, Kind.GAUGE, false, "10^2.%"),
                new Descriptor(VPC_INSTANCES, Kind.GAUGE, true, "1"),
                new Descriptor(VPC_SENT, Kind.DELTA, true, "By"),
                new Descriptor(VPC_RECEIVED, Kind.DELTA, true, "By"),
                new Descriptor(SQL_BACKENDS, Kind.GAUGE, true, "1"),
                new Descriptor(SQL_CPU, Kind.GAUGE, false, "10^2.%"),
                new Descriptor(LB_REQUESTS, Kind.DELTA, true, "1"),
                new Descriptor(RUN_INSTANCES, Kind.GAUGE, true, "1"),
                new Descriptor(CAPACITY_WARNINGS, Kind.DELTA, true, "1"))) {
            m.put(d.type(), d);
        }
        return Map.copyOf(m);
    }

    static Set<String> types() {
        return DESCRIPTORS.keySet();
    }

    private static int intOf(String s, int fallback) {
        try {
            return s == null ? fallback : Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
