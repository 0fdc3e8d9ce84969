package org.remediation.console.probe;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.remediation.console.bench.BenchConsole;
import org.remediation.console.bench.BoardSessions;
import org.remediation.console.bench.HeapAfterGc;
import org.remediation.console.bench.PushFeed;
import org.remediation.console.bench.PushLatency;
import org.remediation.console.bench.SoakTrickle;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.remediation.console.base.LiveEvents;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Soak (issue 8): a bounded run of the whole console with {@code targets} HTTP probe targets (10 s
 * interval) against a loopback server, {@code sessions} live board sessions in headless Chromium
 * ({@link BoardSessions}), and a steady trickle of checklist ticks and sandbox actions through the
 * services ({@link SoakTrickle}). Every {@code sample} it records errors (failed probe results of the
 * soak targets, ERROR log lines, failed ticks or actions, board updates a browser never showed; goal
 * 0), the heap used right after an explicit full GC at each sample ({@link HeapAfterGc}; goal:
 * flat; its pause falls into the next sample's lateness and push figures), probe start lateness
 * (due → start) and push latency (probe result finished → the browsers' DOM showing it,
 * {@link PushFeed}), and writes a Markdown report.
 *
 * <p>Usage: {@code java -cp target/classes:target/test-classes:$(cat target/cp.txt) org.remediation.console.probe.SoakRun
 * [duration=PT30M] [targets=1000] [report=target/soak-report.md] [sessions=50] [memory-window=PT10M]}
 * The probe engine keeps {@code memory-window} of history in memory (production default 60 min); the
 * soak uses 10 min so the history is full after a third of the default run and the rest shows
 * whether anything else grows.
 */
public final class SoakRun {


    private SoakRun() {
    }

    public static void main(String[] args) throws Exception {
        Duration duration = Duration.parse(args.length > 0 ? args[0] : "PT30M");
        int targetCount = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        Path reportFile = Path.of(args.length > 2 ? args[2] : "target/soak-report.md");
        int sessionCount = args.length > 3 ? Integer.parseInt(args[3]) : 50;
        // The in-memory probe history fills for one memory window; shorter than the run, the heap
        // must then be flat, so growth after it is a leak and not history filling up.
        Duration memoryWindow = Duration.parse(args.length > 4 ? args[4] : "PT10M");
        Duration sample = duration.compareTo(Duration.ofMinutes(10)) < 0 ? Duration.ofSeconds(15) : Duration.ofMinutes(1);

        AtomicLong errorLogs = new AtomicLong();
        LoggerContext logs = (LoggerContext) LoggerFactory.getILoggerFactory();
        AppenderBase<ILoggingEvent> counter = new AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent e) {
                if (e.getLevel().isGreaterOrEqual(Level.ERROR)) {
                    errorLogs.incrementAndGet();
                }
            }
        };
        HttpServer http = HttpServer.create(new InetSocketAddress(Loopback.LOCAL, 0), 200);
        http.setExecutor(Executors.newFixedThreadPool(4));
        http.createContext("/health", ex -> {
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        http.start();
        List<String> rows = new ArrayList<>();
        try (PushFeed feed = PushFeed.start();
             // the embedded default's file database: an in-memory one would grow the heap with every stored result
             ConfigurableApplicationContext ctx = BenchConsole.start(BenchConsole.fileDatabase(Files.createTempDirectory("soak-db")),
                     "--console.probes.memory-window=" + memoryWindow)) {
            counter.setContext(logs);
            counter.start();
            logs.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(counter);
            BenchConsole.httpTargets(ctx, "soak", targetCount, "http://127.0.0.1:" + http.getAddress().getPort() + "/health");
            String incident = feed.install(ctx, Duration.ofSeconds(2));
            int port = ((WebServerApplicationContext) ctx).getWebServer().getPort();
            AtomicLong results = new AtomicLong();
            AtomicLong failed = new AtomicLong();
            ctx.getBean(LiveEvents.class).subscribe(ProbeResultRecorded.class, e -> {
                if (e.result().targetKey().startsWith("soak-")) {
                    results.incrementAndGet();
                    if (e.result().outcome() != Outcome.UP) {
                        failed.incrementAndGet();
                    }
                }
            });
            long opening = System.nanoTime();
            try (BoardSessions sessions = BoardSessions.open(port, sessionCount, BenchConsole.PASSWORD, "/", PushFeed.TILE_ID);
                 SoakTrickle trickle = new SoakTrickle(ctx, incident, 10, 120)) {
                System.out.printf("%d board sessions open after %.0f s; soak starts%n", sessions.size(), (System.nanoTime() - opening) / 1e9);
                PushLatency push = new PushLatency(10_000);
                sessions.drain();
                feed.measure(push, sessionCount);
                ProbeScheduler scheduler = ctx.getBean(SchedulerLifecycle.class).scheduler();
                Histogram lastLateness = scheduler.latenessMicros();
                Instant start = Instant.now();
                Instant end = start.plus(duration);
                rows.add("| t | soak results | failed results | ERROR logs | heap after full GC (MiB) | full GC (ms) | lateness p50 / p99 / max (ms) "
                        + "| push → DOM p50 / p95 / max (ms) | DOM updates seen / missed | ticks | actions ok | trickle errors |");
                rows.add("|---|---|---|---|---|---|---|---|---|---|---|---|");
                long lastResults = 0;
                while (Instant.now().isBefore(end)) {
                    Thread.sleep(Math.min(sample.toMillis(), Math.max(1, Duration.between(Instant.now(), end).toMillis())));
                    Histogram lateness = scheduler.latenessMicros();
                    Histogram interval = lateness.copy();
                    interval.subtract(lastLateness);
                    lastLateness = lateness;
                    push.collect(sessions.drain(), System.currentTimeMillis());
                    Histogram dom = push.takeInterval();
                    long n = results.get();
                    long gc = System.nanoTime();
                    double heap = HeapAfterGc.used(1) / 1048576.0;
                    double gcMs = (System.nanoTime() - gc) / 1e6;
                    String row = String.format("| %s | %d | %d | %d | %.0f | %.0f | %s | %s | %d / %d | %d | %d / %d | %d |",
                            Duration.between(start, Instant.now()).withNanos(0).toString().substring(2).toLowerCase(),
                            n - lastResults, failed.get(), errorLogs.get(), heap, gcMs, ms(interval), PushLatency.ms(dom),
                            dom.getTotalCount(), push.missed(), trickle.ticks(), trickle.succeeded(), trickle.actions(), trickle.errors());
                    lastResults = n;
                    rows.add(row);
                    System.out.println(row);
                }
                feed.measure(null, sessionCount);
                long broken = sessions.broken();
                String report = "# Soak report\n\n" + String.format("Run %s, %s, embedded H2 file database, %d HTTP targets every 10 s against a loopback server, "
                                + "%d board sessions in headless Chromium, a checklist tick every 10 s and a sandbox action every 2 min, "
                                + "probe history kept in memory for %s, %d cores, load at end %s. Heap: used right after one explicit "
                                + "full GC (System.gc()) at each sample; that GC's pause (its column) falls into the next sample's "
                                + "lateness and push figures.%n%n", start, duration, targetCount,
                        sessionCount, memoryWindow,
                        Runtime.getRuntime().availableProcessors(), Files.readString(Path.of("/proc/loadavg")).trim())
                        + String.join("\n", rows) + "\n\n"
                        + String.format("Totals: %d soak results, %d failed, %d ERROR log lines; %d feed results shown in %d sessions, "
                                        + "%d board updates missed, %d sessions broken at the end; %d ticks, %d of %d sandbox actions "
                                        + "succeeded (the last one still running at the end), %d trickle errors%s.%n",
                                results.get(), failed.get(), errorLogs.get(), push.results(), sessionCount, push.missed(), broken,
                                trickle.ticks(), trickle.succeeded(), trickle.actions(), trickle.errors(),
                                trickle.errors() == 0 ? "" : " (last: " + trickle.lastError() + ")");
                Files.createDirectories(reportFile.toAbsolutePath().getParent());
                Files.writeString(reportFile, report);
                System.out.println("Report written to " + reportFile);
            }
        } catch (Throwable t) {
            t.printStackTrace(); // System.exit in finally would otherwise swallow it
            System.exit(1);
        } finally {
            http.stop(0);
            System.exit(0);
        }
    }

    private static String ms(Histogram h) {
        if (h.getTotalCount() == 0) {
            return "–";
        }
        return String.format("%.1f / %.1f / %.1f", h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(99) / 1000.0,
                h.getMaxValue() / 1000.0);
    }
}
