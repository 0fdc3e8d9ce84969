package org.remediation.console.probe;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Answers a real Prometheus gives only under load or behind a proxy, served on loopback in the
 * shapes of its HTTP API (docs: prometheus.io/docs/prometheus/latest/querying/api/, "Format overview":
 * 503 for a query that timed out or was aborted, an envelope with status, errorType, error, warnings;
 * the timeout text is what Prometheus 2.42 answers with {@code timeout=1ms}).
 */
class PrometheusAnswersTest {

    private HttpServer server;
    private final java.util.concurrent.atomic.AtomicInteger requests = new java.util.concurrent.atomic.AtomicInteger();

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private ProbeResult answer(int status, String body) throws Exception {
        return answer(status, body, Map.of());
    }

    /** Every request (the query, and a presence query if any) gets this answer. */
    private ProbeResult answer(int status, String body, Map<String, String> more) throws Exception {
        server = HttpServer.create(new InetSocketAddress(Loopback.LOCAL, 0), 5);
        server.createContext("/", ex -> {
            requests.incrementAndGet();
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        server.start();
        Map<String, String> settings = new java.util.HashMap<>(more);
        settings.putAll(Map.of("url", "http://127.0.0.1:" + server.getAddress().getPort(), "query", "up"));
        return new PrometheusProbe().run(Loopback.request(settings, Duration.ofSeconds(5)));
    }

    @Test
    void aQueryPrometheusTimedOutIsATimeout() throws Exception {
        ProbeResult r = answer(503, "{\"status\":\"error\",\"errorType\":\"timeout\",\"error\":\"query timed out in expression evaluation\"}");
        assertThat(r.outcome()).isEqualTo(Outcome.TIMEOUT);
        assertThat(r.errorClass()).isEqualTo("timeout");
        assertThat(r.error()).contains("5000 ms").contains("query timed out in expression evaluation");
        assertThat(r.metricValue()).isNull();
    }

    @Test
    void aProxysBadGatewayIsAnUnexpectedStatus() throws Exception {
        ProbeResult r = answer(502, "<html>Bad Gateway</html>");
        assertThat(r.outcome()).isEqualTo(Outcome.DOWN);
        assertThat(r.errorClass()).isEqualTo("unexpected-status");
        assertThat(r.error()).startsWith("HTTP 502 from http://127.0.0.1:");
        assertThat((String) r.measurements().get("raw")).contains("Bad Gateway");
    }

    @Test
    void aPageThatIsNotThePrometheusApiSaysSo() throws Exception {
        ProbeResult r = answer(404, "404 page not found");
        assertThat(r.errorClass()).isEqualTo("not-prometheus");
        assertThat(r.error()).contains("base URL");
    }

    @Test
    void warningsAreKeptWithTheValue() throws Exception {
        // the annotation Prometheus 2.50+ adds to rate() over a gauge-like name
        String info = "PromQL info: metric might not be a counter, name does not end in _total/_sum/_count/_bucket: \\\"up\\\"";
        ProbeResult r = answer(200, "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":"
                + "{\"job\":\"api\"},\"value\":[1700000000.000,\"3\"]}]},\"warnings\":[\"" + info + "\"]}");
        assertThat(r.outcome()).as(r.error()).isEqualTo(Outcome.UP);
        assertThat(r.metricValue()).isEqualTo(3.0);
        assertThat(r.measurements().get("warnings")).asList().singleElement().asString().startsWith("PromQL info:");
    }

    @Test
    void aPartialResponseWarningFailsTheRunAsIncomplete() throws Exception {
        for (String warning : new String[] {"partial response: store b down",
                "receive series from Addr: 10.0.0.7:10901 LabelSets: {cluster=\\\"b\\\"}: rpc error: code = Unavailable",
                "Incomplete results: 1 of 3 ingesters did not answer"}) {
            ProbeResult r = answer(200, "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":"
                    + "{\"job\":\"api\"},\"value\":[1700000000.000,\"3\"]}]},\"warnings\":[\"" + warning + "\"]}");
            assertThat(r.outcome()).as(warning).isEqualTo(Outcome.DOWN);
            assertThat(r.errorClass()).isEqualTo("incomplete-answer");
            assertThat(r.error()).contains("incomplete").contains(warning.replace("\\\"", "\""));
            assertThat(r.metricValue()).as("3 from the stores that answered is no measurement").isNull();
            assertThat(r.measurements()).containsKey("query").containsKey("raw").containsKey("warnings");
            server.stop(0);
            server = null;
        }
    }

    @Test
    void aTargetSavedBeforeThePresenceRuleIsNoPresenceNotZero() throws Exception {
        ProbeResult r = answer(200, "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}",
                Map.of("emptyAs", "zero"));
        assertThat(r.outcome()).isEqualTo(Outcome.DOWN);
        assertThat(r.errorClass()).isEqualTo("no-presence");
        assertThat(r.error()).contains("settings.presenceQuery");
        assertThat(r.metricValue()).isNull();
        assertThat(requests).as("no empty query sent").hasValue(1);
    }

    @Test
    void anEmptyPartialAnswerIsNotCountedAsZero() throws Exception {
        ProbeResult r = answer(200, "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]},"
                + "\"warnings\":[\"partial response: no store answered for cluster b\"]}",
                Map.of("emptyAs", "zero", "presenceQuery", "up"));
        assertThat(r.outcome()).isEqualTo(Outcome.DOWN);
        assertThat(r.errorClass()).isEqualTo("incomplete-answer");
        assertThat(r.metricValue()).isNull();
    }

    @Test
    void aHungPrometheusTimesOutAtTheTargetsTimeout() throws Exception {
        ProbeResult r = RunnerCut.run(new PrometheusProbe(), Loopback.request(Map.of("url",
                "http://127.0.0.1:" + Loopback.silentTcpPort(), "query", "up"), Duration.ofSeconds(1)));
        assertThat(r.outcome()).isEqualTo(Outcome.TIMEOUT);
        assertThat(r.error()).contains("within 1000 ms");
        assertThat(r.metricValue()).isNull();
    }
}
