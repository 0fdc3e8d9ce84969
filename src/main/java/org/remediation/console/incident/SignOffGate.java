package org.remediation.console.incident;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Decides whether a phase may be signed off: its dependency phases signed off, every task done and
 * every criterion met, plus whatever the registered {@link SignOffCheck}s add. Returns the reasons
 * it is blocked; an empty list means it may be signed off without an override.
 */
@Component
public class SignOffGate {

    private final List<SignOffCheck> extraChecks;

    public SignOffGate(List<SignOffCheck> extraChecks) {
        this.extraChecks = List.copyOf(extraChecks);
    }

    public List<String> blockingReasons(PhaseState phase) {
        List<String> reasons = new ArrayList<>();
        if (phase.signedOff()) {
            reasons.add("phase '" + phase.title() + "' is already signed off");
        }
        for (PhaseState.Dependency dep : phase.dependencies()) {
            if (!dep.signedOff()) {
                reasons.add("depends on phase '" + dep.title() + "', which is " + dep.status().label().toLowerCase()
                        + ", not signed off");
            }
        }
        for (TaskState task : phase.tasks()) {
            if (!task.done()) {
                reasons.add("task " + task.ref() + " is not done: " + task.text());
            }
        }
        for (CriterionState criterion : phase.criteria()) {
            // The criteria feature's state: measured ones with their live value and threshold.
            if (!criterion.met()) {
                reasons.add("criterion " + criterion.whyNotMet());
            }
        }
        for (SignOffCheck check : extraChecks) {
            reasons.addAll(check.blockingReasons(phase));
        }
        return reasons;
    }
}
