package org.remediation.console.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The probed service of {@link DeploymentBenchmark}: Debian's nginx on loopback, one worker,
 * answering 200 to every path and logging every request it served, so probes are counted where
 * they arrive rather than where a prober says it sent them.
 */
final class LoopbackNginx implements AutoCloseable {

    private final Process process;
    private final Path accessLog;
    final int port;

    private LoopbackNginx(Process process, Path accessLog, int port) {
        this.process = process;
        this.accessLog = accessLog;
        this.port = port;
    }

    static LoopbackNginx start(Path dir, int port) throws IOException, InterruptedException {
        Files.createDirectories(dir.resolve("logs"));
        Path log = dir.resolve("logs/access.log");
        Files.writeString(dir.resolve("nginx.conf"), """
                worker_processes 1;
                daemon off;
                pid %1$s/nginx.pid;
                error_log %1$s/logs/error.log warn;
                events { worker_connections 8192; }
                http {
                  access_log %2$s;
                  client_body_temp_path %1$s/tmp;
                  proxy_temp_path %1$s/tmp;
                  fastcgi_temp_path %1$s/tmp;
                  uwsgi_temp_path %1$s/tmp;
                  scgi_temp_path %1$s/tmp;
                  server {
                    listen 127.0.0.1:%3$d backlog=4096;
                    location / { return 200 "ok\\n"; }
                  }
                }
                """.formatted(dir, log, port));
        Files.createDirectories(dir.resolve("tmp"));
        Process p = new ProcessBuilder("nginx", "-p", dir.toString(), "-c", dir.resolve("nginx.conf").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("logs/stdout.log").toFile()).start();
        Ports.awaitListening(port, p, "nginx (see " + dir.resolve("logs") + ")");
        return new LoopbackNginx(p, log, port);
    }

    /** Requests served so far: lines of the access log (nginx writes each line when the request ends). */
    long served() {
        try (var lines = Files.lines(accessLog)) {
            return lines.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url(int i) {
        return "http://127.0.0.1:" + port + "/t/" + i;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor(10, TimeUnit.SECONDS);
    }
}
