package org.remediation.console.probe;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.HdrHistogram.Histogram;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Benchmark data, not a test: stored history of probe targets as a console leaves it — raw results of
 * the last {@code rawFor} and per-minute rollups (with their histograms, as {@link RollupJob} writes
 * them) of the last {@code rolledFor}, so a starting console warms from it and reads long windows.
 */
public final class BenchHistory {

    private BenchHistory() {
    }

    /** Targets {@code target-0 … target-(n-1)}, a 10-second interval, 3 % failures, PostgreSQL-like timings. */
    public static void fill(JdbcTemplate jdbc, int targets, Instant now, Duration rawFor, Duration rolledFor) {
        Random random = new Random(42);
        Instant rolledUntil = now.truncatedTo(ChronoUnit.MINUTES);
        for (int t = 0; t < targets; t++) {
            String key = "target-" + t;
            jdbc.update("insert into probe_target (target_key, name, kind, settings_json, interval_ms, timeout_ms, enabled, "
                    + "group_tag, version, created_at, updated_at) values (?, ?, 'POSTGRES', '{}', 10000, 5000, false, ?, 0, ?, ?)",
                    key, key, "group-" + t / 10, Timestamp.from(now.minus(rolledFor)), Timestamp.from(now.minus(rolledFor)));
            List<Object[]> raw = new ArrayList<>();
            List<Object[]> rollups = new ArrayList<>();
            for (Instant minute = now.minus(rolledFor).truncatedTo(ChronoUnit.MINUTES); minute.isBefore(now);
                    minute = minute.plus(1, ChronoUnit.MINUTES)) {
                Histogram ok = Buckets.newHistogram();
                Histogram connect = Buckets.newHistogram();
                Histogram query = Buckets.newHistogram();
                int failures = 0;
                double max = 0;
                for (int s = 0; s < 6; s++) {
                    Instant at = minute.plusSeconds(10L * s);
                    boolean failed = random.nextInt(100) < 3;
                    double c = 5 + random.nextInt(200) + random.nextDouble();
                    double q = 1 + random.nextInt(40) + random.nextDouble();
                    double ms = failed ? 5000 : c + q + random.nextInt(1300);
                    max = Math.max(max, ms);
                    if (failed) {
                        failures++;
                    } else {
                        ok.recordValue(Buckets.micros(ms));
                        connect.recordValue(Buckets.micros(c));
                        query.recordValue(Buckets.micros(q));
                    }
                    if (!at.isBefore(now.minus(rawFor)) && !at.isAfter(now)) {
                        raw.add(new Object[] {key, Timestamp.from(at), ms, failed ? "TIMEOUT" : "UP",
                                failed ? "{}" : "{\"connectMs\":" + c + ",\"queryMs\":" + q + "}"});
                    }
                }
                if (minute.isBefore(rolledUntil)) {
                    rollups.add(new Object[] {key, Timestamp.from(minute), 6, failures, 6 - failures, 0.0, max, 0.0, 0.0, 0.0,
                            Buckets.encode(ok), "connect:" + Buckets.encode(connect) + ";query:" + Buckets.encode(query)});
                }
            }
            jdbc.batchUpdate("insert into probe_result (target_key, started_at, duration_ms, outcome, measurements) "
                    + "values (?, ?, ?, ?, ?)", raw);
            jdbc.batchUpdate("insert into probe_rollup (target_key, minute_start, samples, failures, available, min_ms, max_ms, "
                    + "p50_ms, p95_ms, p99_ms, latency_histogram, timing_histograms) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    rollups);
        }
    }
}
