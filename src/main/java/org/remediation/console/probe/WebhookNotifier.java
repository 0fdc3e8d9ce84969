package org.remediation.console.probe;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.remediation.console.notify.WebhookPoster;
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
    private final WebhookPoster poster = new WebhookPoster(Duration.ofSeconds(5));

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
        Duration backoff = config.backoff();
        WebhookPoster.Delivery d = poster.post(URI.create(url), Json.write(Map.of("text", text)),
                new WebhookPoster.Policy(config.retries() + 1, backoff, backoff.multipliedBy(1L << Math.min(config.retries(), 20)),
                        Duration.ofSeconds(10)));
        if (!d.delivered()) {
            log.warn("Webhook gave up after {} attempts (last HTTP status {})", d.attempts(), d.lastStatus());
        }
        return d.delivered();
    }
}
