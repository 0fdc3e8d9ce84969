package org.remediation.console.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The deployment the console is compared with: Debian's blackbox_exporter (its packaged
 * {@code /etc/prometheus/blackbox.yml}, module {@code http_2xx}) scraped by Debian's Prometheus,
 * which schedules the probes and stores every result. Each target is one scrape job entry of the
 * usual relabelling recipe, scraped every {@code interval}.
 */
final class BlackboxPrometheus implements AutoCloseable {

    private final Process exporter;
    private final Process prometheus;

    private BlackboxPrometheus(Process exporter, Process prometheus) {
        this.exporter = exporter;
        this.prometheus = prometheus;
    }

    static BlackboxPrometheus start(Path dir, List<String> urls, String interval, String timeout)
            throws IOException, InterruptedException {
        Files.createDirectories(dir.resolve("data"));
        int exporterPort = Ports.free();
        int prometheusPort = Ports.free();
        String targets = urls.stream().map(u -> "          - " + u).collect(Collectors.joining("\n"));
        Files.writeString(dir.resolve("prometheus.yml"), """
                global:
                  scrape_interval: %s
                  scrape_timeout: %s
                scrape_configs:
                  - job_name: blackbox
                    metrics_path: /probe
                    params:
                      module: [http_2xx]
                    static_configs:
                      - targets:
                %s
                    relabel_configs:
                      - source_labels: [__address__]
                        target_label: __param_target
                      - source_labels: [__param_target]
                        target_label: instance
                      - target_label: __address__
                        replacement: 127.0.0.1:%d
                """.formatted(interval, timeout, targets, exporterPort));
        Process exporter = new ProcessBuilder("prometheus-blackbox-exporter", "--config.file=/etc/prometheus/blackbox.yml",
                "--web.listen-address=127.0.0.1:" + exporterPort, "--log.level=error")
                .redirectErrorStream(true).redirectOutput(dir.resolve("exporter.log").toFile()).start();
        Ports.awaitListening(exporterPort, exporter, "blackbox_exporter");
        Process prometheus = new ProcessBuilder("prometheus", "--config.file=" + dir.resolve("prometheus.yml"),
                "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + prometheusPort,
                "--log.level=warn")
                .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
        Ports.awaitListening(prometheusPort, prometheus, "prometheus (see " + dir.resolve("prometheus.log") + ")");
        return new BlackboxPrometheus(exporter, prometheus);
    }

    double exporterCpuSeconds() {
        return ProcessCpu.seconds(exporter.pid());
    }

    double prometheusCpuSeconds() {
        return ProcessCpu.seconds(prometheus.pid());
    }

    static List<String> urls(LoopbackNginx nginx, int count) {
        return IntStream.range(0, count).mapToObj(nginx::url).toList();
    }

    @Override
    public void close() throws InterruptedException {
        prometheus.destroy();
        exporter.destroy();
        prometheus.waitFor(30, TimeUnit.SECONDS);
        exporter.waitFor(10, TimeUnit.SECONDS);
    }
}
