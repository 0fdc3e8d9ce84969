package org.remediation.console.base.cluster;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import org.remediation.console.base.SettingException;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * This node among the consoles sharing the database: its id, the live members and whether it leads (runs
 * the jobs that must run once). Single node (the default, and always on H2): it is the only member and the
 * leader. The heartbeat ({@link Heartbeat}) keeps the view current: a member is a process whose own database
 * session holds the shared member lock ({@link LockSession}).
 */
@Component
public class Cluster {

    static final String LEADER = "leader";
    /** Transaction-scoped lock key of first-start seeding (the list of keys is in {@link LockSession}). */
    static final int SEEDING_LOCK = 4;

    private final ClusterProperties properties;
    private final String nodeId;
    private final String address;
    private final JdbcTemplate jdbc;
    private final Leases leases;
    private volatile View view;
    /** Local clock (nanoTime) until which this node may act as leader without a renewal. */
    private volatile long leaderUntilNanos;
    private volatile long leaderFence;

    Cluster(ClusterProperties properties, JdbcTemplate jdbc, Environment env) {
        this.properties = properties;
        this.jdbc = jdbc;
        String url = env.getProperty("spring.datasource.url", "");
        if (properties.enabled() && !url.startsWith("jdbc:postgresql:")) {
            throw new SettingException("console.cluster.enabled", "several consoles need one PostgreSQL database"
                    + " (spring.datasource.url is '" + url.replaceAll(";.*", "") + "'); the embedded H2 serves one node only");
        }
        if (properties.partitions() < 1 || properties.partitions() > 4096) {
            throw new SettingException("console.cluster.partitions", "must be between 1 and 4096, not " + properties.partitions());
        }
        if (properties.heartbeat().compareTo(Duration.ofMillis(100)) < 0 || properties.heartbeat().compareTo(Duration.ofSeconds(5)) > 0) {
            throw new SettingException("console.cluster.heartbeat", "must be between 100ms and 5s (it bounds takeover), not "
                    + properties.heartbeat());
        }
        // application_name holds 63 bytes: "console-node:" and the id must fit, or the node is not in its own view
        String host = hostName().length() > 30 ? hostName().substring(0, 30) : hostName();
        if (properties.nodeId() != null && properties.nodeId().length() > 48) {
            throw new SettingException("console.cluster.node-id", "at most 48 characters, not " + properties.nodeId().length());
        }
        this.nodeId = properties.nodeId() != null && !properties.nodeId().isBlank() ? properties.nodeId()
                : host + "-" + ProcessHandle.current().pid() + "-" + HexFormat.of().toHexDigits((short) ThreadLocalRandom.current().nextInt());
        this.address = properties.address() != null && !properties.address().isBlank() ? properties.address()
                : host + ":" + env.getProperty("server.port", "8080");
        this.leases = new Leases(jdbc, nodeId);
        this.view = new View(nodeId, List.of(new Member(nodeId, address, Instant.now(), Duration.ZERO)), !properties.enabled());
    }

    public boolean enabled() {
        return properties.enabled();
    }

    public String nodeId() {
        return nodeId;
    }

    public ClusterProperties properties() {
        return properties;
    }

    public Leases leases() {
        return leases;
    }

    /** The last view the heartbeat took (single node: only this node). */
    public View view() {
        return view;
    }

    /**
     * Whether this node runs the jobs that must run once: always when single; else while it holds the leader
     * lock, as proven by a heartbeat within the last two.
     */
    public boolean isLeader() {
        return !properties.enabled() || System.nanoTime() - leaderUntilNanos < 0;
    }

    /** The leader's fencing token while this node leads (0 when single). */
    public long leaderFence() {
        return leaderFence;
    }

    /** Runs a job that must run once cluster-wide only while this node leads (always when single); whether it ran. */
    public boolean onlyLeader(Runnable job) {
        if (!isLeader()) {
            return false;
        }
        job.run();
        return true;
    }

    /**
     * In cluster mode, waits for and holds the advisory lock {@code (1278, key)} until the current transaction
     * ends, so runs of one job never overlap across the consoles (a leader that lost leadership mid-run and
     * the new one). Nothing on a single node. Keys 2–99; the list is in {@link LockSession}.
     */
    public void lockForTransaction(int key) {
        if (key < 2 || key >= LockSession.FIRST_PARTITION) {
            throw new IllegalArgumentException("transaction lock keys are 2–99, not " + key);
        }
        if (!properties.enabled()) {
            return;
        }
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("a transaction-scoped cluster lock needs a transaction");
        }
        jdbc.query("select pg_advisory_xact_lock(?, ?)", (RowCallbackHandler) rs -> { }, LockSession.CLASS, key);
    }

    /** Whether a node is a live member (single node: only this one). */
    public boolean isLive(String node) {
        return view.members().stream().anyMatch(m -> m.nodeId().equals(node));
    }

    /**
     * Proves the lock session alive, refreshes membership and takes the leader lock if free; returns the
     * new view, or null when the session is gone (then this node holds nothing). Heartbeat thread only.
     */
    @Nullable View beat(LockSession session) throws java.sql.SQLException {
        if (!session.alive()) {
            leaderUntilNanos = System.nanoTime();
            return null;
        }
        session.tryLock(LockSession.MEMBER, true);
        jdbc.update("insert into cluster_member (node_id, address, started_at, heartbeat_at) values (?, ?, now(), now())"
                + " on conflict (node_id) do update set heartbeat_at = now(), address = excluded.address", nodeId, address);
        // alive = holding the member lock on a session of its own: PostgreSQL drops it the moment a process dies
        List<Member> members = jdbc.query("select m.node_id, m.address, m.started_at,"
                + " extract(epoch from (now() - m.heartbeat_at)) * 1000 as age_ms from cluster_member m"
                + " where m.node_id in (select substr(a.application_name, ?) from pg_locks l join pg_stat_activity a on a.pid = l.pid"
                + " where l.locktype = 'advisory' and l.classid = ? and l.objid = ? and l.objsubid = 2 and l.granted"
                + " and l.database = (select oid from pg_database where datname = current_database())) order by m.node_id",
                (rs, i) -> new Member(rs.getString("node_id"), rs.getString("address"),
                        rs.getTimestamp("started_at").toInstant(), Duration.ofMillis(Math.round(rs.getDouble("age_ms")))),
                LockSession.APPLICATION_PREFIX.length() + 1, LockSession.CLASS, LockSession.MEMBER);
        boolean wasLeading = session.held().contains(LockSession.LEADER);
        long beat = System.nanoTime();
        if (session.tryLock(LockSession.LEADER, false)) {
            if (!wasLeading) {
                leaderFence = leases.taken(LEADER).fence();
            }
            // a beat or two of grace: a session that died without this node noticing has lost the lock already
            leaderUntilNanos = beat + properties.heartbeat().multipliedBy(2).toNanos();
        }
        View v = new View(nodeId, members, session.held().contains(LockSession.LEADER));
        view = v;
        return v;
    }

    /** At start: the lease rows exist. */
    void joining() {
        leases.ensure(List.of(LEADER));
    }

    /** The session is gone: nothing is held any more. */
    void lostAll() {
        leaderUntilNanos = System.nanoTime();
        view = new View(nodeId, List.of(), false);
    }

    /** At a clean stop: leave the membership (the session's end releases the locks). */
    void left() {
        leaderUntilNanos = System.nanoTime();
        jdbc.update("delete from cluster_member where node_id = ?", nodeId);
    }

    /**
     * Holds first-start seeding (the initial admin, the sandbox's resources) to one member at a time, until
     * the caller's transaction ends: consoles started together on an empty database would otherwise each
     * insert the same rows, and all but one fail to start on the unique key. Nothing when single.
     */
    public void seedOneAtATime() {
        lockForTransaction(SEEDING_LOCK);
    }

    /** Forgets members silent for a day (their rows are only history). */
    void pruneMembers() {
        jdbc.update("delete from cluster_member where heartbeat_at < now() - interval '1 day'");
    }

    private static String hostName() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "node";
        }
    }

    /**
     * The live members in node-id order, this node's id and whether it leads.
     */
    public record View(String self, List<Member> members, boolean leader) {

        /** This node's position among the live members (for an even share), or -1 when it is not among them. */
        public int position() {
            for (int i = 0; i < members.size(); i++) {
                if (members.get(i).nodeId().equals(self)) {
                    return i;
                }
            }
            return -1;
        }

        public @Nullable Member member(String node) {
            return members.stream().filter(m -> m.nodeId().equals(node)).findFirst().orElse(null);
        }
    }
}
