package org.remediation.console.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cost per probe, deployment against deployment (issue 14): the console jar as a user runs it
 * against Debian's blackbox_exporter scraped by Debian's Prometheus, at the same HTTP targets and
 * rate, probes counted where they arrive (the access log of one nginx on loopback) and CPU as each
 * process's own utime + stime over the same window. On the PostgreSQL profile the database server's
 * CPU is counted on the console's side. The probed nginx is billed to nobody. Also prints the raw
 * limit of the machine: ApacheBench, a C client opening a new connection per request, against the
 * same nginx.
 *
 * <p>Needs Debian's nginx, prometheus, prometheus-blackbox-exporter and apache2-utils, the jar
 * ({@code ./mvnw -DskipTests package}) and the test classpath (docs/benchmarks.md). Arguments:
 * {@code [jar=target/console.jar] [targets=400] [seconds=60] [warmup=150] [runs=2] [deployments=h2,postgres,blackbox]};
 * {@code bench/deployment-benchmark.sh} builds and runs it.
 */
public final class DeploymentBenchmark {

    private static final String INTERVAL = "1s";
    private static final String TIMEOUT = "900ms";

    private DeploymentBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(arg(args, 0, "target/console.jar")).toAbsolutePath();
        int targets = Integer.parseInt(arg(args, 1, "400"));
        int seconds = Integer.parseInt(arg(args, 2, "60"));
        int warmup = Integer.parseInt(arg(args, 3, "150"));
        int runs = Integer.parseInt(arg(args, 4, "2"));
        List<String> deployments = Arrays.asList(arg(args, 5, "h2,postgres,blackbox").split(","));
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build it with ./mvnw -DskipTests package");
        }
        Path work = Files.createTempDirectory("deployment-bench");
        System.out.printf("Deployment benchmark: %d HTTP targets every %s (timeout %s), %d s measured after %d s warm-up, "
                        + "%d run(s) each; %d cores, Java %s; load average %s; work dir %s%n", targets, INTERVAL, TIMEOUT,
                seconds, warmup, runs, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                load(), work);
        Map<String, List<Window>> results = new LinkedHashMap<>();
        try (LoopbackNginx nginx = LoopbackNginx.start(work.resolve("nginx"), Ports.free())) {
            List<String> urls = BlackboxPrometheus.urls(nginx, targets);
            double[] raw = new double[3];
            for (int i = 0; i < raw.length; i++) {
                raw[i] = RawLimit.requestsPerCpuSecond(nginx.url(0), 50_000);
            }
            System.out.printf("raw limit (ab, new connection per request, concurrency 16, 3 × 50,000): median %,.0f requests "
                    + "per CPU-s of the client (%s)%n", median(raw), Arrays.toString(raw));
            for (String d : deployments) {
                for (int run = 1; run <= runs; run++) {
                    Path dir = work.resolve(d + "-" + run);
                    Window w = switch (d) {
                        case "h2" -> console(dir, jar, ConsoleJar.Store.H2_FILE, urls, nginx, warmup, seconds);
                        case "postgres" -> console(dir, jar, ConsoleJar.Store.POSTGRES, urls, nginx, warmup, seconds);
                        case "blackbox" -> blackbox(dir, urls, nginx, warmup, seconds);
                        default -> throw new IllegalArgumentException("unknown deployment " + d + " (h2, postgres, blackbox)");
                    };
                    System.out.printf("%-9s run %d: %s%n", d, run, w);
                    results.computeIfAbsent(d, k -> new ArrayList<>()).add(w);
                }
            }
        }
        summary(results, targets);
        System.out.printf("load average after: %s%n", load());
    }

    private static Window console(Path dir, Path jar, ConsoleJar.Store store, List<String> urls, LoopbackNginx nginx,
                                  int warmup, int seconds) throws Exception {
        try (ConsoleJar console = ConsoleJar.start(dir, jar, store, urls, INTERVAL, TIMEOUT)) {
            Thread.sleep(warmup * 1000L);
            long served = nginx.served();
            double cpu = console.cpuSeconds();
            double db = console.databaseCpuSeconds();
            Map<String, Double> threads = console.threadSeconds();
            long t0 = System.nanoTime();
            Thread.sleep(seconds * 1000L);
            printThreads(threads, console.threadSeconds());
            return new Window(nginx.served() - served, (System.nanoTime() - t0) / 1e9,
                    Map.of("console", console.cpuSeconds() - cpu, "postgres", console.databaseCpuSeconds() - db));
        }
    }

    /** Where the console's CPU went over the window, by thread group (JIT and GC threads included, unlike a profiler's samples). */
    private static void printThreads(Map<String, Double> before, Map<String, Double> after) {
        StringBuilder line = new StringBuilder("  console CPU by thread:");
        after.entrySet().stream().map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0.0)))
                .filter(e -> e.getValue() >= 0.05).sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> line.append(String.format(" %s %.2f s;", e.getKey().strip(), e.getValue())));
        System.out.println(line);
    }

    private static Window blackbox(Path dir, List<String> urls, LoopbackNginx nginx, int warmup, int seconds) throws Exception {
        try (BlackboxPrometheus bb = BlackboxPrometheus.start(dir, urls, INTERVAL, TIMEOUT)) {
            Thread.sleep(warmup * 1000L);
            long served = nginx.served();
            double exporter = bb.exporterCpuSeconds();
            double prometheus = bb.prometheusCpuSeconds();
            long t0 = System.nanoTime();
            Thread.sleep(seconds * 1000L);
            return new Window(nginx.served() - served, (System.nanoTime() - t0) / 1e9,
                    Map.of("exporter", bb.exporterCpuSeconds() - exporter, "prometheus", bb.prometheusCpuSeconds() - prometheus));
        }
    }

    private static void summary(Map<String, List<Window>> results, int targets) {
        System.out.printf("%nSummary (median of runs; probes counted at nginx, CPU of the deployment's own processes):%n");
        double console = Double.NaN;
        double consolePg = Double.NaN;
        double exporter = Double.NaN;
        double pair = Double.NaN;
        for (var e : results.entrySet()) {
            List<Window> ws = e.getValue();
            double probesPerSecond = median(ws.stream().mapToDouble(Window::rate).toArray());
            switch (e.getKey()) {
                case "h2" -> console = median(ws.stream().mapToDouble(Window::perCpuSecond).toArray());
                case "postgres" -> consolePg = median(ws.stream().mapToDouble(Window::perCpuSecond).toArray());
                default -> {
                    exporter = median(ws.stream().mapToDouble(w -> w.probes / w.cpu.get("exporter")).toArray());
                    pair = median(ws.stream().mapToDouble(Window::perCpuSecond).toArray());
                }
            }
            System.out.printf("  %-9s %,.0f probes/s arrived (of %d/s scheduled)%n", e.getKey(), probesPerSecond, targets);
        }
        System.out.printf("  console, embedded H2        %,8.0f probes/CPU-s%n", console);
        System.out.printf("  console + PostgreSQL server %,8.0f probes/CPU-s%n", consolePg);
        System.out.printf("  blackbox_exporter alone     %,8.0f probes/CPU-s%n", exporter);
        System.out.printf("  blackbox_exporter + Prometheus %,5.0f probes/CPU-s%n", pair);
        System.out.printf("  ratio vs exporter + Prometheus: H2 %.2f×, PostgreSQL %.2f× (goal ≥ 4×); vs the exporter alone: H2 %.2f×, "
                + "PostgreSQL %.2f×%n", console / pair, consolePg / pair, console / exporter, consolePg / exporter);
    }

    /** Probes that arrived at nginx in the window, its length, and CPU-seconds per process of the deployment. */
    record Window(long probes, double seconds, Map<String, Double> cpu) {
        double totalCpu() {
            return cpu.values().stream().mapToDouble(Double::doubleValue).sum();
        }

        double rate() {
            return probes / seconds;
        }

        double perCpuSecond() {
            return probes / totalCpu();
        }

        @Override
        public String toString() {
            StringBuilder s = new StringBuilder(String.format("%,d probes at nginx in %.1f s (%,.0f/s); CPU", probes, seconds, rate()));
            cpu.entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(c -> s.append(String.format(" %s %.2f s", c.getKey(), c.getValue())));
            return s.append(String.format(" → %,.0f probes/CPU-s", perCpuSecond())).toString();
        }
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length == 0 ? Double.NaN : s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static String arg(String[] args, int i, String dflt) {
        return args.length > i && !args[i].isBlank() ? args[i] : dflt;
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "?";
        }
    }
}
