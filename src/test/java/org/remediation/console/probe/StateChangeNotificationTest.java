package org.remediation.console.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.remediation.console.notify.Notification;

/** What a state change tells the notifier: routed by group, the same Slack text as before. */
class StateChangeNotificationTest {

    static ProbeStateChanged change() {
        return new ProbeStateChanged(new StateChange("backend-health", Instant.parse("2026-11-25T10:00:00Z"),
                HealthState.DEGRADED, HealthState.DOWN, "HTTP 503 (expected 200-299)"), "backend", "Backend health");
    }

    @Test
    void carriesTheGroupTheTextAndTheFacts() {
        Notification n = StateChangeNotification.of(change());
        assertThat(n.source()).isEqualTo(Notification.Source.PROBE);
        assertThat(n.group()).isEqualTo("backend");
        assertThat(n.incidentKey()).isNull();
        assertThat(n.title()).isEqualTo("Backend health is DOWN");
        assertThat(n.text()).startsWith(":red_circle: ").contains("Backend health", "DOWN", "was DEGRADED", "HTTP 503");
        assertThat(n.facts()).containsEntry("target", "backend-health").containsEntry("from", "DEGRADED")
                .containsEntry("to", "DOWN");
    }
}
