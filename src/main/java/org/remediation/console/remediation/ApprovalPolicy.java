package org.remediation.console.remediation;

import java.util.ArrayList;
import java.util.List;

/**
 * Who must agree before an action runs: a second person (OPERATOR or COMMANDER, never the
 * requester) for actions under a P0 (the linked incident's severity, or for an unlinked action the
 * most severe open incident's: see {@link IncidentSeverities}) and for restart-causing or
 * irreversible actions.
 */
final class ApprovalPolicy {

    record Decision(boolean required, List<String> reasons) {
    }

    private ApprovalPolicy() {
    }

    static Decision decide(IncidentSeverities.Link link, List<SideEffect> effects) {
        List<String> reasons = new ArrayList<>();
        if ("P0".equals(link.severity())) {
            reasons.add(link.why());
        }
        for (SideEffect effect : effects) {
            if (effect.needsSecondPerson()) {
                reasons.add(effect.label().toLowerCase());
            }
        }
        return new Decision(!reasons.isEmpty(), List.copyOf(reasons));
    }
}
