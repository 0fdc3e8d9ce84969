package org.remediation.console.criteria;

import java.time.Instant;
import java.util.List;

/**
 * Combines per-target evaluations of a group: ALL is met when every target is, not met as soon as
 * one is not; ANY is met when one is. The shown value is the target that decided the outcome.
 */
final class Groups {

    private Groups() {
    }

    static Evaluation combine(MeasuredCriterion c, List<String> targets, List<Evaluation> each, Instant now) {
        long samples = each.stream().mapToLong(Evaluation::samples).sum();
        long met = each.stream().filter(e -> e.state() == CriterionState.MET).count();
        long notMet = each.stream().filter(e -> e.state() == CriterionState.NOT_MET).count();
        CriterionState state;
        if (c.subject().quantifier() == Subject.Quantifier.ALL) {
            state = notMet > 0 ? CriterionState.NOT_MET : met == each.size() ? CriterionState.MET : CriterionState.NO_DATA;
        } else {
            state = met > 0 ? CriterionState.MET : notMet == each.size() ? CriterionState.NOT_MET : CriterionState.NO_DATA;
        }
        int decider = decider(c, each, state);
        Evaluation d = each.get(decider);
        String summary = met + " of " + each.size() + " met";
        if (c.statistic() == Statistic.UP) {
            return new Evaluation(state, (double) met, met + "/" + each.size() + " up", samples,
                    summary + (state == CriterionState.MET ? "" : "; " + targets.get(decider) + ": " + d.detail()), now);
        }
        return new Evaluation(state, d.value(), targets.get(decider) + " " + d.valueText(), samples,
                summary + "; " + targets.get(decider) + ": " + d.detail(), now, targets.get(decider));
    }

    /** The target whose evaluation explains the combined state: the first failing one, or the worst value. */
    private static int decider(MeasuredCriterion c, List<Evaluation> each, CriterionState state) {
        for (int i = 0; i < each.size(); i++) {
            if (each.get(i).state() == state && state != CriterionState.MET) {
                return i;
            }
        }
        int best = 0;
        for (int i = 1; i < each.size(); i++) {
            Double v = each.get(i).value();
            Double b = each.get(best).value();
            if (v != null && (b == null || worse(c, v, b) == (c.subject().quantifier() == Subject.Quantifier.ALL))) {
                best = i;
            }
        }
        return best;
    }

    private static boolean worse(MeasuredCriterion c, double v, double than) {
        return switch (c.comparison()) {
            case LT, LE -> v > than;
            default -> v < than;
        };
    }
}
