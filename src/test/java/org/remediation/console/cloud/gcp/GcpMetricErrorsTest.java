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
 * Cloud Monitoring answers that carry no value to judge — nothing in the period, a refused permission,
 * rate limits and outages, Google's validation messages, missing credentials — read over the wire
 * with the real client against {@link org.remediation.console.cloud.gcp.fake.FakeMonitoring}.
 */
class GcpMetricErrorsTest extends GcpMetricsFixture {

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
}
