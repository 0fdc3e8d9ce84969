package org.remediation.console.criteria;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * Benchmark, not a test: 1,000 criteria whose texts are all distinct, evaluated by the production
 * statistics adapter ({@code ProbeEngineMeasurements} over the real {@code ProbeStatistics}) of a
 * console started on H2 (file) and, when reachable, PostgreSQL. The database holds 2 h of raw
 * 10-second results and a day of per-minute rollups of 50 targets; the measuring console is started
 * after the one that wrote them, so it warms its memory from the database (a restart). Rounds are
 * one second apart on the console's clock (minutes pass), one {@link RoundCache} per round as the
 * criteria engine makes; the benchmark prints the time per round, the database queries, and how many
 * distinct (target, measurement, window) reads a round needs, i.e. what the round cache can answer.
 *
 * <p>Usage (classpath: docs/benchmarks.md): {@code java -cp … org.remediation.console.criteria.CriteriaBenchmark
 * [rounds=180] [warmup=30] [databases=h2,postgres]}
 */
public final class CriteriaBenchmark {

    static final Instant STORED_NOW = Instant.parse("2026-11-25T12:00:30Z");
    static final int TARGETS = 50;
    static final int CRITERIA = 1000;

    private CriteriaBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 180;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        List<String> databases = List.of((args.length > 2 ? args[2] : "h2,postgres").split(","));
        List<String> texts = distinctCriteria(CRITERIA, TARGETS, 42);
        System.out.printf("Criteria: %d criteria, %d distinct texts, over %d targets (%d cores, load %s)%n", texts.size(),
                new LinkedHashSet<>(texts).size(), TARGETS, Runtime.getRuntime().availableProcessors(), load());
        if (databases.contains("h2")) {
            java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("criteria-bench");
            stored("H2 (file)", "jdbc:h2:file:" + dir.resolve("bench").toAbsolutePath()
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "sa", texts, rounds, warmup);
        }
        String pg = org.remediation.console.base.MigrationParityTestAccess.PG;
        if (databases.contains("postgres") && org.remediation.console.base.MigrationParityTestAccess.postgresReachable()) {
            String db = "bench_" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            try (java.sql.Connection admin = java.sql.DriverManager.getConnection(pg + "postgres", "postgres", "")) {
                admin.createStatement().execute("create database " + db);
            }
            try {
                stored("PostgreSQL", pg + db, "postgres", texts, rounds, warmup);
            } finally {
                try (java.sql.Connection admin = java.sql.DriverManager.getConnection(pg + "postgres", "postgres", "")) {
                    admin.createStatement().execute("drop database if exists " + db + " with (force)");
                }
            }
        }
        System.out.printf("load at the end: %s%n", load());
        System.exit(0);
    }

    /**
     * {@code n} criteria in canonical text, no two alike: target, statistic, threshold, window and
     * timing vary, so the round cache answers only the (target, measurement, window) reads that truly
     * repeat. About 40 % of the windowed ones reach past the 60 min memory window (2 h – 1 d), 5 %
     * are over a group of ten targets; counts read memory only, so their windows stay within it.
     */
    static List<String> distinctCriteria(int n, int targets, long seed) {
        Random r = new Random(seed);
        String[] memory = {"5m", "10m", "15m", "20m", "30m", "45m", "1h"};
        String[] stored = {"2h", "3h", "6h", "12h", "1d"};
        String[] latencies = {"p50", "p95", "p99", "max"};
        Set<String> texts = new LinkedHashSet<>();
        for (int i = 0; texts.size() < n; i++) {
            String subject = r.nextInt(100) < 5
                    ? "group group-" + r.nextInt(targets / 10) + (r.nextBoolean() ? " all" : " any")
                    : "target-" + i % targets;
            String window = r.nextInt(100) < 40 ? stored[r.nextInt(stored.length)] : memory[r.nextInt(memory.length)];
            String min = r.nextInt(4) == 0 ? " min " + (5 + r.nextInt(50)) : "";
            String text = switch (r.nextInt(20)) {
                case 0 -> subject + " up";
                case 1 -> subject + " up-for >= " + (5 + r.nextInt(115)) + "m";
                case 2 -> subject + " failures count <= " + r.nextInt(12) + " per " + memory[r.nextInt(memory.length)];
                case 3 -> subject + " failures rate < " + (1 + r.nextInt(9)) + " % per " + memory[r.nextInt(memory.length)];
                case 4, 5 -> subject + " success-rate >= " + (90 + r.nextInt(10)) + "." + r.nextInt(10) + " % over " + window + min;
                case 6, 7 -> subject + " availability >= " + (94 + r.nextInt(6)) + "." + r.nextInt(10) + " % over " + window + min;
                case 8 -> subject + " avg < " + (500 + 10 * r.nextInt(100)) + " ms over " + window + min;
                default -> {
                    int timing = r.nextInt(10);
                    String stat = latencies[r.nextInt(latencies.length)];
                    yield timing < 2 ? subject + " connect " + stat + " < " + (50 + r.nextInt(200)) + " ms over " + window + min
                            : timing < 4 ? subject + " query " + stat + " < " + (10 + r.nextInt(40)) + " ms over " + window + min
                            : subject + " " + stat + " < " + (200 + 10 * r.nextInt(200)) + " ms over " + window + min;
                }
            };
            texts.add(CriterionText.format(CriterionText.parse(text)));
        }
        return List.copyOf(texts);
    }

    private static org.springframework.context.ConfigurableApplicationContext console(String url, String user) {
        return new org.springframework.boot.builder.SpringApplicationBuilder(
                org.remediation.console.ConsoleApplication.class, BenchClock.class)
                .run("--spring.datasource.url=" + url, "--spring.datasource.username=" + user,
                        "--spring.datasource.password=", "--server.port=0",
                        "--console.probes.scheduler.enabled=false", "--console.probes.rollup-every=1h",
                        "--logging.level.root=warn");
    }

    private static void stored(String name, String url, String user, List<String> texts, int rounds, int warmup) {
        // the history is written by one console (which migrates the schema), measured by the next one
        try (org.springframework.context.ConfigurableApplicationContext writer = console(url, user)) {
            long fill = System.nanoTime();
            org.remediation.console.probe.BenchHistory.fill(writer.getBean(org.springframework.jdbc.core.JdbcTemplate.class),
                    TARGETS, STORED_NOW, Duration.ofHours(2), Duration.ofHours(24).plusMinutes(10));
            System.out.printf("%n%s: stored 2 h raw + 24 h rollups of %d targets in %.1f s%n", name, TARGETS,
                    (System.nanoTime() - fill) / 1e9);
        }
        try (org.springframework.context.ConfigurableApplicationContext ctx = console(url, user)) {
            org.remediation.console.support.MutableClock clock = ctx.getBean(org.remediation.console.support.MutableClock.class);
            ProbeMeasurements probes = ctx.getBean(ProbeMeasurements.class);
            org.remediation.console.probe.ProbeStatistics statistics =
                    ctx.getBean(org.remediation.console.probe.ProbeStatistics.class);
            System.out.printf("  adapter: %s (production: ProbeEngineMeasurements)%n", probes.getClass().getSimpleName());
            List<MeasuredCriterion> criteria = texts.stream().map(t -> (MeasuredCriterion) CriterionText.parse(t)).toList();
            long stored = criteria.stream().filter(c -> c.window().compareTo(Duration.ofHours(1)) > 0).count();
            clock.set(STORED_NOW);
            long cold = System.nanoTime();
            long q0 = statistics.storedQueries();
            Map<CriterionState, Integer> coldStates = evaluateAll(criteria, new RoundCache(probes), clock.instant());
            System.out.printf("  first round (warms memory from the database, reads every long window): %.0f ms, %d queries, %s%n",
                    (System.nanoTime() - cold) / 1e6, statistics.storedQueries() - q0, coldStates);
            long[] nanos = new long[rounds];
            long[] queries = new long[rounds];
            Map<CriterionState, Integer> states = Map.of();
            for (int r = -warmup; r < rounds; r++) {
                clock.set(STORED_NOW.plusSeconds(warmup + r + 1L)); // one round a second: minutes pass
                long q = statistics.storedQueries();
                long start = System.nanoTime();
                Map<CriterionState, Integer> s = evaluateAll(criteria, new RoundCache(probes), clock.instant());
                long took = System.nanoTime() - start;
                if (r >= 0) {
                    nanos[r] = took;
                    queries[r] = statistics.storedQueries() - q;
                    states = s;
                }
            }
            long[] sortedQueries = queries.clone();
            java.util.Arrays.sort(sortedQueries);
            long roundsWithQueries = java.util.Arrays.stream(queries).filter(q -> q > 0).count();
            java.util.Arrays.sort(nanos);
            System.out.printf("%s: %d distinct criteria (%d over windows of 2h–1d) over %d targets, %d rounds a second apart "
                    + "after %d warm-up rounds%n", name, criteria.size(), stored, TARGETS, rounds, warmup);
            System.out.printf("  per round: median %.1f ms, p95 %.1f ms, max %.1f ms; last round %s%n",
                    nanos[rounds / 2] / 1e6, nanos[(int) (rounds * 0.95)] / 1e6, nanos[rounds - 1] / 1e6, states);
            System.out.printf("  queries per round: median %d, max %d, mean %.1f; %d of %d rounds queried (a minute passed)%n",
                    sortedQueries[rounds / 2], sortedQueries[rounds - 1],
                    java.util.Arrays.stream(queries).average().orElse(0), roundsWithQueries, rounds);
            // one more round, untimed, through counters on both sides of the round cache
            Calls asked = new Calls();
            Calls reached = new Calls();
            evaluateAll(criteria, asked.wrap(new RoundCache(reached.wrap(probes))), clock.instant());
            System.out.printf("  one round's lookups, asked by the criteria → reaching the adapter through the round cache: %s%n",
                    asked.versus(reached));
            long w = asked.of("window");
            System.out.printf("  distinct (target, measurement, window) reads a round needs: %d of %d window lookups "
                    + "(the round cache answers %.0f %% of them)%n", reached.of("window"), w,
                    w == 0 ? 0 : 100.0 * (w - reached.of("window")) / w);
        }
    }

    private static Map<CriterionState, Integer> evaluateAll(List<MeasuredCriterion> criteria, ProbeMeasurements m, Instant now) {
        Map<CriterionState, Integer> states = new EnumMap<>(CriterionState.class);
        for (MeasuredCriterion c : criteria) {
            states.merge(CriterionEvaluator.evaluate(c, m, now).state(), 1, Integer::sum);
        }
        return states;
    }

    private static String load() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "?";
        }
    }

    /** Counts the calls made on a {@link ProbeMeasurements}, by method. Single-threaded, like a round. */
    private static final class Calls {
        private final Map<String, Long> counts = new TreeMap<>();

        ProbeMeasurements wrap(ProbeMeasurements target) {
            InvocationHandler h = (proxy, method, args) -> {
                counts.merge(method.getName(), 1L, Long::sum);
                try {
                    return method.invoke(target, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            };
            return (ProbeMeasurements) Proxy.newProxyInstance(ProbeMeasurements.class.getClassLoader(),
                    new Class<?>[] {ProbeMeasurements.class}, h);
        }

        long of(String method) {
            return counts.getOrDefault(method, 0L);
        }

        String versus(Calls reached) {
            List<String> parts = new ArrayList<>();
            counts.forEach((m, n) -> parts.add(m + " " + n + " → " + reached.of(m)));
            return String.join(", ", parts);
        }
    }

    @org.springframework.boot.test.context.TestConfiguration(proxyBeanMethods = false)
    static class BenchClock {
        @org.springframework.context.annotation.Bean
        @org.springframework.context.annotation.Primary
        org.remediation.console.support.MutableClock benchClock() {
            return new org.remediation.console.support.MutableClock(STORED_NOW);
        }
    }
}
