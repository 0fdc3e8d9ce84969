package org.remediation.console.probe;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    TargetHistory(String key, int capacity, int downAfter, int upAfter) {
        this.key = key;
        this.startMillis = new long[capacity];
        this.durationMs = new float[capacity];
        this.outcome = new byte[capacity];
        @SuppressWarnings("unchecked")
        Map<String, Object>[] v = new Map[capacity];
        this.values = v;
        this.hysteresis = new Hysteresis(downAfter, upAfter);
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
        startMillis[next] = r.startedAt().toEpochMilli();
        durationMs[next] = (float) r.durationMs();
        outcome[next] = (byte) r.outcome().ordinal();
        values[next] = countable(r.measurements());
        next = (next + 1) % startMillis.length;
        size = Math.min(size + 1, startMillis.length);
        full.addFirst(r);
        if (full.size() > FULL_RESULTS) {
            full.removeLast();
        }
        last = r;
        if (r.outcome().isFailure()) {
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
                streak.isNegative() ? Duration.ZERO : streak, last);
    }

    synchronized WindowStats window(Instant from, Instant to) {
        long fromMs = from.toEpochMilli();
        long toMs = to.toEpochMilli();
        int samples = 0;
        int failures = 0;
        double[] ok = new double[size];
        for (int i = 0; i < size; i++) {
            int idx = Math.floorMod(next - 1 - i, startMillis.length);
            long t = startMillis[idx];
            if (t < fromMs) {
                break;
            }
            if (t > toMs) {
                continue;
            }
            samples++;
            if (Outcome.values()[outcome[idx]].isFailure()) {
                failures++;
            } else {
                ok[samples - failures - 1] = durationMs[idx];
            }
        }
        Instant covered = size == 0 ? null : Instant.ofEpochMilli(startMillis[Math.floorMod(next - size, startMillis.length)]);
        Latencies latencies = Latencies.of(Arrays.copyOf(ok, samples - failures));
        return WindowStats.of(key, from, to, samples, failures, latencies, covered);
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
            out.add(new ProbeStatistics.Recorded(Instant.ofEpochMilli(t), Outcome.values()[outcome[idx]].isFailure(),
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
            failed[i] = Outcome.values()[outcome[idx]].isFailure();
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
