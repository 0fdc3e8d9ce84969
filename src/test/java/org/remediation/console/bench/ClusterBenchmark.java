package org.remediation.console.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Several consoles on one PostgreSQL (issue 20): N console jars ({@code SPRING_PROFILES_ACTIVE=postgres,cluster},
 * bounded heaps) share HTTP targets on a loopback nginx, after ONE console carried the same targets in the
 * same configuration with {@code console.cluster.enabled=false}. Prints, per node: start lateness (from the
 * stored starts, see {@link StoredRuns}), runs per target per interval, CPU and CPU per probe; the cross-node
 * live delay the nodes recorded ({@code console.cluster.live.delay}) and an end-to-end one (an import through
 * the API on one node to the NOTIFY every node hears); the takeover after kill -9 of one node (from the kill
 * to the first stored start of each of its targets).
 *
 * <p>Needs Debian's nginx, PostgreSQL on 127.0.0.1:5432 (user postgres, no password), the jar and the test
 * classpath (docs/benchmarks.md, "Cluster"). Arguments:
 * {@code [jar=target/console.jar] [targets=10000] [warmup=60] [window=120] [nodes=3] [xmx=3g] [phases=single,cluster]}.
 */
public final class ClusterBenchmark {

    static final String INTERVAL = "10s";
    static final long PERIOD_MS = 10_000;
    static final String TIMEOUT = "5s";
    /** console.cluster.partitions (its default). */
    static final int PARTITIONS = 64;

    private ClusterBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(arg(args, 0, "target/console.jar")).toAbsolutePath();
        int targets = Integer.parseInt(arg(args, 1, "10000"));
        int warmup = Integer.parseInt(arg(args, 2, "60"));
        int window = Integer.parseInt(arg(args, 3, "120"));
        int nodes = Integer.parseInt(arg(args, 4, "3"));
        String xmx = arg(args, 5, "3g");
        List<String> phases = List.of(arg(args, 6, "single,cluster").split(","));
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build it with ./mvnw -DskipTests package");
        }
        Path work = Files.createTempDirectory("cluster-bench");
        long started = System.nanoTime();
        System.out.printf("Cluster benchmark: %,d HTTP targets every %s (timeout %s), %d s warm-up, %d s measured, %d node(s), "
                        + "-Xmx%s each; %d cores, Java %s; load average %s; work dir %s%n", targets, INTERVAL, TIMEOUT, warmup,
                window, nodes, xmx, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), load(), work);
        Map<String, Window> results = new LinkedHashMap<>();
        try (LoopbackNginx nginx = LoopbackNginx.start(work.resolve("nginx"), Ports.free())) {
            List<String> urls = IntStream.range(0, targets).mapToObj(nginx::url).toList();
            List<String> keys = IntStream.range(0, targets).mapToObj(i -> String.format("bench-%04d", i)).toList();
            Setup setup = new Setup(jar, work, urls, keys, nginx, warmup, window, xmx);
            for (String phase : phases) {
                switch (phase) {
                    case "single" -> results.put("single", single(setup));
                    case "cluster" -> results.putAll(cluster(setup, nodes));
                    default -> throw new IllegalArgumentException("unknown phase " + phase + " (single, cluster)");
                }
            }
        }
        summary(results);
        System.out.printf("load average after: %s; whole run %.0f s%n", load(), (System.nanoTime() - started) / 1e9);
    }

    record Setup(Path jar, Path work, List<String> urls, List<String> keys, LoopbackNginx nginx, int warmup, int window,
                 String xmx) {
    }

    /** One node's figures over the measured window. */
    record Window(String node, int targets, long probes, double seconds, double cpu, double latenessP50, double latenessP99,
                  double latenessMax, StoredRuns.Slots slots) {
        double cpuMsPerProbe() {
            return cpu * 1000 / probes;
        }

        @Override
        public String toString() {
            return String.format("%-8s %,6d targets, %,7d runs stored in %.0f s (%,.0f/s); start lateness p50 %.0f ms, p99 %.0f ms, "
                            + "max %.0f ms; CPU %.1f s (%.0f %% of a core) = %.3f ms per probe; %s", node, targets, probes,
                    seconds, probes / seconds, latenessP50, latenessP99, latenessMax, cpu, 100 * cpu / seconds, cpuMsPerProbe(), slots);
        }
    }

    private static Window single(Setup s) throws Exception {
        String db = "console_cluster_bench_" + System.currentTimeMillis();
        String url = ConsoleJar.createDatabase(db);
        try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
            c.setAutoCommit(false);
            ConsoleJar.setUpTargets(url, s.urls(), INTERVAL, TIMEOUT);
            System.out.printf("%nOne node (console.cluster.enabled=false), database %s%n", db);
            try (ConsoleNode node = ConsoleNode.launch(s.work().resolve("single"), s.jar(), url, "single", false, s.xmx())) {
                node.awaitReady();
                Map<String, Window> w = measure(s, List.of(node), c, key -> "single");
                w.values().forEach(System.out::println);
                return w.get("single");
            }
        } finally {
            ConsoleJar.dropDatabase(db);
        }
    }

    private static Map<String, Window> cluster(Setup s, int count) throws Exception {
        String db = "console_cluster_bench_" + System.currentTimeMillis();
        String url = ConsoleJar.createDatabase(db);
        List<ConsoleNode> nodes = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
            c.setAutoCommit(false);
            String token = ConsoleJar.setUpTargets(url, s.urls(), INTERVAL, TIMEOUT);
            System.out.printf("%n%d nodes (SPRING_PROFILES_ACTIVE=postgres,cluster), database %s%n", count, db);
            for (int i = 0; i < count; i++) {
                String id = "node-" + (char) ('a' + i);
                nodes.add(ConsoleNode.launch(s.work().resolve(id), s.jar(), url, id, true, s.xmx()));
            }
            for (ConsoleNode n : nodes) {
                n.awaitReady();
            }
            Map<Integer, String> owners = StoredRuns.partitionOwners(c);
            System.out.printf("leader %s; partitions held: %s%n", StoredRuns.leader(c), owners.values().stream()
                    .collect(Collectors.groupingBy(o -> o, java.util.TreeMap::new, Collectors.counting())));
            Map<String, Window> w = measure(s, nodes, c, key -> owners.get(StoredRuns.partition(key, PARTITIONS)));
            w.values().forEach(System.out::println);
            Map<Integer, String> after = StoredRuns.partitionOwners(c);
            if (!after.equals(owners)) {
                System.out.println("  WARNING: partition owners changed during the window; runs are attributed by the owners at its start");
            }
            Map<String, double[]> live0 = LiveDelay.snapshot(nodes);
            long e0 = System.nanoTime();
            LiveDelay.endToEnd(nodes.getFirst(), url, token, s.nginx(), 20);
            LiveDelay.WINDOW_SECONDS.set((System.nanoTime() - e0) / 1e9);
            LiveDelay.report(nodes, live0, LiveDelay.snapshot(nodes));
            Takeover.run(c, nodes.getLast(), s.keys(), PERIOD_MS, PARTITIONS);
            return w;
        } finally {
            for (ConsoleNode n : nodes) {
                n.close();
            }
            ConsoleJar.dropDatabase(db);
        }
    }

    /** Warm-up, then the window: CPU per node from /proc, runs and lateness from the stored results. */
    private static Map<String, Window> measure(Setup s, List<ConsoleNode> nodes, Connection c,
                                               java.util.function.Function<String, String> ownerOf) throws Exception {
        Thread.sleep(s.warmup() * 1000L);
        Map<String, Double> cpu0 = new HashMap<>();
        nodes.forEach(n -> cpu0.put(n.id, n.cpuSeconds()));
        double pg0 = ProcessCpu.commandSeconds("postgres");
        long served0 = s.nginx().served();
        boolean clustered = nodes.size() > 1;
        ResultDelay results = clustered ? new ResultDelay(c.getMetaData().getURL()) : null;
        Map<Long, Double> backends0 = backends(c);
        Map<String, double[]> gc0 = new HashMap<>();
        nodes.forEach(n -> gc0.put(n.id, n.fullGcs()));
        Instant t0 = Instant.now();
        long n0 = System.nanoTime();
        System.out.printf("window from %s, load average %s%n", t0, load());
        Thread.sleep(s.window() * 1000L);
        Map<String, Double> cpu = new HashMap<>();
        nodes.forEach(n -> cpu.put(n.id, n.cpuSeconds() - cpu0.get(n.id)));
        double pg = ProcessCpu.commandSeconds("postgres") - pg0;
        double seconds = (System.nanoTime() - n0) / 1e9;
        Map<Long, Double> backends1 = backends(c);
        double db = backends1.entrySet().stream().filter(e -> backends0.containsKey(e.getKey()))
                .mapToDouble(e -> e.getValue() - backends0.get(e.getKey())).sum();
        System.out.printf("  PostgreSQL backends of this database (%d): %.1f CPU-s (%.0f %% of a core)%n", backends1.size(), db,
                100 * db / seconds);
        if (results != null) {
            System.out.println("  " + results.report(seconds));
            results.close();
        }
        for (ConsoleNode n : nodes) {
            double[] a = gc0.get(n.id);
            double[] b = n.fullGcs();
            System.out.printf("  %s: %.0f full GC pauses in the window, %.0f ms together%n", n.id, b[0] - a[0], b[1] - a[1]);
        }
        Instant t1 = Instant.now();
        long served = s.nginx().served() - served0;
        System.out.printf("window to %s, load average %s; nginx served %,d requests (%,.0f/s); all postgres processes %.1f CPU-s "
                + "(%.0f %% of a core; every database on the machine)%n", t1, load(), served, served / seconds, pg, 100 * pg / seconds);
        Thread.sleep(1_000); // results flushed after the window's end
        List<StoredRuns.Run> runs = StoredRuns.read(c, t0, t1);
        Map<String, List<String>> keysOf = s.keys().stream().collect(Collectors.groupingBy(k -> String.valueOf(ownerOf.apply(k))));
        Map<String, List<StoredRuns.Run>> runsOf = runs.stream().collect(Collectors.groupingBy(r -> String.valueOf(ownerOf.apply(r.key()))));
        StoredRuns.Slots all = StoredRuns.slots(runs, s.keys(), PERIOD_MS, t0.toEpochMilli(), t1.toEpochMilli());
        System.out.printf("all nodes: %,d runs stored; %s%n", runs.size(), all);
        Map<String, Window> out = new LinkedHashMap<>();
        for (ConsoleNode n : nodes) {
            List<StoredRuns.Run> mine = runsOf.getOrDefault(n.id, List.of());
            List<String> keys = keysOf.getOrDefault(n.id, List.of());
            double[] late = StoredRuns.sorted(mine.stream().map(r -> StoredRuns.latenessMs(r, PERIOD_MS)).toList());
            lateRuns(n.id, mine, t0);
            out.put(n.id, new Window(n.id, keys.size(), mine.size(), seconds, cpu.get(n.id), StoredRuns.quantile(late, 0.5),
                    StoredRuns.quantile(late, 0.99), late.length == 0 ? Double.NaN : late[late.length - 1],
                    StoredRuns.slots(mine, keys, PERIOD_MS, t0.toEpochMilli(), t1.toEpochMilli())));
        }
        if (keysOf.containsKey("null")) {
            System.out.printf("  %,d targets in partitions nobody held at the window's start%n", keysOf.get("null").size());
        }
        return out;
    }

    /** Runs that started over a second late, by the second of the window they were due in: stalls show as runs. */
    private static void lateRuns(String node, List<StoredRuns.Run> runs, Instant t0) {
        Map<Long, Long> bySecond = new java.util.TreeMap<>();
        for (StoredRuns.Run r : runs) {
            double late = StoredRuns.latenessMs(r, PERIOD_MS);
            if (late > 1_000) {
                bySecond.merge((r.startedMs() - (long) late - t0.toEpochMilli()) / 1000, 1L, Long::sum);
            }
        }
        if (!bySecond.isEmpty()) {
            System.out.printf("  %s: %,d runs started over 1 s late; due in window second (count): %s%n", node,
                    bySecond.values().stream().mapToLong(Long::longValue).sum(), bySecond);
        }
    }

    /** CPU-seconds so far of each backend process serving this database (pg_stat_activity). */
    private static Map<Long, Double> backends(Connection c) throws java.sql.SQLException {
        Map<Long, Double> cpu = new HashMap<>();
        try (var st = c.createStatement(); var rs = st.executeQuery(
                "select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()")) {
            while (rs.next()) {
                cpu.put(rs.getLong(1), ProcessCpu.seconds(rs.getLong(1)));
            }
        }
        c.commit();
        return cpu;
    }

    private static void summary(Map<String, Window> results) {
        Window single = results.get("single");
        System.out.printf("%nSummary%n");
        double total = 0;
        long probes = 0;
        for (Window w : results.values()) {
            System.out.println("  " + w);
            if (!w.node().equals("single")) {
                total += w.cpu();
                probes += w.probes();
            }
        }
        if (single != null && probes > 0) {
            double cluster = total * 1000 / probes;
            System.out.printf("  CPU per probe: one node %.3f ms; cluster nodes together %.3f ms (%.2f× one node's)%n",
                    single.cpuMsPerProbe(), cluster, cluster / single.cpuMsPerProbe());
        }
    }

    static String arg(String[] args, int i, String dflt) {
        return args.length > i && !args[i].isBlank() ? args[i] : dflt;
    }

    static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "?";
        }
    }
}
