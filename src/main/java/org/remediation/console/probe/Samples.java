package org.remediation.console.probe;

/**
 * Recent samples of one target, oldest first: start (epoch ms), duration (ms) and failure flag.
 * Arrays of equal length; for sparklines and history charts.
 */
public record Samples(long[] startEpochMs, double[] durationMs, boolean[] failed) {

    public int size() {
        return durationMs.length;
    }
}
