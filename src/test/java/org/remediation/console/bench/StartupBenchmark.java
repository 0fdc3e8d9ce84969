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
 * Start-up of the production jar (goal ≤ 8 s): launches {@code java -jar target/console.jar} on a
 * fresh in-memory database and a free loopback port, and times the first HTTP 200 of
 * {@code /actuator/health} and of {@code /login} from the process start. Prints the figures of
 * each run and the application's own "Started … in" line (the part spent inside Spring).
 *
 * <p>Usage: {@code java -cp target/test-classes org.remediation.console.bench.StartupBenchmark [runs=5] [jar]}
 */
public final class StartupBenchmark {

    private StartupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path jar = Path.of(args.length > 1 ? args[1] : "target/console.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build it with ./mvnw -o -DskipTests package");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();
        List<Long> health = new ArrayList<>();
        List<Long> login = new ArrayList<>();
        System.out.printf("Start-up of %s (%d runs, %d cores, load %s)%n", jar, runs, Runtime.getRuntime().availableProcessors(),
                Files.readString(Path.of("/proc/loadavg")).trim());
        for (int i = 1; i <= runs; i++) {
            int port = freePort();
            Path log = Files.createTempFile("startup-", ".log");
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(java, "-jar", jar.toString(), "--server.port=" + port, "--server.address=127.0.0.1",
                    "--spring.datasource.url=jdbc:h2:mem:startup;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                    "--console.demo.password=Demo-password-2026").redirectErrorStream(true).redirectOutput(log.toFile()).start();
            try {
                long h = firstOk(http, p, "http://127.0.0.1:" + port + "/actuator/health", t0);
                long l = firstOk(http, p, "http://127.0.0.1:" + port + "/login", t0);
                health.add(h);
                login.add(l);
                String started = Files.readAllLines(log).stream().filter(s -> s.contains("Started ConsoleApplication"))
                        .map(s -> s.substring(s.indexOf("Started"))).findFirst().orElse("(no Started line)");
                System.out.printf("run %d: /actuator/health 200 after %d ms, /login 200 after %d ms; %s%n", i, h, l, started);
            } finally {
                p.destroy();
                if (!p.waitFor(30, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
                Files.deleteIfExists(log);
            }
        }
        System.out.printf("median: /actuator/health %d ms, /login %d ms (goal ≤ 8000 ms)%n", median(health), median(login));
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
