package org.remediation.console.base.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.remediation.console.support.Prerequisites;
import org.springframework.boot.health.contributor.Status;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.mock.env.MockEnvironment;

/**
 * Membership and leadership on a real PostgreSQL (a database of its own): members are the processes whose
 * own session holds the member lock, one of them leads, and a member whose session ends (as when its
 * process is killed) is gone from the next view, its leader lock taken by another.
 */
class ClusterMembershipTest {

    static final String ADMIN = "jdbc:postgresql://127.0.0.1:5432/postgres";
    static String database;
    static String url;

    @BeforeAll
    static void database() throws SQLException {
        database = "console_cluster_" + System.currentTimeMillis();
        try (Connection c = DriverManager.getConnection(ADMIN, "postgres", "")) {
            c.createStatement().execute("create database " + database);
        } catch (SQLException e) {
            Prerequisites.require("PostgreSQL on 127.0.0.1:5432 (" + e.getMessage() + ")", "cluster membership");
        }
        url = "jdbc:postgresql://127.0.0.1:5432/" + database;
        Flyway.configure().dataSource(url, "postgres", "")
                .locations("classpath:db/migration/common", "classpath:db/migration/postgresql")
                .placeholders(java.util.Map.of("runtime_role", "")).load().migrate();
    }

    @AfterAll
    static void drop() throws SQLException {
        if (database != null) {
            try (Connection c = DriverManager.getConnection(ADMIN, "postgres", "")) {
                c.createStatement().execute("drop database if exists " + database + " with (force)");
            }
        }
    }

    record Node(Cluster cluster, LockSession session) {
        Cluster.View beat() throws SQLException {
            return cluster.beat(session);
        }
    }

    static Node node(String id) {
        MockEnvironment env = new MockEnvironment().withProperty("spring.datasource.url", url)
                .withProperty("spring.datasource.username", "postgres").withProperty("spring.datasource.password", "");
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(url, "postgres", ""));
        Cluster c = new Cluster(new ClusterProperties(true, id, id + ":8080", Duration.ofSeconds(1), 64), jdbc, env);
        c.joining();
        return new Node(c, new LockSession(env, id));
    }

    @Test
    void membersAreTheLiveSessionsOneLeadsAndAKilledLeadersPlaceIsTakenOnTheNextBeat() throws SQLException {
        Node a = node("node-a");
        Node b = node("node-b");
        try {
            a.beat();
            Cluster.View viewB = b.beat();
            Cluster.View viewA = a.beat();
            assertThat(viewA.members()).extracting(Member::nodeId).containsExactly("node-a", "node-b");
            assertThat(viewB.members()).extracting(Member::nodeId).containsExactly("node-a", "node-b");
            assertThat(List.of(viewA.leader(), viewB.leader())).containsExactlyInAnyOrder(true, false);
            assertThat(a.cluster().isLeader()).isTrue(); // the first to beat took the lock
            assertThat(b.cluster().isLeader()).isFalse();
            long fence = a.cluster().leaderFence();

            a.session().drop(); // as kill -9: the session ends, PostgreSQL releases its locks
            Cluster.View after = b.beat();
            assertThat(after.members()).extracting(Member::nodeId).containsExactly("node-b");
            assertThat(after.leader()).isTrue();
            assertThat(b.cluster().leaderFence()).isGreaterThan(fence);
            assertThat(b.cluster().isLive("node-a")).isFalse();
        } finally {
            a.session().drop();
            b.session().drop();
        }
    }

    @Test
    void readinessSaysWhetherTheNodeHoldsItsShare() throws SQLException {
        Node a = node("node-r");
        try {
            a.beat();
            int[] held = {0};
            ClusterShare share = new ClusterShare() {
                public String what() {
                    return "probe partitions";
                }

                public int held() {
                    return held[0];
                }

                public int share() {
                    return 64;
                }
            };
            ClusterBus bus = new ClusterBus(a.cluster(), new JdbcTemplate(), new MockEnvironment()) {
                @Override
                public boolean listening() {
                    return true;
                }
            };
            ClusterHealthIndicator health = new ClusterHealthIndicator(a.cluster(), bus, List.of(share));
            assertThat(health.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
            held[0] = 64;
            assertThat(health.health().getStatus()).isEqualTo(Status.UP);
            assertThat(health.health().getDetails()).containsEntry("probe partitions", "64 of an even share of 64")
                    .containsEntry("node", "node-r");
        } finally {
            a.session().drop();
        }
    }
}
