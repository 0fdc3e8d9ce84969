package org.remediation.console.cloud.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.remediation.console.cloud.CloudException;
import org.remediation.console.cloud.CloudMetrics;
import org.remediation.console.cloud.MetricAnswer;
import org.remediation.console.cloud.MetricQuery;
import org.remediation.console.cloud.MetricSeries;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sandbox's time series ({@link SandboxSeries}) behind the provider-neutral port: the filter is
 * parsed strictly ({@link MetricFilter}), each series' one-a-minute points in the period are aligned,
 * then reduced across series, as Cloud Monitoring's {@code timeSeries.list} does. Values depend only on
 * the state at the read and the period (noise is seeded by each point's time), so a scale-up applied
 * through the sandbox shows in the next read.
 */
class SandboxMetrics implements CloudMetrics {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SandboxSeries model;

    SandboxMetrics(SandboxSeries model) {
        this.model = model;
    }

    @Override
    public String name() {
        return "sandbox";
    }

    @Override
    public MetricAnswer read(MetricQuery query) {
        MetricFilter filter = MetricFilter.parse(query.filter());
        SandboxSeries.Descriptor d = SandboxSeries.DESCRIPTORS.get(filter.metricType());
        if (d == null) {
            // Google: NOT_FOUND "Cannot find metric(s) that match type = …" (see FakeMonitoring)
            throw new CloudException(CloudException.Kind.NOT_FOUND, "Cannot find metric(s) that match type = \""
                    + filter.metricType() + "\". The sandbox has "
                    + String.join(", ", new TreeMap<>(SandboxSeries.DESCRIPTORS).keySet()) + ".");
        }
        if (query.period().compareTo(Duration.ofSeconds(60)) < 0) {
            throw new CloudException(CloudException.Kind.INVALID_ARGUMENT, "Field aggregation.alignmentPeriod had an invalid"
                    + " value of \"" + query.period().toSeconds() + "s\": the alignment period must be at least 60 seconds.");
        }
        Aggregation.check(query, d);
        List<MetricSeries> aligned = new ArrayList<>();
        for (SandboxSeries.Raw raw : model.series(d.type())) {
            if (!filter.matches(raw.labels())) {
                continue;
            }
            double[] points = points(d, raw, query);
            if (d.kind() == SandboxSeries.Kind.DELTA && Arrays.stream(points).allMatch(v -> v == 0)) {
                continue; // a counter without events in the period has no points, so no series (as in Google)
            }
            aligned.add(new MetricSeries(raw.labels(), Aggregation.align(query.aligner(), points, query.period()), query.end()));
        }
        List<MetricSeries> series = Aggregation.reduce(query, aligned);
        String unit = Aggregation.unit(query, d);
        return new MetricAnswer(series, unit, raw(d, query, series, unit));
    }

    /** One point a minute, newest first, ending at the period's end; noise seeded by the point's time and series. */
    static double[] points(SandboxSeries.Descriptor d, SandboxSeries.Raw raw, MetricQuery query) {
        int n = (int) Math.max(1, query.period().toSeconds() / 60);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            Instant at = query.end().minusSeconds(60L * i).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
            double r = new SplittableRandom(Objects.hash(at.getEpochSecond(), d.type(), raw.labels())).nextDouble();
            double v = Math.max(0, raw.perMinute() * (1 + raw.spread() * (2 * r - 1)));
            if (d.unit().equals("10^2.%")) {
                v = Math.min(1.0, v);
            }
            out[i] = d.integer() ? Math.round(v) : v;
        }
        return out;
    }

    /** The answer as Google's JSON would carry it (timeSeries with metric, resource, kind, unit, one point). */
    private static String raw(SandboxSeries.Descriptor d, MetricQuery q, List<MetricSeries> series, String unit) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (MetricSeries s : series) {
            Map<String, String> metricLabels = new TreeMap<>();
            Map<String, String> resourceLabels = new TreeMap<>();
            s.labels().forEach((k, v) -> {
                if (k.startsWith("metric.labels.")) {
                    metricLabels.put(k.substring("metric.labels.".length()), v);
                } else if (k.startsWith("resource.labels.")) {
                    resourceLabels.put(k.substring("resource.labels.".length()), v);
                }
            });
            Map<String, Object> ts = new LinkedHashMap<>();
            ts.put("metric", Map.of("type", d.type(), "labels", metricLabels));
            ts.put("resource", Map.of("type", s.labels().getOrDefault("resource.type", ""), "labels", resourceLabels));
            ts.put("metricKind", q.aligner().equals("ALIGN_RATE") || q.aligner().equals("ALIGN_DELTA")
                    ? (q.aligner().equals("ALIGN_RATE") ? "GAUGE" : "DELTA") : d.kind().name());
            ts.put("valueType", "DOUBLE");
            ts.put("unit", unit);
            ts.put("points", List.of(Map.of("interval", Map.of("startTime", q.start().toString(), "endTime",
                    q.end().toString()), "value", Map.of("doubleValue", s.value()))));
            list.add(ts);
        }
        return JSON.writeValueAsString(list.isEmpty() ? Map.of() : Map.of("timeSeries", list));
    }
}
