package org.remediation.console.criteria;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import org.remediation.console.criteria.PhaseTimes.PhaseTiming;

/**
 * Decides whether a rule fires now. Pure. Each firing names an "episode" so the same condition
 * fires once (per phase start, per planned end, per regression), not on every check.
 */
final class EscalationCheck {

    record Firing(String episode, String message) {
    }

    private EscalationCheck() {
    }

    static Optional<Firing> check(EscalationRule rule, String phaseKey, Optional<PhaseTiming> timing,
                                  Function<String, Optional<CriterionStatus>> criterion, Instant now) {
        return switch (rule) {
            case EscalationRule.StillNotMet r -> timing.filter(t -> t.startedAt() != null && t.completedAt() == null)
                    .filter(t -> !now.isBefore(t.startedAt().plus(r.after())))
                    .flatMap(t -> criterion.apply(r.criterionKey()).filter(c -> !c.met())
                            .map(c -> new Firing("started:" + t.startedAt(), "Criterion '" + c.label() + "' is still "
                                    + c.state().label() + " " + Tokens.formatDuration(r.after()) + " after phase '"
                                    + phaseKey + "' started (now " + c.valueText() + describe(c) + ").")));
            case EscalationRule.PhaseOverran r -> timing.filter(t -> t.startedAt() != null && t.completedAt() == null
                            && t.plannedEnd() != null && now.isAfter(t.plannedEnd()))
                    .map(t -> new Firing("planned-end:" + t.plannedEnd(), "Phase '" + phaseKey
                            + "' overran its window: it was planned to end at " + t.plannedEnd() + " and is still open."));
            case EscalationRule.Regressed r -> criterion.apply(r.criterionKey())
                    .filter(c -> c.state() == CriterionState.NOT_MET && c.firstMetAt() != null
                            && c.firstMetAt().isBefore(c.since()))
                    .map(c -> new Firing("regressed:" + c.since(), "Criterion '" + c.label()
                            + "' regressed: it was met, and is not met since " + c.since() + " (now " + c.valueText()
                            + describe(c) + ")."));
        };
    }

    private static String describe(CriterionStatus c) {
        return c.thresholdText().isEmpty() ? "" : ", needs " + c.thresholdText();
    }
}
