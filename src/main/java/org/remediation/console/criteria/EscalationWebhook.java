package org.remediation.console.criteria;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Posts escalations to a chat webhook as Slack-compatible JSON, retrying with bounded exponential
 * backoff. Delivery runs on a virtual thread so a slow chat server never holds up an evaluation round.
 */
@Component
public class EscalationWebhook {

    /** How a delivery went: attempts made, the last HTTP status (0 when none came back) and the waits. */
    public record Delivery(boolean delivered, int attempts, int lastStatus, List<Duration> waits) {
    }

    /** Waiting between attempts; tests replace it to record the backoff without sleeping. */
    interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    private static final Logger log = LoggerFactory.getLogger(EscalationWebhook.class);

    private final CriteriaProperties props;
    private final Sleeper sleeper;
    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http;

    @Autowired
    EscalationWebhook(CriteriaProperties props) {
        this(props, d -> Thread.sleep(d));
    }

    EscalationWebhook(CriteriaProperties props, Sleeper sleeper) {
        this.props = props;
        this.sleeper = sleeper;
        this.http = HttpClient.newBuilder().connectTimeout(props.webhookTimeout()).build();
    }

    public boolean enabled() {
        return props.webhookUrl() != null && !props.webhookUrl().toString().isBlank();
    }

    /** Sends in the background; failures are logged, never thrown at the caller. */
    public void sendAsync(String text) {
        if (enabled()) {
            Thread.ofVirtual().name("escalation-webhook").start(() -> send(text));
        }
    }

    /** Sends and waits for the outcome. */
    public Delivery send(String text) {
        URI url = props.webhookUrl();
        if (url == null || !enabled()) {
            return new Delivery(false, 0, 0, List.of());
        }
        String body = json.writeValueAsString(Map.of("text", text));
        List<Duration> waits = new ArrayList<>();
        Duration backoff = props.webhookInitialBackoff();
        int status = 0;
        int attempts = Math.max(1, props.webhookAttempts());
        for (int attempt = 1; attempt <= attempts; attempt++) {
            status = post(url, body);
            if (status >= 200 && status < 300) {
                return new Delivery(true, attempt, status, waits);
            }
            if (attempt == attempts) {
                break;
            }
            waits.add(backoff);
            try {
                sleeper.sleep(backoff);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Delivery(false, attempt, status, waits);
            }
            backoff = min(backoff.multipliedBy(2), props.webhookMaxBackoff());
        }
        log.warn("Escalation webhook gave up after {} attempts (last status {})", attempts, status);
        return new Delivery(false, attempts, status, waits);
    }

    private int post(URI url, String body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(url).timeout(props.webhookTimeout())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            log.debug("Escalation webhook attempt failed: {}", e.toString());
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private static Duration min(Duration a, @Nullable Duration b) {
        return b == null || a.compareTo(b) <= 0 ? a : b;
    }
}
