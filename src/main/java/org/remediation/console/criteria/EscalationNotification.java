package org.remediation.console.criteria;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.remediation.console.notify.Notification;

/**
 * What the notifier hears about a fired escalation (source {@code escalation}, routed by rule kind and,
 * looked up by the notifier from the incident key, the incident's severity).
 */
final class EscalationNotification {

    private EscalationNotification() {
    }

    static Notification of(EscalationAlert a) {
        Map<String, @Nullable Object> facts = new LinkedHashMap<>();
        facts.put("escalation", a.id());
        facts.put("phase", a.phaseKey());
        facts.put("ruleText", a.ruleText());
        facts.put("message", a.message());
        return new Notification(Notification.Source.ESCALATION, a.firedAt(), a.incidentKey(), null, null,
                ruleKind(a.ruleText()), "Escalation on incident " + a.incidentKey(),
                ":rotating_light: Escalation on incident " + a.incidentKey() + ": " + a.message() + " (rule: " + a.ruleText() + ")",
                facts);
    }

    /** The rule's kind as routes name it ({@link Notification#RULE_KINDS}); null if the stored text no longer parses. */
    static @Nullable String ruleKind(String ruleText) {
        try {
            return switch (EscalationRuleText.parse(ruleText)) {
                case EscalationRule.StillNotMet s -> "still-not-met";
                case EscalationRule.PhaseOverran p -> "phase-overran";
                case EscalationRule.Regressed r -> "regressed";
            };
        } catch (TextSyntaxException e) {
            return null;
        }
    }
}
