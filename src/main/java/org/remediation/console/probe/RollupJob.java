package org.remediation.console.probe;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;
import org.remediation.console.base.cluster.Cluster;
import org.remediation.console.base.cluster.ClusterEvent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rolls raw results up per target and minute once each minute is complete, then deletes raw results
 * older than the raw retention and rollups older than the rollup retention. Each minute keeps its
 * counts (samples, failures, available) and, so windows can merge minutes exactly, the compressed
 * HdrHistogram of the successful runs' durations and one per named timing ({@code connect},
 * {@code query} …). min/max/p50/p95/p99 over all runs stay for display.
 */
@Component
class RollupJob {

    /** Advisory lock key of rollups in cluster mode (listed in base.cluster.LockSession). */
    static final int ROLLUP_LOCK = 3;

    /** Minutes before {@code until} are rolled up: every console's window reads move their raw/rollup boundary. */
    record RolledUp(Instant until) implements ClusterEvent {
    }

    private final JdbcTemplate jdbc;
    private final ProbeProperties properties;
    private final Clock clock;
    private final @Nullable StoredResults stored;
    private final @Nullable ResultWriter writer;
    private final @Nullable Cluster cluster;
    private final @Nullable ApplicationEventPublisher events;

    RollupJob(JdbcTemplate jdbc, ProbeProperties properties, Clock clock) {
        this(jdbc, properties, clock, null, null);
    }

    RollupJob(JdbcTemplate jdbc, ProbeProperties properties, Clock clock, @Nullable StoredResults stored,
              @Nullable ResultWriter writer) {
        this(jdbc, properties, clock, stored, writer, null, null);
    }

    @Autowired
    RollupJob(JdbcTemplate jdbc, ProbeProperties properties, Clock clock, @Nullable StoredResults stored,
              @Nullable ResultWriter writer, @Nullable Cluster cluster, @Nullable ApplicationEventPublisher events) {
        this.cluster = cluster;
        this.events = events;
        this.writer = writer;
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
        this.stored = stored;
    }

    @Scheduled(fixedDelayString = "${console.probes.rollup-every:60s}", initialDelayString = "${console.probes.rollup-every:60s}")
    void scheduled() {
        if (cluster == null || cluster.isLeader()) { // once across the consoles: the leader rolls up and deletes
            run();
        }
    }

    /** Another console (the leader) rolled up: window reads here take those minutes from the rollups. */
    @EventListener
    void on(RolledUp rolled) {
        if (stored != null) {
            stored.rolledUntil(rolled.until());
        }
    }

    /** Returns the number of rollup rows written. */
    @Transactional
    int run() {
        if (cluster != null) {
            cluster.lockForTransaction(ROLLUP_LOCK); // a former leader's run ends before this one reads max(minute_start)
        }
        // results are buffered for seconds: write them first, or a minute's last runs (timeouts, the
        // failures that finish last) would miss its rollup for good
        if (writer != null && !writer.writeWaiting()) {
            return 0;
        }
        Instant now = clock.instant();
        // A minute is complete once every run that started in it has been written: a run ends up to its
        // timeout after it started (timeouts are the failures that finish last), then waits for a flush.
        Long longestTimeoutMs = jdbc.queryForObject("select max(timeout_ms) from probe_target", Long.class);
        Instant until = now.minusMillis(longestTimeoutMs == null ? 0 : longestTimeoutMs).minusSeconds(5)
                .truncatedTo(ChronoUnit.MINUTES);
        Timestamp last = jdbc.queryForObject("select max(minute_start) from probe_rollup", Timestamp.class);
        Instant from = last == null ? now.minus(properties.rawRetention()) : last.toInstant().plus(1, ChronoUnit.MINUTES);
        int written = rollup(from, until);
        if (stored != null && from.isBefore(until)) {
            stored.rolledUntil(until);
        }
        if (events != null && from.isBefore(until)) {
            events.publishEvent(new RolledUp(until)); // the other consoles' boundary (after commit)
        }
        jdbc.update("delete from probe_result where started_at < ?", Timestamp.from(now.minus(properties.rawRetention())));
        jdbc.update("delete from probe_rollup where minute_start < ?", Timestamp.from(now.minus(properties.rollupRetention())));
        return written;
    }

    private int rollup(Instant from, Instant until) {
        if (!from.isBefore(until)) {
            return 0;
        }
        Map<String, Map<Instant, Bucket>> buckets = new TreeMap<>();
        // a metric probe's value ranks where other kinds' durations do (ProbeResult.figure)
        jdbc.query("select target_key, started_at, coalesce(metric_value, duration_ms), outcome, measurements from probe_result "
                        + "where started_at >= ? and started_at < ?",
                rs -> {
                    Instant minute = rs.getTimestamp(2).toInstant().truncatedTo(ChronoUnit.MINUTES);
                    boolean failed = Outcome.valueOf(rs.getString(4)).isFailure();
                    Bucket b = buckets.computeIfAbsent(rs.getString(1), k -> new TreeMap<>())
                            .computeIfAbsent(minute, m -> new Bucket());
                    b.add((float) rs.getDouble(3), failed);
                    String json = rs.getString(5);
                    if (!failed && json != null && json.contains("Ms\"")) {
                        Json.readMapLeniently(json).forEach((name, v) -> {
                            String timing = Tally.timingName(name);
                            if (timing != null && v instanceof Number n) {
                                b.timing(timing, n.floatValue());
                            }
                        });
                    }
                }, Timestamp.from(from), Timestamp.from(until));
        List<Object[]> rows = new ArrayList<>();
        buckets.forEach((key, byMinute) -> byMinute.forEach((minute, b) -> rows.add(new Object[] {key,
                Timestamp.from(minute), b.count, b.failures, b.count - b.failures, b.min, b.max, b.pct(50), b.pct(95),
                b.pct(99), Buckets.encode(b.ok), b.timings()})));
        jdbc.batchUpdate("insert into probe_rollup (target_key, minute_start, samples, failures, available, min_ms, max_ms, "
                + "p50_ms, p95_ms, p99_ms, latency_histogram, timing_histograms) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows);
        return rows.size();
    }

    private static final class Bucket {
        final Histogram histogram = new Histogram(3);
        /** Successful runs only. */
        final Histogram ok = Buckets.newHistogram();
        final Map<String, Histogram> named = new TreeMap<>();
        int count;
        int failures;
        double min = Double.MAX_VALUE;
        double max;

        Bucket() {
            histogram.setAutoResize(true);
        }

        void add(double ms, boolean failed) {
            count++;
            failures += failed ? 1 : 0;
            min = Math.min(min, ms);
            max = Math.max(max, ms);
            histogram.recordValue(Math.max(0, Math.round(ms * 1000)));
            if (!failed) {
                ok.recordValue(Buckets.micros(ms));
            }
        }

        void timing(String name, double ms) {
            named.computeIfAbsent(name, n -> Buckets.newHistogram()).recordValue(Buckets.micros(ms));
        }

        /** {@code name:base64;name:base64}, empty without timings. */
        String timings() {
            StringBuilder b = new StringBuilder();
            named.forEach((name, h) -> b.append(b.isEmpty() ? "" : ";").append(name).append(':').append(Buckets.encode(h)));
            return b.toString();
        }

        double pct(double p) {
            return histogram.getValueAtPercentile(p) / 1000.0;
        }
    }
}
