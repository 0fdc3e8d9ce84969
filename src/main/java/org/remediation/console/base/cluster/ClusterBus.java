package org.remediation.console.base.cluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * PostgreSQL {@code LISTEN/NOTIFY} between the consoles: one connection of its own (outside the pool, held
 * for the node's life) listens on the channels features subscribe to; sending uses the pool, so a
 * notification sent inside a transaction leaves only when it commits. Payloads are text up to
 * {@link #MAX_PAYLOAD} bytes. A node also hears its own notifications; payloads carry their origin where
 * that matters. After a lost connection it reconnects and tells subscribers ({@code onGap}): what was sent
 * meanwhile is lost, so they re-read what they keep.
 */
@Component
public class ClusterBus implements SmartLifecycle {

    /** Wakes every member's heartbeat at once: a member let partitions go, others may take them now. */
    public static final String WAKE = "console_cluster";

    /** PostgreSQL's limit is 8000 bytes; a margin for the channel name. */
    public static final int MAX_PAYLOAD = 7900;

    private static final Logger log = LoggerFactory.getLogger(ClusterBus.class);

    private final Cluster cluster;
    private final JdbcTemplate jdbc;
    private final Environment env;
    private final Map<String, List<Consumer<String>>> subscribers = new ConcurrentHashMap<>();
    private final List<Runnable> gapHandlers = new CopyOnWriteArrayList<>();
    private volatile @Nullable Thread thread;
    private volatile boolean listening;

    ClusterBus(Cluster cluster, JdbcTemplate jdbc, Environment env) {
        this.cluster = cluster;
        this.jdbc = jdbc;
        this.env = env;
    }

    /** Hears every notification on the channel (on the bus thread: hand long work elsewhere). Register before start. */
    public void subscribe(String channel, Consumer<String> consumer) {
        subscribers.computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>()).add(consumer);
    }

    /** Runs after the listening connection was lost and is back: notifications in between are gone. */
    public void onGap(Runnable handler) {
        gapHandlers.add(handler);
    }

    /** Sends a notification: with the caller's transaction when there is one (delivered at commit), else at once. */
    public void send(String channel, String payload) {
        if (!cluster.enabled()) {
            return;
        }
        jdbc.queryForObject("select pg_notify(?, ?)", Object.class, channel, payload);
    }

    /** Whether the listening connection is up (single node: nothing to listen to). */
    public boolean listening() {
        return !cluster.enabled() || listening;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 200; // listening before the heartbeat makes this node a member
    }

    @Override
    public void start() {
        if (!cluster.enabled()) {
            return;
        }
        thread = Thread.ofPlatform().daemon().name("cluster-listen").start(this::loop);
    }

    private void loop() {
        boolean first = true;
        while (!Thread.currentThread().isInterrupted()) {
            try (Connection c = connect()) {
                try (Statement s = c.createStatement()) {
                    for (String channel : subscribers.keySet()) {
                        s.execute("listen " + quote(channel));
                    }
                }
                listening = true;
                if (!first) {
                    log.info("Listening for the other consoles again; re-reading what was missed");
                    gapHandlers.forEach(ClusterBus::quietly);
                }
                first = false;
                PGConnection pg = c.unwrap(PGConnection.class);
                while (!Thread.currentThread().isInterrupted()) {
                    PGNotification[] got = pg.getNotifications(500);
                    if (got != null) {
                        for (PGNotification n : got) {
                            dispatch(n.getName(), n.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                listening = false;
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
                log.warn("Lost the connection that hears the other consoles ({}); reconnecting", e.toString());
                try {
                    Thread.sleep(Duration.ofSeconds(1));
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }
    }

    private void dispatch(String channel, String payload) {
        for (Consumer<String> c : subscribers.getOrDefault(channel, List.of())) {
            try {
                c.accept(payload);
            } catch (RuntimeException e) {
                log.warn("A subscriber of {} failed on a notification", channel, e);
            }
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(env.getRequiredProperty("spring.datasource.url"),
                env.getProperty("spring.datasource.username"), env.getProperty("spring.datasource.password", ""));
    }

    private static String quote(String channel) {
        if (!channel.matches("[a-z_]+")) {
            throw new IllegalArgumentException("channel names are lower-case letters and underscores: " + channel);
        }
        return channel;
    }

    private static void quietly(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            log.warn("Re-reading after a gap in notifications failed", e);
        }
    }

    @Override
    public void stop() {
        Thread t = thread;
        thread = null;
        listening = false;
        if (t != null) {
            t.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }
}
