package org.remediation.console.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.HdrHistogram.Histogram;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Push fan-out (issue 8: probe result → DOM p95 ≤ 250 ms over 50 sessions; heap per idle session ≤
 * 1 MiB). Starts the whole console in this JVM (embedded default, demo incident, probe scheduler
 * on), adds the {@link PushFeed} target and KPI, measures the heap after full GCs, opens
 * {@code sessions} real headless Chromium sessions on the board, measures the heap again once they
 * are idle, then for {@code seconds} times each probe result of the feed (probe finished) until
 * each browser's DOM showed the new value (MutationObserver, same machine clock).
 *
 * <p>Usage: {@code java -cp target/classes:target/test-classes:$(cat target/cp.txt) org.remediation.console.bench.PushFanOutBenchmark [sessions=50] [seconds=120] [interval=PT2S]}
 */
public final class PushFanOutBenchmark {


    private PushFanOutBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 120;
        Duration interval = Duration.parse(args.length > 2 ? args[2] : "PT2S");
        try (PushFeed feed = PushFeed.start();
             ConfigurableApplicationContext ctx = BenchConsole.start(BenchConsole.memoryDatabase("fanout"))) {
            int port = ((WebServerApplicationContext) ctx).getWebServer().getPort();
            feed.install(ctx, interval);
            Thread.sleep(5_000); // demo targets and the feed get their first results
            long before = HeapAfterGc.used(3);
            var histogramBefore = HeapHistogram.take();
            long openStart = System.nanoTime();
            try (BoardSessions sessions = BoardSessions.open(port, n, BenchConsole.PASSWORD, "/", PushFeed.TILE_ID)) {
                long openMs = (System.nanoTime() - openStart) / 1_000_000;
                Thread.sleep(10_000);
                long after = HeapAfterGc.used(3);
                System.out.printf("Push fan-out: %d board sessions (own Chromium each) opened in %.1f s, %d cores, load %s%n",
                        sessions.size(), openMs / 1000.0, Runtime.getRuntime().availableProcessors(),
                        Files.readString(Path.of("/proc/loadavg")).trim());
                System.out.printf("  heap per idle board session: %.2f MiB (%d → %d MiB used after full GC; goal ≤ 1 MiB)%n",
                        (after - before) / 1048576.0 / n, before >> 20, after >> 20);
                System.out.println("  largest growth by class:");
                HeapHistogram.printGrowth(histogramBefore, HeapHistogram.take(), 15, n);

                PushLatency latency = new PushLatency(10_000);
                sessions.drain();
                feed.measure(latency, n);
                double jvmCpu = ProcessCpu.jvmSeconds();
                double chromiumCpu = ProcessCpu.chromiumSeconds();
                long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
                while (System.nanoTime() < end) {
                    Thread.sleep(5_000);
                    latency.collect(sessions.drain(), System.currentTimeMillis());
                }
                feed.measure(null, n);
                System.out.printf("  CPU over the %d s: console JVM %.1f s, Chromium processes %.1f s (of %d s available)%n", seconds,
                        ProcessCpu.jvmSeconds() - jvmCpu, ProcessCpu.chromiumSeconds() - chromiumCpu,
                        seconds * Runtime.getRuntime().availableProcessors());
                Thread.sleep(10_500);
                latency.collect(sessions.drain(), System.currentTimeMillis() + 1);
                Histogram h = latency.takeInterval();
                System.out.printf("  probe result → DOM: %d results × %d sessions = %d updates seen, %d missed, %d sessions broken%n",
                        latency.results(), n, h.getTotalCount(), latency.missed(), sessions.broken());
                System.out.printf("  latency: median %.0f ms, p95 %.0f ms, p99 %.0f ms, max %.0f ms (goal p95 ≤ 250 ms)%n",
                        h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(95) / 1000.0,
                        h.getValueAtPercentile(99) / 1000.0, h.getMaxValue() / 1000.0);
            }
        } catch (Throwable t) {
            t.printStackTrace(); // System.exit in finally would otherwise swallow it
            System.exit(1);
        } finally {
            System.exit(0);
        }
    }
}
