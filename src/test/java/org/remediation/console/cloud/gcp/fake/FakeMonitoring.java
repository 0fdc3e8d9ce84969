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
 * Cloud Monitoring v3 {@code ListTimeSeries} (google/monitoring/v3/metric_service.proto), the one RPC
 * the console calls. Tests seed raw series per metric type and labels; the fake filters, aligns and
 * reduces them the way the API documents and answers with Google's errors:
 * <ul>
 * <li>a filter must name one metric type (ListTimeSeriesRequest.filter: "The filter must specify a
 * single metric type"); a malformed one is 400 "Field filter had an invalid value of …" (Monitoring API
 * troubleshooting page, https://cloud.google.com/monitoring/api/troubleshooting; wording as quoted in
 * googleapis/google-cloud-python#9903). The text after the colon is ours.</li>
 * <li>a metric type with no descriptor is NOT_FOUND "Cannot find metric(s) that match type = …" (the
 * message quoted in many Terraform/monitoring threads; clients treat it as code 5 NOT_FOUND).</li>
 * <li>an aligner other than ALIGN_NONE needs an alignment period of at least 60 s, and a cross-series
 * reducer needs such an aligner (google/monitoring/v3/common.proto: Aggregation.alignment_period "must
 * be at least 60 seconds", ALIGN_NONE "Not valid if cross-series reduction is requested"); each aligner
 * only applies to the metric kinds and value types common.proto names for it.</li>
 * <li>interval.endTime is required ("Request was missing field interval.endTime", troubleshooting page)
 * and the start must not be after the end (TimeInterval: "the start time must not be later than the
 * end time").</li>
 * <li>points come newest first (TimeSeries.points: "the data points of this time series … in reverse
 * time order"); a series without points in the interval is left out, so nothing matching is an empty
 * response — e.g. loadbalancing request_count has no series for a response_code_class nobody got.</li>
 * <li>an unknown project is refused like a missing permission: the troubleshooting page says a
 * misspelled project id answers "User is not authorized to access the project (or metric)".</li>
 * </ul>
 * Only {@code AND}-joined {@code =}/{@code !=} comparisons with quoted values are evaluated; other valid
 * filter syntax (OR, starts_with, one_of) answers UNIMPLEMENTED so no test mistakes it for Google's answer.
 */
public final class FakeMonitoring extends MetricServiceGrpc.MetricServiceImplBase {

    public static final String VPC_CONNECTOR_CPU = "vpcaccess.googleapis.com/connector/cpu/utilizations";
    public static final String LB_REQUEST_COUNT = "loadbalancing.googleapis.com/https/request_count";
    public static final String RUN_INSTANCE_COUNT = "run.googleapis.com/container/instance_count";
    public static final String SQL_NUM_BACKENDS = "cloudsql.googleapis.com/database/postgresql/num_backends";

    /** What the API knows of a metric type (its MetricDescriptor). */
    public record Descriptor(MetricKind kind, ValueType valueType, String unit) {
    }

    /** One seeded raw series: points by end time; a distribution point is its samples. */
    public static final class Series {
        final String type;
        final String resourceType;
        final Map<String, String> resourceLabels;
        final Map<String, String> metricLabels;
        final TreeMap<Instant, double[]> points = new TreeMap<>();

        Series(String type, String resourceType, Map<String, String> resourceLabels, Map<String, String> metricLabels) {
            this.type = type;
            this.resourceType = resourceType;
            this.resourceLabels = Map.copyOf(resourceLabels);
            this.metricLabels = Map.copyOf(metricLabels);
        }

        /** A point ending at {@code end}: one value, or a distribution's samples. */
        public Series point(Instant end, double... values) {
            points.put(end, values);
            return this;
        }
    }

    private static final Pattern CLAUSE = Pattern.compile(
            "\\s*(?:AND\\s+)?([A-Za-z_][A-Za-z0-9_.]*)\\s*(!=|=|<=|>=|<|>|:)\\s*(?:\"([^\"]*)\"|(-?[0-9]+))\\s*");
    private static final Pattern SELECTOR = Pattern.compile("metric\\.type|resource\\.type|project"
            + "|(metric|resource|metadata\\.system_labels|metadata\\.user_labels)\\.labels?\\.[A-Za-z0-9_]+");

    private final Faults faults;
    private final String project;
    private final Map<String, Descriptor> descriptors = new ConcurrentHashMap<>();
    private final List<Series> series = new CopyOnWriteArrayList<>();
    private final List<ListTimeSeriesRequest> requests = new CopyOnWriteArrayList<>();
    private volatile int maxPageSize = 1000;
    private final List<com.google.rpc.Status> executionErrors = new CopyOnWriteArrayList<>();
    private final java.util.concurrent.atomic.AtomicInteger executionErrorResponses = new java.util.concurrent.atomic.AtomicInteger();

    FakeMonitoring(Faults faults, String project) {
        this.faults = faults;
        this.project = project;
        // Google's metrics lists: LB request_count (DELTA, INT64, 1, https_lb_rule; response_code_class an INT64
        // label 200/300/400/500/0) and num_backends (GAUGE, INT64, 1, cloudsql_database; label database) as
        // documented (metrics_gcp, sql/docs/postgres/admin-api/metrics); the connector CPU (a GAUGE
        // distribution of 0-1 ratios, unit assumed 10^2.% like Google's other utilisations) and Run's
        // instance_count (GAUGE INT64, label state) were not found in the stored lists.
        describe(VPC_CONNECTOR_CPU, MetricKind.GAUGE, ValueType.DISTRIBUTION, "10^2.%");
        describe(LB_REQUEST_COUNT, MetricKind.DELTA, ValueType.INT64, "1");
        describe(RUN_INSTANCE_COUNT, MetricKind.GAUGE, ValueType.INT64, "1");
        describe(SQL_NUM_BACKENDS, MetricKind.GAUGE, ValueType.INT64, "1");
    }

    public void describe(String type, MetricKind kind, ValueType valueType, String unit) {
        descriptors.put(type, new Descriptor(kind, valueType, unit));
    }

    /** Seeds a raw series of a described metric type. */
    public Series series(String type, String resourceType, Map<String, String> resourceLabels,
                         Map<String, String> metricLabels) {
        if (!descriptors.containsKey(type)) {
            throw new IllegalArgumentException("describe " + type + " first");
        }
        Series s = new Series(type, resourceType, resourceLabels, metricLabels);
        series.add(s);
        return s;
    }

    public void clear() {
        series.clear();
        requests.clear();
        executionErrors.clear();
        executionErrorResponses.set(0);
    }

    /**
     * The next {@code responses} answers carry these execution_errors ("Query execution errors that may
     * have caused the time series data returned to be incomplete", ListTimeSeriesResponse field 3), with
     * the series as usual: the RPC itself succeeds.
     */
    public void executionErrors(int responses, com.google.rpc.Status... errors) {
        executionErrors.clear();
        executionErrors.addAll(List.of(errors));
        executionErrorResponses.set(responses);
    }

    /** The server returns at most this many series per page (the proto lets it return fewer than asked). */
    public void maxPageSize(int size) {
        maxPageSize = size;
    }

    /** Every ListTimeSeries request received, in order (faulted ones included). */
    public List<ListTimeSeriesRequest> requests() {
        return new ArrayList<>(requests);
    }

    @Override
    public void listTimeSeries(ListTimeSeriesRequest request, StreamObserver<ListTimeSeriesResponse> response) {
        requests.add(request);
        if (faults.grpcFault("ListTimeSeries " + request.getName() + " " + request.getFilter(), response)) {
            return;
        }
        try {
            List<TimeSeries> all = answer(request);
            int from = request.getPageToken().isEmpty() ? 0 : Integer.parseInt(request.getPageToken());
            int size = Math.min(maxPageSize, request.getPageSize() > 0 ? request.getPageSize() : Integer.MAX_VALUE);
            int to = (int) Math.min(all.size(), (long) from + size);
            ListTimeSeriesResponse.Builder b = ListTimeSeriesResponse.newBuilder().addAllTimeSeries(all.subList(from, to));
            if (to < all.size()) {
                b.setNextPageToken(Integer.toString(to));
            }
            if (executionErrorResponses.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                b.addAllExecutionErrors(executionErrors);
            }
            response.onNext(b.build());
            response.onCompleted();
        } catch (io.grpc.StatusRuntimeException e) {
            response.onError(e);
        }
    }

    private List<TimeSeries> answer(ListTimeSeriesRequest r) {
        if (!r.getName().equals("projects/" + project)) {
            throw Status.PERMISSION_DENIED.withDescription("User is not authorized to access the project (or metric): "
                    + r.getName()).asRuntimeException();
        }
        Map<String, String[]> clauses = parse(r.getFilter());
        String[] type = clauses.get("metric.type");
        if (type == null || !type[0].equals("=")) {
            throw invalid("filter", r.getFilter(), "A time series filter must specify a single metric type with metric.type = \"…\".");
        }
        if (!r.getInterval().hasEndTime()) {
            throw Status.INVALID_ARGUMENT.withDescription("Request was missing field interval.endTime.").asRuntimeException();
        }
        Instant end = instant(r.getInterval().getEndTime());
        Instant start = r.getInterval().hasStartTime() ? instant(r.getInterval().getStartTime()) : end;
        if (start.isAfter(end)) {
            throw invalid("interval.startTime", start.toString(), "The start time must not be later than the end time.");
        }
        Aggregation a = r.getAggregation();
        boolean aligned = a.getPerSeriesAligner() != Aligner.ALIGN_NONE;
        long period = Durations.toSeconds(a.getAlignmentPeriod());
        if (aligned && period < 60) {
            throw invalid("aggregation.alignmentPeriod", period + "s", "The alignment period must be at least 60 seconds.");
        }
        if (a.getCrossSeriesReducer() != Reducer.REDUCE_NONE && !aligned) {
            throw invalid("aggregation.perSeriesAligner", a.getPerSeriesAligner().name(),
                    "A cross-series reducer requires a per-series aligner other than ALIGN_NONE.");
        }
        Descriptor d = descriptors.get(type[1]);
        if (d == null) {
            throw Status.NOT_FOUND.withDescription("Cannot find metric(s) that match type = \"" + type[1] + "\".")
                    .asRuntimeException();
        }
        String aligner = a.getPerSeriesAligner().name();
        if (aligned && !alignerValid(aligner, d)) {
            throw invalid("aggregation.perSeriesAligner", aligner, "The aligner cannot be applied to a " + d.kind()
                    + " metric with value type " + d.valueType() + ".");
        }
        List<TimeSeries> out = new ArrayList<>();
        for (Series s : series) {
            if (!s.type.equals(type[1]) || !matches(s, clauses)) {
                continue;
            }
            TimeSeries ts = aligned ? FakeAggregation.align(s, d, a, start, end) : FakeAggregation.raw(s, d, start, end);
            if (ts.getPointsCount() > 0) {
                out.add(ts);
            }
        }
        return a.getCrossSeriesReducer() == Reducer.REDUCE_NONE ? out : FakeAggregation.reduce(out, a);
    }

    /**
     * Which aligner applies to which metric (common.proto, Aggregation.Aligner): percentiles only to
     * distributions; mean, min, max, count, stddev only to numbers; delta and rate only to DELTA or
     * CUMULATIVE metrics (rate numeric only); sum and next-older to both value kinds.
     */
    private static boolean alignerValid(String aligner, Descriptor d) {
        boolean distribution = d.valueType() == ValueType.DISTRIBUTION;
        boolean gauge = d.kind() == MetricKind.GAUGE;
        return switch (aligner) {
            case "ALIGN_MEAN", "ALIGN_MIN", "ALIGN_MAX", "ALIGN_COUNT", "ALIGN_STDDEV", "ALIGN_PERCENT_CHANGE" -> !distribution;
            case "ALIGN_DELTA" -> !gauge;
            case "ALIGN_RATE" -> !gauge && !distribution;
            case "ALIGN_SUM", "ALIGN_NEXT_OLDER" -> true;
            default -> aligner.startsWith("ALIGN_PERCENTILE") && distribution;
        };
    }

    /**
     * Comparisons joined by AND or by mere juxtaposition (Google's filter examples write
     * {@code resource.type="x" metric.type="y"}, and dashboards use it widely).
     */
    private static Map<String, String[]> parse(String filter) {
        Map<String, String[]> clauses = new LinkedHashMap<>();
        long quotes = filter.chars().filter(c -> c == '"').count();
        if (filter.isBlank() || quotes % 2 != 0) {
            throw invalid("filter", filter, filter.isBlank() ? "The filter is empty." : "Unterminated string.");
        }
        if (filter.contains(" OR ") || filter.contains(" NOT ") || filter.contains("(")) {
            throw Status.UNIMPLEMENTED.withDescription("FakeMonitoring evaluates only ANDed = and != comparisons: " + filter)
                    .asRuntimeException();
        }
        Matcher m = CLAUSE.matcher(filter);
        int at = 0;
        while (at < filter.length() && !filter.substring(at).isBlank()) {
            if (!m.find(at) || m.start() != at || !SELECTOR.matcher(m.group(1)).matches()) {
                throw invalid("filter", filter, "Could not parse '" + filter.substring(at).strip() + "'.");
            }
            if (!m.group(2).equals("=") && !m.group(2).equals("!=")) {
                throw Status.UNIMPLEMENTED.withDescription("FakeMonitoring evaluates only = and !=: " + m.group())
                        .asRuntimeException();
            }
            // quoted strings, or bare integers for INT64 labels (metric.labels.response_code_class = 500)
            String value = m.group(3) != null ? m.group(3) : m.group(4);
            clauses.put(m.group(1).replace(".label.", ".labels."), new String[] {m.group(2), value});
            at = m.end();
        }
        return clauses;
    }

    private boolean matches(Series s, Map<String, String[]> clauses) {
        for (Map.Entry<String, String[]> c : clauses.entrySet()) {
            String actual = label(s.resourceType, s.resourceLabels, s.metricLabels, c.getKey());
            if (c.getKey().equals("metric.type")) {
                continue;
            }
            if (c.getKey().equals("project")) {
                actual = project;
            }
            boolean equal = c.getValue()[1].equals(actual);
            if (equal != c.getValue()[0].equals("=")) {
                return false;
            }
        }
        return true;
    }

    static @Nullable String label(String resourceType, Map<String, String> resource, Map<String, String> metric,
                                          String selector) {
        if (selector.equals("resource.type")) {
            return resourceType;
        }
        if (selector.startsWith("resource.labels.")) {
            return resource.get(selector.substring("resource.labels.".length()));
        }
        if (selector.startsWith("metric.labels.")) {
            return metric.get(selector.substring("metric.labels.".length()));
        }
        return null;
    }


    private static io.grpc.StatusRuntimeException invalid(String field, String value, String why) {
        return Status.INVALID_ARGUMENT.withDescription("Field " + field + " had an invalid value of \"" + value + "\": " + why)
                .asRuntimeException();
    }

    private static Instant instant(com.google.protobuf.Timestamp t) {
        return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
    }
}
