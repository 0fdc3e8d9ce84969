package org.remediation.console.probe;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HttpProbeTest extends ProbeContract {

    static final java.util.concurrent.Semaphore FIVE_AT_A_TIME = new java.util.concurrent.Semaphore(5);
    static HttpServer server;
    static String base;

    @BeforeAll
    static void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(Loopback.LOCAL, 0), 50);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/ok", ex -> reply(ex, 200, "{\"status\":\"ok\",\"build\":\"42\"}"));
        server.createContext("/unavailable", ex -> reply(ex, 503, "overloaded"));
        server.createContext("/five-at-a-time", ex -> {
            if (!FIVE_AT_A_TIME.tryAcquire()) {
                reply(ex, 503, "too many connections");
                return;
            }
            try {
                sleep(400); // holds its slot while the others arrive
                reply(ex, 200, "ok");
            } finally {
                FIVE_AT_A_TIME.release();
            }
        });
        server.createContext("/slow", ex -> {
            sleep(300);
            reply(ex, 200, "slow but fine");
        });
        server.createContext("/chunked", ex -> {
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                for (int i = 0; i < 3; i++) {
                    out.write(("part-" + i + ";").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
            }
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    static void reply(com.sun.net.httpserver.HttpExchange ex, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, b.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(b);
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    Probe probe() {
        return new HttpProbe();
    }

    @Override
    Map<String, String> healthy() {
        return Map.of("url", base + "/ok");
    }

    @Override
    Map<String, String> unreachable() throws IOException {
        return Map.of("url", "http://127.0.0.1:" + Loopback.closedPort() + "/");
    }

    @Override
    Map<String, String> hung() throws IOException {
        return Map.of("url", "http://127.0.0.1:" + Loopback.silentTcpPort() + "/");
    }

    private ProbeResult run(String path, String... kv) {
        Map<String, String> s = new HashMap<>();
        s.put("url", base + path);
        for (int i = 0; i < kv.length; i += 2) {
            s.put(kv[i], kv[i + 1]);
        }
        return run(s);
    }

    @Test
    void aConcurrentRunCountsTheRequestsTheServerReallyServedAtOnce() {
        ProbeResult r = run("/five-at-a-time", "concurrency", "20");
        assertThat(r.measurements()).containsEntry("concurrent", 20).containsEntry("concurrentSuccess", 5)
                .containsEntry("status", 503);
        assertThat(r.outcome()).as("a partly refused load is a failed run").isEqualTo(Outcome.DOWN);
        assertThat(r.error()).startsWith("15 of 20 concurrent requests failed");
        ProbeResult fits = run("/five-at-a-time", "concurrency", "5");
        assertThat(fits.outcome()).isEqualTo(Outcome.UP);
        assertThat(fits.measurements()).containsEntry("concurrentSuccess", 5);
        assertThat(run("/unavailable", "concurrency", "3").outcome()).as("none served").isEqualTo(Outcome.DOWN);
    }

    @Test
    void concurrencyIsBounded() {
        org.remediation.console.base.Problems p = new org.remediation.console.base.Problems();
        probe().validate(Map.of("url", base + "/ok", "concurrency", "101"), p);
        assertThat(p.isEmpty()).isFalse();
        org.remediation.console.base.Problems fine = new org.remediation.console.base.Problems();
        probe().validate(Map.of("url", base + "/ok", "concurrency", "20"), fine);
        assertThat(fine.isEmpty()).isTrue();
    }

    @Test
    void recordsEveryTimingPhaseAndTheStatus() {
        ProbeResult r = run("/ok");
        assertThat(r.measurements()).containsKeys("dnsMs", "connectMs", "ttfbMs", "totalMs").containsEntry("status", 200);
        double phases = (double) r.measurements().get("dnsMs") + (double) r.measurements().get("connectMs")
                + (double) r.measurements().get("ttfbMs");
        assertThat((double) r.measurements().get("totalMs")).isGreaterThanOrEqualTo(phases);
    }

    @Test
    void timeToFirstByteIncludesTheServersDelay() {
        ProbeResult r = run("/slow");
        assertThat(r.outcome()).isEqualTo(Outcome.UP);
        assertThat((double) r.measurements().get("ttfbMs")).isGreaterThanOrEqualTo(290.0);
    }

    @Test
    void slowAnswerAboveTheThresholdIsDegraded() {
        ProbeResult r = run("/slow", "degradedAboveMs", "100");
        assertThat(r.outcome()).isEqualTo(Outcome.DEGRADED);
        assertThat(r.errorClass()).isEqualTo("slow");
        assertThat(r.error()).contains("degraded above 100 ms");
    }

    @Test
    void unexpectedStatusIsDown() {
        ProbeResult r = run("/unavailable");
        assertThat(r.outcome()).isEqualTo(Outcome.DOWN);
        assertThat(r.errorClass()).isEqualTo("unexpected-status");
        assertThat(r.error()).contains("HTTP 503");
        assertThat(r.measurements()).containsEntry("status", 503);
    }

    @Test
    void expectedStatusListAcceptsOtherCodes() {
        assertThat(run("/unavailable", "expectedStatus", "200,500-503").outcome()).isEqualTo(Outcome.UP);
        assertThat(run("/ok", "expectedStatus", "204").outcome()).isEqualTo(Outcome.DOWN);
    }

    @Test
    void bodyContainsAndRegexAreChecked() {
        assertThat(run("/ok", "bodyContains", "\"ok\"").outcome()).isEqualTo(Outcome.UP);
        assertThat(run("/ok", "bodyRegex", "build\":\"\\d+").outcome()).isEqualTo(Outcome.UP);
        ProbeResult miss = run("/ok", "bodyContains", "healthy");
        assertThat(miss.outcome()).isEqualTo(Outcome.DOWN);
        assertThat(miss.errorClass()).isEqualTo("body-mismatch");
        assertThat(run("/ok", "bodyRegex", "^nope").errorClass()).isEqualTo("body-mismatch");
    }

    @Test
    void chunkedBodiesAreDecoded() {
        assertThat(run("/chunked", "bodyContains", "part-0;part-1;part-2;").outcome()).isEqualTo(Outcome.UP);
    }

    @Test
    void unknownHostIsDownNotError() {
        ProbeResult r = run(Map.of("url", "http://no-such-host.invalid/"));
        assertThat(r.outcome()).isIn(Outcome.DOWN, Outcome.TIMEOUT);
    }
}
