package org.remediation.console.base.cluster;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component "cluster" (details to ADMIN only, as every component's): members,
 * leader, this node's partitions. Part of the readiness group: a node that does not hold its share yet
 * (just started, or cut off from the database) is OUT_OF_SERVICE, so a load balancer sends no one to it.
 */
@Component
class ClusterHealthIndicator implements HealthIndicator {

    private final Cluster cluster;
    private final ClusterBus bus;
    private final List<ClusterShare> shares;

    ClusterHealthIndicator(Cluster cluster, ClusterBus bus, List<ClusterShare> shares) {
        this.cluster = cluster;
        this.bus = bus;
        this.shares = shares;
    }

    @Override
    public Health health() {
        if (!cluster.enabled()) {
            return Health.up().withDetail("mode", "single node (console.cluster.enabled=false)").build();
        }
        Cluster.View view = cluster.view();
        boolean member = view.position() >= 0;
        boolean holds = member && bus.listening();
        Map<String, Object> own = new LinkedHashMap<>();
        for (ClusterShare s : shares) {
            own.put(s.what(), s.held() + " of an even share of " + s.share());
            holds &= s.held() >= s.share();
        }
        Health.Builder b = holds ? Health.up() : Health.outOfService();
        return b.withDetail("node", cluster.nodeId())
                .withDetail("leader", cluster.isLeader())
                .withDetail("listening", bus.listening())
                .withDetail("members", view.members().stream().map(m -> Map.of("node", m.nodeId(), "address", m.address(),
                        "heartbeatAgeMs", m.heartbeatAge().toMillis())).toList())
                .withDetails(own)
                .build();
    }
}
