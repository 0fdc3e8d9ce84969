package org.remediation.console.probe;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Live statistics of every target, served from memory (no database query), for dashboards and the
 * success-criteria evaluator. Windows reach back at most {@code console.probes.memory-window}
 * (default 60 min); {@link WindowStats#coveredFrom()} tells how far the data really goes.
 * Engine state, not a service: written on probe threads and read on every criteria round, so it
 * carries no per-call security check (ADR 0009); it exposes figures, never settings or secrets.
 */
@Component
public class ProbeStatistics {

    private final Map<String, TargetHistory> histories = new ConcurrentHashMap<>();
    private final ProbeProperties properties;
    private final Clock clock;

    ProbeStatistics(ProbeProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    /** Success rate, p50/p95/p99/max/mean latency and sample count over the last {@code window}. */
    public Optional<WindowStats> window(String targetKey, Duration window) {
        Instant now = clock.instant();
        return Optional.ofNullable(histories.get(targetKey)).map(h -> h.window(now.minus(window), now));
    }

    /** Current state (after hysteresis), since when, time since the change, success streak, last result. */
    public Optional<TargetStatus> status(String targetKey) {
        return Optional.ofNullable(histories.get(targetKey)).map(h -> h.status(clock.instant()));
    }

    /** Every target that has results, by key. */
    public Map<String, TargetStatus> statuses() {
        Instant now = clock.instant();
        Map<String, TargetStatus> m = new java.util.TreeMap<>();
        histories.forEach((k, h) -> m.put(k, h.status(now)));
        return m;
    }

    public HealthState state(String targetKey) {
        return status(targetKey).map(TargetStatus::state).orElse(HealthState.UNKNOWN);
    }

    /** The last {@code n} samples, oldest first (for sparklines and charts). */
    public Samples samples(String targetKey, int n) {
        TargetHistory h = histories.get(targetKey);
        return h == null ? new Samples(new long[0], new double[0], new boolean[0]) : h.samples(n);
    }

    /** The latest full results (with measurements and errors), newest first, at most 30. */
    public List<ProbeResult> recentResults(String targetKey, int limit) {
        TargetHistory h = histories.get(targetKey);
        return h == null ? List.of() : h.recent(limit);
    }

    /**
     * Every result held in memory that started in {@code [from, to)}, oldest first, with the value it
     * recorded under {@code measurement} ({@code status}, {@code concurrentSuccess}, {@code rcode}) or
     * null; for counting a status per window.
     */
    public List<Recorded> recorded(String targetKey, String measurement, Instant from, Instant to) {
        TargetHistory h = histories.get(targetKey);
        return h == null ? List.of() : h.recorded(measurement, from, to);
    }

    /** One result's recorded value: when it started, whether it failed, the value (null when none). */
    public record Recorded(Instant at, boolean failed, @Nullable Object value) {
    }

    /** Recent state changes since the console started, newest first, at most 50. */
    public List<StateChange> stateChanges(String targetKey, int limit) {
        TargetHistory h = histories.get(targetKey);
        return h == null ? List.of() : h.changes(limit);
    }

    /** Records a result; returns the state change it caused. Called by the engine only. */
    @Nullable StateChange record(ProbeTarget target, ProbeResult result) {
        TargetHistory h = histories.computeIfAbsent(target.key(), k -> new TargetHistory(k,
                TargetHistory.capacityFor(properties.memoryWindow(), target.interval()),
                properties.downAfter(), properties.upAfter()));
        return h.record(result);
    }

    void forget(String targetKey) {
        histories.remove(targetKey);
    }
}
