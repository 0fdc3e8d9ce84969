package org.remediation.console.probe;

import org.springframework.security.test.context.support.WithMockUser;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** Batched raw writes, per-minute rollups with percentiles, and retention. */
@SpringBootTest
@WithMockUser(username = "viewer", roles = "VIEWER") // reads need a signed-in caller
class RollupJobTest {

    @Autowired
    ResultWriter writer;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ProbeProperties properties;

    @Test
    void rawResultsAreRolledUpPerMinuteAndOldOnesDeleted() {
        String key = "roll-" + UUID.randomUUID().toString().substring(0, 8);
        Instant minute = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(10, ChronoUnit.MINUTES);
        for (int i = 1; i <= 100; i++) {
            writer.enqueue(new ProbeResult(key, minute.plusMillis(i * 500L), Duration.ofMillis(i),
                    i <= 5 ? Outcome.DOWN : Outcome.UP, null, null, Map.of("status", 200)));
        }
        Instant old = Instant.now().minus(properties.rawRetention()).minus(1, ChronoUnit.HOURS);
        writer.enqueue(new ProbeResult(key, old, Duration.ofMillis(1), Outcome.UP, null, null, Map.of()));
        writer.flush();
        jdbc.update("delete from probe_rollup where minute_start >= ?", Timestamp.from(minute.minus(1, ChronoUnit.MINUTES)));
        jdbc.update("insert into probe_rollup (target_key, minute_start, samples, failures, min_ms, max_ms, p50_ms, p95_ms, p99_ms, available)"
                + " values ('roll-watermark', ?, 0, 0, 0, 0, 0, 0, 0, 0)", Timestamp.from(minute.minus(1, ChronoUnit.MINUTES)));

        new RollupJob(jdbc, properties, Clock.systemUTC()).run();

        Map<String, Object> row = jdbc.queryForMap("select * from probe_rollup where target_key = ? and minute_start = ?",
                key, Timestamp.from(minute));
        assertThat(((Number) row.get("samples")).intValue()).isEqualTo(100);
        assertThat(((Number) row.get("failures")).intValue()).isEqualTo(5);
        assertThat(((Number) row.get("min_ms")).doubleValue()).isEqualTo(1.0);
        assertThat(((Number) row.get("max_ms")).doubleValue()).isEqualTo(100.0);
        assertThat(((Number) row.get("p50_ms")).doubleValue()).isBetween(49.9, 50.1);
        assertThat(((Number) row.get("p95_ms")).doubleValue()).isBetween(94.9, 95.1);
        assertThat(((Number) row.get("p99_ms")).doubleValue()).isBetween(98.9, 99.1);
        assertThat(jdbc.queryForObject("select count(*) from probe_result where target_key = ? and started_at < ?",
                Long.class, key, Timestamp.from(Instant.now().minus(properties.rawRetention())))).isZero();
        assertThat(jdbc.queryForObject("select count(*) from probe_result where target_key = ?", Long.class, key)).isEqualTo(100);
    }

    @Test
    void aRunStillBufferedInTheWriterIsInItsMinutesRollup() {
        String key = "buffered-" + UUID.randomUUID().toString().substring(0, 8);
        Instant minute = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(10, ChronoUnit.MINUTES);
        writer.flush();
        jdbc.update("delete from probe_rollup where minute_start >= ?", Timestamp.from(minute.minus(1, ChronoUnit.MINUTES)));
        jdbc.update("insert into probe_rollup (target_key, minute_start, samples, failures, min_ms, max_ms, p50_ms, p95_ms, p99_ms, available)"
                + " values ('buffered-watermark', ?, 0, 0, 0, 0, 0, 0, 0, 0)", Timestamp.from(minute.minus(1, ChronoUnit.MINUTES)));
        // a timeout that finished last: enqueued, not yet flushed when the rollup runs
        writer.enqueue(new ProbeResult(key, minute.plusSeconds(59), Duration.ofMillis(900), Outcome.TIMEOUT, "timeout",
                "no answer", Map.of()));

        new RollupJob(jdbc, properties, Clock.systemUTC(), null, writer).run();

        Map<String, Object> row = jdbc.queryForMap("select samples, failures from probe_rollup where target_key = ? and minute_start = ?",
                key, Timestamp.from(minute));
        assertThat(((Number) row.get("samples")).intValue()).isEqualTo(1);
        assertThat(((Number) row.get("failures")).intValue()).isEqualTo(1);
    }

    @Test
    void aMinuteIsRolledUpOnlyOnceItsSlowestRunCanHaveBeenWritten() {
        String key = "late-" + UUID.randomUUID().toString().substring(0, 8);
        Instant minute = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(10, ChronoUnit.MINUTES);
        Timestamp t0 = Timestamp.from(minute);
        jdbc.update("insert into probe_target (target_key, name, kind, settings_json, interval_ms, timeout_ms, enabled, "
                + "group_tag, version, created_at, updated_at) values (?, ?, 'HTTP', '{}', 300000, 120000, false, 'late', 0, ?, ?)",
                key, key, t0, t0);
        try {
            writer.enqueue(new ProbeResult(key, minute.plusSeconds(10), Duration.ofMillis(3), Outcome.UP, null, null, Map.of()));
            writer.flush();
            jdbc.update("delete from probe_rollup where minute_start >= ?", Timestamp.from(minute.minus(1, ChronoUnit.MINUTES)));
            jdbc.update("insert into probe_rollup (target_key, minute_start, samples, failures, min_ms, max_ms, p50_ms, p95_ms, p99_ms, available)"
                    + " values ('late-watermark', ?, 0, 0, 0, 0, 0, 0, 0, 0)", Timestamp.from(minute.minus(1, ChronoUnit.MINUTES)));
            // 70 s after the minute began: a run that started in it may still be waiting for its 2-minute timeout
            new RollupJob(jdbc, properties, Clock.fixed(minute.plusSeconds(70), java.time.ZoneOffset.UTC)).run();
            assertThat(jdbc.queryForObject("select count(*) from probe_rollup where minute_start = ?", Long.class, t0))
                    .isZero();
            new RollupJob(jdbc, properties, Clock.fixed(minute.plusSeconds(190), java.time.ZoneOffset.UTC)).run();
            assertThat(jdbc.queryForObject("select samples from probe_rollup where target_key = ? and minute_start = ?",
                    Integer.class, key, t0)).isEqualTo(1);
        } finally {
            jdbc.update("delete from probe_rollup where minute_start >= ?", Timestamp.from(minute.minus(1, ChronoUnit.MINUTES)));
            jdbc.update("delete from probe_result where target_key = ?", key);
            jdbc.update("delete from probe_target where target_key = ?", key);
        }
    }
}
