package org.remediation.console.probe;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Webhook delivery against a loopback receiver that fails a configurable number of times first. */
class WebhookNotifierTest {

    HttpServer receiver;
    final List<String> bodies = new CopyOnWriteArrayList<>();
    final AtomicInteger failFirst = new AtomicInteger();
    final AtomicInteger attempts = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(Loopback.LOCAL, 0), 10);
        receiver.createContext("/hook", ex -> {
            attempts.incrementAndGet();
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status = failFirst.getAndDecrement() > 0 ? 500 : 200;
            if (status == 200) {
                bodies.add(body);
            }
            ex.sendResponseHeaders(status, -1);
            ex.close();
        });
        receiver.start();
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
    }

    WebhookNotifier notifier(String group, int retries) {
        String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
        return new WebhookNotifier(new ProbeProperties(new ProbeProperties.Scheduler(false, 1, Duration.ofMillis(10)),
                Duration.ofHours(24), Duration.ofDays(30), 10, 3, 2, Duration.ofMinutes(60),
                new ProbeProperties.Notify(Map.of(group, url), retries, Duration.ofMillis(10))));
    }

    static ProbeStateChanged change() {
        return new ProbeStateChanged(new StateChange("backend-health", Instant.parse("2026-11-25T10:00:00Z"),
                HealthState.DEGRADED, HealthState.DOWN, "HTTP 503 (expected 200-299)"), "backend", "Backend health");
    }

    @Test
    void postsSlackCompatibleTextForTheGroup() throws Exception {
        assertThat(notifier("backend", 0).notify(change()).get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(bodies).singleElement().satisfies(b -> {
            Map<String, Object> json = Json.readMap(b);
            assertThat(json).containsOnlyKeys("text");
            assertThat((String) json.get("text")).contains("Backend health", "DOWN", "was DEGRADED", "HTTP 503");
        });
    }

    @Test
    void retriesWithBackoffUntilDelivered() throws Exception {
        failFirst.set(2);
        assertThat(notifier("*", 3).notify(change()).get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(attempts.get()).isEqualTo(3);
        assertThat(bodies).hasSize(1);
    }

    @Test
    void givesUpAfterTheBoundedRetries() throws Exception {
        failFirst.set(100);
        assertThat(notifier("backend", 2).notify(change()).get(10, TimeUnit.SECONDS)).isFalse();
        assertThat(attempts.get()).isEqualTo(3);
    }

    @Test
    void auditedUrlsHideTheirTokenPath() {
        String redacted = WebhookConfigAudit.redact("https://hooks.slack.com/services/T000/B000/SECRETTOKEN");
        assertThat(redacted).startsWith("https://hooks.slack.com/").doesNotContain("SECRETTOKEN");
    }

    @Test
    void groupsWithoutAWebhookAreSkipped() throws Exception {
        assertThat(notifier("frontend", 0).notify(change()).get(10, TimeUnit.SECONDS)).isFalse();
        assertThat(attempts.get()).isZero();
    }
}
