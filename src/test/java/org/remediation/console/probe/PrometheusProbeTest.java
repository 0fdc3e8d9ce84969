package org.remediation.console.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.remediation.console.support.PrometheusServer;

/** PROMETHEUS probes against Debian's real Prometheus, scraping values this test sets every second. */
class PrometheusProbeTest {

    private static PrometheusServer prometheus;
    private final PrometheusProbe probe = new PrometheusProbe();

    @BeforeAll
    static void start() throws Exception {
        PrometheusServer.require("the PROMETHEUS probe tests");
        prometheus = PrometheusServer.start("api", "worker");
    }

    @AfterAll
    static void stop() throws Exception {
        if (prometheus != null) {
            prometheus.close();
        }
    }

    private ProbeResult run(String query, String... more) {
        Map<String, String> s = new HashMap<>(Map.of("url", prometheus.url(), "query", query));
        for (int i = 0; i < more.length; i += 2) {
            s.put(more[i], more[i + 1]);
        }
        return probe.run(Loopback.request(s, Duration.ofSeconds(10)));
    }

    @Test
    void aGaugeTheTestSetsIsReadBackWithinACoupleOfScrapes() {
        prometheus.set("api", "queue_depth", "7");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(run("queue_depth").metricValue()).isEqualTo(7.0));
        prometheus.set("api", "queue_depth", "9");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(run("queue_depth").metricValue()).isEqualTo(9.0));
        ProbeResult r = run("queue_depth");
        assertThat(r.outcome()).isEqualTo(Outcome.UP);
        assertThat(r.measurements().get("series")).asList().singleElement().asString()
                .isEqualTo("__name__=queue_depth,instance=127.0.0.1:" + exporterPort(r) + ",job=api: 9.0");
        assertThat((String) r.measurements().get("query")).isEqualTo("queue_depth @ " + prometheus.url());
    }

    @Test
    void aSumByJobHasOneSeriesPerJobAndAcrossCombinesThem() throws Exception {
        prometheus.set("api", "jobs_running{kind=\"a\"}", "3");
        prometheus.set("api", "jobs_running{kind=\"b\"}", "4");
        prometheus.set("worker", "jobs_running{kind=\"a\"}", "5");
        prometheus.await("count(jobs_running)", "\"3\"]");
        String q = "sum by (job)(jobs_running)";
        ProbeResult unsaid = run(q, "unit", "req");
        assertThat(unsaid.errorClass()).as("no default: several series need across").isEqualTo("several-series");
        assertThat(unsaid.metricValue()).isNull();
        ProbeResult max = run(q, "unit", "req", "across", "max");
        assertThat(max.outcome()).as(max.error()).isEqualTo(Outcome.UP);
        assertThat(max.metricValue()).isEqualTo(7.0);
        assertThat(max.measurements()).containsEntry("seriesCount", 2);
        assertThat(max.measurements().get("series")).asList().containsExactlyInAnyOrder("job=api: 7.0 req", "job=worker: 5.0 req");
        assertThat(run(q, "across", "sum").metricValue()).isEqualTo(12.0);
        assertThat(run(q, "across", "min").metricValue()).isEqualTo(5.0);
        assertThat(run(q, "across", "mean").metricValue()).isEqualTo(6.0);
    }

    @Test
    void expectScalarTakesOneSeriesOrAScalarAndRefusesTwo() throws Exception {
        prometheus.set("api", "pool_size{pool=\"x\"}", "2");
        prometheus.set("api", "pool_size{pool=\"y\"}", "6");
        prometheus.await("count(pool_size)", "\"2\"]");
        ProbeResult two = run("pool_size", "expect", "scalar");
        assertThat(two.outcome()).isEqualTo(Outcome.DOWN);
        assertThat(two.errorClass()).isEqualTo("not-one-series");
        assertThat(two.error()).contains("2 series").contains("sum(");
        assertThat(two.metricValue()).isNull();
        assertThat(run("sum(pool_size)", "expect", "scalar").metricValue()).isEqualTo(8.0);
        ProbeResult scalar = run("scalar(sum(pool_size)) * 2", "expect", "scalar");
        assertThat(scalar.outcome()).as(scalar.error()).isEqualTo(Outcome.UP);
        assertThat(scalar.metricValue()).isEqualTo(16.0);
        assertThat((String) scalar.measurements().get("raw")).contains("\"resultType\":\"scalar\"");
    }

    @Test
    void aSyntaxErrorIsDownWithPrometheusOwnMessage() {
        ProbeResult r = run("sum(rate(http_requests_total[5m])");
        assertThat(r.outcome()).isEqualTo(Outcome.DOWN);
        assertThat(r.errorClass()).isEqualTo("prometheus-bad-data");
        // Prometheus 2.42's parser: "1:34: parse error: unclosed left parenthesis"
        assertThat(r.error()).startsWith("Prometheus answered bad_data (HTTP 400): ").contains("parse error")
                .contains("unclosed left parenthesis");
        assertThat(r.metricValue()).isNull();
    }

    @Test
    void anEmptyVectorIsNoSeriesUnlessEmptyAsZeroAndThePresenceQueryFindsSeries() throws Exception {
        ProbeResult r = run("errors_total_never_seen");
        assertThat(r.errorClass()).isEqualTo("no-series");
        assertThat(r.measurements()).containsEntry("seriesCount", 0);
        prometheus.await("up{job=\"api\"}", "\"1\"]");
        ProbeResult zero = run("errors_total_never_seen", "emptyAs", "zero", "presenceQuery", "up{job=\"api\"}");
        assertThat(zero.outcome()).as(zero.error()).isEqualTo(Outcome.UP);
        assertThat(zero.metricValue()).isEqualTo(0.0);

        prometheus.await("up{job=\"worker\"}", "\"1\"]");
        ProbeResult scalar = run("sum(errors_total_never_seen)", "expect", "scalar", "emptyAs", "zero", "presenceQuery", "up");
        assertThat(scalar.outcome()).as("expect: scalar is the query's, not the presence query's (two jobs)")
                .isEqualTo(Outcome.UP);
        assertThat(scalar.metricValue()).isEqualTo(0.0);

        // a mistyped metric, or a Prometheus that lost its targets: the presence query is empty too
        ProbeResult lost = run("errors_total_never_seen", "emptyAs", "zero", "presenceQuery", "up{job=\"lost\"}");
        assertThat(lost.outcome()).isEqualTo(Outcome.DOWN);
        assertThat(lost.errorClass()).isEqualTo("no-presence");
        assertThat(lost.error()).contains("presenceQuery").contains("up{job=\"lost\"}");
        assertThat(lost.metricValue()).isNull();
        assertThat(lost.measurements()).doesNotContainKey(ProbeResult.METRIC_VALUE).containsKey("query").containsKey("raw");

        ProbeResult broken = run("errors_total_never_seen", "emptyAs", "zero", "presenceQuery", "sum(up");
        assertThat(broken.outcome()).as("a presence query Prometheus refuses is no presence").isEqualTo(Outcome.DOWN);
        assertThat(broken.errorClass()).isEqualTo("prometheus-bad-data");
        assertThat((String) broken.measurements().get("query")).contains("sum(up");
        assertThat(broken.metricValue()).isNull();
    }

    @Test
    void aRateOverACounterIsRead() throws Exception {
        prometheus.set("worker", "handled_total", "100");
        prometheus.await("handled_total", "\"100\"]");
        prometheus.set("worker", "handled_total", "160");
        prometheus.await("handled_total", "\"160\"]");
        ProbeResult r = run("rate(handled_total[5m])", "unit", "req/s");
        assertThat(r.outcome()).as(r.error()).isEqualTo(Outcome.UP);
        assertThat(r.metricValue()).isPositive();
        assertThat(r.measurements()).containsEntry("unit", "req/s");
    }

    /** The 5xx-share example of docs/probes.md, as written there. */
    @Test
    void theDocumentedFiveHundredsShareReadsZeroWithout5xxAndFailsWithoutTraffic() throws Exception {
        String q = "(sum(rate(http_requests_total{job=\"worker\",code=~\"5..\"}[5m])) or vector(0))"
                + " / sum(rate(http_requests_total{job=\"worker\"}[5m]))";
        String[] share = {"expect", "scalar", "scale", "100", "unit", "%"};
        assertThat(run(q, share).errorClass()).as("no requests at all: no value, not 0 %").isEqualTo("no-series");
        prometheus.set("worker", "http_requests_total{code=\"200\"}", "100");
        prometheus.await("http_requests_total", "\"100\"]");
        prometheus.set("worker", "http_requests_total{code=\"200\"}", "200");
        prometheus.await("http_requests_total", "\"200\"]");
        ProbeResult none = run(q, share);
        assertThat(none.outcome()).as(none.error()).isEqualTo(Outcome.UP);
        assertThat(none.metricValue()).isEqualTo(0.0);
        prometheus.set("worker", "http_requests_total{code=\"500\"}", "0");
        prometheus.await("http_requests_total{code=\"500\"}", "\"0\"]");
        prometheus.set("worker", "http_requests_total{code=\"500\"}", "50");
        prometheus.set("worker", "http_requests_total{code=\"200\"}", "250");
        prometheus.await("http_requests_total{code=\"500\"}", "\"50\"]");
        ProbeResult some = run(q, share);
        assertThat(some.outcome()).as(some.error()).isEqualTo(Outcome.UP);
        assertThat(some.metricValue()).isBetween(1.0, 99.0);
        assertThat(some.measurements()).containsEntry("unit", "%");
    }

    @Test
    void aRangeVectorIsDownWithAHintAtInstantQueries() throws Exception {
        prometheus.set("api", "temperature", "21");
        prometheus.await("temperature", "\"21\"]");
        ProbeResult r = run("temperature[1m]");
        assertThat(r.outcome()).isEqualTo(Outcome.DOWN);
        assertThat(r.errorClass()).isEqualTo("range-vector");
        assertThat(r.error()).contains("range vector").contains("avg_over_time(x[5m])");
        assertThat(r.metricValue()).isNull();
        assertThat((String) r.measurements().get("raw")).contains("\"resultType\":\"matrix\"");
    }

    @Test
    void aStringResultIsNotANumber() {
        ProbeResult r = run("\"hello\"");
        assertThat(r.outcome()).isEqualTo(Outcome.DOWN);
        assertThat(r.errorClass()).isEqualTo("not-a-number");
        assertThat(r.error()).contains("string");
    }

    @Test
    void infinityIsNotJudged() throws Exception {
        prometheus.set("api", "ratio_inf", "+Inf");
        prometheus.await("ratio_inf", "\"+Inf\"]");
        ProbeResult r = run("ratio_inf");
        assertThat(r.outcome()).isEqualTo(Outcome.DOWN);
        assertThat(r.errorClass()).isEqualTo("not-a-number");
        assertThat(r.metricValue()).isNull();
    }

    @Test
    void aQueryHeavierThanTheTimeoutIsATimeout() throws Exception {
        // A month of one-second subquery steps: far more than a second of evaluation; Prometheus is
        // told the same timeout, so it stops too (503 "query timed out in expression evaluation").
        Map<String, String> s = Map.of("url", prometheus.url(), "query", "count(count_over_time(vector(1)[30d:1s]))");
        ProbeResult r = RunnerCut.run(probe, Loopback.request(s, Duration.ofSeconds(1)));
        assertThat(r.outcome()).as(r.error()).isEqualTo(Outcome.TIMEOUT);
        assertThat(r.errorClass()).isEqualTo("timeout");
        assertThat(r.metricValue()).isNull();
        assertThat(r.duration()).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aStoppedPrometheusFailsEveryRunWithoutAValue() throws Exception {
        try (PrometheusServer own = PrometheusServer.start("solo")) {
            own.set("solo", "alive", "1");
            own.await("alive", "\"1\"]");
            Map<String, String> s = Map.of("url", own.url(), "query", "alive");
            assertThat(probe.run(Loopback.request(s, Duration.ofSeconds(10))).metricValue()).isEqualTo(1.0);
            own.stopProcess();
            List<ProbeResult> results = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                results.add(probe.run(Loopback.request(s, Duration.ofSeconds(10))));
            }
            assertThat(results).allSatisfy(r -> {
                assertThat(r.outcome()).isEqualTo(Outcome.DOWN);
                assertThat(r.errorClass()).isEqualTo("connection-refused");
                assertThat(r.error()).isEqualTo("Connection to Prometheus at " + own.url() + " refused");
                assertThat(r.metricValue()).isNull();
                assertThat(r.measurements()).containsEntry("query", "alive @ " + own.url());
            });
        }
    }

    private static String exporterPort(ProbeResult r) {
        String raw = (String) r.measurements().get("raw");
        int at = raw.indexOf("127.0.0.1:") + "127.0.0.1:".length();
        return raw.substring(at, raw.indexOf('"', at));
    }
}
