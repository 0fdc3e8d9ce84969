package org.remediation.console.drills;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Consoles started by {@code cluster/local-cluster.sh} (so CI runs the script and its HAProxy configuration
 * as users do) on a fresh PostgreSQL database; {@link #close()} stops every process and drops the database.
 */
final class LocalCluster implements AutoCloseable {

    static final String ADMIN = "drilladmin";
    static final String ADMIN_PASSWORD = "ClusterKey2026xq";

    private final Path runDir;
    private final Map<String, String> env;
    private final String database;
    private final int firstPort;
    private final int lbPort;
    private final List<Long> pids = new ArrayList<>();

    private LocalCluster(Path runDir, Map<String, String> env, String database, int firstPort, int lbPort) {
        this.runDir = runDir;
        this.env = env;
        this.database = database;
        this.firstPort = firstPort;
        this.lbPort = lbPort;
    }

    /** Starts three consoles and HAProxy; returns once every console is ready. {@code settings}: more environment. */
    static LocalCluster start(Path runDir, Map<String, String> settings) throws Exception {
        if (Files.exists(runDir)) { // an earlier drill's logs
            try (var old = Files.walk(runDir)) {
                old.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
        String database = "console_drill_" + System.currentTimeMillis();
        postgres("create database " + database);
        int first = freeRun(3);
        int lb = Ports.free();
        Map<String, String> env = new HashMap<>(settings);
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("CLUSTER_NODES", "3");
        env.put("CLUSTER_FIRST_PORT", Integer.toString(first));
        env.put("CLUSTER_LB_PORT", Integer.toString(lb));
        env.put("CLUSTER_RUN_DIR", runDir.toString());
        env.put("DATABASE_URL", url(database));
        env.put("DATABASE_USER", "postgres");
        env.put("DATABASE_PASSWORD", "");
        env.put("CONSOLE_ADMIN_USERNAME", ADMIN);
        env.put("CONSOLE_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("CONSOLE_AUDIT_KEY", "1:Y2x1c3Rlci1kcmlsbC1hdWRpdC1rZXktMDAwMDAwMDE=");
        LocalCluster cluster = new LocalCluster(runDir, env, database, first, lb);
        try {
            int rc = cluster.script("start");
            for (int i = 1; i <= 3; i++) {
                Path pid = runDir.resolve("node-" + i + ".pid");
                if (Files.exists(pid)) {
                    cluster.pids.add(Long.parseLong(Files.readString(pid).strip()));
                }
            }
            if (rc != 0) {
                throw new IllegalStateException("cluster/local-cluster.sh start failed (" + rc + "); see " + runDir);
            }
        } catch (Exception | AssertionError e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    int port(int node) {
        return firstPort + node - 1;
    }

    int balancerPort() {
        return lbPort;
    }

    String jdbcUrl() {
        return url(database);
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url(database), "postgres", "");
    }

    /** SIGKILL: no shutdown hook, no hand-over; PostgreSQL ends the node's sessions and frees its locks. */
    void kill(int node) throws Exception {
        ProcessHandle p = ProcessHandle.of(pids.get(node - 1)).orElseThrow(() -> new IllegalStateException("node-" + node + " is not running"));
        p.destroyForcibly();
        p.onExit().get(30, TimeUnit.SECONDS);
    }

    Path log(int node) {
        return runDir.resolve("node-" + node + ".log");
    }

    private int script(String command) throws IOException, InterruptedException {
        // into a file, then printed: a forked test JVM's own stdout must not be written to by a child directly
        Path out = runDir.resolve("script-" + command + ".log");
        Files.createDirectories(runDir);
        ProcessBuilder pb = new ProcessBuilder("bash", "cluster/local-cluster.sh", command).redirectErrorStream(true)
                .redirectOutput(out.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        boolean ended = p.waitFor(5, TimeUnit.MINUTES);
        if (!ended) {
            p.destroyForcibly();
        }
        System.out.print(Files.readString(out));
        return ended ? p.exitValue() : -1;
    }

    @Override
    public void close() throws Exception {
        try {
            script("stop");
        } finally {
            for (long pid : pids) { // whatever the script could not stop
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            }
            postgres("drop database if exists " + database + " with (force)");
        }
    }

    private static String url(String database) {
        return "jdbc:postgresql://127.0.0.1:5432/" + database;
    }

    private static void postgres(String sql) throws SQLException {
        try (var c = DriverManager.getConnection(url("postgres"), "postgres", ""); var s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** The first of {@code n} consecutive free loopback ports. */
    private static int freeRun(int n) throws IOException {
        for (int attempt = 0; attempt < 100; attempt++) {
            int first = ThreadLocalRandom.current().nextInt(20_000, 40_000);
            boolean free = true;
            for (int p = first; p < first + n && free; p++) {
                try (ServerSocket s = new ServerSocket(p, 1, InetAddress.getLoopbackAddress())) {
                    free = s.getLocalPort() == p;
                } catch (IOException taken) {
                    free = false;
                }
            }
            if (free) {
                return first;
            }
        }
        throw new IOException("no " + n + " consecutive free ports");
    }
}
