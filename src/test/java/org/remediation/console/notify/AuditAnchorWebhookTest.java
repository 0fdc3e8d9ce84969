package org.remediation.console.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.remediation.console.audit.AuditAnchored;
import org.remediation.console.audit.AuditProperties;
import org.remediation.console.base.SettingException;
import org.remediation.console.base.egress.EgressPolicy;
import org.remediation.console.support.WebhookReceiver;

/** Each audit anchor is POSTed to console.audit.anchor-webhook with its seq and hash. */
class AuditAnchorWebhookTest {

    private static Routing routing() {
        return new Routing(new NotifyProperties(List.of(), new NotifyProperties.Retry(2, Duration.ofMillis(10),
                Duration.ofMillis(10), Duration.ofSeconds(5))), LegacySettings.none());
    }

    private static AuditProperties webhook(String url) {
        return new AuditProperties(null, null, null, Duration.ofMinutes(5), url);
    }

    @Test
    void anAnchorIsPostedWithSeqAndHash() {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            AuditAnchorWebhook hook = new AuditAnchorWebhook(webhook(receiver.url("/anchors").toString()), routing(),
                    EgressPolicy.DEFAULT);
            hook.on(new AuditAnchored(42, "ab".repeat(32), 1, Instant.parse("2026-11-30T20:00:00Z"), "scheduled"));
            String body = receiver.await(b -> b.contains("\"seq\":42"), Duration.ofSeconds(10)).orElseThrow();
            assertThat(body).contains("\"hash\":\"" + "ab".repeat(32) + "\"").contains("\"keyId\":1")
                    .contains("\"source\":\"audit-anchor\"");
        }
    }

    @Test
    void aBadUrlIsRefusedAtStartWithoutShowingItsPath() {
        assertThatThrownBy(() -> new AuditAnchorWebhook(webhook("ftp://hooks.example/secret-token"), routing(),
                EgressPolicy.DEFAULT)).isInstanceOf(SettingException.class)
                .hasMessageStartingWith("console.audit.anchor-webhook: not an http(s) URL")
                .hasMessageNotContaining("secret-token");
    }
}
