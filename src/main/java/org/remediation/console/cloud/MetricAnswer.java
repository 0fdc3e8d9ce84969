package org.remediation.console.cloud;

import java.util.List;

/**
 * What a metric read returned.
 *
 * @param series one entry per series, possibly none (a metric with no points in the period)
 * @param unit the unit the answer reports ({@code %}, {@code 1}, {@code By}); empty when it names none
 * @param raw the answer as received (JSON or the sandbox's equivalent), for the probe detail view
 */
public record MetricAnswer(List<MetricSeries> series, String unit, String raw) {

    public MetricAnswer {
        series = List.copyOf(series);
    }
}
