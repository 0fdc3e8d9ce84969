package org.remediation.console.criteria;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.remediation.console.notify.WebhookPoster;
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

    private static final Logger log = LoggerFactory.getLogger(EscalationWebhook.class);

    private final CriteriaProperties props;
    private final WebhookPoster poster;
    private final JsonMapper json = JsonMapper.builder().build();

    @Autowired
    EscalationWebhook(CriteriaProperties props) {
        this(props, Thread::sleep);
    }

    EscalationWebhook(CriteriaProperties props, WebhookPoster.Sleeper sleeper) {
        this.props = props;
        this.poster = new WebhookPoster(props.webhookTimeout(), sleeper);
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
    public WebhookPoster.Delivery send(String text) {
        URI url = props.webhookUrl();
        if (url == null || !enabled()) {
            return new WebhookPoster.Delivery(false, 0, 0, List.of());
        }
        WebhookPoster.Delivery delivery = poster.post(url, json.writeValueAsString(Map.of("text", text)),
                new WebhookPoster.Policy(props.webhookAttempts(), props.webhookInitialBackoff(),
                        props.webhookMaxBackoff(), props.webhookTimeout()));
        if (!delivery.delivered()) {
            log.warn("Escalation webhook gave up after {} attempts (last status {})", delivery.attempts(),
                    delivery.lastStatus());
        }
        return delivery;
    }
}
