package org.remediation.console.criteria;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Memoises probe measurements for one evaluation round, so a thousand criteria over a handful of
 * targets and windows ask the probe engine once per distinct question. Not thread-safe: one per round.
 */
final class RoundCache implements ProbeMeasurements {

    private record WindowKey(String target, @Nullable String measurement, Instant from, Instant to) {
    }

    private record LatestKey(String target, String attribute) {
    }

    private record RecordedKey(String target, String measurement, Instant from, Instant to) {
    }

    private final ProbeMeasurements delegate;
    private final Map<WindowKey, WindowStats> windows = new HashMap<>();
    private final Map<String, TargetStatus> statuses = new HashMap<>();
    private final Map<RecordedKey, List<RecordedValue>> recorded = new HashMap<>();
    private final Map<LatestKey, Optional<LatestValue>> latest = new HashMap<>();
    private final Map<String, List<String>> groups = new HashMap<>();
    private final Map<String, Boolean> exists = new HashMap<>();
    private final Map<String, Optional<String>> units = new HashMap<>();
    private @Nullable List<String> goldenPath;

    RoundCache(ProbeMeasurements delegate) {
        this.delegate = delegate;
    }

    @Override
    public WindowStats window(String targetKey, @Nullable String measurement, Instant from, Instant to) {
        return windows.computeIfAbsent(new WindowKey(targetKey, measurement, from, to),
                k -> delegate.window(targetKey, measurement, from, to));
    }

    @Override
    public @Nullable Instant recordedFrom(String targetKey) {
        return delegate.recordedFrom(targetKey);
    }

    @Override
    public List<RecordedValue> recorded(String targetKey, String measurement, Instant from, Instant to) {
        return recorded.computeIfAbsent(new RecordedKey(targetKey, measurement, from, to),
                k -> delegate.recorded(targetKey, measurement, from, to));
    }

    @Override
    public TargetStatus status(String targetKey) {
        return statuses.computeIfAbsent(targetKey, delegate::status);
    }

    @Override
    public Optional<LatestValue> latest(String targetKey, String attribute) {
        return latest.computeIfAbsent(new LatestKey(targetKey, attribute), k -> delegate.latest(targetKey, attribute));
    }

    @Override
    public Optional<String> metricUnit(String targetKey) {
        return units.computeIfAbsent(targetKey, delegate::metricUnit);
    }

    @Override
    public java.time.@Nullable Duration interval(String targetKey) {
        return delegate.interval(targetKey);
    }

    @Override
    public boolean targetExists(String targetKey) {
        return exists.computeIfAbsent(targetKey, delegate::targetExists);
    }

    @Override
    public List<String> targetsInGroup(String group) {
        return groups.computeIfAbsent(group, delegate::targetsInGroup);
    }

    @Override
    public List<String> goldenPathTargets() {
        if (goldenPath == null) {
            goldenPath = delegate.goldenPathTargets();
        }
        return goldenPath;
    }

    @Override
    public List<@Nullable Double> series(String targetKey, @Nullable String measurement, SeriesStatistic statistic,
                                         Instant from, Instant to, Duration step) {
        return delegate.series(targetKey, measurement, statistic, from, to, step);
    }
}
