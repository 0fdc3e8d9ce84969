package org.remediation.console.criteria;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Against a real loopback HTTP receiver that fails a configurable number of times first. */
class EscalationWebhookTest {

    HttpServer server;
    final List<String> bodies = new CopyOnWriteArrayList<>();
    final AtomicInteger failuresLeft = new AtomicInteger();
    final List<Duration> slept = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            int status = failuresLeft.getAndDecrement() > 0 ? 503 : 200;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    EscalationWebhook webhook(int attempts) {
        URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
        var props = new CriteriaProperties(Duration.ofSeconds(15), url, attempts, Duration.ofMillis(100),
                Duration.ofMillis(300), Duration.ofSeconds(2));
        return new EscalationWebhook(props, slept::add);
    }

    @Test
    void postsSlackCompatibleJson() {
        var delivery = webhook(3).send("Escalation: backend p95 still not met");
        assertThat(delivery.delivered()).isTrue();
        assertThat(delivery.attempts()).isEqualTo(1);
        JsonNode body = JsonMapper.builder().build().readTree(bodies.getFirst());
        assertThat(body.get("text").asString()).isEqualTo("Escalation: backend p95 still not met");
    }

    @Test
    void retriesWithBoundedExponentialBackoff() {
        failuresLeft.set(4);
        var delivery = webhook(6).send("x");
        assertThat(delivery.delivered()).isTrue();
        assertThat(delivery.attempts()).isEqualTo(5);
        assertThat(bodies).hasSize(5);
        assertThat(slept).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(300),
                Duration.ofMillis(300));
    }

    @Test
    void givesUpAfterTheConfiguredAttempts() {
        failuresLeft.set(100);
        var delivery = webhook(3).send("x");
        assertThat(delivery.delivered()).isFalse();
        assertThat(delivery.attempts()).isEqualTo(3);
        assertThat(delivery.lastStatus()).isEqualTo(503);
        assertThat(bodies).hasSize(3);
        assertThat(slept).hasSize(2);
    }

    @Test
    void anUnreachableReceiverCountsAsAFailedAttempt() {
        server.stop(0);
        var delivery = webhook(2).send("x");
        assertThat(delivery.delivered()).isFalse();
        assertThat(delivery.lastStatus()).isZero();
        assertThat(delivery.attempts()).isEqualTo(2);
    }
}
