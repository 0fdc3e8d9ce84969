package org.remediation.console.probe;

import java.math.BigDecimal;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.remediation.console.support.PrometheusServer;

/** The metric-probe contract against a real Prometheus, each answer arranged through what it scrapes. */
class PrometheusContractTest extends MetricProbeContract {

    private static PrometheusServer prometheus;
    private static final AtomicInteger NAMES = new AtomicInteger();

    @BeforeAll
    static void start() throws Exception {
        PrometheusServer.require("the PROMETHEUS probe contract test");
        prometheus = PrometheusServer.start("contract");
    }

    @AfterAll
    static void stop() throws Exception {
        if (prometheus != null) {
            prometheus.close();
        }
    }

    @Override
    Probe probe() {
        return new PrometheusProbe();
    }

    /** A fresh gauge per case, so one case's value is never another's. */
    private static Map<String, String> gauge(String value) throws Exception {
        String name = "contract_gauge_" + NAMES.incrementAndGet();
        prometheus.set("contract", name, value);
        prometheus.await(name, "\"" + value + "\"]");
        return Map.of("url", prometheus.url(), "query", name);
    }

    @Override
    Map<String, String> oneSeries(double value) throws Exception {
        return gauge(BigDecimal.valueOf(value).stripTrailingZeros().toPlainString()); // how Prometheus prints it
    }

    @Override
    Map<String, String> noSeries() {
        return Map.of("url", prometheus.url(), "query", "contract_never_exported");
    }

    @Override
    Map<String, String> noSeriesCountedAsZero() throws Exception {
        prometheus.await("up{job=\"contract\"}", "\"1\"]");
        return MetricProbeContract.with(noSeries(), "presenceQuery", "up{job=\"contract\"}");
    }

    @Override
    Map<String, String> noSeriesAndNoPresence() {
        return MetricProbeContract.with(noSeries(), "presenceQuery", "up{job=\"contract_never_scraped\"}");
    }

    @Override
    Map<String, String> notANumber() throws Exception {
        return gauge("NaN");
    }

    @Override
    Map<String, String> errorAnswer() {
        return Map.of("url", prometheus.url(), "query", "sum(contract_gauge_1");
    }

    @Override
    String errorAnswerSays() {
        return "bad_data";
    }

    @Override
    Map<String, String> unreachable() throws Exception {
        return Map.of("url", "http://127.0.0.1:" + Loopback.closedPort(), "query", "up");
    }

    @Override
    String queryShows() {
        return "contract_gauge_";
    }
}
