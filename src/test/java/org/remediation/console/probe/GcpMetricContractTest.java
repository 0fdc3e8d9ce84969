package org.remediation.console.probe;

import com.google.api.MetricDescriptor.MetricKind;
import com.google.api.MetricDescriptor.ValueType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.remediation.console.base.egress.EgressPolicy;
import org.remediation.console.cloud.gcp.GcpCloudGateway;
import org.remediation.console.cloud.gcp.GcpProperties;
import org.remediation.console.cloud.gcp.fake.FakeGoogle;
import org.remediation.console.cloud.gcp.fake.FakeMonitoring;

/**
 * The metric-probe contract for GCP_METRIC: Google's MetricServiceClient (through the gateway's
 * MonitoringAdapter) over gRPC to FakeMonitoring, each answer arranged by seeding the fake.
 *
 * <p>Values are read from Managed Service for Prometheus series, the one way a NaN reaches Cloud
 * Monitoring that we could source: its exporter (GoogleCloudPlatform/prometheus-engine,
 * pkg/export/series_cache.go and transform.go) writes a Prometheus gauge as
 * {@code prometheus.googleapis.com/NAME/gauge} and a summary quantile as {@code …/NAME/summary}, both
 * GAUGE DOUBLE on {@code prometheus_target}, and drops only staleness markers, so an ordinary NaN (a
 * quantile of a summary that observed nothing) is written as a DOUBLE point. Distribution means are the
 * values Google refuses as NaN, which is why the contract's NaN is not a distribution here.
 */
class GcpMetricContractTest extends MetricProbeContract {

    static final Instant NOW = Instant.parse("2026-11-25T08:00:00Z");
    /** The read period ends the default lag (4m) before now and spans the interval (5m). */
    static final Instant END = NOW.minus(GcpMetricProbe.DEFAULT_LAG);
    static final Duration INTERVAL = Duration.ofMinutes(5);
    static final String QUEUE_FILL = "prometheus.googleapis.com/console_queue_fill_ratio/gauge";
    static final String LATENCY_QUANTILES = "prometheus.googleapis.com/console_request_seconds/summary";
    static final String LB_5XX = "metric.type = \"" + FakeMonitoring.LB_REQUEST_COUNT + "\" AND"
            + " metric.labels.response_code_class = 500 AND resource.labels.url_map_name = \"netra-staging-lb\"";
    static final String LB_ALL = "metric.type = \"" + FakeMonitoring.LB_REQUEST_COUNT + "\" AND"
            + " resource.labels.url_map_name = \"netra-staging-lb\"";

    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    FakeGoogle google;
    FakeMonitoring monitoring;
    /** Where the client reads Monitoring: the fake, or a closed port for {@link #unreachable()}. */
    String monitoringEndpoint;
    GcpCloudGateway gateway;

    @BeforeEach
    void start() {
        google = FakeGoogle.start();
        monitoring = google.monitoring();
        monitoring.describe(QUEUE_FILL, MetricKind.GAUGE, ValueType.DOUBLE, "");
        monitoring.describe(LATENCY_QUANTILES, MetricKind.GAUGE, ValueType.DOUBLE, "");
        monitoringEndpoint = google.grpcEndpoint();
    }

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.close();
        }
        google.close();
    }

    @Override
    Probe probe() {
        if (gateway == null) {
            GcpProperties p = google.properties(Duration.ofSeconds(10));
            GcpProperties.Endpoints e = p.endpoints();
            gateway = new GcpCloudGateway(new GcpProperties(p.project(), p.regions(), p.resources(),
                    new GcpProperties.Endpoints(e.vpcAccess(), e.vpcAccessRest(), e.sqlAdmin(), e.run(), e.compute(),
                            e.redis(), monitoringEndpoint), p.polling(), p.retry(), p.callTimeout()), clock);
        }
        return new GcpMetricProbe(gateway.metrics());
    }

    /** Google refuses an aligned read with a period under 60 s, so the run carries a real target interval. */
    @Override
    ProbeRequest request(Map<String, String> settings) {
        return new ProbeRequest("contract-target", settings, TIMEOUT, Loopback::secret, clock, EgressPolicy.DEFAULT,
                INTERVAL);
    }

    private FakeMonitoring.Series target(String type, String job, Map<String, String> metricLabels) {
        return monitoring.series(type, "prometheus_target", Map.of("project_id", FakeGoogle.PROJECT,
                "location", FakeGoogle.REGION, "cluster", "netra-staging", "namespace", "console", "job", job,
                "instance", job + "-0"), metricLabels);
    }

    private static Map<String, String> filter(String type, String job) {
        return Map.of("filter", "metric.type = \"" + type + "\" AND resource.labels.job = \"" + job + "\"");
    }

    @Override
    Map<String, String> oneSeries(double value) {
        target(QUEUE_FILL, "worker", Map.of()).point(END, value);
        return filter(QUEUE_FILL, "worker");
    }

    /** LB 5xx requests when the load balancer served only 2xx: Google answers without series. */
    @Override
    Map<String, String> noSeries() {
        monitoring.series(FakeMonitoring.LB_REQUEST_COUNT, "https_lb_rule",
                Map.of("project_id", FakeGoogle.PROJECT, "url_map_name", "netra-staging-lb",
                        "backend_target_name", "netra-backend-bs"),
                Map.of("response_code_class", "200", "response_code", "200")).point(END, 40);
        return Map.of("filter", LB_5XX, "aligner", "ALIGN_DELTA", "reducer", "REDUCE_SUM");
    }

    @Override
    Map<String, String> noSeriesCountedAsZero() {
        return with(noSeries(), "presenceFilter", LB_ALL);
    }

    /** The load balancer reported nothing at all in the period: neither 5xx nor any other request. */
    @Override
    Map<String, String> noSeriesAndNoPresence() {
        return Map.of("filter", LB_5XX, "aligner", "ALIGN_DELTA", "reducer", "REDUCE_SUM", "presenceFilter", LB_ALL);
    }

    /** A p99 of a summary that observed nothing in its window: Prometheus exposes NaN, GMP writes it. */
    @Override
    Map<String, String> notANumber() {
        target(LATENCY_QUANTILES, "api", Map.of("quantile", "0.99")).point(END, Double.NaN);
        return filter(LATENCY_QUANTILES, "api");
    }

    /** An unterminated string in the filter. */
    @Override
    Map<String, String> errorAnswer() {
        return Map.of("filter", "metric.type = \"" + QUEUE_FILL + "\" AND resource.labels.job = \"worker");
    }

    @Override
    String errorAnswerSays() {
        return "Field filter had an invalid value";
    }

    @Override
    Map<String, String> unreachable() throws Exception {
        monitoringEndpoint = "127.0.0.1:" + Loopback.closedPort();
        target(QUEUE_FILL, "worker", Map.of()).point(END, 0.5);
        return filter(QUEUE_FILL, "worker");
    }

    @Override
    String queryShows() {
        return QUEUE_FILL;
    }
}
