package org.remediation.console.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.remediation.console.ConsoleApplication;
import org.remediation.console.base.MigrationParityTestAccess;
import org.remediation.console.criteria.ProbeMeasurements;
import org.remediation.console.support.MutableClock;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Restart-proof evidence (issue 13, part 3): results recorded through the real pipeline (memory,
 * batched writer, rollup job and raw retention, minute by minute over three hours), then the Spring
 * context restarted on the same database. Every statistic of the 5m, 1h and 2h windows (each rank of
 * the latencies, counts, coverage, named timings), {@code up-for}, states and their "since" must read
 * the same before and after. The 2h window reaches past the raw retention (90m here) into rollups.
 * A metric probe's values (issue 18) rank where latencies do, through memory, raw rows and rollups,
 * even when its measurements (a long raw answer) had to be shortened to fit their column.
 */
class RestartEvidenceTest {

    static final Instant NOW = Instant.parse("2026-11-30T12:00:30Z");
    static final Instant START = NOW.minus(Duration.ofHours(3));
    static final List<Duration> WINDOWS = List.of(Duration.ofMinutes(5), Duration.ofHours(1), Duration.ofHours(2));
    static final List<String> TARGETS = List.of("steady", "failing", "fresh", "db", "metric");

    @TempDir
    Path dir;

    @Test
    void statisticsUpForAndStatesAreTheSameAfterARestartOnH2() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("console").toAbsolutePath()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        sameAfterRestart(url, "sa");
        assertThat(Files.list(dir).count()).isPositive();
    }

    @Test
    void statisticsUpForAndStatesAreTheSameAfterARestartOnPostgres() throws Exception {
        assumeTrue(MigrationParityTestAccess.postgresReachable(), "PostgreSQL on 127.0.0.1:5432 is needed for this test");
        String db = "restart_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String pg = MigrationParityTestAccess.PG;
        try (Connection admin = DriverManager.getConnection(pg + "postgres", "postgres", "")) {
            admin.createStatement().execute("create database " + db);
        }
        try {
            sameAfterRestart(pg + db, "postgres");
        } finally {
            try (Connection admin = DriverManager.getConnection(pg + "postgres", "postgres", "")) {
                admin.createStatement().execute("drop database if exists " + db + " with (force)");
            }
        }
    }

    private void sameAfterRestart(String url, String user) {
        Map<String, String> before;
        long storedQueriesBefore;
        try (ConfigurableApplicationContext ctx = start(url, user)) {
            record(ctx);
            before = everything(ctx);
            storedQueriesBefore = ctx.getBean(ProbeStatistics.class).storedQueries();
        }
        Map<String, String> after;
        try (ConfigurableApplicationContext ctx = start(url, user)) {
            after = everything(ctx);
            assertThat(ctx.getBean(ProbeStatistics.class).storedQueries())
                    .as("2h windows are read from the database").isPositive();
            JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("select count(*) from probe_result where started_at < ?", Long.class,
                    Timestamp.from(NOW.minus(Duration.ofMinutes(100))))).as("raw results beyond the retention are gone")
                    .isZero();
            assertThat(jdbc.queryForObject("select count(*) from probe_rollup where latency_histogram is null", Long.class))
                    .isZero();
            // minutes pass: the stored part slides (reads only the minutes that entered the window) and
            // reads exactly what a fresh engine reading the whole window reads
            MutableClock clock = ctx.getBean(MutableClock.class);
            ProbeStatistics live = ctx.getBean(ProbeStatistics.class);
            for (int minutes = 1; minutes <= 3; minutes++) {
                Instant at = NOW.plusSeconds(60L * minutes + 1);
                clock.set(at);
                ProbeStatistics fresh = new ProbeStatistics(ctx.getBean(ProbeProperties.class), clock,
                        new StoredResults(jdbc));
                for (String key : TARGETS) {
                    for (Duration w : List.of(Duration.ofHours(2), Duration.ofHours(3))) {
                        assertThat(fingerprint(live.window(key, at.minus(w), at).orElseThrow()))
                                .as(key + " " + w + " at " + at)
                                .isEqualTo(fingerprint(fresh.window(key, at.minus(w), at).orElseThrow()));
                    }
                }
            }
        }
        assertThat(storedQueriesBefore).isPositive();
        assertThat(after).containsExactlyEntriesOf(before);
        // the windows really reach back: 2h of 10-second results (less the raw-deleted first half minute)
        assertThat(before.get("steady 2h")).startsWith("samples=718 ");
        // an hour that ended 90 minutes ago: 360 results less its first half minute (raw results past
        // retention) and its last half minute (a past window is read to its last whole minute); reading
        // on to the memory window, as before the fix, gave about 540
        assertThat(before.get("steady past 1h")).startsWith("samples=354 ");
        assertThat(before.get("failing past 1h")).startsWith("samples=354 failures=354 ");
        assertThat(before.get("failing 2h")).startsWith("samples=718 failures=718 available=0 ");
        assertThat(before.get("fresh 1h")).contains("coveredFrom=" + NOW.minus(Duration.ofMinutes(10)));
        assertThat(before.get("fresh 1h criterion")).contains("covers 10m of 1h");
        // up without degradation: since the first success after the last degraded result (over 5 min ago)
        assertThat(before.get("steady up-for")).isEqualTo("state=UP upFor=PT8M10S");
        assertThat(before.get("failing up-for")).startsWith("state=DOWN since=" + START.plusSeconds(20));
        assertThat(before.get("db 2h connect")).startsWith("samples=718 ");
        for (String w : List.of("5m", "1h", "2h")) {
            // ranked values lie within 40–95 (rollups read within 0.1 %), never near the runs' 300 ms
            String[] range = before.get("metric " + w + " values").split("\\.\\.| of ");
            assertThat(Double.parseDouble(range[0])).as(w).isBetween(40.0, 95.1);
            assertThat(Double.parseDouble(range[1])).as(w).isBetween(40.0, 95.1);
            assertThat(Integer.parseInt(range[2])).as(w).isGreaterThan(20);
        }
        try (ConfigurableApplicationContext ctx = start(url, user)) {
            JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
            List<String> stored = jdbc.queryForList("select measurements from probe_result where target_key = 'metric' "
                    + "and metric_value is not null", String.class);
            assertThat(stored).isNotEmpty().allSatisfy(json -> assertThat(Json.readMap(json))
                    .containsEntry("shortened", true).containsKey(ProbeResult.METRIC_VALUE).doesNotContainKey("raw"));
        }
    }

    private ConfigurableApplicationContext start(String url, String user) {
        // command-line arguments outrank the test configuration's in-memory database; an H2 file started
        // while the PostgreSQL suite's profile is active must not migrate as that suite's owner role nor run
        // its PostgreSQL grants callback
        List<String> args = new java.util.ArrayList<>(List.of("--spring.datasource.url=" + url,
                "--spring.datasource.username=" + user, "--spring.datasource.password=", "--spring.flyway.user=" + user,
                "--spring.flyway.password=", "--server.port=0", "--console.probes.raw-retention=90m",
                "--console.probes.scheduler.enabled=false", "--console.probes.rollup-every=1h"));
        if (url.startsWith("jdbc:h2:")) {
            args.add("--spring.flyway.callback-locations=");
        }
        return new SpringApplicationBuilder(ConsoleApplication.class, RestartClock.class).run(args.toArray(String[]::new));
    }

    /** Three hours of results of four targets, minute by minute, flushed and rolled up as production does. */
    private static void record(ConfigurableApplicationContext ctx) {
        MutableClock clock = ctx.getBean(MutableClock.class);
        ResultPipeline pipeline = ctx.getBean(ResultPipeline.class);
        ResultWriter writer = ctx.getBean(ResultWriter.class);
        RollupJob rollups = ctx.getBean(RollupJob.class);
        JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
        Map<String, ProbeTarget> targets = new LinkedHashMap<>();
        for (String key : TARGETS) {
            ProbeKind kind = switch (key) {
                case "db" -> ProbeKind.POSTGRES;
                case "metric" -> ProbeKind.GCP_METRIC;
                default -> ProbeKind.HTTP;
            };
            ProbeTarget t = new ProbeTarget(key, key, kind, Map.of(),
                    Duration.ofSeconds(10), Duration.ofSeconds(5), false, "restart", null, 0);
            targets.put(key, t);
            jdbc.update("insert into probe_target (target_key, name, kind, settings_json, interval_ms, timeout_ms, enabled, "
                    + "group_tag, version, created_at, updated_at) values (?, ?, ?, '{}', 10000, 5000, false, 'restart', 0, ?, ?)",
                    key, key, t.kind().name(), Timestamp.from(START), Timestamp.from(START));
        }
        Random random = new Random(13);
        Random values = new Random(18); // the metric's own, so the other targets' streams stay as they were
        for (Instant at = START; !at.isAfter(NOW); at = at.plusSeconds(10)) {
            clock.set(at);
            long minutesAgo = Duration.between(at, NOW).toMinutes();
            for (ProbeTarget t : targets.values()) {
                ProbeResult r = switch (t.key()) {
                    case "failing" -> result(t, at, random.nextBoolean() ? Outcome.DOWN : Outcome.TIMEOUT,
                            random.nextBoolean() ? 3 : 5000, Map.of());
                    case "fresh" -> minutesAgo >= 10 && at.isBefore(NOW.minus(Duration.ofMinutes(10))) ? null
                            : result(t, at, Outcome.UP, 20 + random.nextInt(80), Map.of());
                    // values 40–95 % read in 300 ms: statistics must rank the values, never the 300 ms
                    case "metric" -> values.nextInt(7) == 0 ? result(t, at, Outcome.DOWN, 300, Map.of())
                            : result(t, at, Outcome.UP, 300, Map.of(ProbeResult.METRIC_VALUE, 40.0 + values.nextInt(56),
                                    "unit", "%", "raw", "{\"timeSeries\": [" + "x".repeat(2500) + "]}"));
                    case "db" -> random.nextInt(10) == 0 ? result(t, at, Outcome.DOWN, 2, Map.of("connectMs", 1.5))
                            : result(t, at, Outcome.UP, 0, Map.of("connectMs", 5 + random.nextInt(400) + random.nextDouble(),
                                    "queryMs", 1 + random.nextInt(30) + random.nextDouble()));
                    default -> minutesAgo == 78 ? result(t, at, Outcome.TIMEOUT, 5000, Map.of())
                            : result(t, at, random.nextInt(20) == 0 && minutesAgo > 5 ? Outcome.DEGRADED : Outcome.UP,
                                    50 + random.nextInt(2000) + random.nextDouble(), Map.of("status", 200));
                };
                if (r != null) {
                    pipeline.accept(t, r);
                }
            }
            if (at.getEpochSecond() % 60 == 50) {
                writer.flush();
                clock.set(at.plusSeconds(10).plusMillis(5500)); // the rollup job's tick, 5 s into the next minute
                rollups.run();
            }
        }
        clock.set(NOW);
        writer.flush();
    }

    private static ProbeResult result(ProbeTarget t, Instant at, Outcome outcome, double ms, Map<String, Object> m) {
        double total = ms == 0 ? ((Number) m.get("connectMs")).doubleValue() + ((Number) m.get("queryMs")).doubleValue() : ms;
        return new ProbeResult(t.key(), at, Duration.ofNanos(Math.round(total * 1_000_000)), outcome,
                outcome.isFailure() ? "x" : null, outcome.isFailure() ? "failed" : null, m);
    }

    /** Every statistic this test compares, by name. */
    private static Map<String, String> everything(ConfigurableApplicationContext ctx) {
        ctx.getBean(MutableClock.class).set(NOW);
        ProbeStatistics statistics = ctx.getBean(ProbeStatistics.class);
        ProbeMeasurements criteria = ctx.getBean(ProbeMeasurements.class);
        Map<String, String> all = new LinkedHashMap<>();
        for (String key : TARGETS) {
            // a window that ended 90 minutes ago (a baseline before a phase start): nothing after its end counts
            statistics.window(key, NOW.minus(Duration.ofMinutes(150)), NOW.minus(Duration.ofMinutes(90)))
                    .ifPresent(s -> all.put(key + " past 1h", fingerprint(s)));
            for (Duration w : WINDOWS) {
                String name = key + " " + Durations.format(w);
                WindowStats s = statistics.window(key, NOW.minus(w), NOW).orElseThrow();
                all.put(name, fingerprint(s));
                if (key.equals("metric")) {
                    all.put(name + " values", s.latencies().atRank(1) + ".." + s.maxMs() + " of " + s.latencies().count());
                }
                s.timings().forEach((timing, t) -> all.put(name + " " + timing, "samples=" + t.samples() + " successes="
                        + t.successes() + " ranks=" + ranks(t.latencies())));
                ProbeMeasurements.WindowStats c = criteria.window(key, null, NOW.minus(w), NOW);
                all.put(name + " criterion", c.samples() + "/" + c.successes() + "/" + c.availabilityPercent() + "/"
                        + c.coveredOnly(NOW.minus(w), NOW).map(d -> "covers " + Durations.format(d) + " of " + Durations.format(w))
                                .orElse("whole window"));
            }
            ProbeMeasurements.TargetStatus st = criteria.status(key);
            all.put(key + " up-for", "state=" + st.state() + (st.state() == ProbeMeasurements.State.UP
                    ? " upFor=" + st.upFor(NOW) : " since=" + st.since()));
            TargetStatus probe = statistics.status(key).orElseThrow();
            all.put(key + " status", probe.state() + " since " + probe.since() + " streak " + probe.consecutiveSuccess()
                    + " last " + (probe.last() == null ? null : probe.last().startedAt()));
        }
        return all;
    }

    private static String fingerprint(WindowStats s) {
        StringBuilder timings = new StringBuilder();
        s.timings().forEach((timing, t) -> timings.append(' ').append(timing).append('=').append(t.samples()).append('/')
                .append(t.successes()).append('/').append(ranks(t.latencies())));
        return "samples=" + s.samples() + " failures=" + s.failures() + " available=" + s.available()
                + " successRate=" + s.successRate() + " p50=" + s.p50Ms() + " p95=" + s.p95Ms() + " p99=" + s.p99Ms()
                + " max=" + s.maxMs() + " mean=" + s.meanMs() + " coveredFrom=" + s.coveredFrom()
                + " ranks=" + ranks(s.latencies()) + timings;
    }

    private static String ranks(Latencies l) {
        List<Double> r = new ArrayList<>(l.count());
        for (int k = 1; k <= l.count(); k++) {
            r.add(l.atRank(k));
        }
        return l.count() + ":" + r.hashCode();
    }

    @org.springframework.boot.test.context.TestConfiguration(proxyBeanMethods = false)
    static class RestartClock {
        @Bean
        @Primary
        MutableClock restartClock() {
            return new MutableClock(NOW);
        }
    }
}
