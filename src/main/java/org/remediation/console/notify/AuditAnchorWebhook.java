package org.remediation.console.notify;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.remediation.console.audit.AuditAnchored;
import org.remediation.console.audit.AuditProperties;
import org.remediation.console.base.SettingException;
import org.remediation.console.base.egress.EgressPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends each audit anchor to {@code console.audit.anchor-webhook}, so that the head's seq and hash are
 * also kept by a system the console's database owner does not control. Lives here, not in
 * {@code audit}: this package already depends on {@code audit}, and the poster is this package's.
 * Uses the one retry policy ({@code console.notify.retry}); not a route, so catch-all routes do not
 * start receiving anchors.
 */
@Component
class AuditAnchorWebhook {

    private static final Logger log = LoggerFactory.getLogger(AuditAnchorWebhook.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final @Nullable URI url;
    private final WebhookPoster poster;
    private final WebhookPoster.Policy policy;

    AuditAnchorWebhook(AuditProperties properties, Routing routing, EgressPolicy egress) {
        this.url = url(properties.anchorWebhook());
        this.policy = routing.policy();
        this.poster = new WebhookPoster(policy.timeout(), Thread::sleep, egress);
    }

    private static @Nullable URI url(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            URI u = URI.create(value.strip());
            if (("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && u.getHost() != null) {
                return u;
            }
        } catch (IllegalArgumentException e) {
            // refused below
        }
        throw new SettingException("console.audit.anchor-webhook", "not an http(s) URL: " + Redaction.url(value));
    }

    @EventListener
    void on(AuditAnchored anchor) {
        URI target = url;
        if (target == null) {
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("source", "audit-anchor");
        body.put("seq", anchor.seq());
        body.put("hash", anchor.hash());
        body.put("keyId", anchor.keyId());
        body.put("at", anchor.at().toString());
        body.put("reason", anchor.reason());
        String json = JSON.writeValueAsString(body);
        // at shutdown the JVM may not wait for this thread: the log line and the anchor file are the record then
        Thread.ofVirtual().name("audit-anchor-webhook").start(() -> {
            WebhookPoster.Delivery d = poster.post(target, json, policy);
            if (!d.delivered()) {
                log.warn("Audit anchor seq={} not delivered to {} after {} attempts (last HTTP status {})", anchor.seq(),
                        Redaction.url(target.toString()), d.attempts(), d.lastStatus());
            }
        });
    }
}
