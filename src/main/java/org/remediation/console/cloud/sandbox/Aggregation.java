package org.remediation.console.cloud.sandbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.remediation.console.cloud.CloudException;
import org.remediation.console.cloud.MetricQuery;
import org.remediation.console.cloud.MetricSeries;

/**
 * Cloud Monitoring's aggregation as the sandbox applies it: a per-series aligner over the period's
 * points, then a cross-series reducer over the series grouped by {@code groupBy}. Aligners that make
 * no sense for the metric's kind are refused, as Google refuses them.
 */
final class Aggregation {

    private static final Set<String> ALIGNERS = Set.of("ALIGN_MEAN", "ALIGN_MAX", "ALIGN_MIN", "ALIGN_SUM", "ALIGN_DELTA",
            "ALIGN_RATE", "ALIGN_COUNT", "ALIGN_NEXT_OLDER", "ALIGN_PERCENTILE_99", "ALIGN_PERCENTILE_95",
            "ALIGN_PERCENTILE_50", "ALIGN_PERCENTILE_05");
    private static final Set<String> REDUCERS = Set.of("REDUCE_NONE", "REDUCE_SUM", "REDUCE_MAX", "REDUCE_MIN",
            "REDUCE_MEAN", "REDUCE_COUNT");

    private Aggregation() {
    }

    static void check(MetricQuery q, SandboxSeries.Descriptor d) {
        if (!ALIGNERS.contains(q.aligner())) {
            throw invalid("aggregation.perSeriesAligner", q.aligner(), "the sandbox aligns with " + sorted(ALIGNERS));
        }
        if (d.kind() == SandboxSeries.Kind.GAUGE && (q.aligner().equals("ALIGN_DELTA") || q.aligner().equals("ALIGN_RATE"))) {
            throw invalid("aggregation.perSeriesAligner", q.aligner(), "the aligner cannot be applied to metrics of kind"
                    + " GAUGE (" + d.type() + "); use ALIGN_MEAN or ALIGN_MAX");
        }
        if (!REDUCERS.contains(q.reducer())) {
            throw invalid("aggregation.crossSeriesReducer", q.reducer(), "the sandbox reduces with " + sorted(REDUCERS));
        }
        for (String g : q.groupBy()) {
            if (!MetricFilter.canonical(g).matches("resource\\.type|(resource|metric)\\.labels\\.[a-z][a-z0-9_]*")) {
                throw invalid("aggregation.groupByFields", g, "group by resource.labels.KEY, metric.labels.KEY or resource.type");
            }
        }
    }

    /** One value from the period's points (newest first). */
    static double align(String aligner, double[] points, Duration period) {
        return switch (aligner) {
            case "ALIGN_MAX" -> Arrays.stream(points).max().orElse(0);
            case "ALIGN_MIN" -> Arrays.stream(points).min().orElse(0);
            case "ALIGN_SUM", "ALIGN_DELTA" -> Arrays.stream(points).sum();
            case "ALIGN_RATE" -> Arrays.stream(points).sum() / period.toSeconds();
            case "ALIGN_COUNT" -> points.length;
            case "ALIGN_NEXT_OLDER" -> points[0];
            case "ALIGN_PERCENTILE_99" -> percentile(points, 99);
            case "ALIGN_PERCENTILE_95" -> percentile(points, 95);
            case "ALIGN_PERCENTILE_50" -> percentile(points, 50);
            case "ALIGN_PERCENTILE_05" -> percentile(points, 5);
            default -> Arrays.stream(points).average().orElse(0); // ALIGN_MEAN
        };
    }

    /** Series combined per group of the groupBy labels; the result carries only those labels. */
    static List<MetricSeries> reduce(MetricQuery q, List<MetricSeries> aligned) {
        if (q.reducer().equals("REDUCE_NONE") || aligned.isEmpty()) {
            return aligned;
        }
        Map<Map<String, String>, List<Double>> groups = new LinkedHashMap<>();
        for (MetricSeries s : aligned) {
            Map<String, String> key = new LinkedHashMap<>();
            for (String g : q.groupBy()) {
                String label = MetricFilter.canonical(g);
                key.put(label, s.labels().getOrDefault(label, ""));
            }
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(s.value());
        }
        List<MetricSeries> out = new ArrayList<>();
        groups.forEach((labels, values) -> {
            java.util.DoubleSummaryStatistics st = values.stream().mapToDouble(Double::doubleValue).summaryStatistics();
            double v = switch (q.reducer()) {
                case "REDUCE_SUM" -> st.getSum();
                case "REDUCE_MAX" -> st.getMax();
                case "REDUCE_MIN" -> st.getMin();
                case "REDUCE_COUNT" -> st.getCount();
                default -> st.getAverage(); // REDUCE_MEAN
            };
            out.add(new MetricSeries(labels, v, q.end()));
        });
        return out;
    }

    /** The answer's unit: a rate is per second, a count has none. */
    static String unit(MetricQuery q, SandboxSeries.Descriptor d) {
        if (q.aligner().equals("ALIGN_COUNT") || q.reducer().equals("REDUCE_COUNT")) {
            return "1";
        }
        return q.aligner().equals("ALIGN_RATE") ? d.unit() + "/s" : d.unit();
    }

    private static double percentile(double[] points, int p) {
        double[] sorted = points.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static CloudException invalid(String field, String value, String why) {
        return new CloudException(CloudException.Kind.INVALID_ARGUMENT,
                "Field " + field + " had an invalid value of \"" + value + "\": " + why + ".");
    }

    private static String sorted(Set<String> words) {
        return String.join(", ", words.stream().sorted().toList());
    }
}
