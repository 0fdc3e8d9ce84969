package org.remediation.console.probe;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * One target's recent history in memory: a ring of compact samples (start, duration, outcome) for
 * window statistics and sparklines, the last full results for the detail view, the state machine
 * and its recent changes. Synchronised: the scheduler writes, dashboards read.
 */
final class TargetHistory {

    private static final int FULL_RESULTS = 30;
    private static final int CHANGES = 50;

    private final String key;
    private final long[] startMillis;
    private final float[] durationMs;
    private final byte[] outcome;
    /** Per sample, the non-timing measurements (HTTP status, concurrentSuccess, DNS rcode …), for counting. */
    private final @Nullable Map<String, Object>[] values;
    private int next;
    private int size;
    private final Deque<ProbeResult> full = new ArrayDeque<>();
    private final Deque<StateChange> changes = new ArrayDeque<>();
    private final Hysteresis hysteresis;
    private @Nullable Instant since;
    private @Nullable Instant streakStart;
    private @Nullable ProbeResult last;
    /** Named timings per sample ({@code connectMs} → "connect"), NaN where a run did not record one. */
    private final Map<String, float[]> timings = new LinkedHashMap<>();
    /** Every result that started at or after this instant is held here (until the ring overwrites). */
    private long completeFromMs;
    /** The target's oldest known result (stored or recorded). */
    private long firstSeenMs = Long.MAX_VALUE;
    /** Runs recorded since start and their total duration: counters for metrics, never reset. */
    private long runs;
    private double totalMs;

    TargetHistory(String key, int capacity, int downAfter, int upAfter) {
        this(key, capacity, downAfter, upAfter, Long.MIN_VALUE);
    }

    /** @param completeFromMs every result of the target from this instant on will be recorded here */
    TargetHistory(String key, int capacity, int downAfter, int upAfter, long completeFromMs) {
        this.key = key;
        this.startMillis = new long[capacity];
        this.durationMs = new float[capacity];
        this.outcome = new byte[capacity];
        @SuppressWarnings("unchecked")
        Map<String, Object>[] v = new Map[capacity];
        this.values = v;
        this.hysteresis = new Hysteresis(downAfter, upAfter);
        this.completeFromMs = completeFromMs;
    }

    static int capacityFor(Duration memoryWindow, Duration interval) {
        long n = memoryWindow.toMillis() / Math.max(1, interval.toMillis()) + 8;
        return (int) Math.max(32, Math.min(4096, n));
    }

    int capacity() {
        return startMillis.length;
    }

    /** Records a result and returns the state change it caused, if any. */
    synchronized @Nullable StateChange record(ProbeResult r) {
        runs++;
        totalMs += r.durationMs();
        if (size == startMillis.length) {
            completeFromMs = Math.max(completeFromMs, startMillis[next] + 1); // the oldest sample leaves memory
        }
        startMillis[next] = r.startedAt().toEpochMilli();
        durationMs[next] = (float) r.figure(); // a metric probe's value ranks where a latency would
        outcome[next] = (byte) r.outcome().ordinal();
        values[next] = countable(r.measurements());
        firstSeenMs = Math.min(firstSeenMs, startMillis[next]);
        for (float[] t : timings.values()) {
            t[next] = Float.NaN;
        }
        r.measurements().forEach((name, value) -> {
            String timing = Tally.timingName(name);
            if (timing != null && value instanceof Number n) {
                timings.computeIfAbsent(timing, k -> {
                    float[] t = new float[startMillis.length];
                    Arrays.fill(t, Float.NaN);
                    return t;
                })[next] = n.floatValue();
            }
        });
        next = (next + 1) % startMillis.length;
        size = Math.min(size + 1, startMillis.length);
        full.addFirst(r);
        if (full.size() > FULL_RESULTS) {
            full.removeLast();
        }
        last = r;
        if (breaksStreak(r.outcome())) {
            streakStart = null;
        } else if (streakStart == null) {
            streakStart = r.startedAt();
        }
        HealthState before = hysteresis.state();
        HealthState after = hysteresis.apply(r.outcome());
        if (before == after) {
            return null;
        }
        since = r.startedAt();
        String reason = r.error() != null ? r.error() : r.outcome() + " in " + Math.round(r.durationMs()) + " ms";
        StateChange change = new StateChange(key, r.startedAt(), before, after, reason);
        changes.addFirst(change);
        if (changes.size() > CHANGES) {
            changes.removeLast();
        }
        return change;
    }

    synchronized TargetStatus status(Instant now) {
        Duration sinceChange = since == null ? Duration.ZERO : Duration.between(since, now);
        Duration streak = streakStart == null ? Duration.ZERO : Duration.between(streakStart, now);
        return new TargetStatus(key, hysteresis.state(), since, sinceChange.isNegative() ? Duration.ZERO : sinceChange,
                streak.isNegative() ? Duration.ZERO : streak, last, streakStart);
    }

    /** "Up without degradation": a failure or a degraded result ends the run of clean successes. */
    static boolean breaksStreak(Outcome o) {
        return o.isFailure() || o == Outcome.DEGRADED;
    }

    /** Statistics of {@code [from, to]} from memory alone (exact latencies). */
    synchronized WindowStats window(Instant from, Instant to) {
        return window(from, to, false);
    }

    /**
     * Statistics of {@code [from, to]} from memory alone; {@code bucketed}: latencies read as HdrHistogram
     * buckets, as windows longer than the memory window always are, whether or not memory covers them.
     */
    synchronized WindowStats window(Instant from, Instant to, boolean bucketed) {
        return window(from, to, bucketed, true);
    }

    /** As {@link #window(Instant, Instant, boolean)}; without {@code withTimings} the named timings are left out. */
    synchronized WindowStats window(Instant from, Instant to, boolean bucketed, boolean withTimings) {
        Tally t = new Tally(withTimings);
        tally(from.toEpochMilli(), to.toEpochMilli(), t);
        Map<String, WindowStats.Timing> named = new TreeMap<>();
        for (String name : t.timingNames()) {
            double[] ok = t.timing(name);
            named.put(name, new WindowStats.Timing(t.timedSamples, ok.length,
                    bucketed ? Buckets.EMPTY.with(ok) : Latencies.of(ok)));
        }
        return WindowStats.of(key, from, to, t.samples, t.failures, t.available,
                bucketed ? Buckets.EMPTY.with(t.ok()) : Latencies.of(t.ok()), coveredFrom(from), named);
    }

    /** Adds the held results that started in {@code [fromMs, toMs]} to {@code t}. */
    synchronized void tally(long fromMs, long toMs, Tally t) {
        for (int i = 0; i < size; i++) {
            int idx = Math.floorMod(next - 1 - i, startMillis.length);
            long at = startMillis[idx];
            if (at < fromMs) {
                break;
            }
            if (at > toMs) {
                continue;
            }
            boolean failed = Outcome.of(outcome[idx]).isFailure();
            t.run(at, durationMs[idx], failed);
            if (!failed && t.withTimings()) {
                for (Map.Entry<String, float[]> e : timings.entrySet()) {
                    float v = e.getValue()[idx];
                    if (!Float.isNaN(v)) {
                        t.timing(e.getKey(), v);
                    }
                }
            }
        }
    }

    synchronized long runs() {
        return runs;
    }

    synchronized double totalMs() {
        return totalMs;
    }

    /** Every result that started at or after this instant is in memory. */
    synchronized long completeFromMs() {
        return completeFromMs;
    }

    /** Where the target's data begins within a window starting at {@code from}; null without data. */
    synchronized @Nullable Instant coveredFrom(Instant from) {
        return firstSeenMs == Long.MAX_VALUE ? null : Instant.ofEpochMilli(Math.max(from.toEpochMilli(), firstSeenMs));
    }

    /**
     * After a restart: replays the stored results of the memory window (oldest first) through the
     * state machine without announcing anything, then restores what those results alone cannot
     * tell: when the current success streak and state began, the recent state changes, and the
     * oldest stored result.
     */
    synchronized void warm(List<ProbeResult> results, @Nullable Instant streakBefore, @Nullable StateChange latest,
                           List<StateChange> recentChanges, @Nullable Instant firstStored) {
        boolean failedInReplay = false;
        long runsBefore = runs;
        double totalBefore = totalMs;
        for (ProbeResult r : results) {
            record(r);
            failedInReplay |= breaksStreak(r.outcome());
        }
        runs = runsBefore; // replayed runs are not runs of this process (metrics count since start)
        totalMs = totalBefore;
        changes.clear();
        changes.addAll(recentChanges);
        if (!failedInReplay && streakStart != null && streakBefore != null && streakBefore.isBefore(streakStart)) {
            streakStart = streakBefore;
        }
        if (latest != null && latest.to() == hysteresis.state()) {
            since = latest.at(); // the stored change is the truth; the replay's own changes start from UNKNOWN
        }
        if (firstStored != null) {
            firstSeenMs = Math.min(firstSeenMs, firstStored.toEpochMilli());
        }
    }

    private static @Nullable Map<String, Object> countable(Map<String, Object> measurements) {
        Map<String, Object> out = new HashMap<>();
        measurements.forEach((k, v) -> {
            if (!k.endsWith("Ms") && (v instanceof Number || v instanceof String || v instanceof Boolean)) {
                out.put(k, v);
            }
        });
        return out.isEmpty() ? null : Map.copyOf(out);
    }

    /** Each sample that started in {@code [from, to)}, oldest first, with its recorded {@code measurement} (or null). */
    synchronized List<ProbeStatistics.Recorded> recorded(String measurement, Instant from, Instant to) {
        long fromMs = from.toEpochMilli();
        long toMs = to.toEpochMilli();
        List<ProbeStatistics.Recorded> out = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            int idx = Math.floorMod(next - 1 - i, startMillis.length);
            long t = startMillis[idx];
            if (t < fromMs) {
                break;
            }
            if (t >= toMs) {
                continue;
            }
            Map<String, Object> v = values[idx];
            out.add(new ProbeStatistics.Recorded(Instant.ofEpochMilli(t), Outcome.of(outcome[idx]).isFailure(),
                    v == null ? null : v.get(measurement)));
        }
        java.util.Collections.reverse(out);
        return out;
    }

    /** The last {@code n} samples, oldest first, for sparklines: durations and whether each failed. */
    synchronized Samples samples(int n) {
        int count = Math.min(n, size);
        double[] d = new double[count];
        boolean[] failed = new boolean[count];
        long[] at = new long[count];
        for (int i = 0; i < count; i++) {
            int idx = Math.floorMod(next - count + i, startMillis.length);
            d[i] = durationMs[idx];
            failed[i] = Outcome.of(outcome[idx]).isFailure();
            at[i] = startMillis[idx];
        }
        return new Samples(at, d, failed);
    }

    synchronized List<ProbeResult> recent(int limit) {
        return full.stream().limit(limit).toList();
    }

    synchronized List<StateChange> changes(int limit) {
        return new ArrayList<>(changes).subList(0, Math.min(limit, changes.size()));
    }
}
