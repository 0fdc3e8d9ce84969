package org.remediation.console.cloud;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One time-series read: Cloud Monitoring's filter language ({@code metric.type = "…" AND
 * resource.labels.connector_name = "…"}), an aligner per series and an optional reducer across
 * series, over one alignment period ending at {@code end}. The sandbox answers the same queries
 * from its capacity model.
 *
 * @param filter the time-series filter; names exactly one metric type
 * @param aligner per-series aligner ({@code ALIGN_MEAN}, {@code ALIGN_MAX}, {@code ALIGN_DELTA},
 *     {@code ALIGN_RATE}, {@code ALIGN_PERCENTILE_99} …)
 * @param reducer cross-series reducer ({@code REDUCE_NONE}, {@code REDUCE_SUM}, {@code REDUCE_MAX} …)
 * @param groupBy labels kept by the reducer ({@code resource.labels.revision_name}); empty for one series
 * @param period the alignment period (the probe's interval: each point counted once)
 * @param end end of the interval read ({@code now} minus the metric's ingestion lag)
 */
public record MetricQuery(String filter, String aligner, String reducer, List<String> groupBy, Duration period,
                          Instant end) {

    public MetricQuery {
        groupBy = List.copyOf(groupBy);
    }

    public Instant start() {
        return end.minus(period);
    }

    /** The metric type named in the filter, or empty when the filter names none. */
    public String metricType() {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("metric\\.type\\s*=\\s*\"([^\"]+)\"").matcher(filter);
        return m.find() ? m.group(1) : "";
    }
}
