package org.remediation.console.base.cluster;

import java.time.Duration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.env.MockEnvironment;

/** {@link Cluster}s for tests of other packages, built without a database. */
public final class TestClusters {

    private TestClusters() {
    }

    /** One node (H2, the default): it leads. */
    public static Cluster single() {
        return cluster(false, "single", new JdbcTemplate());
    }

    /** A cluster-mode member that has not taken the leader lock (no heartbeat runs): jobs that run once skip here. */
    public static Cluster follower() {
        return cluster(true, "follower", new JdbcTemplate());
    }

    /** A cluster-mode member on this database (nothing is done with it until a method needs it). */
    public static Cluster member(String nodeId, JdbcTemplate jdbc) {
        return cluster(true, nodeId, jdbc);
    }

    private static Cluster cluster(boolean enabled, String nodeId, JdbcTemplate jdbc) {
        MockEnvironment env = new MockEnvironment().withProperty("spring.datasource.url",
                enabled ? "jdbc:postgresql://127.0.0.1:5432/never-connected" : "jdbc:h2:mem:never");
        return new Cluster(new ClusterProperties(enabled, nodeId, "127.0.0.1:8080", Duration.ofSeconds(1), 64), jdbc, env);
    }
}
