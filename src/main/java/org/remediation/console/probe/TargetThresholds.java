package org.remediation.console.probe;

import java.util.List;

/**
 * The thresholds that criteria hold one target to, for drawing on its chart. A port: the criteria
 * feature reads probes, so probes learn of criteria only through this. Only criteria that rank this
 * target's own figures (p50/p95/p99/max/min/avg of the target itself, no named measurement) give a
 * line: their threshold is a value the chart's points can be compared with.
 */
public interface TargetThresholds {

    /**
     * The thresholds of the criteria (of every incident) that read this target directly, in the
     * chart's unit (ms for latency, the metric's unit for a metric target), equal values once, the
     * strictest first; empty when none does.
     */
    List<Line> of(String targetKey);

    /**
     * One threshold.
     *
     * @param value in the chart's unit
     * @param below true when the figure must stay below it ({@code <}, {@code <=}), false for above
     * @param label the criterion that sets it, e.g. {@code connector-cpu max < 70 %}
     */
    record Line(double value, boolean below, String label) {
    }
}
