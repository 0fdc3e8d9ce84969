package org.remediation.console.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Debian's real Prometheus ({@value #BINARY}) on a free loopback port, scraping every second a
 * loopback exporter whose values the test sets: one scrape job per name given to {@link #start},
 * each on its own path of the exporter, so {@code sum by (job)(…)} has several series. Optionally
 * with basic authentication ({@code --web.config.file}, bcrypt hashes as Prometheus requires).
 * {@link #require(String)} first: the binary is a prerequisite (fails in CI, skips locally).
 */
public final class PrometheusServer implements AutoCloseable {

    public static final String BINARY = "/usr/bin/prometheus";
    private static final Duration READY = Duration.ofSeconds(60);

    private final Path dir;
    private final HttpServer exporter;
    private final Map<String, Map<String, String>> values; // job → exposition line (name{labels}) → value
    private final int port;
    private final @Nullable String authorization;
    private final Process process;

    private PrometheusServer(Path dir, HttpServer exporter, Map<String, Map<String, String>> values, int port,
                             @Nullable String authorization, Process process) {
        this.dir = dir;
        this.exporter = exporter;
        this.values = values;
        this.port = port;
        this.authorization = authorization;
        this.process = process;
    }

    /** Skips (locally) or fails (in CI) when Prometheus is not installed. */
    public static void require(String what) {
        Prerequisites.require(Files.isExecutable(Path.of(BINARY)) ? null
                : "Prometheus (" + BINARY + "; Debian: apt-get install prometheus)", what);
    }

    /** Starts Prometheus scraping one exporter path per job, without authentication. */
    public static PrometheusServer start(String... jobs) throws Exception {
        return launch(null, null, jobs);
    }

    /** As {@link #start(String...)}, with the API (and readiness) behind basic authentication for {@code user}/{@code password}. */
    public static PrometheusServer startWithBasicAuth(String user, String password, String... jobs) throws Exception {
        return launch(user, password, jobs);
    }

    private static PrometheusServer launch(@Nullable String user, @Nullable String password, String... jobs) throws Exception {
        Path dir = Files.createTempDirectory("prometheus-test");
        Map<String, Map<String, String>> values = new ConcurrentHashMap<>();
        HttpServer exporter = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        for (String job : jobs) {
            values.put(job, new ConcurrentHashMap<>());
            exporter.createContext("/metrics/" + job, ex -> {
                StringBuilder text = new StringBuilder();
                new TreeMap<>(values.get(job)).forEach((series, v) -> text.append(series).append(' ').append(v).append('\n'));
                byte[] body = text.toString().getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4");
                ex.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
                ex.getResponseBody().write(body);
                ex.close();
            });
        }
        exporter.start();
        StringBuilder config = new StringBuilder("global:\n  scrape_interval: 1s\n  scrape_timeout: 1s\n  evaluation_interval: 1s\n"
                + "scrape_configs:\n");
        for (String job : jobs) {
            config.append("  - job_name: ").append(job).append("\n    metrics_path: /metrics/").append(job)
                    .append("\n    static_configs:\n      - targets: ['127.0.0.1:").append(exporter.getAddress().getPort()).append("']\n");
        }
        Files.writeString(dir.resolve("prometheus.yml"), config);
        String authorization = null;
        if (user != null && password != null) {
            Files.writeString(dir.resolve("web.yml"), "basic_auth_users:\n  " + user + ": "
                    + new BCryptPasswordEncoder(4).encode(password) + "\n"); // cost 4: the lowest, as checks are per request
            authorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        }
        try {
            for (int attempt = 1; ; attempt++) { // the free port can be taken between finding and binding it
                int port = freePort();
                Process p = process(dir, port, authorization != null);
                PrometheusServer server = new PrometheusServer(dir, exporter, values, port, authorization, p);
                if (server.awaitReady()) {
                    return server;
                }
                server.stopProcess();
                if (attempt == 3) {
                    throw new IllegalStateException("Prometheus did not become ready; its log:\n" + server.log());
                }
            }
        } catch (Exception e) {
            exporter.stop(0);
            deleteTree(dir);
            throw e;
        }
    }

    private static Process process(Path dir, int port, boolean auth) throws IOException {
        List<String> cmd = new java.util.ArrayList<>(List.of(BINARY,
                "--config.file=" + dir.resolve("prometheus.yml"),
                "--storage.tsdb.path=" + dir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port));
        if (auth) {
            cmd.add("--web.config.file=" + dir.resolve("web.yml"));
        }
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
    }

    private boolean awaitReady() throws InterruptedException {
        Instant until = Instant.now().plus(READY);
        while (Instant.now().isBefore(until) && process.isAlive()) {
            try {
                if (get("/-/ready").statusCode() == 200) {
                    return true;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        return false;
    }

    /** The API's base URL, e.g. {@code http://127.0.0.1:40123}. */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** Sets what the exporter shows for a series, e.g. {@code set("api", "queue_depth{queue=\"a\"}", "3")}; values may be NaN or +Inf. */
    public void set(String job, String series, String value) {
        values.get(job).put(series, value);
    }

    /** Takes a series off the exporter (Prometheus marks it stale on the next scrape). */
    public void remove(String job, String series) {
        values.get(job).remove(series);
    }

    /**
     * Waits until an instant query's answer contains {@code expected} (e.g. {@code "value":[…,"42"]} as
     * {@code "42"]}), so a test reads what it set only after Prometheus scraped it.
     */
    public void await(String promql, String expected) throws Exception {
        Instant until = Instant.now().plus(Duration.ofSeconds(20));
        String last = "";
        while (Instant.now().isBefore(until)) {
            last = get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8)).body();
            if (last.contains(expected)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("Prometheus never answered " + promql + " with " + expected + "; last answer: " + last);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofSeconds(5));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        try (HttpClient client = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build()) {
            return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    /** Stops Prometheus only (the exporter stays), so its port refuses connections. */
    public void stopProcess() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    public String log() {
        try {
            return Files.readString(dir.resolve("prometheus.log"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws Exception {
        stopProcess();
        exporter.stop(0);
        deleteTree(dir);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
