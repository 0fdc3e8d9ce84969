package org.remediation.console.probe;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Posts a Slack-compatible message ({@code {"text": …}}) to the webhook configured for the target's
 * group (or {@code *}) on every state change, retrying with doubling backoff a bounded number of
 * times. Runs on a virtual thread so a slow receiver never delays probing.
 */
@Component
class WebhookNotifier {

    private static final Logger log = LoggerFactory.getLogger(WebhookNotifier.class);

    private final ProbeProperties.Notify config;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    WebhookNotifier(ProbeProperties properties) {
        this.config = properties.notifications();
    }

    /** Completes with true when delivered, false when no webhook applies or all attempts failed. */
    CompletableFuture<Boolean> notify(ProbeStateChanged event) {
        String url = config.webhooks().getOrDefault(event.group(), config.webhooks().get("*"));
        if (url == null || url.isBlank()) {
            return CompletableFuture.completedFuture(false);
        }
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        Thread.ofVirtual().name("webhook-" + event.change().targetKey()).start(() -> done.complete(deliver(url, text(event))));
        return done;
    }

    static String text(ProbeStateChanged e) {
        StateChange c = e.change();
        String icon = switch (c.to()) {
            case UP -> ":large_green_circle:";
            case DEGRADED -> ":large_yellow_circle:";
            case DOWN -> ":red_circle:";
            case UNKNOWN -> ":white_circle:";
        };
        return icon + " " + e.targetName() + " (" + c.targetKey() + ", group " + e.group() + ") is " + c.to()
                + " (was " + c.from() + ") at " + c.at() + ": " + c.reason();
    }

    private boolean deliver(String url, String text) {
        String body = Json.write(Map.of("text", text));
        Duration delay = config.backoff();
        for (int attempt = 0; attempt <= config.retries(); attempt++) {
            try {
                HttpResponse<Void> r = client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() / 100 == 2) {
                    return true;
                }
                log.warn("Webhook answered HTTP {} (attempt {})", r.statusCode(), attempt + 1);
            } catch (Exception e) {
                log.warn("Webhook delivery failed (attempt {}): {}", attempt + 1, e.toString());
            }
            if (attempt < config.retries()) {
                try {
                    Thread.sleep(delay);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
                delay = delay.multipliedBy(2);
            }
        }
        return false;
    }
}
