package org.remediation.console.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Start-up of the production jar (goal ≤ 8 s) in the three ways it can be launched — the fat jar
 * ({@code java -jar target/console.jar}, the README's line), the extracted layout
 * ({@code -Djarmode=tools extract}), and the extracted layout with a JDK AOT cache from a training
 * run, which is how the Dockerfile launches it — each on three databases:
 * <ul>
 *   <li>{@code file}: the default datasource, an H2 file database under a fresh {@code ./data} of the
 *   launch directory, demo data seeded on the first start — what {@code java -jar} and the image's
 *   {@code CMD} do without a profile; each run is a first start, then a restart on the same
 *   {@code ./data};</li>
 *   <li>{@code postgres}: the {@code postgres} profile on a fresh PostgreSQL database with the initial
 *   administrator from the environment and no demo data — the README's {@code docker run}; skipped
 *   without {@code createdb} or a server on 127.0.0.1:5432;</li>
 *   <li>{@code memory}: an in-memory H2 with the demo data — not how production runs; the figure
 *   earlier versions of this benchmark reported.</li>
 * </ul>
 * Each run uses a free loopback port and times the first HTTP 200 of {@code /actuator/health} (200
 * only once the console reports itself ready) and of {@code /login} from the process start.
 *
 * <p>Usage: {@code java -cp target/test-classes org.remediation.console.bench.StartupBenchmark [runs=5] [jar]
 * [databases=file,postgres,memory]}
 */
public final class StartupBenchmark {

    private static final String MEMORY_DB =
            "--spring.datasource.url=jdbc:h2:mem:startup;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
    private static final String DEMO_PASSWORD = "--console.demo.password=Demo-password-2026";

    /** The databases a launch is measured on. */
    private enum Database {
        FILE("H2 file ./data, fresh, demo data seeded (default: java -jar / Dockerfile CMD)"),
        POSTGRES("PostgreSQL, fresh database, postgres profile, no demo data (README: docker run)"),
        MEMORY("in-memory H2, demo data (NOT production)");

        final String label;

        Database(String label) {
            this.label = label;
        }
    }

    /** One measured start. */
    private record Start(long healthMs, long loginMs, String started) {
    }

    private StartupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path jar = Path.of(args.length > 1 ? args[1] : "target/console.jar").toAbsolutePath();
        List<Database> databases = new ArrayList<>();
        for (String d : (args.length > 2 ? args[2] : "file,postgres,memory").split(",")) {
            databases.add(Database.valueOf(d.strip().toUpperCase()));
        }
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build it with ./mvnw -DskipTests package");
        }
        if (databases.contains(Database.POSTGRES) && !postgresAvailable()) {
            System.out.println("PostgreSQL: skipped (needs createdb/dropdb and a server on 127.0.0.1:5432, user postgres)");
            databases.remove(Database.POSTGRES);
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        System.out.printf("Start-up of %s (%d runs per launch and database, %d cores, %s, load %s)%n", jar, runs,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                Files.readString(Path.of("/proc/loadavg")).trim());

        Path work = jar.getParent().resolve("startup-bench");
        Path extracted = work.resolve("app");
        exec(work, List.of(java, "-Djarmode=tools", "-jar", jar.toString(), "extract", "--force", "--destination", extracted.toString()));
        Path cache = extracted.resolve("console.aot");
        Files.deleteIfExists(cache);
        long training = System.nanoTime();
        exec(extracted, List.of(java, "-XX:AOTCacheOutput=" + cache, "-Dspring.context.exit=onRefresh", "-jar", "console.jar",
                "--server.port=0", MEMORY_DB));
        System.out.printf("extracted and trained the AOT cache (on an in-memory H2, as the Dockerfile does) in %d ms (%d MiB)%n",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - training), Files.size(cache) >> 20);

        Path fat = work.resolve("fat"); // its own ./data, never the developer's
        Files.createDirectories(fat);
        Map<String, List<String>> summary = new LinkedHashMap<>();
        for (Database db : databases) {
            measure("fat jar   java -jar target/console.jar", db, runs, fat, List.of(java, "-jar", jar.toString()), summary);
            measure("extracted java -jar console.jar", db, runs, extracted, List.of(java, "-jar", "console.jar"), summary);
            measure("extracted java -XX:AOTCache=console.aot -jar console.jar (Dockerfile)", db, runs, extracted,
                    List.of(java, "-XX:AOTCache=console.aot", "-jar", "console.jar"), summary);
        }
        System.out.printf("%nSummary, medians of %d runs, /actuator/health 200 (goal ≤ 8000 ms), load now %s%n", runs,
                Files.readString(Path.of("/proc/loadavg")).trim());
        summary.forEach((db, lines) -> {
            System.out.println("  " + db);
            lines.forEach(l -> System.out.println("    " + l));
        });
    }

    private static void measure(String label, Database db, int runs, Path dir, List<String> launch,
                                Map<String, List<String>> summary) throws Exception {
        List<Start> first = new ArrayList<>();
        List<Start> restart = new ArrayList<>();
        System.out.printf("%s — %s%n", label, db.label);
        for (int i = 1; i <= runs; i++) {
            List<String> command = new ArrayList<>(launch);
            Map<String, String> env = new LinkedHashMap<>();
            String pgDatabase = null;
            switch (db) {
                case MEMORY -> command.addAll(List.of(MEMORY_DB, DEMO_PASSWORD));
                case FILE -> {
                    deleteTree(dir.resolve("data"));
                    command.add(DEMO_PASSWORD);
                }
                case POSTGRES -> {
                    pgDatabase = "startup_" + Long.toHexString(System.nanoTime());
                    exec(dir, List.of("createdb", "-h", "127.0.0.1", "-U", "postgres", pgDatabase));
                    env.put("SPRING_PROFILES_ACTIVE", "postgres");
                    env.put("DATABASE_URL", "jdbc:postgresql://127.0.0.1:5432/" + pgDatabase);
                    env.put("DATABASE_USER", "postgres");
                    env.put("CONSOLE_ADMIN_USERNAME", "startup-admin");
                    env.put("CONSOLE_ADMIN_PASSWORD", "Correct-horse-battery-2026");
                    env.put("CONSOLE_AUDIT_KEY", "1:cmVtZWRpYXRpb24tY29uc29sZS1iZW5jaC1rZXktMDAx");
                }
            }
            try {
                Start s = start(dir, command, env);
                first.add(s);
                System.out.printf("  run %d: /actuator/health 200 after %d ms, /login 200 after %d ms; %s%n", i, s.healthMs(),
                        s.loginMs(), s.started());
                if (db == Database.FILE) {
                    Start r = start(dir, command, env);
                    restart.add(r);
                    System.out.printf("  run %d, restart on the same ./data: /actuator/health 200 after %d ms, /login 200 after "
                            + "%d ms; %s%n", i, r.healthMs(), r.loginMs(), r.started());
                }
            } finally {
                if (pgDatabase != null) {
                    exec(dir, List.of("dropdb", "-h", "127.0.0.1", "-U", "postgres", "--force", pgDatabase));
                }
            }
        }
        String line = String.format("%-72s %s", label, medians(first));
        System.out.println("  median: " + medians(first) + (restart.isEmpty() ? "" : "; restart: " + medians(restart)));
        summary.computeIfAbsent(db.label, k -> new ArrayList<>()).add(line);
        if (!restart.isEmpty()) {
            summary.computeIfAbsent("H2 file ./data, restart on the data of a first start (demo data present)", k -> new ArrayList<>())
                    .add(String.format("%-72s %s", label, medians(restart)));
        }
    }

    /** Starts the console, waits for both 200s, stops it and waits for it to exit. */
    private static Start start(Path dir, List<String> launch, Map<String, String> env) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();
        int port = Ports.free();
        Path log = Files.createTempFile("startup-", ".log");
        List<String> command = new ArrayList<>(launch);
        command.addAll(List.of("--server.port=" + port, "--server.address=127.0.0.1"));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(env);
        long t0 = System.nanoTime();
        Process p = builder.start();
        try {
            long h = firstOk(http, p, "http://127.0.0.1:" + port + "/actuator/health", t0, log);
            long l = firstOk(http, p, "http://127.0.0.1:" + port + "/login", t0, log);
            String started = Files.readAllLines(log).stream().filter(s -> s.contains("Started ConsoleApplication"))
                    .map(s -> s.substring(s.indexOf("Started"))).findFirst().orElse("(no Started line)");
            return new Start(h, l, started);
        } finally {
            p.destroy();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
            Files.deleteIfExists(log);
        }
    }

    private static String medians(List<Start> starts) {
        return String.format("/actuator/health %d ms, /login %d ms (range %d–%d ms)",
                median(starts.stream().map(Start::healthMs).toList()), median(starts.stream().map(Start::loginMs).toList()),
                starts.stream().mapToLong(Start::healthMs).min().orElse(0), starts.stream().mapToLong(Start::healthMs).max().orElse(0));
    }

    private static boolean postgresAvailable() {
        try {
            Process p = new ProcessBuilder("pg_isready", "-h", "127.0.0.1", "-p", "5432").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static void exec(Path dir, List<String> command) throws Exception {
        Files.createDirectories(dir);
        Path log = Files.createTempFile("startup-prep-", ".log");
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " failed; its output is in " + log);
        }
        Files.delete(log);
    }

    private static long firstOk(HttpClient http, Process p, String url, long t0, Path log) throws Exception {
        long deadline = t0 + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IllegalStateException("the console exited with " + p.exitValue() + ":\n" + Files.readString(log));
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException(url + " did not answer 200 within 120 s");
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
