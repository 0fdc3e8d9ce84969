package org.remediation.console.criteria;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.remediation.console.probe.Latencies;

/**
 * What the criteria evaluator needs from the probe engine. The production adapter reads the probe
 * engine's windowed statistics; tests use an in-memory fixture fed synthetic results.
 *
 * <p>Every window is half-open, {@code [from, to)}. Latencies are milliseconds. {@code measurement}
 * names one timing a probe records separately (the PostgreSQL probe's {@code connect} and
 * {@code query}); {@code null} means the probe's overall result. Implementations must be
 * thread-safe and cheap: the evaluator calls them for every criterion on every round.
 */
public interface ProbeMeasurements {

    /**
     * Sample counts and latency statistics of one target in a window, from stored results for any window
     * up to 7 days (memory answers the recent part).
     */
    WindowStats window(String targetKey, @Nullable String measurement, Instant from, Instant to);

    /** The target's current state and since when; {@link TargetStatus#unknown()} for unknown keys. */
    TargetStatus status(String targetKey);

    /** The latest recorded value of a named attribute (TLS {@code daysToExpiry}, HTTP {@code status}, cloud {@code state}). */
    Optional<LatestValue> latest(String targetKey, String attribute);

    /**
     * Whether a probe target with this key exists (enabled or not). A criterion on a key that does not
     * exist says "no such probe target" rather than waiting for data forever.
     */
    boolean targetExists(String targetKey);

    /**
     * The unit of a metric probe's values ({@code %}, {@code By}; empty text when it names none), or
     * empty for other kinds, whose window figures are latencies in ms. Abstract on purpose: a wrapper
     * that forgot it would judge every metric as a latency.
     */
    Optional<String> metricUnit(String targetKey);

    /** A target's interval (a metric target reads one period per run), or null when unknown. */
    @Nullable Duration interval(String targetKey);

    /** Keys of the enabled targets in a group, in a stable order; empty for an unknown group. */
    List<String> targetsInGroup(String group);

    /** Keys of the golden-path targets in step order. */
    List<String> goldenPathTargets();

    /**
     * One value per {@code step} bucket from {@code from} to {@code to} for sparklines; a bucket
     * without samples holds {@code null}. Latency buckets count failed runs as too slow, like
     * {@link LatencySli}: a bucket its failures decide holds {@code +∞}.
     */
    List<@Nullable Double> series(String targetKey, @Nullable String measurement, SeriesStatistic statistic,
                                  Instant from, Instant to, Duration step);

    /**
     * Every result of the target that started in the window, oldest first, with the value it recorded
     * under {@code measurement} (HTTP {@code status}, {@code concurrentSuccess}, DNS {@code rcode}) as
     * text, or null when that run recorded none. Counting a recorded value ({@code status=503 count})
     * and {@code concurrent-success} read this. The default knows no results, so such criteria read
     * "no data" rather than a count of zero.
     */
    default List<RecordedValue> recorded(String targetKey, String measurement, Instant from, Instant to) {
        return List.of();
    }

    /**
     * From when {@link #recorded} holds every result of the target (recorded values are kept in
     * memory only, for the memory window); null when it holds them for any window.
     */
    default @Nullable Instant recordedFrom(String targetKey) {
        return null;
    }

    /**
     * One result's recorded value.
     *
     * @param at when the run started
     * @param failed whether the run failed (DOWN, TIMEOUT, ERROR)
     * @param value the recorded value as text ({@code 503}), null when the run recorded none
     */
    record RecordedValue(Instant at, boolean failed, @Nullable String value) {
    }

    /** Statistics a trend series can carry. */
    enum SeriesStatistic { SUCCESS_RATE, AVAILABILITY, P50, P95, P99, MAX }

    /**
     * Counts and latencies of a window.
     *
     * @param samples results in the window
     * @param successes successful results in the window
     * @param availabilityPercent share of the window the target was available (UP or DEGRADED), 0–100
     * @param latencies durations (ms) of the successful runs only; failed runs have none
     *     ({@link LatencySli} counts them as missing any latency threshold)
     * @param coveredFrom where the target's data begins within the window: the window's start when data
     *     reaches back that far, later for a target first probed within the window; null without data
     */
    record WindowStats(long samples, long successes, @Nullable Double availabilityPercent, Latencies latencies,
                       @Nullable Instant coveredFrom) {

        public static WindowStats empty() {
            return new WindowStats(0, 0, null, Latencies.none(), null);
        }

        /**
         * How much of {@code [from, to)} the data covers, when it covers less than all of it by more
         * than a minute; empty otherwise.
         */
        public Optional<Duration> coveredOnly(Instant from, Instant to) {
            if (coveredFrom == null || !coveredFrom.isAfter(from.plusSeconds(60))) {
                return Optional.empty();
            }
            return Optional.of(Duration.between(coveredFrom, to));
        }

        public @Nullable Double successRatePercent() {
            return samples == 0 ? null : 100.0 * successes / samples;
        }
    }

    /** A target's probe-derived state. */
    enum State { UP, DEGRADED, DOWN, UNKNOWN }

    /**
     * @param state the current state
     * @param since when the target entered it (null when unknown)
     * @param healthySince start of the current run of successes without degradation (null when not up)
     */
    record TargetStatus(State state, @Nullable Instant since, @Nullable Instant healthySince) {

        public static TargetStatus unknown() {
            return new TargetStatus(State.UNKNOWN, null, null);
        }

        /** How long the target has been continuously up without degradation at {@code now}. */
        public Duration upFor(Instant now) {
            if (state != State.UP || healthySince == null || healthySince.isAfter(now)) {
                return Duration.ZERO;
            }
            return Duration.between(healthySince, now);
        }
    }

    /** The latest value of an attribute and when it was measured. */
    record LatestValue(String value, Instant at) {
    }
}
