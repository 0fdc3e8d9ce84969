package org.remediation.console.cloud.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.monitoring.v3.Aggregation;
import com.google.monitoring.v3.ListTimeSeriesRequest;
import com.google.protobuf.util.Durations;
import com.google.protobuf.util.Timestamps;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.remediation.console.cloud.CloudException;
import org.remediation.console.cloud.CloudException.Kind;
import org.remediation.console.cloud.MetricAnswer;
import org.remediation.console.cloud.MetricQuery;
import org.remediation.console.cloud.gcp.fake.FakeGoogle;
import org.remediation.console.cloud.gcp.fake.FakeMonitoring;
import org.remediation.console.cloud.gcp.fake.Faults.Fault;
import org.remediation.console.probe.GcpMetricProbe;
import org.remediation.console.probe.Outcome;
import org.remediation.console.probe.ProbeRequest;
import org.remediation.console.probe.ProbeResult;

/**
 * Cloud Monitoring reads through Google's MetricServiceClient over gRPC to the fake, and the
 * GCP_METRIC probe on top: what the request carries, how series become the run's value, and every
 * error the API answers. Metric types, kinds and labels are those of Google's metrics list.
 */
class GcpMetricsTest {

    static final Instant NOW = Instant.parse("2026-11-25T08:00:00Z");
    /** interval 5m, lag 4m: the read covers (07:51, 07:56]. */
    static final Instant END = NOW.minus(Duration.ofMinutes(4));
    static final Instant START = END.minus(Duration.ofMinutes(5));
    static final String LB_5XX = "metric.type = \"" + FakeMonitoring.LB_REQUEST_COUNT + "\" AND"
            + " metric.labels.response_code_class = 500 AND resource.labels.url_map_name = \"netra-staging-lb\"";
    static final String LB_ALL = "metric.type = \"" + FakeMonitoring.LB_REQUEST_COUNT + "\" AND"
            + " resource.labels.url_map_name = \"netra-staging-lb\"";
    static final String RUN_INSTANCES = "metric.type = \"" + FakeMonitoring.RUN_INSTANCE_COUNT + "\" AND"
            + " resource.labels.service_name = \"netra-backend\" AND metric.labels.state = \"active\"";
    static final String CONNECTOR_CPU = "metric.type = \"" + FakeMonitoring.VPC_CONNECTOR_CPU + "\" AND"
            + " resource.labels.connector_name = \"staging-connector\"";

    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    final List<Duration> pauses = new CopyOnWriteArrayList<>();
    FakeGoogle google;
    FakeMonitoring monitoring;
    GcpCloudGateway gateway;
    GcpMetricProbe probe;

    @BeforeEach
    void start() {
        google = FakeGoogle.start();
        monitoring = google.monitoring();
        // a generous deadline: the first call on a new channel can be slow on a loaded machine
        gateway = new GcpCloudGateway(google.properties(Duration.ofSeconds(10)), clock, pauses::add);
        probe = new GcpMetricProbe(gateway.metrics());
    }

    @AfterEach
    void stop() {
        gateway.close();
        google.close();
    }

    ProbeResult run(Map<String, String> settings) {
        return probe.run(new ProbeRequest("metric", settings, Duration.ofSeconds(10), s -> s, clock,
                org.remediation.console.base.egress.EgressPolicy.DEFAULT, Duration.ofMinutes(5)));
    }

    static Map<String, String> settings(String... kv) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    void lbRequests(String backend, String responseClass, long... perMinute) {
        FakeMonitoring.Series s = monitoring.series(FakeMonitoring.LB_REQUEST_COUNT, "https_lb_rule",
                Map.of("project_id", FakeGoogle.PROJECT, "url_map_name", "netra-staging-lb", "backend_target_name", backend),
                Map.of("response_code_class", responseClass, "response_code", responseClass.equals("500") ? "503" : "200"));
        for (int i = 0; i < perMinute.length; i++) {
            s.point(END.minus(Duration.ofMinutes(i)), perMinute[i]);
        }
    }

    void runInstances(String revision, double... newestFirst) {
        FakeMonitoring.Series s = monitoring.series(FakeMonitoring.RUN_INSTANCE_COUNT, "cloud_run_revision",
                Map.of("project_id", FakeGoogle.PROJECT, "location", FakeGoogle.REGION, "service_name", "netra-backend",
                        "revision_name", revision, "configuration_name", "netra-backend"), Map.of("state", "active"));
        for (int i = 0; i < newestFirst.length; i++) {
            s.point(END.minus(Duration.ofMinutes(i)), newestFirst[i]);
        }
    }

    @Test
    void theRequestCarriesFilterAlignerReducerGroupByAndTheLaggedInterval() {
        lbRequests("netra-backend-bs", "500", 2, 1);
        ProbeResult r = run(settings("filter", LB_5XX, "aligner", "ALIGN_DELTA", "reducer", "REDUCE_SUM",
                "groupBy", "resource.labels.backend_target_name, metric.labels.response_code_class", "lag", "4m"));

        assertThat(r.outcome()).isEqualTo(Outcome.UP);
        ListTimeSeriesRequest sent = monitoring.requests().getFirst();
        assertThat(sent.getName()).isEqualTo("projects/netra-staging");
        assertThat(sent.getFilter()).isEqualTo(LB_5XX);
        assertThat(sent.getAggregation().getPerSeriesAligner()).isEqualTo(Aggregation.Aligner.ALIGN_DELTA);
        assertThat(sent.getAggregation().getCrossSeriesReducer()).isEqualTo(Aggregation.Reducer.REDUCE_SUM);
        assertThat(sent.getAggregation().getGroupByFieldsList())
                .containsExactly("resource.labels.backend_target_name", "metric.labels.response_code_class");
        assertThat(Durations.toSeconds(sent.getAggregation().getAlignmentPeriod())).as("the target's interval").isEqualTo(300);
        assertThat(Timestamps.toMillis(sent.getInterval().getEndTime())).as("now - lag").isEqualTo(END.toEpochMilli());
        assertThat(Timestamps.toMillis(sent.getInterval().getStartTime())).as("now - lag - interval")
                .isEqualTo(START.toEpochMilli());
        assertThat(sent.getView()).isEqualTo(ListTimeSeriesRequest.TimeSeriesView.FULL);
        // a reduced series keeps only the group-by labels
        assertThat(r.metricValue()).isEqualTo(3.0);
        assertThat(r.measurements().get("series")).isEqualTo(List.of(
                "backend_target_name=netra-backend-bs,response_code_class=500: 3.0"));
    }

    @Test
    void severalSeriesMakeOneValueAcrossMaxOrSumWithTheAnswersUnit() {
        runInstances("netra-backend-00001-abc", 2, 3, 1);
        runInstances("netra-backend-00002-def", 5, 4);
        Map<String, String> max = settings("filter", RUN_INSTANCES, "aligner", "ALIGN_MAX", "across", "max");
        ProbeResult byMax = run(max);
        assertThat(byMax.outcome()).isEqualTo(Outcome.UP);
        assertThat(byMax.metricValue()).as("the busiest revision's peak").isEqualTo(5.0);
        // Google's "1" (dimensionless) is no unit to show or to match a threshold against
        assertThat(byMax.measurements()).containsEntry("seriesCount", 2).containsEntry("unit", "");

        max.put("across", "sum");
        assertThat(run(max).metricValue()).as("3 + 5").isEqualTo(8.0);

        // the adapter: newest point of each series, labels of metric and resource
        MetricAnswer answer = gateway.metrics().read(new MetricQuery(RUN_INSTANCES, "ALIGN_NONE", "REDUCE_NONE",
                List.of(), Duration.ofMinutes(5), END));
        assertThat(answer.series()).extracting(s -> s.labels().get("revision_name") + "=" + s.value())
                .containsExactlyInAnyOrder("netra-backend-00001-abc=2.0", "netra-backend-00002-def=5.0");
        assertThat(answer.series()).allSatisfy(s -> assertThat(s.end()).isEqualTo(END));
        assertThat(answer.series().getFirst().labels()).containsEntry("state", "active").containsEntry("service_name", "netra-backend");
        assertThat(answer.raw()).startsWith("{\"timeSeries\":[").contains("netra-backend-00002-def");
        // juxtaposed comparisons are ANDed, as in Google's own filter examples
        assertThat(gateway.metrics().read(query("resource.type=\"cloud_run_revision\" metric.type=\""
                + FakeMonitoring.RUN_INSTANCE_COUNT + "\" resource.label.revision_name=\"netra-backend-00002-def\"")).series())
                .singleElement().satisfies(s -> assertThat(s.value()).as("ALIGN_MEAN over the period: (5 + 4) / 2").isEqualTo(4.5));
    }

    @Test
    void aDistributionIsReadThroughAPercentileAlignerAndScaledToPercent() {
        monitoring.series(FakeMonitoring.VPC_CONNECTOR_CPU, "vpc_access_connector",
                Map.of("project_id", FakeGoogle.PROJECT, "location", FakeGoogle.REGION, "connector_name", "staging-connector"),
                Map.of()).point(END, 0.41, 0.83).point(END.minus(Duration.ofMinutes(1)), 0.5, 0.6);
        ProbeResult r = run(settings("filter", CONNECTOR_CPU, "aligner", "ALIGN_PERCENTILE_99", "scale", "100", "unit", "%"));
        assertThat(r.outcome()).as(String.valueOf(r.error())).isEqualTo(Outcome.UP);
        assertThat(r.metricValue()).isEqualTo(83.0);
        assertThat(r.measurements()).containsEntry("unit", "%");

        // ALIGN_MEAN is for numeric values only (common.proto): Google refuses it on this distribution
        ProbeResult mean = run(settings("filter", CONNECTOR_CPU));
        assertThat(mean.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(mean.errorClass()).isEqualTo("invalid-argument");
        assertThat(mean.error()).contains("ALIGN_MEAN").contains("DISTRIBUTION");
    }

    @Test
    void pagesAreFollowed() {
        monitoring.maxPageSize(1);
        runInstances("a", 1);
        runInstances("b", 7);
        runInstances("c", 3);
        ProbeResult r = run(settings("filter", RUN_INSTANCES, "aligner", "ALIGN_MAX", "across", "max"));
        assertThat(r.measurements()).containsEntry("seriesCount", 3);
        assertThat(r.metricValue()).isEqualTo(7.0);
        assertThat(monitoring.requests()).hasSize(3);
        assertThat(monitoring.requests().get(2).getPageToken()).isEqualTo("2");
    }

    @Test
    void moreSeriesThanThePageCapIsAnIncompleteReadNotTheFirstPagesValue() {
        monitoring.maxPageSize(1);
        for (int i = 0; i < MonitoringAdapter.MAX_PAGES; i++) {
            runInstances("r" + i, 1);
        }
        ProbeResult full = run(settings("filter", RUN_INSTANCES, "aligner", "ALIGN_MAX", "across", "max"));
        assertThat(full.outcome()).as("exactly the cap: every page read").isEqualTo(Outcome.UP);
        assertThat(full.measurements()).containsEntry("seriesCount", MonitoringAdapter.MAX_PAGES);

        runInstances("beyond", 99);
        int before = monitoring.requests().size();
        ProbeResult cut = run(settings("filter", RUN_INSTANCES, "aligner", "ALIGN_MAX", "across", "max"));
        assertThat(cut.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(cut.errorClass()).isEqualTo("invalid-argument");
        assertThat(cut.error()).contains("incomplete").contains(MonitoringAdapter.MAX_PAGES + " pages")
                .contains("reducer");
        assertThat(cut.metricValue()).as("not the max of the pages read").isNull();
        assertThat(monitoring.requests().size() - before).as("the query will not shrink by itself: not retried")
                .isEqualTo(MonitoringAdapter.MAX_PAGES);
    }

    @Test
    void executionErrorsMakeTheAnswerIncompleteSoTheReadFailsAndIsRetriedAsTransient() {
        runInstances("a", 4);
        com.google.rpc.Status partial = com.google.rpc.Status.newBuilder().setCode(14)
                .setMessage("Some time series could not be read").build();
        monitoring.executionErrors(1, partial);
        ProbeResult recovered = run(settings("filter", RUN_INSTANCES, "aligner", "ALIGN_MAX"));
        assertThat(recovered.outcome()).as(String.valueOf(recovered.error())).isEqualTo(Outcome.UP);
        assertThat(recovered.metricValue()).isEqualTo(4.0);
        assertThat(monitoring.requests()).hasSize(2);

        monitoring.executionErrors(1000, partial);
        ProbeResult r = run(settings("filter", RUN_INSTANCES, "aligner", "ALIGN_MAX"));
        assertThat(r.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(r.errorClass()).isEqualTo("unavailable");
        assertThat(r.error()).contains("incomplete").contains("Some time series could not be read");
        assertThat(r.metricValue()).isNull();

        monitoring.clear();
        monitoring.executionErrors(1000, partial);
        ProbeResult zero = run(settings("filter", LB_5XX, "aligner", "ALIGN_DELTA", "reducer", "REDUCE_SUM",
                "emptyAs", "zero", "presenceFilter", LB_ALL));
        assertThat(zero.outcome()).as("an incomplete empty answer is not zero").isEqualTo(Outcome.ERROR);
        assertThat(zero.metricValue()).isNull();
    }

    @Test
    void aDistributionWithoutSamplesHasNoValue() {
        monitoring.series(FakeMonitoring.VPC_CONNECTOR_CPU, "vpc_access_connector",
                Map.of("project_id", FakeGoogle.PROJECT, "location", FakeGoogle.REGION, "connector_name", "staging-connector"),
                Map.of()).point(END);
        CloudException only = readFails(new MetricQuery(CONNECTOR_CPU, "ALIGN_NONE", "REDUCE_NONE", List.of(),
                Duration.ofMinutes(5), END));
        assertThat(only).as("its mean 0 is no measurement").isNotNull();
        assertThat(only.getMessage()).contains("no samples");
        ProbeResult r = run(settings("filter", CONNECTOR_CPU, "aligner", "ALIGN_NONE", "emptyAs", "zero",
                "presenceFilter", CONNECTOR_CPU));
        assertThat(r.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(r.metricValue()).isNull();

        monitoring.series(FakeMonitoring.VPC_CONNECTOR_CPU, "vpc_access_connector",
                Map.of("project_id", FakeGoogle.PROJECT, "location", FakeGoogle.REGION, "connector_name", "staging-connector",
                        "instance", "b"), Map.of()).point(END, 0.2, 0.4);
        MetricAnswer both = gateway.metrics().read(new MetricQuery(CONNECTOR_CPU, "ALIGN_NONE", "REDUCE_NONE", List.of(),
                Duration.ofMinutes(5), END));
        assertThat(both.series()).as("the empty one is left out, the other judged").singleElement()
                .satisfies(s -> assertThat(s.value()).isCloseTo(0.3, org.assertj.core.data.Offset.offset(1e-9)));
    }

    @Test
    void noSeriesIsDownUnlessEmptyCountsAsZeroAndThePresenceFilterFindsTraffic() {
        lbRequests("netra-backend-bs", "200", 40, 38);
        ProbeResult none = run(settings("filter", LB_5XX, "aligner", "ALIGN_DELTA", "reducer", "REDUCE_SUM"));
        assertThat(none.outcome()).isEqualTo(Outcome.DOWN);
        assertThat(none.errorClass()).isEqualTo("no-series");
        assertThat(none.metricValue()).isNull();

        Map<String, String> zero = settings("filter", LB_5XX, "aligner", "ALIGN_DELTA", "reducer", "REDUCE_SUM",
                "emptyAs", "zero", "presenceFilter", LB_ALL);
        ProbeResult counted = run(zero);
        assertThat(counted.outcome()).isEqualTo(Outcome.UP);
        assertThat(counted.metricValue()).isEqualTo(0.0);
        assertThat(monitoring.requests()).extracting(ListTimeSeriesRequest::getFilter).endsWith(LB_5XX, LB_ALL);

        monitoring.clear();
        ProbeResult silent = run(zero);
        assertThat(silent.outcome()).as("no traffic at all: 0 cannot be told from missing data").isEqualTo(Outcome.DOWN);
        assertThat(silent.errorClass()).isEqualTo("no-presence");
        assertThat(silent.metricValue()).isNull();
    }

    @Test
    void aMissingPermissionNamesMonitoringTimeSeriesListAndItsRole() {
        google.faults().inject("ListTimeSeries", Fault.permissionDenied("monitoring.timeSeries.list"));
        ProbeResult r = run(settings("filter", RUN_INSTANCES));
        assertThat(r.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(r.errorClass()).isEqualTo("permission-denied");
        assertThat(r.error()).contains("monitoring.timeSeries.list").contains("roles/monitoring.viewer");
        assertThat(monitoring.requests()).as("not retried").hasSize(1);
    }

    @Test
    void anUnknownProjectIsRefusedAsGoogleDoesAndStillNamesThePermission() {
        GcpProperties p = google.properties();
        GcpProperties other = new GcpProperties("no-such-project", p.regions(), p.resources(), p.endpoints(), p.polling(),
                p.retry(), p.callTimeout());
        try (GcpCloudGateway g = new GcpCloudGateway(other, clock, pauses::add)) {
            CloudException e = catchThrowableOfType(CloudException.class, () -> g.metrics().read(query(RUN_INSTANCES)));
            assertThat(e.kind()).isEqualTo(Kind.PERMISSION_DENIED);
            assertThat(e.missingPermission()).isEqualTo("monitoring.timeSeries.list");
            assertThat(e.getMessage()).contains("not authorized to access the project").contains("roles/monitoring.viewer");
        }
    }

    @Test
    void rateLimitsAndUnavailabilityAreRetriedThenReported() {
        runInstances("a", 4);
        google.faults().inject("ListTimeSeries", Fault.rateLimited()).inject("ListTimeSeries", Fault.unavailable());
        ProbeResult recovered = run(settings("filter", RUN_INSTANCES, "aligner", "ALIGN_MAX"));
        assertThat(recovered.outcome()).isEqualTo(Outcome.UP);
        assertThat(recovered.metricValue()).isEqualTo(4.0);
        assertThat(monitoring.requests()).hasSize(3);
        assertThat(pauses).hasSize(2);

        google.faults().inject("ListTimeSeries", Fault.rateLimited(), 3);
        ProbeResult limited = run(settings("filter", RUN_INSTANCES, "aligner", "ALIGN_MAX"));
        assertThat(limited.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(limited.errorClass()).isEqualTo("rate-limited");
        assertThat(limited.metricValue()).isNull();

        google.faults().inject("ListTimeSeries", Fault.unavailable(), 3);
        ProbeResult down = run(settings("filter", RUN_INSTANCES, "aligner", "ALIGN_MAX"));
        assertThat(down.errorClass()).isEqualTo("unavailable");
        assertThat(down.error()).contains("monitoring.googleapis.com is unavailable");
        assertThat(monitoring.requests()).as("3 + 3 + 3 attempts").hasSize(9);
    }

    @Test
    void aStreamOfPureFailureGivesOnlyFailedResultsNeverAValue() {
        runInstances("a", 4);
        google.faults().inject("ListTimeSeries", Fault.unavailable(), 1000);
        List<ProbeResult> results = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            results.add(run(settings("filter", RUN_INSTANCES, "aligner", "ALIGN_MAX", "emptyAs", "zero",
                    "presenceFilter", RUN_INSTANCES)));
        }
        assertThat(results).allSatisfy(r -> {
            assertThat(r.outcome()).isEqualTo(Outcome.ERROR);
            assertThat(r.metricValue()).isNull();
            assertThat(r.measurements()).doesNotContainKey(ProbeResult.METRIC_VALUE);
        });
    }

    @Test
    void googlesValidationMessagesReachTheResult() {
        ProbeResult malformed = run(settings("filter", "metric.type = \"" + FakeMonitoring.RUN_INSTANCE_COUNT
                + "\" AND resource.labels.service_name = \"netra-backend"));
        assertThat(malformed.errorClass()).isEqualTo("invalid-argument");
        assertThat(malformed.error()).contains("Field filter had an invalid value of");

        CloudException noType = readFails(new MetricQuery("resource.type = \"cloud_run_revision\"", "ALIGN_MEAN",
                "REDUCE_NONE", List.of(), Duration.ofMinutes(5), END));
        assertThat(noType.kind()).isEqualTo(Kind.INVALID_ARGUMENT);
        assertThat(noType.getMessage()).contains("must specify a single metric type");

        CloudException unknown = readFails(query("metric.type = \"run.googleapis.com/container/instance_cnt\""));
        assertThat(unknown.kind()).as("Google answers NOT_FOUND for a metric type it has no descriptor of")
                .isEqualTo(Kind.NOT_FOUND);
        assertThat(unknown.getMessage()).contains("Cannot find metric(s) that match type");

        CloudException shortPeriod = readFails(new MetricQuery(RUN_INSTANCES, "ALIGN_MEAN", "REDUCE_NONE", List.of(),
                Duration.ofSeconds(30), END));
        assertThat(shortPeriod.kind()).isEqualTo(Kind.INVALID_ARGUMENT);
        assertThat(shortPeriod.getMessage()).contains("at least 60 seconds");

        CloudException reducerWithoutAligner = readFails(new MetricQuery(RUN_INSTANCES, "ALIGN_NONE", "REDUCE_SUM",
                List.of(), Duration.ofMinutes(5), END));
        assertThat(reducerWithoutAligner.kind()).isEqualTo(Kind.INVALID_ARGUMENT);
        assertThat(reducerWithoutAligner.getMessage()).contains("perSeriesAligner");

        CloudException backwards = readFails(new MetricQuery(RUN_INSTANCES, "ALIGN_NONE", "REDUCE_NONE", List.of(),
                Duration.ofMinutes(-5), END));
        assertThat(backwards.kind()).isEqualTo(Kind.INVALID_ARGUMENT);
        assertThat(backwards.getMessage()).contains("must not be later than the end time");
        assertThat(pauses).as("a refused query is never retried").isEmpty();
    }

    @Test
    void missingApplicationDefaultCredentialsAreNamed(@TempDir Path home) throws Exception {
        Files.createDirectories(home.resolve(".config/gcloud"));
        String saved = System.getProperty("user.home");
        System.setProperty("user.home", home.toString());
        GcpProperties p = google.properties();
        GcpProperties.Endpoints e = p.endpoints();
        GcpProperties google443 = new GcpProperties(p.project(), p.regions(), p.resources(),
                new GcpProperties.Endpoints(e.vpcAccess(), e.vpcAccessRest(), e.sqlAdmin(), e.run(), e.compute(), e.redis(),
                        "monitoring.googleapis.com:443"), p.polling(), p.retry(), p.callTimeout());
        try (GcpCloudGateway g = new GcpCloudGateway(google443, clock, pauses::add)) {
            CloudException err = catchThrowableOfType(CloudException.class, () -> g.metrics().read(query(RUN_INSTANCES)));
            assertThat(err.kind()).isEqualTo(Kind.CREDENTIALS);
            assertThat(err.getMessage()).contains("GOOGLE_APPLICATION_CREDENTIALS");
            assertThat(pauses).isEmpty();
        } finally {
            System.setProperty("user.home", saved);
        }
    }

    @Test
    void diagnosticsShowWhetherMonitoringReadsWork() {
        assertThat(GcpProbes.diagnose(gateway, NOW).apis()).filteredOn(a -> a.api().equals(MonitoringAdapter.API))
                .singleElement().satisfies(a -> assertThat(a.status()).isEqualTo(ApiDiagnosis.Status.OK));
        google.faults().inject("ListTimeSeries", Fault.permissionDenied("monitoring.timeSeries.list"));
        assertThat(GcpProbes.diagnose(gateway, NOW).apis()).filteredOn(a -> a.api().equals(MonitoringAdapter.API))
                .singleElement().satisfies(a -> {
                    assertThat(a.status()).isEqualTo(ApiDiagnosis.Status.MISSING_PERMISSIONS);
                    assertThat(a.missing()).extracting(ApiDiagnosis.MissingPermission::permission)
                            .containsExactly("monitoring.timeSeries.list");
                });
    }

    MetricQuery query(String filter) {
        return new MetricQuery(filter, "ALIGN_MEAN", "REDUCE_NONE", List.of(), Duration.ofMinutes(5), END);
    }

    CloudException readFails(MetricQuery q) {
        return catchThrowableOfType(CloudException.class, () -> gateway.metrics().read(q));
    }
}
