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
    /** Mean latency of the window's runs; any failed run means it cannot hold ({@link LatencySli}). */
    AVG("avg", true),
    /**
     * How many of the window's runs failed ({@code failures count}) or recorded a value
     * ({@code status=503 count}); {@link MeasuredCriterion#attribute()} says which.
     */
    COUNT("count", true),
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

    public boolean isLatency() {
        return this == P50 || this == P95 || this == P99 || this == MAX || this == AVG;
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
        return isLatency() || isCount();
    }

    static Optional<Statistic> ofWord(String word) {
        return Arrays.stream(values()).filter(s -> !s.word.isEmpty() && s.word.equalsIgnoreCase(word)).findFirst();
    }
}
