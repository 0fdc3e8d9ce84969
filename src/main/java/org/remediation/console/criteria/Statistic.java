package org.remediation.console.criteria;

import java.util.Arrays;
import java.util.Optional;

/** What is computed over a target's results. */
public enum Statistic {
    SUCCESS_RATE("success-rate", true),
    AVAILABILITY("availability", true),
    P50("p50", true),
    P95("p95", true),
    P99("p99", true),
    MAX("max", true),
    /** The smallest value of the window; a failed run counts as missing the threshold ({@link LatencySli}). */
    MIN("min", true),
    /** Mean latency of the window's runs; any failed run means it cannot hold ({@link LatencySli}). */
    AVG("avg", true),
    /**
     * How many of the window's runs failed ({@code failures count}) or recorded a value
     * ({@code status=503 count}); {@link MeasuredCriterion#attribute()} says which.
     */
    COUNT("count", true),
    /**
     * A metric probe's values summed over the window ({@code lb-5xx count < 1 per 1h}): each run reads
     * one alignment period, its interval, so the sum counts each point once. Written as a bare
     * {@code count} after the target; any failed read decides it, as for {@link #AVG}.
     */
    SUM("count", true),
    /** The same as {@link #COUNT} as a share of the window's runs, 0–100 %. */
    RATE("rate", true),
    /** Successful requests of a run that sent several at once (HTTP setting {@code concurrency}); the worst run decides. */
    CONCURRENT_SUCCESS("concurrent-success", true),
    /** How long the target has been continuously up without degradation. */
    UP_FOR("up-for", false),
    /** The target is up right now. */
    UP("up", false),
    /** The latest value of a named attribute of the result. */
    ATTRIBUTE("", false);

    private final String word;
    private final boolean windowed;

    Statistic(String word, boolean windowed) {
        this.word = word;
        this.windowed = windowed;
    }

    /** The word used in the text form. */
    public String word() {
        return word;
    }

    /** True when the statistic is computed over a time window with a minimum sample count. */
    public boolean windowed() {
        return windowed;
    }

    /**
     * A statistic over the runs' figures: latency in ms, or a metric probe's value in its unit
     * (ProbeResult.figure); failed runs sit on the failing side of the threshold.
     */
    public boolean isLatency() {
        return this == P50 || this == P95 || this == P99 || this == MAX || this == MIN || this == AVG;
    }

    /** Over a metric probe's values only: the sum of the window. */
    public boolean isSum() {
        return this == SUM;
    }

    /** A percentage, 0–100. */
    public boolean isRate() {
        return this == SUCCESS_RATE || this == AVAILABILITY || this == RATE;
    }

    /** A count of runs ({@code failures count}, {@code status=503 count}). */
    public boolean isCount() {
        return this == COUNT || this == RATE;
    }

    /** True when a smaller value is better (latencies, failure counts and rates); "improved" means smaller. */
    public boolean lowerIsBetter() {
        return isLatency() || isCount() || isSum();
    }

    static Optional<Statistic> ofWord(String word) {
        // "count" is COUNT here; the parser makes a bare "count" after the target a SUM
        return Arrays.stream(values()).filter(s -> !s.word.isEmpty() && s != SUM && s.word.equalsIgnoreCase(word)).findFirst();
    }
}
