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
 * The fake Monitoring server, the real client and the probe shared by the Cloud Monitoring tests:
 * what a test seeds, the settings it runs with, the requests the fake received.
 */
abstract class GcpMetricsFixture {

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

    MetricQuery query(String filter) {
        return new MetricQuery(filter, "ALIGN_MEAN", "REDUCE_NONE", List.of(), Duration.ofMinutes(5), END);
    }

    CloudException readFails(MetricQuery q) {
        return catchThrowableOfType(CloudException.class, () -> gateway.metrics().read(q));
    }
}
