package org.remediation.console.base.cluster;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.remediation.console.base.LiveEvents;
import org.remediation.console.base.LiveUpdate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.env.MockEnvironment;

/**
 * A {@link LiveBridge} of a cluster-mode node built without a database (nothing here connects): what it
 * publishes as Spring events and hands to its boards is recorded.
 */
final class ClusterMessages {

    final List<Object> published = new CopyOnWriteArrayList<>();
    final List<LiveUpdate> boards = new CopyOnWriteArrayList<>();
    final LiveBridge bridge;

    ClusterMessages(String nodeId) {
        MockEnvironment env = new MockEnvironment().withProperty("spring.datasource.url",
                "jdbc:postgresql://127.0.0.1:5432/never-connected");
        ClusterProperties properties = new ClusterProperties(true, nodeId, "127.0.0.1:8080",
                java.time.Duration.ofSeconds(1), 64);
        JdbcTemplate jdbc = new JdbcTemplate();
        Cluster cluster = new Cluster(properties, jdbc, env);
        LiveEvents live = new LiveEvents() {
            @Override
            public void onLiveUpdate(LiveUpdate event) {
                boards.add(event);
            }
        };
        bridge = new LiveBridge(cluster, new ClusterBus(cluster, jdbc, env), live, published::add, new SimpleMeterRegistry());
    }
}
