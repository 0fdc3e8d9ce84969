package org.remediation.console.probe;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;
import org.remediation.console.base.LiveEvents;
import org.remediation.console.bench.BenchConsole;
import org.remediation.console.criteria.CriterionDefinition;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Probe engine benchmark (not a test). Run with bench/probe-benchmark.sh; prints
 * (a) HTTP probes per CPU-second, this engine vs Prometheus blackbox_exporter, at the same concurrency;
 * (b) accuracy against a target with an injected 50 ms delay;
 * (c) 2,000 targets at a 10 s interval for 2 minutes through the whole console (its scheduler and
 * result pipeline: statistics, batched writer into the embedded H2 file database, metrics, live
 * events, criteria), start lateness and the console JVM's CPU;
 * (d), only on request ({@code -Dbench.parts=d}): the same targets through a bare {@link ProbeScheduler}
 * whose results are only counted, not stored — the trigger and the probes alone.
 */
public final class ProbeBenchmark {

    static final int CONCURRENCY = Integer.getInteger("bench.concurrency", 16);
    static final int PROBES = Integer.getInteger("bench.probes", 20_000);
    static final int KPIS = Integer.getInteger("bench.kpis", 20);

    private ProbeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int targetPort = Integer.parseInt(args[0]);
        int blackboxPort = Integer.parseInt(args[1]);
        long blackboxPid = Long.parseLong(args[2]);
        String ok = "http://127.0.0.1:" + targetPort + "/ok";
        System.out.printf("machine: %d CPUs, %s %s, Java %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name"), System.getProperty("os.arch"), System.getProperty("java.version"));

        String parts = System.getProperty("bench.parts", "abc");
        if (parts.contains("a")) {
            engineThroughput(ok, 2_000); // warm-up
            double ours = engineThroughput(ok, PROBES);
            double theirs = blackboxThroughput(ok, blackboxPort, blackboxPid, PROBES);
            System.out.printf("(a) HTTP probes per CPU-second at concurrency %d: engine %.0f, blackbox_exporter %.0f, ratio %.2fx%n",
                    CONCURRENCY, ours, theirs, ours / theirs);
        }
        if (parts.contains("b")) {
            accuracy("http://127.0.0.1:" + targetPort + "/delay50");
        }
        if (parts.contains("c")) {
            scheduleThroughConsole(ok, Integer.getInteger("bench.targets", 2000), Integer.getInteger("bench.seconds", 120));
        }
        if (parts.contains("d")) {
            scheduleCounted(ok, Integer.getInteger("bench.targets", 2000), Integer.getInteger("bench.seconds", 120));
        }
        System.exit(0);
    }

    static double processCpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    }

    static double cpuSecondsOf(long pid) throws IOException {
        String[] f = Files.readString(Path.of("/proc/" + pid + "/stat")).split("\\) ")[1].split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0; // utime + stime in clock ticks (USER_HZ 100)
    }

    static double engineThroughput(String url, int n) throws Exception {
        HttpProbe probe = new HttpProbe();
        AtomicLong left = new AtomicLong(n);
        AtomicLong failed = new AtomicLong();
        double cpu0 = processCpuSeconds();
        long t0 = System.nanoTime();
        try (ExecutorService ex = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int w = 0; w < CONCURRENCY; w++) {
                ex.submit(() -> {
                    while (left.getAndDecrement() > 0) {
                        ProbeResult r = probe.run(new ProbeRequest("bench", Map.of("url", url), Duration.ofSeconds(5),
                                ref -> "", Clock.systemUTC()));
                        if (r.outcome() != Outcome.UP) {
                            failed.incrementAndGet();
                        }
                    }
                });
            }
        }
        double cpu = processCpuSeconds() - cpu0;
        double wall = (System.nanoTime() - t0) / 1e9;
        if (n > 5000) {
            System.out.printf("    engine: %d probes in %.2f s wall, %.2f CPU-s, %d failed%n", n, wall, cpu, failed.get());
        }
        return n / cpu;
    }

    static double blackboxThroughput(String target, int port, long pid, int n) throws Exception {
        HttpClient client = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor()).build();
        URI uri = URI.create("http://127.0.0.1:" + port + "/probe?module=http_2xx&target=" + target);
        for (int i = 0; i < 500; i++) {
            client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
        }
        AtomicLong left = new AtomicLong(n);
        AtomicLong failed = new AtomicLong();
        double cpu0 = cpuSecondsOf(pid);
        long t0 = System.nanoTime();
        try (ExecutorService ex = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int w = 0; w < CONCURRENCY; w++) {
                ex.submit(() -> {
                    while (left.getAndDecrement() > 0) {
                        String body = client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()).body();
                        if (!body.contains("probe_success 1")) {
                            failed.incrementAndGet();
                        }
                    }
                    return null;
                });
            }
        }
        double cpu = cpuSecondsOf(pid) - cpu0;
        System.out.printf("    blackbox_exporter: %d probes in %.2f s wall, %.2f CPU-s (its process only), %d failed%n",
                n, (System.nanoTime() - t0) / 1e9, cpu, failed.get());
        return n / cpu;
    }

    static void accuracy(String url) {
        HttpProbe probe = new HttpProbe();
        Histogram errors = new Histogram(3);
        errors.setAutoResize(true);
        for (int i = 0; i < 50; i++) {
            probe.run(new ProbeRequest("acc", Map.of("url", url), Duration.ofSeconds(2), r -> "", Clock.systemUTC()));
        }
        double min = Double.MAX_VALUE;
        double max = 0;
        for (int i = 0; i < 1000; i++) {
            ProbeResult r = probe.run(new ProbeRequest("acc", Map.of("url", url), Duration.ofSeconds(2), x -> "", Clock.systemUTC()));
            double err = r.durationMs() - 50.0;
            min = Math.min(min, err);
            max = Math.max(max, err);
            errors.recordValue(Math.max(0, Math.round(err * 1000)));
        }
        System.out.printf("(b) accuracy vs injected 50 ms delay (measured total - 50 ms, 1000 probes): p50 %.3f ms, p99 %.3f ms, "
                + "min %.3f ms, max %.3f ms%n", errors.getValueAtPercentile(50) / 1000.0, errors.getValueAtPercentile(99) / 1000.0,
                min, max);
    }

    /**
     * (c): the console as it runs (production mode, embedded H2 file database, demo incident and its
     * demo targets), {@code count} HTTP targets created through the service, and {@code KPIS} KPIs on
     * some of them so results also drive criteria rounds. Measured after two intervals of warm-up.
     */
    static void scheduleThroughConsole(String url, int count, int seconds) throws Exception {
        try (ConfigurableApplicationContext ctx = BenchConsole.start(BenchConsole.fileDatabase(Files.createTempDirectory("probe-bench-db")))) {
            BenchConsole.httpTargets(ctx, "bench", count, url, Duration.ofSeconds(5));
            int kpis = Math.min(KPIS, count);
            List<CriterionDefinition> definitions = new ArrayList<>();
            for (int i = 0; i < kpis; i++) {
                String key = String.format("bench-%04d", i * (count / kpis));
                definitions.add(new CriterionDefinition("kpi-" + key, key + " p95", key + " p95 < 1000 ms over 15m"));
            }
            BenchConsole.addKpis(ctx, definitions);
            AtomicLong results = new AtomicLong();
            AtomicLong failures = new AtomicLong();
            AtomicReference<Instant[]> window = new AtomicReference<>();
            ctx.getBean(LiveEvents.class).subscribe(ProbeResultRecorded.class, e -> {
                Instant[] w = window.get();
                ProbeResult r = e.result();
                if (w != null && r.targetKey().startsWith("bench-") && !r.startedAt().isBefore(w[0]) && r.startedAt().isBefore(w[1])) {
                    results.incrementAndGet();
                    if (r.outcome().isFailure()) {
                        failures.incrementAndGet();
                    }
                }
            });
            ProbeScheduler scheduler = ctx.getBean(SchedulerLifecycle.class).scheduler();
            Thread.sleep(20_000); // two intervals: every target has run, the JIT has seen the paths
            Instant from = Instant.now();
            window.set(new Instant[] {from, from.plusSeconds(seconds)});
            Histogram late0 = scheduler.latenessMicros();
            long overlaps0 = scheduler.overlapsSkipped();
            double cpu0 = processCpuSeconds();
            long t0 = System.nanoTime();
            Thread.sleep(Duration.ofSeconds(seconds));
            double cpu = processCpuSeconds() - cpu0;
            double wall = (System.nanoTime() - t0) / 1e9;
            Histogram late = scheduler.latenessMicros();
            late.subtract(late0);
            // runs started before the end finish (timeout 5 s), then the writer's next flush stores them
            Duration flush = org.springframework.boot.convert.DurationStyle.detectAndParse(
                    ctx.getEnvironment().getProperty("console.probes.flush-interval", "1s"));
            Thread.sleep(Duration.ofSeconds(6).plus(flush));
            Long stored = ctx.getBean(JdbcTemplate.class).queryForObject(
                    "select count(*) from probe_result where target_key like 'bench-%' and started_at >= ? and started_at < ?",
                    Long.class, Timestamp.from(window.get()[0]), Timestamp.from(window.get()[1]));
            System.out.printf("(c) %d targets at 10 s for %d s through the console: its scheduler and result pipeline (statistics, "
                    + "batched writer into the embedded H2 file database, metrics, live events, criteria; %d KPIs on bench targets; "
                    + "the demo targets run too)%n", count, seconds, kpis);
            System.out.printf("    bench targets' results started in the window: %d recorded, %d failed, %d stored in the database; "
                    + "%d dropped by the writer; %d overlaps skipped%n", results.get(), failures.get(), stored,
                    ctx.getBean(ResultWriter.class).dropped(), scheduler.overlapsSkipped() - overlaps0);
            System.out.printf("    start lateness of all %d runs: p50 %.2f ms, p99 %.2f ms, max %.2f ms; CPU %.1f CPU-s = %.1f %% of "
                    + "one core (the whole console JVM, database included; target in another process)%n", late.getTotalCount(),
                    late.getValueAtPercentile(50) / 1000.0, late.getValueAtPercentile(99) / 1000.0, late.getMaxValue() / 1000.0,
                    cpu, 100 * cpu / wall);
        }
    }

    /** (d): trigger and probes only, through a bare scheduler whose sink counts results and stores nothing. */
    static void scheduleCounted(String url, int count, int seconds) throws Exception {
        ProbeRunner runner = new ProbeRunner(List.of(new HttpProbe()));
        Clock clock = Clock.systemUTC();
        AtomicLong results = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        ProbeScheduler scheduler = new ProbeScheduler(clock, executor, 256,
                (t, done) -> runner.run(t.kind(), new ProbeRequest(t.key(), t.settings(), t.timeout(), r -> "", clock), done),
                (t, r) -> {
                    results.incrementAndGet();
                    if (r.outcome().isFailure()) {
                        failures.incrementAndGet();
                    }
                });
        List<ProbeTarget> targets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            targets.add(new ProbeTarget("bench-" + i, "bench " + i, ProbeKind.HTTP, Map.of("url", url),
                    Duration.ofSeconds(10), Duration.ofSeconds(5), true, "bench", null, 0));
        }
        targets.forEach(scheduler::upsert);
        double cpu0 = processCpuSeconds();
        long t0 = System.nanoTime();
        long end = t0 + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            scheduler.tick();
            Duration wait = scheduler.untilNextDue();
            long nanos = wait == null ? 10_000_000 : Math.max(200_000, Math.min(10_000_000, wait.toNanos()));
            Thread.sleep(Duration.ofNanos(nanos));
        }
        double cpu = processCpuSeconds() - cpu0;
        double wall = (System.nanoTime() - t0) / 1e9;
        Histogram late = scheduler.latenessMicros();
        System.out.printf("(d) %d targets at 10 s for %d s, trigger + probes only (results counted, not stored; no statistics, "
                + "writer or criteria): %d runs, %d failed, %d overlaps skipped; start lateness p50 %.2f ms, p99 %.2f ms, "
                + "max %.2f ms; CPU %.1f CPU-s = %.1f %% of one core (target in another process)%n", count, seconds,
                results.get(), failures.get(), scheduler.overlapsSkipped(),
                late.getValueAtPercentile(50) / 1000.0, late.getValueAtPercentile(99) / 1000.0, late.getMaxValue() / 1000.0,
                cpu, 100 * cpu / wall);
        executor.shutdownNow();
    }
}
