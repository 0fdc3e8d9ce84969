package org.remediation.console.incident;

import java.util.List;
import org.remediation.console.base.Problems;

/** A commander's edit of a phase's plan (not its checklist). */
public record PhaseEdit(String title, Severity priority, String ownerTeam, List<String> supportingTeams,
                        int windowStartMinutes, int windowEndMinutes, String rollback, String escalation) {

    void validate(java.util.function.Predicate<String> teamExists) {
        Problems problems = new Problems();
        problems.check(teamExists.test(ownerTeam), "ownerTeam", "unknown team '" + ownerTeam + "'");
        supportingTeams.forEach(t -> problems.check(teamExists.test(t), "supportingTeams", "unknown team '" + t + "'"));
        problems.check(!title.isBlank() && title.length() <= 200, "title", "give a title of 1 to 200 characters");
        problems.check(windowStartMinutes >= 0, "windowStart", "the window cannot start before the incident");
        problems.check(windowEndMinutes > windowStartMinutes, "windowEnd", "the window must end after it starts");
        problems.check(rollback.length() <= 4000, "rollback", "at most 4000 characters");
        problems.check(escalation.length() <= 4000, "escalation", "at most 4000 characters");
        problems.throwIfAny();
    }
}
