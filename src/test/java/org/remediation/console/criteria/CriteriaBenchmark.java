package org.remediation.console.criteria;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Benchmark, not a test. First: evaluates 1,000 mixed criteria over 50 probe targets with an hour of
 * 10-second results each (half of it rolled up) in the in-memory fixture, one evaluation round at a
 * time as the service does (one {@link RoundCache} per round), and prints the time per round. Then
 * the same against the real probe engine on H2 and, when reachable, PostgreSQL: a console started
 * on a database holding 2 h of raw results and a day of per-minute rollups of 50 targets (it warms
 * its memory from them), 1,000 criteria of which a third read 2 h and 1 d windows from the database;
 * rounds one second apart (so minutes pass), with the database queries each round made.
 *
 * <p>Run: {@code ./mvnw -o test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.remediation.console.criteria.CriteriaBenchmark} (or any IDE "run main").
 */
public final class CriteriaBenchmark {

    private CriteriaBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        inMemory();
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("criteria-bench");
        stored("H2 (file)", "jdbc:h2:file:" + dir.resolve("bench").toAbsolutePath()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "sa");
        String pg = org.remediation.console.base.MigrationParityTestAccess.PG;
        if (org.remediation.console.base.MigrationParityTestAccess.postgresReachable()) {
            String db = "bench_" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            try (java.sql.Connection admin = java.sql.DriverManager.getConnection(pg + "postgres", "postgres", "")) {
                admin.createStatement().execute("create database " + db);
            }
            try {
                stored("PostgreSQL", pg + db, "postgres");
            } finally {
                try (java.sql.Connection admin = java.sql.DriverManager.getConnection(pg + "postgres", "postgres", "")) {
                    admin.createStatement().execute("drop database if exists " + db + " with (force)");
                }
            }
        }
        System.exit(0);
    }

    static final Instant STORED_NOW = Instant.parse("2026-11-25T12:00:30Z");

    private static org.springframework.context.ConfigurableApplicationContext console(String url, String user) {
        return new org.springframework.boot.builder.SpringApplicationBuilder(
                org.remediation.console.ConsoleApplication.class, BenchClock.class)
                .run("--spring.datasource.url=" + url, "--spring.datasource.username=" + user,
                        "--spring.datasource.password=", "--server.port=0",
                        "--console.probes.scheduler.enabled=false", "--console.probes.rollup-every=1h",
                        "--logging.level.root=warn");
    }

    private static void stored(String name, String url, String user) {
        int targets = 50;
        // the history is written by one console (which migrates the schema), measured by the next one
        try (org.springframework.context.ConfigurableApplicationContext writer = console(url, user)) {
            long fill = System.nanoTime();
            org.remediation.console.probe.BenchHistory.fill(writer.getBean(org.springframework.jdbc.core.JdbcTemplate.class),
                    targets, STORED_NOW, Duration.ofHours(2), Duration.ofHours(24).plusMinutes(10));
            System.out.printf("%n%s: stored 2 h raw + 24 h rollups of %d targets in %.1f s%n", name, targets,
                    (System.nanoTime() - fill) / 1e9);
        }
        try (org.springframework.context.ConfigurableApplicationContext ctx = console(url, user)) {
            org.remediation.console.support.MutableClock clock = ctx.getBean(org.remediation.console.support.MutableClock.class);
            ProbeMeasurements probes = ctx.getBean(ProbeMeasurements.class);
            org.remediation.console.probe.ProbeStatistics statistics =
                    ctx.getBean(org.remediation.console.probe.ProbeStatistics.class);
            String[] shapes = {
                    "%s p95 < 1000 ms over 15m min 10", "%s success-rate >= 95 %% over 2h", "%s p99 <= 2 s over 1h",
                    "%s connect p95 < 150 ms over 2h", "%s availability >= 99 %% over 1d", "%s up-for >= 30m",
                    "%s p95 < 1500 ms over 1d", "%s max < 1600 ms over 5m", "%s query p99 < 40 ms over 15m", "%s up",
            };
            List<MeasuredCriterion> criteria = new ArrayList<>();
            int stored = 0;
            for (int i = 0; i < 1000; i++) {
                String subject = i % 25 == 0 ? "group group-" + i % 5 + " all" : "target-" + i % targets;
                String text = String.format(shapes[i % shapes.length], subject);
                stored += text.contains("over 2h") || text.contains("over 1d") ? 1 : 0;
                criteria.add((MeasuredCriterion) CriterionText.parse(text));
            }
            clock.set(STORED_NOW);
            long cold = System.nanoTime();
            long q0 = statistics.storedQueries();
            int metCold = round(criteria, probes, clock.instant());
            System.out.printf("  first round (warms memory from the database, reads every long window): %.0f ms, %d queries, %d met%n",
                    (System.nanoTime() - cold) / 1e6, statistics.storedQueries() - q0, metCold);
            int warmup = 30;
            int rounds = 180;
            long[] nanos = new long[rounds];
            long[] queries = new long[rounds];
            int met = 0;
            for (int r = -warmup; r < rounds; r++) {
                clock.set(STORED_NOW.plusSeconds(warmup + r + 1L)); // one round a second: minutes pass
                long q = statistics.storedQueries();
                long start = System.nanoTime();
                int m = round(criteria, probes, clock.instant());
                long took = System.nanoTime() - start;
                if (r >= 0) {
                    nanos[r] = took;
                    queries[r] = statistics.storedQueries() - q;
                    met = m;
                }
            }
            long[] sortedQueries = queries.clone();
            java.util.Arrays.sort(sortedQueries);
            long roundsWithQueries = java.util.Arrays.stream(queries).filter(q -> q > 0).count();
            java.util.Arrays.sort(nanos);
            System.out.printf("%s: %d criteria (%d over 2h or 1d) over %d targets, %d rounds a second apart after %d warm-up rounds%n",
                    name, criteria.size(), stored, targets, rounds, warmup);
            System.out.printf("  per round: median %.1f ms, p95 %.1f ms, max %.1f ms (%d met)%n",
                    nanos[rounds / 2] / 1e6, nanos[(int) (rounds * 0.95)] / 1e6, nanos[rounds - 1] / 1e6, met);
            System.out.printf("  queries per round: median %d, max %d, mean %.1f; %d of %d rounds queried (a minute passed)%n",
                    sortedQueries[rounds / 2], sortedQueries[rounds - 1],
                    java.util.Arrays.stream(queries).average().orElse(0), roundsWithQueries, rounds);
        }
    }

    private static int round(List<MeasuredCriterion> criteria, ProbeMeasurements probes, Instant now) {
        RoundCache cache = new RoundCache(probes);
        int m = 0;
        for (MeasuredCriterion c : criteria) {
            if (CriterionEvaluator.evaluate(c, cache, now).state() == CriterionState.MET) {
                m++;
            }
        }
        return m;
    }

    @org.springframework.boot.test.context.TestConfiguration(proxyBeanMethods = false)
    static class BenchClock {
        @org.springframework.context.annotation.Bean
        @org.springframework.context.annotation.Primary
        org.remediation.console.support.MutableClock benchClock() {
            return new org.remediation.console.support.MutableClock(STORED_NOW);
        }
    }

    private static void inMemory() {
        Instant now = Instant.parse("2026-11-25T12:00:00Z");
        InMemoryProbeMeasurements probes = new InMemoryProbeMeasurements();
        Random random = new Random(42);
        int targets = 50;
        for (int t = 0; t < targets; t++) {
            String key = "target-" + t;
            for (int i = 0; i < 360; i++) {
                Instant at = now.minus(Duration.ofHours(1)).plusSeconds(10L * i);
                probes.result(key, at, random.nextInt(100) < 97, 50 + random.nextInt(1500),
                        Map.of("connect", 5.0 + random.nextInt(200)), random.nextInt(100) < 2);
            }
            probes.attribute(key, "daysToExpiry", String.valueOf(random.nextInt(90)), now.minusSeconds(30));
            probes.attribute(key, "state", random.nextBoolean() ? "READY" : "UPDATING", now.minusSeconds(30));
        }
        probes.rollUpBefore(now.minus(Duration.ofMinutes(30)));
        for (int g = 0; g < 5; g++) {
            probes.group("group-" + g, "target-" + g * 10, "target-" + (g * 10 + 1), "target-" + (g * 10 + 2));
        }
        probes.goldenPath("target-0", "target-1", "target-2", "target-3", "target-4");

        String[] shapes = {
                "%s p95 < 1000 ms over 15m min 10", "%s success-rate >= 95 %% over 30m", "%s p99 <= 2 s over 1h",
                "%s connect p95 < 150 ms over 15m", "%s availability >= 99 %% over 45m", "%s up-for >= 30m",
                "%s daysToExpiry >= 14", "%s state = READY", "%s max < 1600 ms over 5m", "%s up",
        };
        List<MeasuredCriterion> criteria = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            String subject = i % 50 == 0 ? "golden-path all" : i % 25 == 0 ? "group group-" + i % 5 + " all"
                    : "target-" + i % targets;
            String shape = shapes[i % shapes.length];
            if (subject.startsWith("g") && (shape.contains("daysToExpiry") || shape.contains("state"))) {
                shape = "%s up";
            }
            criteria.add((MeasuredCriterion) CriterionText.parse(String.format(shape, subject)));
        }

        int warmup = 30;
        int rounds = 100;
        long[] nanos = new long[rounds];
        int met = 0;
        for (int r = -warmup; r < rounds; r++) {
            long start = System.nanoTime();
            RoundCache cache = new RoundCache(probes);
            int m = 0;
            for (MeasuredCriterion c : criteria) {
                if (CriterionEvaluator.evaluate(c, cache, now).state() == CriterionState.MET) {
                    m++;
                }
            }
            long took = System.nanoTime() - start;
            if (r >= 0) {
                nanos[r] = took;
                met = m;
            }
        }
        java.util.Arrays.sort(nanos);
        System.out.printf("Criteria: %d criteria over %d targets, %d rounds after %d warm-up rounds%n",
                criteria.size(), targets, rounds, warmup);
        System.out.printf("  per round: median %.1f ms, p95 %.1f ms, max %.1f ms (%d met)%n",
                nanos[rounds / 2] / 1e6, nanos[(int) (rounds * 0.95)] / 1e6, nanos[rounds - 1] / 1e6, met);
    }
}
