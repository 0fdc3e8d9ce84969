package org.remediation.console.criteria;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.remediation.console.notify.Notification;

/** What a fired escalation tells the notifier: the incident, the rule kind routes match on, the old Slack text. */
class EscalationNotificationTest {

    @Test
    void carriesTheIncidentAndTheRuleKind() {
        EscalationAlert alert = new EscalationAlert(7, "inc-1278", "p2", "phase overran its window", "Phase p2 overran",
                Instant.parse("2026-11-25T10:00:00Z"));
        Notification n = EscalationNotification.of(alert);
        assertThat(n.source()).isEqualTo(Notification.Source.ESCALATION);
        assertThat(n.incidentKey()).isEqualTo("inc-1278");
        assertThat(n.severity()).as("looked up by the notifier").isNull();
        assertThat(n.rule()).isEqualTo("phase-overran");
        assertThat(n.text()).isEqualTo(":rotating_light: Escalation on incident inc-1278: Phase p2 overran (rule: phase overran its window)");
        assertThat(n.facts()).containsEntry("escalation", 7L).containsEntry("phase", "p2");
    }

    @Test
    void everyRuleKindHasTheNameRoutesUse() {
        assertThat(EscalationNotification.ruleKind("criterion p95 still not met 30m after phase start")).isEqualTo("still-not-met");
        assertThat(EscalationNotification.ruleKind("criterion p95 regressed after being met")).isEqualTo("regressed");
        assertThat(EscalationNotification.ruleKind("phase overran its window")).isEqualTo("phase-overran");
        assertThat(Notification.RULE_KINDS).containsExactlyInAnyOrder("still-not-met", "regressed", "phase-overran");
    }
}
