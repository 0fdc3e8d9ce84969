package org.remediation.console.probe;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Live statistics of every target for dashboards, success criteria and watch windows. Memory is a
 * cache of the recent {@code console.probes.memory-window} (default 60 min), warmed from the database
 * on first use after a start; windows reaching further back (up to 7 days) merge stored raw results
 * and per-minute rollups with it ({@link StoredResults}). {@link WindowStats#coveredFrom()} tells
 * where the target's data begins. Engine state, not a service: written on probe threads and read on
 * every criteria round, so it carries no per-call security check (ADR 0009); it exposes figures,
 * never settings or secrets.
 */
@Component
public class ProbeStatistics {

    private static final Logger log = LoggerFactory.getLogger(ProbeStatistics.class);

    private final Map<String, TargetHistory> histories = new ConcurrentHashMap<>();
    private final ProbeProperties properties;
    private final Clock clock;
    private final @Nullable StoredResults stored;
    private volatile boolean warmed;
    /** Every result from this instant on is in memory (the start of the warm-up); MIN without a database. */
    private volatile long completeFromMs = Long.MIN_VALUE;

    /** Memory only (unit tests). */
    ProbeStatistics(ProbeProperties properties, Clock clock) {
        this(properties, clock, null);
    }

    @Autowired
    ProbeStatistics(ProbeProperties properties, Clock clock, @Nullable StoredResults stored) {
        this.properties = properties;
        this.clock = clock;
        this.stored = stored;
        this.warmed = stored == null;
    }

    /** Success rate, p50/p95/p99/max/mean latency and sample count over the last {@code window}. */
    public Optional<WindowStats> window(String targetKey, Duration window) {
        Instant now = clock.instant();
        return window(targetKey, now.minus(window), now);
    }

    /**
     * Statistics of the results that started in {@code [from, to]}: from memory when it holds every
     * result since {@code from}, otherwise merged with stored results (one cached query per target,
     * window and minute). Windows up to the memory window read exact latencies; longer ones read
     * HdrHistogram buckets (within 0.1 %) wherever their results come from, so a figure does not
     * depend on how much happened to be in memory (before or after a restart). Empty for a target
     * without any data.
     */
    public Optional<WindowStats> window(String targetKey, Instant from, Instant to) {
        return window(targetKey, from, to, true);
    }

    /**
     * As {@link #window(String, Instant, Instant)}; without {@code withTimings} the named timings may be
     * left out (they are from memory), which saves most of the work for a criterion on the overall result.
     */
    public Optional<WindowStats> window(String targetKey, Instant from, Instant to, boolean withTimings) {
        warm();
        TargetHistory h = histories.get(targetKey);
        if (h == null) {
            return Optional.empty();
        }
        boolean longWindow = Duration.between(from, to).compareTo(properties.memoryWindow()) > 0;
        if (stored == null || from.toEpochMilli() >= h.completeFromMs()) {
            return Optional.of(h.window(from, to, longWindow, withTimings));
        }
        return Optional.of(stored.window(targetKey, h, from, to));
    }

    /** Database queries made for windows since start (for the criteria benchmark). */
    public long storedQueries() {
        return stored == null ? 0 : stored.queries();
    }

    /**
     * After a start, rebuilds memory from the database once: the results of the memory window
     * replayed through each target's state machine, the stored state changes, the current success
     * streak and where each target's data begins. Runs before anything is recorded or read.
     */
    private void warm() {
        if (warmed) {
            return;
        }
        synchronized (this) {
            if (warmed || stored == null) {
                return;
            }
            Instant now = clock.instant();
            Instant from = now.minus(properties.memoryWindow());
            try {
                histories.putAll(stored(stored, from));
                completeFromMs = from.toEpochMilli();
                log.info("Probe statistics warmed from the database: {} targets, results since {}", histories.size(), from);
            } catch (RuntimeException e) {
                completeFromMs = now.toEpochMilli();
                log.warn("Could not warm probe statistics from the database; windows start with new results", e);
            }
            warmed = true;
        }
    }

    private Map<String, TargetHistory> stored(StoredResults stored, Instant from) {
        Map<String, TargetHistory> read = new java.util.HashMap<>();
        for (StoredResults.Warm w : stored.warm(from)) {
            TargetHistory h = new TargetHistory(w.key(),
                    TargetHistory.capacityFor(properties.memoryWindow(), Duration.ofMillis(w.intervalMs())),
                    properties.downAfter(), properties.upAfter(), from.toEpochMilli());
            h.warm(w.results(), w.streakBefore(), w.changes().isEmpty() ? null : w.changes().getFirst(),
                    w.changes(), w.firstStored());
            read.put(w.key(), h);
        }
        return read;
    }

    /**
     * Rebuilds from the database the memory of the targets another node runs, after this node missed some
     * of their results (its connection to the other consoles was lost): a missed failure must not leave a
     * window looking better than it was. The caller feeds those targets' results, so none arrive meanwhile.
     */
    void rewarm(java.util.function.Predicate<String> which) {
        if (stored == null) {
            return;
        }
        Instant from = clock.instant().minus(properties.memoryWindow());
        Map<String, TargetHistory> read = stored(stored, from);
        read.forEach((key, h) -> {
            if (which.test(key)) {
                histories.put(key, h);
            }
        });
        log.info("Probe statistics of targets other nodes run re-read from the database after a gap in their results");
    }

    /** Current state (after hysteresis), since when, time since the change, success streak, last result. */
    public Optional<TargetStatus> status(String targetKey) {
        warm();
        return Optional.ofNullable(histories.get(targetKey)).map(h -> h.status(clock.instant()));
    }

    /** Every target that has results, by key. */
    public Map<String, TargetStatus> statuses() {
        warm();
        Instant now = clock.instant();
        Map<String, TargetStatus> m = new java.util.TreeMap<>();
        histories.forEach((k, h) -> m.put(k, h.status(now)));
        return m;
    }

    /** Runs recorded since start (a counter for metrics). */
    long runs(String targetKey) {
        TargetHistory h = histories.get(targetKey);
        return h == null ? 0 : h.runs();
    }

    /** Total duration of the runs recorded since start, in ms (a counter for metrics). */
    double totalMs(String targetKey) {
        TargetHistory h = histories.get(targetKey);
        return h == null ? 0 : h.totalMs();
    }

    public HealthState state(String targetKey) {
        return status(targetKey).map(TargetStatus::state).orElse(HealthState.UNKNOWN);
    }

    /** The last {@code n} samples, oldest first (for sparklines and charts). */
    public Samples samples(String targetKey, int n) {
        warm();
        TargetHistory h = histories.get(targetKey);
        return h == null ? new Samples(new long[0], new double[0], new boolean[0]) : h.samples(n);
    }

    /** The latest full results (with measurements and errors), newest first, at most 30. */
    public List<ProbeResult> recentResults(String targetKey, int limit) {
        warm();
        TargetHistory h = histories.get(targetKey);
        return h == null ? List.of() : h.recent(limit);
    }

    /**
     * Every result held in memory that started in {@code [from, to)}, oldest first, with the value it
     * recorded under {@code measurement} ({@code status}, {@code concurrentSuccess}, {@code rcode}) or
     * null; for counting a status per window.
     */
    /** From when {@link #recorded} holds every result of the target: the memory window, not stored data. */
    public @Nullable Instant recordedFrom(String targetKey) {
        TargetHistory h = histories.get(targetKey);
        return h == null ? null : Instant.ofEpochMilli(h.completeFromMs());
    }

    public List<Recorded> recorded(String targetKey, String measurement, Instant from, Instant to) {
        TargetHistory h = histories.get(targetKey);
        return h == null ? List.of() : h.recorded(measurement, from, to);
    }

    /** One result's recorded value: when it started, whether it failed, the value (null when none). */
    public record Recorded(Instant at, boolean failed, @Nullable Object value) {
    }

    /** Recent state changes since the console started, newest first, at most 50. */
    public List<StateChange> stateChanges(String targetKey, int limit) {
        warm();
        TargetHistory h = histories.get(targetKey);
        return h == null ? List.of() : h.changes(limit);
    }

    /** Records a result; returns the state change it caused. Called by the engine only. */
    @Nullable StateChange record(ProbeTarget target, ProbeResult result) {
        warm();
        TargetHistory h = histories.computeIfAbsent(target.key(), k -> new TargetHistory(k,
                TargetHistory.capacityFor(properties.memoryWindow(), target.interval()),
                properties.downAfter(), properties.upAfter(), completeFromMs));
        return h.record(result);
    }

    void forget(String targetKey) {
        histories.remove(targetKey);
    }
}
