package org.remediation.console.criteria;

import java.time.Duration;

/** A rule over time that raises an escalation; {@link EscalationRuleText} parses and formats the text form. */
public sealed interface EscalationRule {

    /** "criterion X still not met N after phase start". */
    record StillNotMet(String criterionKey, Duration after) implements EscalationRule {
    }

    /** "phase overran its window": the phase is still open after its planned window ended. */
    record PhaseOverran() implements EscalationRule {
    }

    /** "criterion X regressed after being met". */
    record Regressed(String criterionKey) implements EscalationRule {
    }

    default String text() {
        return EscalationRuleText.format(this);
    }
}
