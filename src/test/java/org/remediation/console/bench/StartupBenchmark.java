package org.remediation.console.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Start-up of the production jar (goal ≤ 8 s) in the three ways it can be launched: the fat jar
 * ({@code java -jar target/console.jar}, the README's line), the extracted layout
 * ({@code -Djarmode=tools extract}), and the extracted layout with a JDK AOT cache from a training
 * run, which is how the Dockerfile launches it. Each run starts on a fresh in-memory database and a
 * free loopback port and times the first HTTP 200 of {@code /actuator/health} (200 only once the
 * console reports itself ready) and of {@code /login} from the process start.
 *
 * <p>Usage: {@code java -cp target/test-classes org.remediation.console.bench.StartupBenchmark [runs=5] [jar]}
 */
public final class StartupBenchmark {

    private static final String MEMORY_DB =
            "--spring.datasource.url=jdbc:h2:mem:startup;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";

    private StartupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path jar = Path.of(args.length > 1 ? args[1] : "target/console.jar").toAbsolutePath();
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build it with ./mvnw -DskipTests package");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        System.out.printf("Start-up of %s (%d runs per launch, %d cores, %s, load %s)%n", jar, runs,
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
        System.out.printf("extracted and trained the AOT cache in %d ms (%d MiB)%n",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - training), Files.size(cache) >> 20);

        measure("fat jar   java -jar target/console.jar", runs, jar.getParent(), List.of(java, "-jar", jar.toString()));
        measure("extracted java -jar console.jar", runs, extracted, List.of(java, "-jar", "console.jar"));
        measure("extracted java -XX:AOTCache=console.aot -jar console.jar (Dockerfile)", runs, extracted,
                List.of(java, "-XX:AOTCache=console.aot", "-jar", "console.jar"));
    }

    private static void measure(String label, int runs, Path dir, List<String> launch) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();
        List<Long> health = new ArrayList<>();
        List<Long> login = new ArrayList<>();
        System.out.println(label);
        for (int i = 1; i <= runs; i++) {
            int port = freePort();
            Path log = Files.createTempFile("startup-", ".log");
            List<String> command = new ArrayList<>(launch);
            command.addAll(List.of("--server.port=" + port, "--server.address=127.0.0.1", MEMORY_DB,
                    "--console.demo.password=Demo-password-2026"));
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            try {
                long h = firstOk(http, p, "http://127.0.0.1:" + port + "/actuator/health", t0);
                long l = firstOk(http, p, "http://127.0.0.1:" + port + "/login", t0);
                health.add(h);
                login.add(l);
                String started = Files.readAllLines(log).stream().filter(s -> s.contains("Started ConsoleApplication"))
                        .map(s -> s.substring(s.indexOf("Started"))).findFirst().orElse("(no Started line)");
                System.out.printf("  run %d: /actuator/health 200 after %d ms, /login 200 after %d ms; %s%n", i, h, l, started);
            } finally {
                p.destroy();
                if (!p.waitFor(30, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
                Files.deleteIfExists(log);
            }
        }
        System.out.printf("  median: /actuator/health %d ms, /login %d ms (goal ≤ 8000 ms)%n", median(health), median(login));
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

    private static long firstOk(HttpClient http, Process p, String url, long t0) throws Exception {
        long deadline = t0 + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IllegalStateException("the console exited with " + p.exitValue());
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

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
