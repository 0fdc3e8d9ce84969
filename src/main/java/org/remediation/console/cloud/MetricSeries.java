package org.remediation.console.cloud;

import java.time.Instant;
import java.util.Map;

/**
 * One series of a metric answer: its labels (those the reducer kept, or the series' own) and its
 * newest aligned point.
 *
 * @param end end of the point's alignment period
 */
public record MetricSeries(Map<String, String> labels, double value, Instant end) {

    public MetricSeries {
        labels = Map.copyOf(labels);
    }
}
