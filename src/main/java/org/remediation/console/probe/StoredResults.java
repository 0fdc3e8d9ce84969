package org.remediation.console.probe;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The stored side of window statistics: the part of a window older than the in-memory history,
 * read with one query from raw results (the window's first, partial minute and minutes not rolled up
 * yet) and per-minute rollups (whole minutes, merged from their HdrHistograms). That part only
 * changes when a minute passes or the rollup job writes, so it is kept per target and window length
 * and slid forward: at most one query per (target, window) per minute, reading only the minutes that
 * entered the window; none for windows memory covers.
 *
 * <p>Also warms the in-memory history after a restart ({@link #warm}).
 */
@Component
class StoredResults {

    /** What ends a run of clean successes (TargetHistory.breaksStreak); rollups cannot tell DEGRADED apart. */
    private static final String STREAK_BREAKERS = "('DOWN', 'TIMEOUT', 'ERROR', 'DEGRADED')";
    private static final int CACHE_ENTRIES = 4096;

    private final JdbcTemplate jdbc;
    private final AtomicLong queries = new AtomicLong();
    private volatile @Nullable Instant rolledUntil;
    /** Per target and window length: the stored part, slid forward a minute at a time. */
    private final Map<SlideKey, Slide> slides = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<SlideKey, Slide> eldest) {
            return size() > CACHE_ENTRIES;
        }
    };

    StoredResults(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Window queries run since start (the benchmark prints them per round). */
    long queries() {
        return queries.get();
    }

    /** Called by the rollup job: minutes before {@code until} are rolled up. */
    void rolledUntil(Instant until) {
        rolledUntil = until;
    }

    private Instant rolledUntil() {
        Instant r = rolledUntil;
        if (r == null) {
            Timestamp last = jdbc.queryForObject("select max(minute_start) from probe_rollup", Timestamp.class);
            r = last == null ? Instant.EPOCH : last.toInstant().plus(1, ChronoUnit.MINUTES);
            rolledUntil = r;
        }
        return r;
    }

    /**
     * Statistics of {@code [from, to]}: stored results in {@code [from, M)} and memory from {@code M},
     * where M is the first whole minute memory fully holds.
     */
    WindowStats window(String key, TargetHistory memory, Instant from, Instant to) {
        Instant memoryFrom = ceilMinute(Instant.ofEpochMilli(memory.completeFromMs()));
        // A window that ends before memory begins (a baseline ending at a phase start) is stored data
        // only, up to its last whole minute: nothing after its end may count.
        boolean past = to.isBefore(memoryFrom);
        Instant storedTo = past ? to.truncatedTo(ChronoUnit.MINUTES) : memoryFrom;
        Instant wholeFrom = ceilMinute(from);
        // the key changes once a minute: the raw minute before wholeFrom is read whole and filtered by from
        PartKey k = new PartKey(key, wholeFrom.minus(1, ChronoUnit.MINUTES), wholeFrom, storedTo, rolledUntil());
        Slide slide;
        synchronized (slides) {
            slide = slides.computeIfAbsent(new SlideKey(key, Duration.between(from, to), past ? storedTo : null),
                    x -> new Slide());
        }
        StoredPart part = slide.part(k);
        Tally t = new Tally();
        long fromMs = from.toEpochMilli();
        for (RawRun r : part.boundary()) {
            if (r.startMs() >= fromMs) {
                r.addTo(t);
            }
        }
        t.addAll(part.raw());
        if (!past) {
            memory.tally(memoryFrom.toEpochMilli(), to.toEpochMilli(), t);
        }
        Latencies latencies = part.latency().with(t.ok());
        Map<String, WindowStats.Timing> named = new TreeMap<>();
        java.util.Set<String> names = new java.util.TreeSet<>(part.timings().keySet());
        names.addAll(t.timingNames());
        int timedSamples = t.timedSamples + part.timedSamples();
        for (String name : names) {
            Latencies l = part.timings().getOrDefault(name, Buckets.EMPTY).with(t.timing(name));
            named.put(name, new WindowStats.Timing(timedSamples, l.count(), l));
        }
        return WindowStats.of(key, from, to, t.samples + part.samples(), t.failures + part.failures(),
                t.available + part.available(), latencies, memory.coveredFrom(from), named);
    }

    /**
     * The stored part of one target's window of one length. When a minute passes, only the rollups that
     * entered the window are read (and the raw runs of its first minute and of minutes not rolled up);
     * the minutes that left it are taken off the running sums. Any other change reads it all again.
     */
    private final class Slide {

        private @Nullable PartKey at;
        private @Nullable StoredPart part;
        private Instant rollupsTo = Instant.EPOCH;
        private final java.util.ArrayDeque<Minute> minutes = new java.util.ArrayDeque<>();
        private final java.util.TreeMap<Long, Long> latency = new java.util.TreeMap<>();
        private final Map<String, java.util.TreeMap<Long, Long>> timings = new TreeMap<>();
        private final int[] counts = new int[4]; // samples, failures, available, timed samples of the rollups

        synchronized StoredPart part(PartKey k) {
            if (k.equals(at) && part != null) {
                return part;
            }
            Instant newRollupsTo = min(k.rolledUntil(), k.memoryFrom());
            boolean slides = at != null && !k.wholeFrom().isBefore(at.wholeFrom()) && !newRollupsTo.isBefore(rollupsTo)
                    && !k.wholeFrom().isAfter(rollupsTo);
            if (!slides) {
                minutes.forEach(m -> m.apply(this, -1));
                minutes.clear();
                rollupsTo = k.wholeFrom();
            }
            while (!minutes.isEmpty() && minutes.peekFirst().at().isBefore(k.wholeFrom())) {
                minutes.pollFirst().apply(this, -1);
            }
            try {
                part = load(k, max(rollupsTo, k.wholeFrom()), newRollupsTo, this);
            } catch (RuntimeException e) {
                minutes.forEach(m -> m.apply(this, -1)); // start afresh next time
                minutes.clear();
                at = null;
                part = null;
                throw e;
            }
            rollupsTo = max(newRollupsTo, k.wholeFrom());
            at = k;
            return part;
        }
    }

    /** One rolled-up minute, decoded once. */
    private record Minute(Instant at, int samples, int failures, int available, boolean timed, Buckets latency,
                          Map<String, Buckets> timings) {

        void apply(Slide s, int sign) {
            s.counts[0] += sign * samples;
            s.counts[1] += sign * failures;
            s.counts[2] += sign * available;
            s.counts[3] += timed ? sign * samples : 0;
            latency.addTo(s.latency, sign);
            timings.forEach((name, b) -> b.addTo(s.timings.computeIfAbsent(name, n -> new java.util.TreeMap<>()), sign));
        }
    }

    private StoredPart load(PartKey k, Instant rollupsFrom, Instant rollupsTo, Slide slide) {
        queries.incrementAndGet();
        Instant rawFrom = max(k.rolledUntil(), k.wholeFrom());
        List<RawRun> boundary = new ArrayList<>();
        Tally raw = new Tally();
        long wholeFromMs = k.wholeFrom().toEpochMilli();
        jdbc.query("select 0, started_at, coalesce(metric_value, duration_ms), outcome, measurements, cast(null as integer), cast(null as integer), "
                        + "cast(null as integer), cast(null as varchar), cast(null as varchar), cast(null as double precision) "
                        + "from probe_result where target_key = ? and ((started_at >= ? and started_at < ?) "
                        + "or (started_at >= ? and started_at < ?)) "
                        + "union all select 1, minute_start, cast(null as double precision), cast(null as varchar), "
                        + "cast(null as varchar), samples, failures, available, latency_histogram, timing_histograms, max_ms "
                        + "from probe_rollup where target_key = ? and minute_start >= ? and minute_start < ? order by 1, 2",
                rs -> {
                    if (rs.getInt(1) == 0) {
                        RawRun r = RawRun.of(rs);
                        if (r.startMs() < wholeFromMs) {
                            boundary.add(r);
                        } else {
                            r.addTo(raw);
                        }
                    } else {
                        Minute m = minute(rs);
                        m.apply(slide, 1);
                        slide.minutes.addLast(m);
                    }
                }, k.key(), ts(k.boundaryFrom()), ts(k.wholeFrom()), ts(rawFrom), ts(k.memoryFrom()),
                k.key(), ts(rollupsFrom), ts(rollupsTo));
        Map<String, Buckets> timingBuckets = new TreeMap<>();
        slide.timings.forEach((name, sum) -> {
            if (!sum.isEmpty()) {
                timingBuckets.put(name, Buckets.of(sum));
            }
        });
        return new StoredPart(List.copyOf(boundary), raw, Buckets.of(slide.latency), timingBuckets, slide.counts[0],
                slide.counts[1], slide.counts[2], slide.counts[3]);
    }

    private static Minute minute(ResultSet rs) throws SQLException {
        int samples = rs.getInt(6);
        int failures = rs.getInt(7);
        String histogram = rs.getString(9);
        if (histogram == null) {
            // A rollup of the previous release: no histogram of the successful runs. Count each of them as
            // slow as the minute's slowest run (which may have been a failure): never better than it was.
            Histogram h = Buckets.newHistogram();
            h.recordValueWithCount(Buckets.micros(rs.getDouble(11)), samples - failures);
            return new Minute(rs.getTimestamp(2).toInstant(), samples, failures, rs.getInt(8), false, Buckets.of(h), Map.of());
        }
        Map<String, Buckets> timings = new TreeMap<>();
        String named = rs.getString(10);
        if (named != null && !named.isEmpty()) {
            for (String entry : named.split(";")) {
                int colon = entry.indexOf(':');
                timings.put(entry.substring(0, colon), Buckets.of(Buckets.decode(entry.substring(colon + 1))));
            }
        }
        return new Minute(rs.getTimestamp(2).toInstant(), samples, failures, rs.getInt(8), true,
                Buckets.of(Buckets.decode(histogram)), timings);
    }

    /** Everything a restart needs to rebuild one target's in-memory history. */
    record Warm(String key, long intervalMs, List<ProbeResult> results, @Nullable Instant streakBefore,
                List<StateChange> changes, @Nullable Instant firstStored) {
    }

    /** Reads the results since {@code from} and the state of every target with stored results. */
    List<Warm> warm(Instant from) {
        Map<String, Long> intervals = new LinkedHashMap<>();
        jdbc.query("select target_key, interval_ms from probe_target order by target_key",
                rs -> {
                    intervals.put(rs.getString(1), rs.getLong(2));
                });
        Map<String, List<ProbeResult>> results = new TreeMap<>();
        jdbc.query("select target_key, started_at, duration_ms, outcome, error_class, error_message, measurements, "
                + "metric_value from probe_result where started_at >= ? order by target_key, started_at", rs -> {
                    String key = rs.getString(1);
                    if (intervals.containsKey(key)) {
                        Map<String, Object> measurements = new LinkedHashMap<>(
                                rs.getString(7) == null ? Map.of() : Json.readMapLeniently(rs.getString(7)));
                        double value = rs.getDouble(8);
                        if (!rs.wasNull()) { // the column is the source of truth for a metric probe's value
                            measurements.put(ProbeResult.METRIC_VALUE, value);
                        }
                        results.computeIfAbsent(key, x -> new ArrayList<>()).add(new ProbeResult(key,
                                rs.getTimestamp(2).toInstant(), Duration.ofNanos(Math.round(rs.getDouble(3) * 1_000_000)),
                                Outcome.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6), measurements));
                    }
                }, ts(from));
        List<Warm> warm = new ArrayList<>();
        intervals.forEach((key, interval) -> {
            Instant firstStored = firstStored(key);
            if (firstStored == null) {
                return;
            }
            List<StateChange> changes = jdbc.query("select changed_at, from_state, to_state, reason from probe_state_change "
                    + "where target_key = ? order by changed_at desc, id desc fetch first 50 rows only",
                    (rs, i) -> new StateChange(key, rs.getTimestamp(1).toInstant(), HealthState.valueOf(rs.getString(2)),
                            HealthState.valueOf(rs.getString(3)), rs.getString(4) == null ? "" : rs.getString(4)), key);
            warm.add(new Warm(key, interval, results.getOrDefault(key, List.of()), streakBefore(key, from, firstStored),
                    changes, firstStored));
        });
        return warm;
    }

    /** The oldest stored result: raw, or the minute of the oldest rollup when that is an earlier minute. */
    private @Nullable Instant firstStored(String key) {
        Timestamp raw = jdbc.queryForObject("select min(started_at) from probe_result where target_key = ?",
                Timestamp.class, key);
        Timestamp rolled = jdbc.queryForObject("select min(minute_start) from probe_rollup where target_key = ?",
                Timestamp.class, key);
        if (raw == null) {
            return rolled == null ? null : rolled.toInstant();
        }
        Instant r = raw.toInstant();
        return rolled != null && rolled.toInstant().isBefore(r.truncatedTo(ChronoUnit.MINUTES)) ? rolled.toInstant() : r;
    }

    /**
     * Start of the success streak running at {@code from}: the first result after the last stored
     * failure before it (from raw results; beyond them the minute after the last rollup with a
     * failure, which can only make the streak shorter), or the oldest stored result.
     */
    private @Nullable Instant streakBefore(String key, Instant from, Instant firstStored) {
        Timestamp failed = jdbc.queryForObject("select max(started_at) from probe_result where target_key = ? "
                + "and started_at < ? and outcome in " + STREAK_BREAKERS, Timestamp.class, key, ts(from));
        if (failed != null) {
            Timestamp next = jdbc.queryForObject("select min(started_at) from probe_result where target_key = ? "
                    + "and started_at > ?", Timestamp.class, key, failed);
            return next == null ? null : next.toInstant();
        }
        Timestamp rawStart = jdbc.queryForObject("select min(started_at) from probe_result where target_key = ?",
                Timestamp.class, key);
        Timestamp minute = jdbc.queryForObject("select max(minute_start) from probe_rollup where target_key = ? "
                + "and failures > 0 and minute_start < ?", Timestamp.class, key,
                rawStart == null ? ts(from) : Timestamp.from(rawStart.toInstant().truncatedTo(ChronoUnit.MINUTES)));
        return minute == null ? firstStored : minute.toInstant().plus(1, ChronoUnit.MINUTES);
    }

    static Instant ceilMinute(Instant t) {
        Instant floor = t.truncatedTo(ChronoUnit.MINUTES);
        return floor.equals(t) ? t : floor.plus(1, ChronoUnit.MINUTES);
    }

    private static Timestamp ts(Instant t) {
        return Timestamp.from(t);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private record PartKey(String key, Instant boundaryFrom, Instant wholeFrom, Instant memoryFrom, Instant rolledUntil) {
    }

    /** A window ending now slides; one ending in the past ({@code end}) has its own. */
    private record SlideKey(String key, Duration length, @Nullable Instant end) {
    }

    /** The stored part of a window: raw runs of its first minute, raw runs not rolled up, merged rollups. */
    private record StoredPart(List<RawRun> boundary, Tally raw, Buckets latency, Map<String, Buckets> timings,
                              int samples, int failures, int available, int timedSamples) {
    }

    private record RawRun(long startMs, double ms, boolean failed, Map<String, Double> timings) {

        static RawRun of(ResultSet rs) throws SQLException {
            Map<String, Double> timings = new TreeMap<>();
            String json = rs.getString(5);
            if (json != null && json.contains("Ms\"")) {
                Json.readMapLeniently(json).forEach((name, v) -> {
                    String timing = Tally.timingName(name);
                    if (timing != null && v instanceof Number n) {
                        timings.put(timing, (double) n.floatValue());
                    }
                });
            }
            return new RawRun(rs.getTimestamp(2).toInstant().toEpochMilli(), (float) rs.getDouble(3),
                    Outcome.valueOf(rs.getString(4)).isFailure(), timings);
        }

        void addTo(Tally t) {
            t.run(startMs, ms, failed);
            if (!failed) {
                timings.forEach(t::timing);
            }
        }
    }
}
