package org.remediation.console.criteria;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Used until a probe-engine adapter is wired in: every measured criterion reads "no data". */
final class NoProbeMeasurements implements ProbeMeasurements {

    @Override
    public WindowStats window(String targetKey, @Nullable String measurement, Instant from, Instant to) {
        return WindowStats.empty();
    }

    @Override
    public TargetStatus status(String targetKey) {
        return TargetStatus.unknown();
    }

    @Override
    public Optional<LatestValue> latest(String targetKey, String attribute) {
        return Optional.empty();
    }

    /** Without a probe engine nothing is known, so nothing is called missing either: criteria read "no data". */
    @Override
    public Optional<String> metricUnit(String targetKey) {
        return Optional.empty();
    }

    @Override
    public java.time.@Nullable Duration interval(String targetKey) {
        return null;
    }

    @Override
    public boolean targetExists(String targetKey) {
        return true;
    }

    @Override
    public List<String> targetsInGroup(String group) {
        return List.of();
    }

    @Override
    public List<String> goldenPathTargets() {
        return List.of();
    }

    @Override
    public List<@Nullable Double> series(String targetKey, @Nullable String measurement, SeriesStatistic statistic,
                                         Instant from, Instant to, Duration step) {
        List<@Nullable Double> out = new ArrayList<>();
        for (Instant t = from; t.isBefore(to); t = t.plus(step)) {
            out.add(null);
        }
        return out;
    }
}
