package org.remediation.console.cloud.gcp.fake;

import com.google.api.Metric;
import com.google.api.MetricDescriptor.MetricKind;
import com.google.api.MetricDescriptor.ValueType;
import com.google.api.MonitoredResource;
import com.google.api.Distribution;
import com.google.monitoring.v3.Aggregation;
import com.google.monitoring.v3.Aggregation.Aligner;
import com.google.monitoring.v3.Aggregation.Reducer;
import com.google.monitoring.v3.ListTimeSeriesRequest;
import com.google.monitoring.v3.ListTimeSeriesResponse;
import com.google.monitoring.v3.MetricServiceGrpc;
import com.google.monitoring.v3.Point;
import com.google.monitoring.v3.TimeInterval;
import com.google.monitoring.v3.TimeSeries;
import com.google.monitoring.v3.TypedValue;
import com.google.protobuf.util.Durations;
import com.google.protobuf.util.Timestamps;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * How {@link FakeMonitoring} aligns a series over its periods and reduces series across labels, as
 * Cloud Monitoring's aggregation does (google/monitoring/v3/common.proto): the newest point of each
 * series, per-series aligners, cross-series reducers keeping the group-by labels.
 */
final class FakeAggregation {

    private FakeAggregation() {
    }

    private static TimeSeries.Builder header(FakeMonitoring.Series s, FakeMonitoring.Descriptor d) {
        return TimeSeries.newBuilder().setMetric(Metric.newBuilder().setType(s.type).putAllLabels(s.metricLabels))
                .setResource(MonitoredResource.newBuilder().setType(s.resourceType).putAllLabels(s.resourceLabels))
                .setMetricKind(d.kind()).setUnit(d.unit());
    }

    static TimeSeries raw(FakeMonitoring.Series s, FakeMonitoring.Descriptor d, Instant start, Instant end) {
        TimeSeries.Builder b = header(s, d).setValueType(d.valueType());
        s.points.subMap(start, true, end, true).descendingMap().forEach((t, v) -> b.addPoints(Point.newBuilder()
                .setInterval(TimeInterval.newBuilder().setEndTime(Timestamps.fromMillis(t.toEpochMilli())))
                .setValue(typed(d.valueType(), v))));
        return b.build();
    }

    /** One point per alignment period (end, end-P, …), newest first; periods without raw points are absent. */
    static TimeSeries align(FakeMonitoring.Series s, FakeMonitoring.Descriptor d, Aggregation a, Instant start, Instant end) {
        long period = Durations.toSeconds(a.getAlignmentPeriod());
        String aligner = a.getPerSeriesAligner().name();
        ValueType out = switch (aligner) {
            case "ALIGN_MEAN", "ALIGN_RATE", "ALIGN_FRACTION_TRUE", "ALIGN_STDDEV" -> ValueType.DOUBLE;
            case "ALIGN_COUNT" -> ValueType.INT64;
            default -> aligner.startsWith("ALIGN_PERCENTILE") ? ValueType.DOUBLE : d.valueType();
        };
        TimeSeries.Builder b = header(s, d).setValueType(out).setMetricKind(
                aligner.equals("ALIGN_DELTA") ? MetricKind.DELTA : MetricKind.GAUGE);
        if (aligner.equals("ALIGN_RATE")) {
            b.setUnit(d.unit() + "/s");
        }
        for (Instant bucketEnd = end; bucketEnd.isAfter(start); bucketEnd = bucketEnd.minusSeconds(period)) {
            List<Double> samples = new ArrayList<>();
            s.points.subMap(bucketEnd.minusSeconds(period), false, bucketEnd, true).values()
                    .forEach(v -> { for (double x : v) { samples.add(x); } });
            if (samples.isEmpty()) {
                continue;
            }
            double[] values = samples.stream().mapToDouble(Double::doubleValue).toArray();
            double[] aligned = switch (aligner) {
                case "ALIGN_MEAN" -> new double[] {mean(values)};
                case "ALIGN_MAX" -> new double[] {max(values)};
                case "ALIGN_MIN" -> new double[] {-max(negate(values))};
                case "ALIGN_SUM" -> d.valueType() == ValueType.DISTRIBUTION ? values : new double[] {sum(values)};
                case "ALIGN_COUNT" -> new double[] {values.length};
                case "ALIGN_RATE" -> new double[] {sum(values) / period};
                case "ALIGN_DELTA" -> d.valueType() == ValueType.DISTRIBUTION ? values : new double[] {sum(values)};
                case "ALIGN_PERCENTILE_99" -> new double[] {percentile(values, 99)};
                case "ALIGN_PERCENTILE_95" -> new double[] {percentile(values, 95)};
                case "ALIGN_PERCENTILE_50" -> new double[] {percentile(values, 50)};
                case "ALIGN_PERCENTILE_05" -> new double[] {percentile(values, 5)};
                case "ALIGN_NEXT_OLDER" -> new double[] {values[values.length - 1]};
                default -> throw Status.UNIMPLEMENTED.withDescription("FakeMonitoring does not compute " + aligner)
                        .asRuntimeException();
            };
            b.addPoints(Point.newBuilder().setInterval(TimeInterval.newBuilder()
                            .setStartTime(Timestamps.fromMillis(bucketEnd.minusSeconds(period).toEpochMilli()))
                            .setEndTime(Timestamps.fromMillis(bucketEnd.toEpochMilli())))
                    .setValue(typed(out, aligned)));
        }
        return b.build();
    }

    /** Groups by the group-by fields; each output series keeps only those labels. */
    static List<TimeSeries> reduce(List<TimeSeries> aligned, Aggregation a) {
        Map<Map<String, String>, List<TimeSeries>> groups = new LinkedHashMap<>();
        for (TimeSeries ts : aligned) {
            Map<String, String> key = new TreeMap<>();
            for (String field : a.getGroupByFieldsList()) {
                String f = field.replace(".label.", ".labels.");
                String v = FakeMonitoring.label(ts.getResource().getType(), ts.getResource().getLabelsMap(), ts.getMetric().getLabelsMap(), f);
                key.put(f, v == null ? "" : v);
            }
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(ts);
        }
        List<TimeSeries> out = new ArrayList<>();
        String reducer = a.getCrossSeriesReducer().name();
        groups.forEach((key, members) -> {
            TimeSeries first = members.getFirst();
            ValueType type = switch (reducer) {
                case "REDUCE_SUM", "REDUCE_MAX", "REDUCE_MIN" -> first.getValueType();
                case "REDUCE_COUNT" -> ValueType.INT64;
                default -> ValueType.DOUBLE;
            };
            Metric.Builder metric = Metric.newBuilder().setType(first.getMetric().getType());
            MonitoredResource.Builder resource = MonitoredResource.newBuilder().setType(first.getResource().getType());
            key.forEach((f, v) -> {
                if (f.startsWith("metric.labels.")) {
                    metric.putLabels(f.substring("metric.labels.".length()), v);
                } else if (f.startsWith("resource.labels.")) {
                    resource.putLabels(f.substring("resource.labels.".length()), v);
                }
            });
            TimeSeries.Builder b = TimeSeries.newBuilder().setMetric(metric).setResource(resource)
                    .setMetricKind(first.getMetricKind()).setValueType(type).setUnit(first.getUnit());
            Map<com.google.protobuf.Timestamp, List<Double>> byEnd = new TreeMap<>(
                    Comparator.comparingLong((com.google.protobuf.Timestamp t) -> t.getSeconds()).reversed());
            Map<com.google.protobuf.Timestamp, TimeInterval> intervals = new LinkedHashMap<>();
            for (TimeSeries ts : members) {
                for (Point p : ts.getPointsList()) {
                    byEnd.computeIfAbsent(p.getInterval().getEndTime(), k -> new ArrayList<>()).add(number(p.getValue()));
                    intervals.put(p.getInterval().getEndTime(), p.getInterval());
                }
            }
            byEnd.forEach((t, list) -> {
                double[] v = list.stream().mapToDouble(Double::doubleValue).toArray();
                double r = switch (reducer) {
                    case "REDUCE_SUM" -> sum(v);
                    case "REDUCE_MAX" -> max(v);
                    case "REDUCE_MIN" -> -max(negate(v));
                    case "REDUCE_COUNT" -> v.length;
                    case "REDUCE_PERCENTILE_99" -> percentile(v, 99);
                    case "REDUCE_PERCENTILE_95" -> percentile(v, 95);
                    case "REDUCE_PERCENTILE_50" -> percentile(v, 50);
                    case "REDUCE_PERCENTILE_05" -> percentile(v, 5);
                    case "REDUCE_MEAN" -> mean(v);
                    default -> throw Status.UNIMPLEMENTED.withDescription("FakeMonitoring does not compute " + reducer)
                            .asRuntimeException();
                };
                b.addPoints(Point.newBuilder().setInterval(intervals.get(t)).setValue(typed(type, new double[] {r})));
            });
            out.add(b.build());
        });
        return out;
    }

    private static TypedValue typed(ValueType type, double[] v) {
        return switch (type) {
            case INT64 -> TypedValue.newBuilder().setInt64Value(Math.round(v[0])).build();
            case DISTRIBUTION -> TypedValue.newBuilder().setDistributionValue(Distribution.newBuilder()
                    .setCount(v.length).setMean(mean(v))).build();
            default -> TypedValue.newBuilder().setDoubleValue(v[0]).build();
        };
    }

    private static double number(TypedValue v) {
        return switch (v.getValueCase()) {
            case INT64_VALUE -> v.getInt64Value();
            case DISTRIBUTION_VALUE -> v.getDistributionValue().getMean();
            default -> v.getDoubleValue();
        };
    }

    private static double sum(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s;
    }

    private static double mean(double[] v) {
        return v.length == 0 ? 0 : sum(v) / v.length;
    }

    private static double max(double[] v) {
        double m = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            m = Math.max(m, x);
        }
        return m;
    }

    private static double[] negate(double[] v) {
        double[] n = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            n[i] = -v[i];
        }
        return n;
    }

    /** Nearest-rank percentile. */
    private static double percentile(double[] v, int p) {
        double[] sorted = v.clone();
        java.util.Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}
