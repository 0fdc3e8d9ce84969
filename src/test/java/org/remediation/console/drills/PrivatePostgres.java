package org.remediation.console.drills;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * A throw-away PostgreSQL cluster of the drill's own (never the machine's shared server, which other
 * tests use): initdb in a temporary directory owned by the postgres user, trust auth, loopback only, a
 * free port; stopped and deleted on close. It uses the newest server installed in Debian's layout,
 * {@code /usr/lib/postgresql/VERSION/bin} (15 on the CI machine), whatever the version.
 */
final class PrivatePostgres implements AutoCloseable {

    static final Path INSTALLED = Path.of("/usr/lib/postgresql");
    static final Path RUNUSER = Path.of("/usr/sbin/runuser");

    final Path bin;
    final Path dir;
    final int port;

    private PrivatePostgres(Path bin, Path dir, int port) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
    }

    /** The bin directory of the newest installed server that has initdb and pg_ctl, if any. */
    static Optional<Path> newestBin() {
        if (!Files.isDirectory(INSTALLED)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(INSTALLED)) {
            return versions.filter(v -> v.getFileName().toString().matches("\\d+(\\.\\d+)?"))
                    .map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
                    .max(Comparator.comparingDouble(b -> Double.parseDouble(b.getParent().getFileName().toString())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What this machine lacks to run a private cluster, or null when nothing is missing. */
    static @Nullable String missing() {
        List<String> missing = new ArrayList<>();
        if (newestBin().isEmpty()) {
            missing.add("a PostgreSQL server (initdb and pg_ctl under " + INSTALLED + "/VERSION/bin; "
                    + "Debian: apt-get install postgresql)");
        }
        if (!Files.isExecutable(RUNUSER)) {
            missing.add(RUNUSER + " (util-linux)");
        }
        if (!"root".equals(System.getProperty("user.name"))) {
            missing.add("root, to run initdb and pg_ctl as the postgres user (running as "
                    + System.getProperty("user.name") + ")");
        }
        return missing.isEmpty() ? null : String.join(", ", missing);
    }

    static PrivatePostgres create() throws IOException, InterruptedException {
        Path bin = newestBin().orElseThrow(() -> new IllegalStateException("No PostgreSQL server: " + missing()));
        Path dir = Files.createTempDirectory("drill-pg-");
        run("chown", "postgres", dir.toString());
        PrivatePostgres pg = new PrivatePostgres(bin, dir, Ports.free());
        pg.asPostgres(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-U", "postgres",
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
        asPostgres(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-w", "-t", "60",
                "-l", dir.resolve("log").toString(), "-o",
                "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off", "start");
    }

    void stop() throws IOException, InterruptedException {
        asPostgres(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-w", "-t", "60",
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

    /** Runs a command to its end, at most 90 s (then it is killed); its output goes to a file, so nothing blocks on a pipe. */
    private static void run(String... command) throws IOException, InterruptedException {
        Path output = Files.createTempFile("drill-pg-command-", ".log");
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            boolean ended = p.waitFor(90, TimeUnit.SECONDS);
            if (!ended) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            if (!ended || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + (ended ? " failed (exit " + p.exitValue() + ")"
                        : " did not end within 90 s (killed)") + ":\n" + Files.readString(output));
            }
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
