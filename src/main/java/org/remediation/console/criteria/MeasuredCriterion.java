package org.remediation.console.criteria;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A criterion evaluated from probe data.
 *
 * @param subject the target, group or golden path
 * @param measurement a separately recorded timing ({@code connect}) or null for the whole result
 * @param statistic what is computed
 * @param attribute the attribute name for {@link Statistic#ATTRIBUTE}, else null
 * @param comparison the comparator ({@code EQ} for {@link Statistic#UP})
 * @param threshold the threshold (ignored for {@link Statistic#UP})
 * @param window the look-back window for windowed statistics (for attributes: the latest value must
 *     be this fresh, or {@link Duration#ZERO} for any age)
 * @param minSamples fewer samples than this in the window means "no data"
 * @param matchValue for {@link Statistic#COUNT} and {@link Statistic#RATE} of a recorded value
 *     ({@code status=503 count}): the value, with {@link #attribute()} naming the measurement;
 *     null with a null attribute for {@code failures count}
 * @param improvement true for {@code improved by N % since phase start}: the threshold is the
 *     improvement in %, against the same statistic over the same window length ending at the phase's start
 */
public record MeasuredCriterion(Subject subject, @Nullable String measurement, Statistic statistic,
                                @Nullable String attribute, Comparison comparison, Threshold threshold,
                                Duration window, int minSamples, @Nullable String matchValue,
                                boolean improvement) implements CriterionSpec {

    /** Default window when the text names none. */
    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(15);

    /** An absolute criterion (no recorded value to match, no baseline). */
    public MeasuredCriterion(Subject subject, @Nullable String measurement, Statistic statistic,
                             @Nullable String attribute, Comparison comparison, Threshold threshold,
                             Duration window, int minSamples) {
        this(subject, measurement, statistic, attribute, comparison, threshold, window, minSamples, null, false);
    }

    /** What is counted, as written: {@code failures} or {@code status=503}; empty for other statistics. */
    public String counted() {
        if (!statistic.isCount()) {
            return "";
        }
        return attribute == null ? "failures" : attribute + "=" + matchValue;
    }

    /**
     * The threshold in the statistic's canonical unit: ms for latency (none written means ms), % for
     * rates, seconds for up-for. A metric probe's threshold is its number as written, in the metric's
     * unit ({@link #threshold()}).
     */
    public double thresholdValue() {
        double n = threshold.amount();
        if (improvement) {
            return n;
        }
        if (statistic.isLatency()) {
            return "s".equals(threshold.unit()) ? n * 1000 : n;
        }
        if (statistic == Statistic.UP_FOR) {
            return switch (threshold.unit()) {
                case "m" -> n * 60;
                case "h" -> n * 3600;
                case "d" -> n * 86_400;
                default -> n;
            };
        }
        return n;
    }

    /** Human form of the threshold, e.g. {@code < 1000 ms}, {@code >= 30m}, {@code = READY}. */
    public String thresholdText() {
        if (statistic == Statistic.UP) {
            return "up";
        }
        if (improvement) {
            return "improved by " + threshold.display() + " since phase start";
        }
        String t = statistic == Statistic.UP_FOR ? threshold.plainNumber() + threshold.unit() : threshold.display();
        return comparison.symbol() + " " + t;
    }
}
