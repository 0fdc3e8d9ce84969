package org.remediation.console.cloud.gcp;

import com.google.cloud.monitoring.v3.MetricServiceClient.ListTimeSeriesPage;
import com.google.monitoring.v3.Aggregation;
import com.google.monitoring.v3.ListTimeSeriesRequest;
import com.google.monitoring.v3.ListTimeSeriesResponse;
import com.google.monitoring.v3.Point;
import com.google.monitoring.v3.TimeInterval;
import com.google.monitoring.v3.TimeSeries;
import com.google.monitoring.v3.TypedValue;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.Durations;
import com.google.protobuf.util.JsonFormat;
import com.google.protobuf.util.Timestamps;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.remediation.console.cloud.CloudException;
import org.remediation.console.cloud.CloudMetrics;
import org.remediation.console.cloud.MetricAnswer;
import org.remediation.console.cloud.MetricQuery;
import org.remediation.console.cloud.MetricSeries;

/**
 * Cloud Monitoring v3 time series over gRPC ({@code MetricServiceClient.listTimeSeries}): one aligned
 * (and optionally reduced) read per query; each series answers with its newest point, which Google
 * lists first. Reads go through {@link GcpCalls} (429/500/503 retried) and errors through
 * {@link GcpErrors}.
 */
final class MonitoringAdapter implements CloudMetrics {

    static final String API = "monitoring.googleapis.com";
    /** The one permission {@code timeSeries.list} needs (roles/monitoring.viewer grants it). */
    static final String PERMISSION = "monitoring.timeSeries.list";
    /** A read spans one alignment period: more pages than this means a filter far too broad, and the read fails. */
    static final int MAX_PAGES = 20;

    private final GcpClients clients;
    private final GcpCalls calls;
    private final String project;

    MonitoringAdapter(GcpClients clients, GcpCalls calls, GcpProperties props) {
        this.clients = clients;
        this.calls = calls;
        this.project = props.project();
    }

    @Override
    public String name() {
        return "gcp";
    }

    @Override
    public MetricAnswer read(MetricQuery query) {
        ListTimeSeriesRequest request = request(query);
        List<ListTimeSeriesResponse> pages;
        try {
            pages = calls.call(API, () -> complete(pages(request)));
        } catch (CloudException e) {
            throw namePermission(e);
        }
        List<MetricSeries> series = new ArrayList<>();
        String unit = "";
        StringBuilder raw = new StringBuilder();
        int withoutSamples = 0;
        for (ListTimeSeriesResponse page : pages) {
            raw.append(raw.isEmpty() ? "" : "\n").append(json(page));
            for (TimeSeries ts : page.getTimeSeriesList()) {
                if (ts.getPointsCount() == 0) {
                    continue;
                }
                // "points are returned in reverse time order" (ListTimeSeriesResponse / TimeSeries.points)
                Point newest = ts.getPoints(0);
                if (newest.getValue().hasDistributionValue() && newest.getValue().getDistributionValue().getCount() == 0) {
                    withoutSamples++; // its mean is 0 by definition (Distribution.mean), not a measurement
                    continue;
                }
                series.add(new MetricSeries(labels(ts), value(newest.getValue()),
                        instant(newest.getInterval().getEndTime())));
                if (unit.isEmpty()) {
                    unit = ts.getUnit();
                }
            }
        }
        if (series.isEmpty() && withoutSamples > 0) {
            // not an empty answer either: emptyAs zero would turn it into 0
            throw new CloudException(CloudException.Kind.NOT_FOUND, API + " answered " + withoutSamples
                    + " series whose newest point is a distribution with no samples (count 0): there is no value to"
                    + " judge in " + query.start() + " – " + query.end() + ".");
        }
        return new MetricAnswer(series, unit, raw.toString());
    }

    ListTimeSeriesRequest request(MetricQuery q) {
        Aggregation.Builder aggregation = Aggregation.newBuilder()
                .setAlignmentPeriod(Durations.fromSeconds(q.period().toSeconds()))
                .setPerSeriesAligner(Aggregation.Aligner.valueOf(q.aligner()))
                .setCrossSeriesReducer(Aggregation.Reducer.valueOf(q.reducer()))
                .addAllGroupByFields(q.groupBy());
        return ListTimeSeriesRequest.newBuilder().setName("projects/" + project).setFilter(q.filter())
                .setInterval(TimeInterval.newBuilder().setStartTime(timestamp(q.start())).setEndTime(timestamp(q.end())))
                .setAggregation(aggregation).setView(ListTimeSeriesRequest.TimeSeriesView.FULL).build();
    }

    /** Every page, or a failure: a read cut at the cap would judge only some of the series. */
    private List<ListTimeSeriesResponse> pages(ListTimeSeriesRequest request) {
        List<ListTimeSeriesResponse> pages = new ArrayList<>();
        ListTimeSeriesPage page = clients.monitoring.get().listTimeSeries(request).getPage();
        while (true) {
            pages.add(page.getResponse());
            if (!page.hasNextPage()) {
                return pages;
            }
            if (pages.size() >= MAX_PAGES) {
                // INVALID_ARGUMENT, not retried: the same query gives as many pages again
                throw new CloudException(CloudException.Kind.INVALID_ARGUMENT, API + " has more than " + MAX_PAGES
                        + " pages of time series for the filter, so the answer read would be incomplete: narrow the"
                        + " filter or combine the series with a reducer (e.g. REDUCE_MAX with groupBy).");
            }
            page = page.getNextPage();
        }
    }

    /**
     * execution_errors: "Query execution errors that may have caused the time series data returned to be
     * incomplete" (ListTimeSeriesResponse). Treated as transient (UNAVAILABLE, so the read is retried):
     * a value from part of the data is no measurement.
     */
    private static List<ListTimeSeriesResponse> complete(List<ListTimeSeriesResponse> pages) {
        List<String> errors = new ArrayList<>();
        for (ListTimeSeriesResponse page : pages) {
            for (com.google.rpc.Status e : page.getExecutionErrorsList()) {
                errors.add(io.grpc.Status.fromCodeValue(e.getCode()).getCode() + ": " + e.getMessage());
            }
        }
        if (!errors.isEmpty()) {
            throw new CloudException(CloudException.Kind.UNAVAILABLE, API + " answered with execution errors, so the"
                    + " time series may be incomplete and are not judged: " + String.join("; ", errors));
        }
        return pages;
    }

    /**
     * Google's 403 may carry the permission only in prose; {@code timeSeries.list} needs exactly one,
     * so a refusal without one named is that one.
     */
    private static CloudException namePermission(CloudException e) {
        if (e.kind() != CloudException.Kind.PERMISSION_DENIED || e.missingPermission() != null) {
            return e;
        }
        String role = PermissionRoles.grantingRole(PERMISSION);
        return new CloudException(CloudException.Kind.PERMISSION_DENIED, e.getMessage() + " Permission '" + PERMISSION
                + "' is needed to read time series; grant the role " + role + " to the console's service account.",
                PERMISSION, role, e);
    }

    /** The metric's labels, then the resource's (the reducer keeps only the group-by ones). */
    static Map<String, String> labels(TimeSeries ts) {
        Map<String, String> labels = new LinkedHashMap<>(ts.getResource().getLabelsMap());
        labels.putAll(ts.getMetric().getLabelsMap());
        return labels;
    }

    static double value(TypedValue v) {
        return switch (v.getValueCase()) {
            case DOUBLE_VALUE -> v.getDoubleValue();
            case INT64_VALUE -> v.getInt64Value();
            case BOOL_VALUE -> v.getBoolValue() ? 1 : 0;
            case DISTRIBUTION_VALUE -> v.getDistributionValue().getMean();
            default -> throw new CloudException(CloudException.Kind.INVALID_ARGUMENT, API + " answered a "
                    + v.getValueCase() + " value; choose an aligner that yields a number (e.g. ALIGN_MEAN).");
        };
    }

    private static String json(ListTimeSeriesResponse page) {
        try {
            return JsonFormat.printer().omittingInsignificantWhitespace().print(page);
        } catch (InvalidProtocolBufferException e) {
            return page.toString();
        }
    }

    private static com.google.protobuf.Timestamp timestamp(Instant i) {
        return Timestamps.fromMillis(i.toEpochMilli());
    }

    private static Instant instant(com.google.protobuf.Timestamp t) {
        return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
    }
}
