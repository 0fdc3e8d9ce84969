package org.remediation.console.criteria;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.remediation.console.probe.Latencies;

/**
 * Test fixture: an in-memory probe engine fed synthetic results. Recent results are kept raw; older
 * ones can be rolled up into per-minute buckets (counts plus a 10 ms latency histogram), like a real
 * probe store does, so windows that straddle the raw/rollup boundary can be tested.
 */
public class InMemoryProbeMeasurements implements ProbeMeasurements {

    /** Latency histogram resolution of rollups. */
    public static final double BUCKET_MS = 10;

    private record Sample(Instant at, boolean success, double latencyMs, Map<String, Double> timings, State state,
                          Map<String, String> values) {
    }

    private static final class Rollup {
        long samples;
        long successes;
        long available;
        double max;
        final Map<String, TreeMap<Long, Long>> histograms = new HashMap<>();
    }

    private final Map<String, List<Sample>> raw = new ConcurrentHashMap<>();
    private final Map<String, TreeMap<Instant, Rollup>> rollups = new ConcurrentHashMap<>();
    private final Map<String, TargetStatus> statuses = new ConcurrentHashMap<>();
    private final Map<String, Map<String, LatestValue>> latest = new ConcurrentHashMap<>();
    private final Map<String, List<String>> groups = new ConcurrentHashMap<>();
    private volatile List<String> goldenPath = List.of();
    private final java.util.Set<String> missing = ConcurrentHashMap.newKeySet();
    private final Map<String, Instant> recordedFrom = new ConcurrentHashMap<>();
    private final java.util.Set<String> broken = ConcurrentHashMap.newKeySet();

    /** Reading the target's window fails (a database error, an undecodable rollup). */
    private final Map<String, String> metricUnits = new ConcurrentHashMap<>();

    /** Makes {@code target} a metric probe whose values are in {@code unit}: its "latencies" are its values. */
    public InMemoryProbeMeasurements metric(String target, String unit) {
        metricUnits.put(target, unit);
        return this;
    }

    /** Metric targets read once a minute here. */
    @Override
    public @Nullable Duration interval(String targetKey) {
        return metricUnits.containsKey(targetKey) ? Duration.ofMinutes(1) : null;
    }

    @Override
    public Optional<String> metricUnit(String targetKey) {
        return Optional.ofNullable(metricUnits.get(targetKey));
    }

    public InMemoryProbeMeasurements broken(String target) {
        broken.add(target);
        return this;
    }

    /** Recorded values of the target are held only from {@code from} on (like the probe engine's memory). */
    public InMemoryProbeMeasurements recordedFrom(String target, Instant from) {
        recordedFrom.put(target, from);
        return this;
    }

    @Override
    public @Nullable Instant recordedFrom(String targetKey) {
        return recordedFrom.get(targetKey);
    }
    private final Map<String, Instant> firstProbed = new ConcurrentHashMap<>();

    public synchronized void clear() {
        raw.clear();
        rollups.clear();
        statuses.clear();
        latest.clear();
        groups.clear();
        goldenPath = List.of();
        missing.clear();
        firstProbed.clear();
    }

    /** Data of the target begins at {@code at} (a target added recently): windows report their coverage. */
    public InMemoryProbeMeasurements firstProbed(String target, Instant at) {
        firstProbed.put(target, at);
        return this;
    }

    /** Every target exists unless marked missing here (a criterion on it then says "no such probe target"). */
    public InMemoryProbeMeasurements missing(String target) {
        missing.add(target);
        return this;
    }

    @Override
    public boolean targetExists(String targetKey) {
        return !missing.contains(targetKey);
    }

    /** Called when group or golden-path membership changes, as the probe engine announces target changes. */
    private volatile Runnable membershipChanged = () -> { };

    public void onMembershipChange(Runnable listener) {
        membershipChanged = listener;
    }

    public InMemoryProbeMeasurements group(String group, String... targets) {
        groups.put(group, List.of(targets));
        membershipChanged.run();
        return this;
    }

    public InMemoryProbeMeasurements goldenPath(String... targets) {
        goldenPath = List.of(targets);
        membershipChanged.run();
        return this;
    }

    /** Records one result; its state follows success (and DEGRADED when flagged). */
    public InMemoryProbeMeasurements result(String target, Instant at, boolean success, double latencyMs) {
        return result(target, at, success, latencyMs, Map.of(), false);
    }

    public synchronized InMemoryProbeMeasurements result(String target, Instant at, boolean success, double latencyMs,
                                                         Map<String, Double> timings, boolean degraded) {
        return result(target, at, success, latencyMs, timings, degraded, Map.of());
    }

    /** A result that recorded values ({@code status → 503}, {@code concurrentSuccess → 12}); raw only, rollups drop them. */
    public synchronized InMemoryProbeMeasurements result(String target, Instant at, boolean success, double latencyMs,
                                                         Map<String, Double> timings, boolean degraded,
                                                         Map<String, String> values) {
        State state = !success ? State.DOWN : degraded ? State.DEGRADED : State.UP;
        raw.computeIfAbsent(target, k -> new ArrayList<>()).add(new Sample(at, success, latencyMs, timings, state, values));
        TargetStatus before = statuses.getOrDefault(target, TargetStatus.unknown());
        if (before.state() != state) {
            statuses.put(target, new TargetStatus(state, at, state == State.UP ? at : null));
        }
        return this;
    }

    /** {@code count} results every {@code every}, starting at {@code from}. */
    public InMemoryProbeMeasurements results(String target, Instant from, Duration every, int count, boolean success,
                                             double latencyMs) {
        for (int i = 0; i < count; i++) {
            result(target, from.plus(every.multipliedBy(i)), success, latencyMs);
        }
        return this;
    }

    public InMemoryProbeMeasurements attribute(String target, String name, String value, Instant at) {
        latest.computeIfAbsent(target, k -> new ConcurrentHashMap<>()).put(name, new LatestValue(value, at));
        return this;
    }

    public InMemoryProbeMeasurements status(String target, TargetStatus status) {
        statuses.put(target, status);
        return this;
    }

    /** Moves raw results older than {@code boundary} into per-minute rollups. */
    public synchronized void rollUpBefore(Instant boundary) {
        raw.forEach((target, list) -> {
            TreeMap<Instant, Rollup> byMinute = rollups.computeIfAbsent(target, k -> new TreeMap<>());
            List<Sample> keep = new ArrayList<>();
            for (Sample s : list) {
                if (!s.at().isBefore(boundary)) {
                    keep.add(s);
                    continue;
                }
                Rollup r = byMinute.computeIfAbsent(s.at().truncatedTo(ChronoUnit.MINUTES), k -> new Rollup());
                r.samples++;
                r.successes += s.success() ? 1 : 0;
                r.available += s.state() != State.DOWN ? 1 : 0;
                if (s.success()) { // rollups keep failed runs apart from latencies
                    r.max = Math.max(r.max, s.latencyMs());
                    add(r, "", s.latencyMs());
                    s.timings().forEach((name, ms) -> add(r, name, ms));
                }
            }
            list.clear();
            list.addAll(keep);
        });
    }

    private static void add(Rollup r, String measurement, double ms) {
        r.histograms.computeIfAbsent(measurement, k -> new TreeMap<>()).merge((long) Math.ceil(ms / BUCKET_MS), 1L, Long::sum);
    }

    @Override
    public synchronized WindowStats window(String targetKey, @Nullable String measurement, Instant from, Instant to) {
        if (broken.contains(targetKey)) {
            throw new IllegalStateException("the stored rollups of " + targetKey + " cannot be decoded");
        }
        long samples = 0;
        long successes = 0;
        long available = 0;
        List<Double> latencies = new ArrayList<>();
        for (Sample s : raw.getOrDefault(targetKey, List.of())) {
            if (s.at().isBefore(from) || !s.at().isBefore(to)) {
                continue;
            }
            Double ms = measurement == null ? Double.valueOf(s.latencyMs()) : s.timings().get(measurement);
            if (ms == null && s.success()) {
                continue;
            }
            samples++;
            successes += s.success() ? 1 : 0;
            available += s.state() != State.DOWN ? 1 : 0;
            if (s.success()) {
                latencies.add(ms);
            }
        }
        for (Rollup r : rollups.getOrDefault(targetKey, new TreeMap<>()).subMap(from, true, to, false).values()) {
            TreeMap<Long, Long> h = r.histograms.getOrDefault(measurement == null ? "" : measurement, new TreeMap<>());
            samples += r.samples;
            successes += r.successes;
            available += r.available;
            h.forEach((bucket, n) -> {
                for (long i = 0; i < n; i++) {
                    latencies.add(bucket * BUCKET_MS);
                }
            });
        }
        if (samples == 0) {
            return WindowStats.empty();
        }
        Instant first = firstProbed.get(targetKey);
        return new WindowStats(samples, successes, 100.0 * available / samples,
                Latencies.of(latencies.stream().mapToDouble(Double::doubleValue).toArray()),
                first == null || first.isBefore(from) ? from : first);
    }

    /** {@code count} results every {@code every} from {@code from}, each recording {@code measurement = value} (null: none). */
    public InMemoryProbeMeasurements recording(String target, Instant from, Duration every, int count, boolean success,
                                              String measurement, @Nullable String value) {
        for (int i = 0; i < count; i++) {
            result(target, from.plus(every.multipliedBy(i)), success, 100, Map.of(), false,
                    value == null ? Map.of() : Map.of(measurement, value));
        }
        return this;
    }

    @Override
    public synchronized List<RecordedValue> recorded(String targetKey, String measurement, Instant from, Instant to) {
        return raw.getOrDefault(targetKey, List.of()).stream()
                .filter(s -> !s.at().isBefore(from) && s.at().isBefore(to))
                .map(s -> new RecordedValue(s.at(), !s.success(), s.values().get(measurement)))
                .toList();
    }

    @Override
    public TargetStatus status(String targetKey) {
        return statuses.getOrDefault(targetKey, TargetStatus.unknown());
    }

    @Override
    public Optional<LatestValue> latest(String targetKey, String attribute) {
        return Optional.ofNullable(latest.getOrDefault(targetKey, Map.of()).get(attribute));
    }

    @Override
    public List<String> targetsInGroup(String group) {
        return groups.getOrDefault(group, List.of());
    }

    @Override
    public List<String> goldenPathTargets() {
        return goldenPath;
    }

    @Override
    public List<@Nullable Double> series(String targetKey, @Nullable String measurement, SeriesStatistic statistic,
                                         Instant from, Instant to, Duration step) {
        List<@Nullable Double> out = new ArrayList<>();
        for (Instant t = from; t.isBefore(to); t = t.plus(step)) {
            WindowStats w = window(targetKey, measurement, t, t.plus(step));
            out.add(w.samples() == 0 ? null : switch (statistic) {
                case SUCCESS_RATE -> w.successRatePercent();
                case AVAILABILITY -> w.availabilityPercent();
                case P50 -> LatencySli.value(Statistic.P50, Comparison.LT, w);
                case P95 -> LatencySli.value(Statistic.P95, Comparison.LT, w);
                case P99 -> LatencySli.value(Statistic.P99, Comparison.LT, w);
                case MAX -> LatencySli.value(Statistic.MAX, Comparison.LT, w);
            });
        }
        return out;
    }
}
