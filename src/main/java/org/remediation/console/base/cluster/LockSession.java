package org.remediation.console.base.cluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.core.env.Environment;

/**
 * The database session whose life is this node's membership: it holds the node's advisory locks (the
 * shared member lock, the leader lock, probe partition locks). When the process dies the session ends and
 * PostgreSQL releases every lock at once; the server's TCP keepalives end it within about 10 s when the
 * host vanishes instead. Used by the heartbeat thread only (a JDBC connection is not for two threads).
 */
final class LockSession implements AutoCloseable {

    /**
     * Advisory lock class of the console (the outage it was born from); the key is the second int: 0 member
     * (shared), 1 leader, 2 criteria rounds and escalation checks (transaction-scoped, {@link
     * Cluster#lockForTransaction}: a leader that lost leadership mid-round finishes before the next round
     * starts), 3 probe rollups and retention, 4–99 free for other transaction-scoped jobs, 100 + p probe
     * partition p.
     */
    static final int CLASS = 1278;
    static final int MEMBER = 0;
    static final int LEADER = 1;
    static final int FIRST_PARTITION = 100;
    static final String APPLICATION_PREFIX = "console-node:";

    private final Environment env;
    private final String nodeId;
    private @Nullable Connection connection;
    private final Set<Integer> held = new HashSet<>();

    LockSession(Environment env, String nodeId) {
        this.env = env;
        this.nodeId = nodeId;
    }

    /** Opens the session if needed and proves it alive; false (and every lock gone) when it is not. */
    boolean alive() {
        try {
            Connection c = connection();
            try (Statement s = c.createStatement()) {
                s.execute("select 1");
            }
            return true;
        } catch (SQLException e) {
            drop();
            return false;
        }
    }

    /** Keys this session holds. */
    Set<Integer> held() {
        return Set.copyOf(held);
    }

    boolean tryLock(int key, boolean shared) throws SQLException {
        if (held.contains(key)) {
            return true;
        }
        try (PreparedStatement ps = connection().prepareStatement(shared ? "select pg_try_advisory_lock_shared(?, ?)"
                : "select pg_try_advisory_lock(?, ?)")) {
            ps.setInt(1, CLASS);
            ps.setInt(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (rs.getBoolean(1)) {
                    held.add(key);
                    return true;
                }
                return false;
            }
        }
    }

    void unlock(int key) throws SQLException {
        if (!held.remove(key)) {
            return;
        }
        try (PreparedStatement ps = connection().prepareStatement("select pg_advisory_unlock(?, ?)")) {
            ps.setInt(1, CLASS);
            ps.setInt(2, key);
            ps.executeQuery().close();
        }
    }

    private Connection connection() throws SQLException {
        Connection c = connection;
        if (c == null || c.isClosed()) {
            held.clear();
            Properties props = new Properties();
            props.setProperty("user", env.getProperty("spring.datasource.username", ""));
            props.setProperty("password", env.getProperty("spring.datasource.password", ""));
            props.setProperty("ApplicationName", APPLICATION_PREFIX + nodeId);
            props.setProperty("socketTimeout", "10");
            props.setProperty("connectTimeout", "5");
            c = DriverManager.getConnection(env.getRequiredProperty("spring.datasource.url"), props);
            try (Statement s = c.createStatement()) {
                // the server ends this session ~10 s after the host stops answering, releasing its locks
                s.execute("set tcp_keepalives_idle = 4");
                s.execute("set tcp_keepalives_interval = 2");
                s.execute("set tcp_keepalives_count = 3");
            }
            connection = c;
        }
        return c;
    }

    /** Ends the session: every lock is released by the server. */
    void drop() {
        held.clear();
        Connection c = connection;
        connection = null;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing a broken session: nothing more to release
            }
        }
    }

    @Override
    public void close() {
        drop();
    }
}
