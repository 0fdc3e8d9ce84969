package org.remediation.console.notify;

import org.remediation.console.base.egress.EgressDeniedException;
import org.remediation.console.base.egress.EgressPolicy;
import java.io.IOException;
import java.net.URI;
import org.remediation.console.base.egress.EgressHttp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Posts a JSON body to a webhook, retrying non-2xx answers and connection failures with
 * doubling, capped backoff. The one delivery mechanism behind {@link Notifier}; the policy comes
 * from {@code console.notify.retry}.
 */
public final class WebhookPoster {

    /** The retry policy: attempts in total, first wait (doubling each time), longest wait, per-try timeout. */
    public record Policy(int attempts, Duration initialBackoff, Duration maxBackoff, Duration timeout) {
    }

    /** How a delivery went: attempts made, the last HTTP status (0 when none came back) and the waits. */
    public record Delivery(boolean delivered, int attempts, int lastStatus, List<Duration> waits) {
    }

    /** Waiting between attempts; tests replace it to record the backoff without sleeping. */
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(WebhookPoster.class);

    private final Duration connectTimeout;
    private final Sleeper sleeper;
    private final EgressPolicy egress;

    public WebhookPoster(Duration connectTimeout, Sleeper sleeper, EgressPolicy egress) {
        this.connectTimeout = connectTimeout;
        this.sleeper = sleeper;
        this.egress = egress;
    }

    public WebhookPoster(Duration connectTimeout, Sleeper sleeper) {
        this(connectTimeout, sleeper, EgressPolicy.DEFAULT);
    }

    public WebhookPoster(Duration connectTimeout) {
        this(connectTimeout, Thread::sleep);
    }

    public Delivery post(URI url, String jsonBody, Policy policy) {
        try {
            // refused once, not retried: the policy will not change between attempts (each attempt
            // connects to the address it checks again, so DNS rebinding cannot slip past)
            egress.resolve(url);
        } catch (EgressDeniedException e) {
            log.warn("Webhook not sent: {}", e.getMessage());
            return new Delivery(false, 0, 0, List.of());
        } catch (IOException | IllegalArgumentException e) {
            // an unknown host or a bad URL: the attempts below report it as usual
        }
        List<Duration> waits = new ArrayList<>();
        Duration backoff = policy.initialBackoff();
        int status = 0;
        int attempts = Math.max(1, policy.attempts());
        for (int attempt = 1; attempt <= attempts; attempt++) {
            status = once(url, jsonBody, policy.timeout());
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
            Duration doubled = backoff.multipliedBy(2);
            backoff = doubled.compareTo(policy.maxBackoff()) <= 0 ? doubled : policy.maxBackoff();
        }
        return new Delivery(false, attempts, status, waits);
    }

    private int once(URI url, String body, Duration timeout) {
        try {
            return EgressHttp.postJson(egress, url, body.getBytes(java.nio.charset.StandardCharsets.UTF_8), connectTimeout,
                    timeout);
        } catch (IOException | IllegalArgumentException e) {
            return 0;
        }
    }
}
