package org.remediation.console.base.cluster;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Running several consoles on one PostgreSQL.
 *
 * @param enabled several consoles share this database (PostgreSQL only; the embedded H2 serves one node)
 * @param nodeId this console's name among the members; by default host, process id and a random part, so a
 *     restarted process is a new member and takes nothing over from its former self by accident
 * @param address how other members and operators reach this node (shown in the cluster health); by default
 *     the host name and the server port
 * @param heartbeat how often this node proves its database session alive, looks for locks a dead member let go
 *     and rebalances probe partitions: a killed member's partitions are taken within one heartbeat
 * @param partitions how many partitions the probe targets are split into (by a hash of their key); the same
 *     on every node
 */
@ConfigurationProperties("console.cluster")
public record ClusterProperties(
        @DefaultValue("false") boolean enabled,
        @Nullable String nodeId,
        @Nullable String address,
        @DefaultValue("1s") Duration heartbeat,
        @DefaultValue("64") int partitions) {
}
