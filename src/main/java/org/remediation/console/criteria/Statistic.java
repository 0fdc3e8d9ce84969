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
        return this == P50 || this == P95 || this == P99 || this == MAX;
    }

    public boolean isRate() {
        return this == SUCCESS_RATE || this == AVAILABILITY;
    }

    static Optional<Statistic> ofWord(String word) {
        return Arrays.stream(values()).filter(s -> !s.word.isEmpty() && s.word.equalsIgnoreCase(word)).findFirst();
    }
}
