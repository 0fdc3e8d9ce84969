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
class GcpMetricsTest extends GcpMetricsFixture {

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
}
