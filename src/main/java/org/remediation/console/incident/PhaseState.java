package org.remediation.console.incident;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A phase with its checklist, criteria and latest sign-off as seen now. {@code dependencies} gives
 * the status of each phase this one depends on, so the sign-off gate needs nothing else.
 */
public record PhaseState(long id, String incidentKey, int order, String key, String title, Severity priority,
                         String ownerTeam, List<String> supportingTeams, int windowStartMinutes,
                         int windowEndMinutes, List<Dependency> dependencies, String rollback, String escalation,
                         List<String> validation, PhaseStatus status, @Nullable String statusBy,
                         @Nullable Instant statusAt, List<TaskState> tasks, List<CriterionState> criteria,
                         @Nullable SignOffRecord lastSignOff) {

    /** A phase this one depends on, and whether it is signed off. */
    public record Dependency(String key, String title, PhaseStatus status) {
        public boolean signedOff() {
            return status == PhaseStatus.SIGNED_OFF;
        }
    }

    public long tasksDone() {
        return tasks.stream().filter(TaskState::done).count();
    }

    public long criteriaMet() {
        return criteria.stream().filter(CriterionState::met).count();
    }

    public boolean signedOff() {
        return status == PhaseStatus.SIGNED_OFF;
    }

    /** Planned window in absolute time for an incident started at {@code start}. */
    public Instant plannedStart(Instant start) {
        return start.plusSeconds(windowStartMinutes * 60L);
    }

    public Instant plannedEnd(Instant start) {
        return start.plusSeconds(windowEndMinutes * 60L);
    }

    /** Past its planned end and not signed off. */
    public boolean overrun(Instant incidentStart, Instant now) {
        return !signedOff() && now.isAfter(plannedEnd(incidentStart));
    }
}
