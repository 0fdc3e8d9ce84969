package org.remediation.console.incident;

import java.time.Instant;
import java.util.List;
import org.remediation.console.base.HumanTime;

/** The status update text: facts only, from the live plan. */
final class StatusMarkdown {

    private StatusMarkdown() {
    }

    static String render(IncidentSummary incident, List<PhaseState> phases, SignOffGate gate, Instant now) {
        StringBuilder md = new StringBuilder();
        md.append("## ").append(incident.key()).append(" status update — ").append(HumanTime.timestamp(now))
                .append("\n\n");
        md.append("- **Severity:** ").append(incident.severity()).append("  \n");
        md.append("- **Status:** ").append(incident.status().label()).append("  \n");
        md.append("- **Commander:** ").append(incident.commander()).append("  \n");
        md.append("- **Elapsed:** ").append(HumanTime.duration(incident.elapsed(now))).append(" since ")
                .append(HumanTime.timestamp(incident.startedAt())).append("\n\n");
        md.append("### Phases\n\n| # | Phase | Owner | Window | Tasks | Criteria | State |\n|---|---|---|---|---|---|---|\n");
        for (PhaseState p : phases) {
            String state = p.status().label();
            if (p.lastSignOff() != null && p.signedOff()) {
                state += " by " + p.lastSignOff().signedBy() + (p.lastSignOff().override() ? " (OVERRIDE)" : "");
            }
            if (p.overrun(incident.startedAt(), now)) {
                state += " — overrun";
            }
            md.append("| ").append(p.order()).append(" | ").append(p.title()).append(" | ").append(p.ownerTeam())
                    .append(" | ").append(RunbookYaml.offset(p.windowStartMinutes())).append("–")
                    .append(RunbookYaml.offset(p.windowEndMinutes())).append(" | ").append(p.tasksDone()).append("/")
                    .append(p.tasks().size()).append(" | ").append(p.criteriaMet()).append("/")
                    .append(p.criteria().size()).append(" | ").append(state).append(" |\n");
        }
        md.append("\n### Success criteria\n\n");
        for (PhaseState p : phases) {
            for (CriterionState c : p.criteria()) {
                md.append("- ").append(c.met() ? "[x] " : "[ ] ").append(c.text())
                        .append(c.evidence() == null ? "" : " — " + c.evidence())
                        .append(c.confirmedBy() == null ? "" : " (confirmed by " + c.confirmedBy() + ")").append('\n');
            }
        }
        md.append("\n### Blocked\n\n");
        boolean anyBlocked = false;
        for (PhaseState p : phases) {
            if (p.status() == PhaseStatus.BLOCKED) {
                md.append("- ").append(p.title()).append(" is marked blocked\n");
                anyBlocked = true;
            }
            for (PhaseState.Dependency d : p.dependencies()) {
                if (!p.signedOff() && !d.signedOff()) {
                    md.append("- ").append(p.title()).append(" waits for ").append(d.title()).append('\n');
                    anyBlocked = true;
                }
            }
        }
        if (!anyBlocked) {
            md.append("- nothing\n");
        }
        md.append("\n### Next steps\n\n");
        phases.stream().filter(p -> !p.signedOff()).limit(2).forEach(p -> {
            p.tasks().stream().filter(t -> !t.done()).limit(3).forEach(t ->
                    md.append("- ").append(p.title()).append(": ").append(t.text()).append(" (").append(t.owner())
                            .append(")\n"));
            if (p.tasks().stream().allMatch(TaskState::done)) {
                int reasons = gate.blockingReasons(p).size();
                md.append("- ").append(p.title()).append(": ").append(reasons == 0 ? "ready for sign-off by "
                        + p.ownerTeam() : reasons + " item(s) before sign-off").append('\n');
            }
        });
        return md.toString();
    }
}
