package org.remediation.console.drills;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throw-away PostgreSQL 15 cluster of the drill's own (never the machine's shared server, which
 * other tests use): initdb in a temporary directory owned by the postgres user, trust auth, loopback
 * only, a free port; stopped and deleted on close.
 */
final class PrivatePostgres implements AutoCloseable {

    static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");

    final Path dir;
    final int port;

    private PrivatePostgres(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    static boolean available() {
        return Files.isExecutable(BIN.resolve("initdb")) && Files.isExecutable(Path.of("/usr/sbin/runuser"));
    }

    static PrivatePostgres create() throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("drill-pg-");
        run("chown", "postgres", dir.toString());
        PrivatePostgres pg = new PrivatePostgres(dir, Ports.free());
        pg.asPostgres(BIN.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-U", "postgres",
                "--auth=trust", "--no-sync");
        pg.start();
        try (Connection c = DriverManager.getConnection(pg.url("postgres"), "postgres", "")) {
            c.createStatement().execute("create database console");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return pg;
    }

    String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    void start() throws IOException, InterruptedException {
        asPostgres(BIN.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-w", "-t", "60",
                "-l", dir.resolve("log").toString(), "-o",
                "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off", "start");
    }

    void stop() throws IOException, InterruptedException {
        asPostgres(BIN.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-w", "-t", "60",
                "-m", "fast", "stop");
    }

    @Override
    public void close() throws Exception {
        try {
            if (Files.exists(dir.resolve("data/postmaster.pid"))) {
                stop();
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private void asPostgres(String... command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>(List.of("/usr/sbin/runuser", "-u", "postgres", "--"));
        full.addAll(List.of(command));
        run(full.toArray(String[]::new));
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(90, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + out);
        }
    }
}
