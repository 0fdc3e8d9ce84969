package org.remediation.console.cloud.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.remediation.console.cloud.Attributes.*;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.remediation.console.cloud.CloudException;
import org.remediation.console.cloud.MetricAnswer;
import org.remediation.console.cloud.MetricQuery;
import org.remediation.console.cloud.MetricSeries;
import org.remediation.console.cloud.ResourceRef;
import org.springframework.jdbc.core.JdbcTemplate;

/** The sandbox's metrics read from its live state, over the port, as Cloud Monitoring answers them. */
class SandboxMetricsTest {

    static final Instant END = Instant.parse("2026-12-01T02:00:00Z");
    static final String CONNECTOR = " AND resource.labels.connector_name = \"staging-connector\"";

    /** The #1278 topology in memory; {@link #put} changes it as an applied action would. */
    static final class MemoryStore extends SandboxStore {
        final Map<ResourceRef, Map<String, String>> resources = new ConcurrentHashMap<>(SandboxTopology.initial(END));

        MemoryStore() {
            super(new JdbcTemplate());
        }

        @Override
        Optional<Map<String, String>> resource(ResourceRef ref) {
            return Optional.ofNullable(resources.get(ref));
        }

        @Override
        List<String> resourceRefs() {
            return resources.keySet().stream().map(ResourceRef::toString).toList();
        }

        void put(ResourceRef ref, String... kv) {
            Map<String, String> next = new TreeMap<>(resources.get(ref));
            for (int i = 0; i < kv.length; i += 2) {
                next.put(kv[i], kv[i + 1]);
            }
            resources.put(ref, next);
        }
    }

    final MemoryStore store = new MemoryStore();
    final SandboxMetrics metrics = new SandboxMetrics(new SandboxSeries(store,
            new EndpointSimulator(store, SandboxLoadCheckTest.FAST), SandboxLoadCheckTest.FAST.demoLoadMbps()));

    static MetricQuery query(String filter, String aligner, String reducer, String... groupBy) {
        return new MetricQuery(filter, aligner, reducer, List.of(groupBy), Duration.ofMinutes(1), END);
    }

    static String type(String t) {
        return "metric.type = \"" + t + "\"";
    }

    private void scaleUp() {
        store.put(SandboxTopology.CONNECTOR, MIN_INSTANCES, "3", MAX_INSTANCES, "10", MACHINE_TYPE, "e2-standard-4");
    }

    @Test
    void connectorCpuIsARatioAboveSeventyPercentWhileSaturatedAndFallsInTheNextReadAfterTheScaleUp() {
        MetricAnswer before = metrics.read(query(type(SandboxSeries.VPC_CPU) + CONNECTOR, "ALIGN_MEAN", "REDUCE_NONE"));
        assertThat(before.unit()).isEqualTo("10^2.%");
        assertThat(before.series()).singleElement().satisfies(s -> {
            assertThat(s.value()).isGreaterThan(0.7).isLessThanOrEqualTo(1.0);
            assertThat(s.labels()).containsEntry("resource.type", "vpc_access_connector")
                    .containsEntry("resource.labels.connector_name", "staging-connector")
                    .containsEntry("resource.labels.location", "us-central1")
                    .containsEntry("resource.labels.project_id", "netra-staging");
        });
        scaleUp();
        MetricAnswer after = metrics.read(query(type(SandboxSeries.VPC_CPU) + CONNECTOR, "ALIGN_MEAN", "REDUCE_NONE"));
        assertThat(after.series()).singleElement().satisfies(s -> assertThat(s.value()).isLessThan(0.7));
    }

    @Test
    void connectorInstancesFollowLoadBetweenMinAndMax() {
        String f = type(SandboxSeries.VPC_INSTANCES) + CONNECTOR;
        assertThat(value(metrics.read(query(f, "ALIGN_MEAN", "REDUCE_NONE")))).as("saturated: at max").isEqualTo(3);
        store.put(SandboxTopology.CONNECTOR, MIN_INSTANCES, "2", MAX_INSTANCES, "10", MACHINE_TYPE, "e2-micro");
        assertThat(value(metrics.read(query(f, "ALIGN_MEAN", "REDUCE_NONE")))).as("1500 Mbps on e2-micro at 70 %").isEqualTo(10);
        scaleUp();
        MetricAnswer scaled = metrics.read(query(f, "ALIGN_MAX", "REDUCE_NONE"));
        assertThat(value(scaled)).as("one e2-standard-4 would do: min 3").isEqualTo(3);
        assertThat(scaled.unit()).isEqualTo("1");
    }

    @Test
    void connectorBytesAreDeltasOfWhatGetsThroughAndRateIsPerSecond() {
        String received = type(SandboxSeries.VPC_RECEIVED) + CONNECTOR;
        MetricAnswer delta = metrics.read(query(received, "ALIGN_DELTA", "REDUCE_SUM"));
        assertThat(delta.unit()).isEqualTo("By");
        MetricAnswer rate = metrics.read(query(received, "ALIGN_RATE", "REDUCE_SUM"));
        assertThat(rate.unit()).isEqualTo("By/s");
        assertThat(value(rate)).isCloseTo(value(delta) / 60, org.assertj.core.data.Offset.offset(1.0));
        double saturatedMbps = value(rate) * 8 / 1e6;
        assertThat(saturatedMbps).as("600 Mbps capacity, 70 % dropped").isLessThan(200);
        scaleUp();
        assertThat(value(metrics.read(query(received, "ALIGN_RATE", "REDUCE_SUM"))) * 8 / 1e6).isGreaterThan(1000);
        assertThat(metrics.read(query(type(SandboxSeries.VPC_SENT) + CONNECTOR, "ALIGN_DELTA", "REDUCE_NONE")).series())
                .singleElement().satisfies(s -> assertThat(s.value()).isPositive());
    }

    @Test
    void sqlBackendsFollowThePoolDemandPerDatabaseAndCpuIsARatio() {
        String f = type(SandboxSeries.SQL_BACKENDS);
        MetricAnswer perDb = metrics.read(query(f, "ALIGN_MEAN", "REDUCE_NONE"));
        assertThat(perDb.series()).extracting(s -> s.labels().get("metric.labels.database")).containsExactlyInAnyOrder("netra", "postgres");
        assertThat(perDb.series()).allSatisfy(s -> assertThat(s.labels())
                .containsEntry("resource.type", "cloudsql_database")
                .containsEntry("resource.labels.database_id", "netra-staging:netra-staging-db"));
        assertThat(value(metrics.read(query(f, "ALIGN_MEAN", "REDUCE_SUM")))).as("the pool is full").isGreaterThan(80);
        MetricAnswer cpu = metrics.read(query(type(SandboxSeries.SQL_CPU), "ALIGN_MEAN", "REDUCE_NONE"));
        assertThat(cpu.unit()).isEqualTo("10^2.%");
        assertThat(value(cpu)).isBetween(0.0, 1.0);
        scaleUp();
        assertThat(value(metrics.read(query(f, "ALIGN_MEAN", "REDUCE_SUM")))).as("demand back to base").isLessThan(80);
        assertThat(value(metrics.read(query(type(SandboxSeries.SQL_CPU), "ALIGN_MEAN", "REDUCE_NONE")))).isLessThan(value(cpu));
    }

    @Test
    void fiveHundredsFollowSaturationAndWithoutAnyTheFilteredReadHasNoSeriesWhileTheUnfilteredHas() {
        String all = type(SandboxSeries.LB_REQUESTS);
        String fiveXx = all + " AND metric.labels.response_code_class = \"500\"";
        MetricAnswer saturated = metrics.read(query(fiveXx, "ALIGN_DELTA", "REDUCE_SUM"));
        assertThat(value(saturated)).isPositive();
        assertThat(metrics.read(query(fiveXx, "ALIGN_DELTA", "REDUCE_NONE")).series()).singleElement()
                .satisfies(s -> assertThat(s.labels()).containsEntry("metric.labels.response_code", "503")
                        .containsEntry("resource.type", "https_lb_rule")
                        .containsEntry("resource.labels.backend_target_name", "netra-backend-bs"));
        assertThat(metrics.read(query(all + " AND metric.labels.response_code_class = 500",
                "ALIGN_DELTA", "REDUCE_SUM")).series()).as("int64 labels compare bare too").hasSize(1);
        scaleUp();
        MetricAnswer healthy = metrics.read(query(fiveXx, "ALIGN_DELTA", "REDUCE_SUM"));
        assertThat(healthy.series()).isEmpty();
        assertThat(healthy.raw()).isEqualTo("{}");
        assertThat(metrics.read(query(all, "ALIGN_DELTA", "REDUCE_SUM")).series()).singleElement()
                .satisfies(s -> assertThat(s.value()).as("all requests succeed, give or take the traffic's noise")
                        .isCloseTo(SandboxSeries.LB_REQUESTS_PER_MINUTE, org.assertj.core.data.Offset.offset(6.0)));
    }

    @Test
    void runInstancesArePerRevisionAndGroupByKeepsOnlyThatLabel() {
        String f = type(SandboxSeries.RUN_INSTANCES) + " AND resource.labels.service_name = \"netra-backend\"";
        MetricAnswer raw = metrics.read(query(f, "ALIGN_MAX", "REDUCE_NONE"));
        assertThat(raw.series()).singleElement().satisfies(s -> assertThat(s.labels())
                .containsEntry("resource.labels.revision_name", "netra-backend-00002")
                .containsEntry("metric.labels.state", "active").containsEntry("resource.type", "cloud_run_revision"));
        store.put(SandboxTopology.BACKEND, TRAFFIC, "netra-backend-00001=50,netra-backend-00002=50");
        MetricAnswer split = metrics.read(query(f, "ALIGN_MAX", "REDUCE_SUM", "resource.labels.revision_name"));
        assertThat(split.series()).extracting(MetricSeries::labels).containsExactlyInAnyOrder(
                Map.of("resource.labels.revision_name", "netra-backend-00001"),
                Map.of("resource.labels.revision_name", "netra-backend-00002"));
        double saturatedTotal = split.series().stream().mapToDouble(MetricSeries::value).sum();
        scaleUp();
        double scaledTotal = metrics.read(query(f, "ALIGN_MAX", "REDUCE_SUM", "resource.labels.revision_name")).series()
                .stream().mapToDouble(MetricSeries::value).sum();
        assertThat(scaledTotal).as("fast answers need fewer instances").isLessThan(saturatedTotal);
    }

    @Test
    void capacityWarningsAreCountedOnlyWhileTheConnectorIsSaturated() {
        String f = type(SandboxSeries.CAPACITY_WARNINGS) + CONNECTOR;
        MetricAnswer saturated = metrics.read(query(f, "ALIGN_DELTA", "REDUCE_SUM"));
        assertThat(value(saturated)).isPositive();
        assertThat(metrics.read(query(f, "ALIGN_DELTA", "REDUCE_NONE")).series()).singleElement()
                .satisfies(s -> assertThat(s.labels()).containsEntry("resource.type", "vpc_access_connector"));
        scaleUp();
        assertThat(metrics.read(query(f, "ALIGN_DELTA", "REDUCE_SUM")).series()).isEmpty();
        assertThat(metrics.read(query(type(SandboxSeries.VPC_RECEIVED) + CONNECTOR, "ALIGN_DELTA", "REDUCE_SUM")).series())
                .as("the presence filter the demo target uses still answers, with the same aligner").hasSize(1);
    }

    @Test
    void readsAreDeterministicForTheSameStateAndPeriodAndAlignersDiffer() {
        MetricQuery q = new MetricQuery(type(SandboxSeries.SQL_BACKENDS), "ALIGN_MEAN", "REDUCE_SUM", List.of(),
                Duration.ofMinutes(15), END);
        assertThat(metrics.read(q)).isEqualTo(metrics.read(q));
        MetricQuery max = new MetricQuery(q.filter(), "ALIGN_MAX", "REDUCE_SUM", List.of(), q.period(), END);
        MetricQuery min = new MetricQuery(q.filter(), "ALIGN_MIN", "REDUCE_SUM", List.of(), q.period(), END);
        assertThat(value(metrics.read(max))).isGreaterThanOrEqualTo(value(metrics.read(q)))
                .isGreaterThan(value(metrics.read(min)));
    }

    @Test
    void aDeletedConnectorReportsNothing() {
        store.put(SandboxTopology.CONNECTOR, STATE, "DELETING");
        assertThat(metrics.read(query(type(SandboxSeries.VPC_CPU) + CONNECTOR, "ALIGN_MEAN", "REDUCE_NONE")).series()).isEmpty();
        assertThat(value(metrics.read(query(type(SandboxSeries.LB_REQUESTS) + " AND metric.labels.response_code_class = \"500\"",
                "ALIGN_DELTA", "REDUCE_SUM")))).as("no egress: every request fails")
                .isCloseTo(SandboxSeries.LB_REQUESTS_PER_MINUTE, org.assertj.core.data.Offset.offset(24.0));
        assertThat(metrics.read(query(type(SandboxSeries.LB_REQUESTS) + " AND metric.labels.response_code_class = \"200\"",
                "ALIGN_DELTA", "REDUCE_SUM")).series()).isEmpty();
    }

    @Test
    void anUnknownMetricTypeIsNotFoundNamingItAsGoogleAnswers() {
        assertThatThrownBy(() -> metrics.read(query(type("vpcaccess.googleapis.com/connector/cpu/utilisation"), "ALIGN_MEAN", "REDUCE_NONE")))
                .isInstanceOfSatisfying(CloudException.class, e -> {
                    assertThat(e.kind()).isEqualTo(CloudException.Kind.NOT_FOUND);
                    assertThat(e.getMessage()).contains("Cannot find metric(s) that match type = "
                            + "\"vpcaccess.googleapis.com/connector/cpu/utilisation\"");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "resource.labels.connector_name = \"staging-connector\"",
            "metric.type = \"vpcaccess.googleapis.com/connector/instances\" OR metric.type = \"x\"",
            "metric.type = \"vpcaccess.googleapis.com/connector/instances\" AND resource.labels.connector_name != \"a\"",
            "metric.type = starts_with(\"vpcaccess.googleapis.com/\")",
            "metric.type = \"vpcaccess.googleapis.com/connector/instances\" AND",
            "metric.type = \"vpcaccess.googleapis.com/connector/instances\" AND metric.type = \"vpcaccess.googleapis.com/connector/instances\"",
            "metric.type = \"vpcaccess.googleapis.com/connector/instances\" AND project = \"netra-staging\"",
            "metric.type = 'vpcaccess.googleapis.com/connector/instances'"})
    void aMalformedFilterIsInvalidArgumentQuotingIt(String filter) {
        assertThatThrownBy(() -> metrics.read(query(filter, "ALIGN_MEAN", "REDUCE_NONE")))
                .isInstanceOfSatisfying(CloudException.class, e -> {
                    assertThat(e.kind()).isEqualTo(CloudException.Kind.INVALID_ARGUMENT);
                    assertThat(e.getMessage()).startsWith("Field filter had an invalid value of \"" + filter + "\"");
                });
    }

    @Test
    void aRateOnAGaugeAnUnknownReducerAndAShortPeriodAreRefused() {
        String f = type(SandboxSeries.VPC_INSTANCES) + CONNECTOR;
        assertThatThrownBy(() -> metrics.read(query(f, "ALIGN_RATE", "REDUCE_NONE"))).isInstanceOfSatisfying(CloudException.class,
                e -> assertThat(e.getMessage()).contains("ALIGN_RATE", "GAUGE"));
        assertThatThrownBy(() -> metrics.read(query(f, "ALIGN_MEAN", "REDUCE_SOMETIMES"))).isInstanceOfSatisfying(CloudException.class,
                e -> assertThat(e.kind()).isEqualTo(CloudException.Kind.INVALID_ARGUMENT));
        assertThatThrownBy(() -> metrics.read(new MetricQuery(f, "ALIGN_MEAN", "REDUCE_NONE", List.of(), Duration.ofSeconds(30), END)))
                .isInstanceOfSatisfying(CloudException.class, e -> assertThat(e.getMessage()).contains("60 seconds"));
    }

    private static double value(MetricAnswer a) {
        assertThat(a.series()).as(a.raw()).hasSize(1);
        return a.series().getFirst().value();
    }
}
