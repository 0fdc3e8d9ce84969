package org.remediation.console.remediation;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Who must agree before an action runs: a second person (OPERATOR or COMMANDER, never the
 * requester) for actions on a P0 incident and for restart-causing or irreversible actions.
 */
final class ApprovalPolicy {

    record Decision(boolean required, List<String> reasons) {
    }

    private ApprovalPolicy() {
    }

    static Decision decide(@Nullable String incidentSeverity, List<SideEffect> effects) {
        List<String> reasons = new ArrayList<>();
        if ("P0".equals(incidentSeverity)) {
            reasons.add("the incident is P0");
        }
        for (SideEffect effect : effects) {
            if (effect.needsSecondPerson()) {
                reasons.add(effect.label().toLowerCase());
            }
        }
        return new Decision(!reasons.isEmpty(), List.copyOf(reasons));
    }
}
