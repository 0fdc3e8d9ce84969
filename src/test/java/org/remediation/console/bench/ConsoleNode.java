package org.remediation.console.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One console jar of several on one PostgreSQL database ({@link ClusterBenchmark}), run as a user runs it:
 * {@code SPRING_PROFILES_ACTIVE=postgres,cluster}, its own node id, a bounded heap. With {@code clustered}
 * false it is the same configuration with {@code console.cluster.enabled=false}: one console carrying
 * everything. Closing stops the process; the database is the caller's.
 */
final class ConsoleNode implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    final String id;
    final int port;
    private final Process process;
    private final Path log;
    private final Path gcLog;

    private ConsoleNode(String id, int port, Process process, Path log) {
        this.id = id;
        this.port = port;
        this.process = process;
        this.log = log;
        this.gcLog = log.resolveSibling("gc.log");
    }

    /** Starts the process; {@link #awaitReady()} waits for it (several nodes start side by side). */
    static ConsoleNode launch(Path dir, Path jar, String url, String id, boolean clustered, String xmx) throws IOException {
        Files.createDirectories(dir);
        int port = Ports.free();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + xmx, "-Xlog:gc:file=" + dir.resolve("gc.log"), "-jar", jar.toString(), "--server.port=" + port, "--console.cluster.enabled=" + clustered));
        command.addAll(ConsoleJar.postgresArgs(url));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("console.log").toFile());
        pb.environment().put("SPRING_PROFILES_ACTIVE", "postgres,cluster");
        pb.environment().put("CONSOLE_NODE_ID", id);
        return new ConsoleNode(id, port, pb.start(), dir.resolve("console.log"));
    }

    ConsoleNode awaitReady() throws InterruptedException {
        ConsoleJar.awaitReady(process, port, log);
        return this;
    }

    long pid() {
        return process.pid();
    }

    double cpuSeconds() {
        return ProcessCpu.seconds(process.pid());
    }

    /** Full GC pauses so far (-Xlog:gc): how many, and their milliseconds together. */
    double[] fullGcs() {
        try (var lines = Files.lines(gcLog)) {
            double[] n = new double[2];
            lines.filter(l -> l.contains("Pause Full")).forEach(l -> {
                n[0]++;
                n[1] += Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1, l.length() - 2));
            });
            return n;
        } catch (IOException | RuntimeException e) {
            return new double[] {Double.NaN, Double.NaN};
        }
    }

    /** kill -9: no shutdown hook, no graceful release; the database session ends with the process. */
    void kill() throws InterruptedException {
        process.destroyForcibly(); // SIGKILL on Linux
        process.waitFor(10, TimeUnit.SECONDS);
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    /** The Prometheus exposition, read as the bench admin (ADMIN may read it; HTTP Basic). */
    String prometheus() throws IOException, InterruptedException {
        return actuator("/actuator/prometheus");
    }

    /** An actuator endpoint, read as the bench admin (HTTP Basic). */
    String actuator(String path) throws IOException, InterruptedException {
        String basic = Base64.getEncoder().encodeToString(("admin:" + BenchConsole.PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base() + path))
                .header("Authorization", "Basic " + basic).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " on " + id + ": HTTP " + r.statusCode());
        }
        return r.body();
    }

    /** PUT /api/v1/probe-targets (import, merge) with an API token. */
    HttpResponse<String> importTargets(String token, String yaml) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/probe-targets"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/yaml")
                .PUT(HttpRequest.BodyPublishers.ofString(yaml)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
