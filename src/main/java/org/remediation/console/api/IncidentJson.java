package org.remediation.console.api;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.remediation.console.incident.IncidentSummary;
import org.remediation.console.incident.PhaseState;
import org.remediation.console.incident.RunbookImport;
import org.remediation.console.incident.RunbookWarning;
import org.remediation.console.incident.RunbookYaml;
import org.remediation.console.incident.SignOffRecord;
import org.remediation.console.incident.TaskState;
import org.remediation.console.incident.TimelineItem;

/**
 * The incident API's JSON: records of their own, so the services' records can change without changing
 * what scripts read, and internal ids and lock versions stay out of it. Criteria are in {@link CriterionJson}.
 */
final class IncidentJson {

    private IncidentJson() {
    }

    /** An incident's header as the list and the board show it. */
    record Summary(String key, String title, String severity, String status, String commander, String businessImpact,
                   Instant startedAt, @Nullable Instant resolvedAt, boolean pinned,
                   @Nullable Instant lastStatusUpdateAt) {

        static Summary of(IncidentSummary s) {
            return new Summary(s.key(), s.title(), s.severity().name(), s.status().name(), s.commander(),
                    s.businessImpact(), s.startedAt(), s.resolvedAt(), s.pinned(), s.lastStatusUpdateAt());
        }
    }

    /** One incident with its plan as it stands now. */
    record Detail(Summary incident, List<Phase> phases, List<CriterionJson> kpis) {
    }

    /**
     * A phase: {@code window} as written in the runbook (offsets from the incident start) and in absolute
     * time; {@code signOff} the latest sign-off, null until there is one.
     */
    record Phase(String key, int order, String title, String priority, String ownerTeam, List<String> supportingTeams,
                 Window window, List<Dependency> dependsOn, String status, @Nullable String statusBy,
                 @Nullable Instant statusAt, boolean overrun, List<Task> tasks, List<CriterionJson> criteria,
                 @Nullable SignOff signOff) {

        static Phase of(PhaseState p, IncidentSummary incident, Instant now) {
            Window window = new Window(RunbookYaml.offset(p.windowStartMinutes()),
                    RunbookYaml.offset(p.windowEndMinutes()), p.plannedStart(incident.startedAt()),
                    p.plannedEnd(incident.startedAt()));
            return new Phase(p.key(), p.order(), p.title(), p.priority().name(), p.ownerTeam(), p.supportingTeams(),
                    window, p.dependencies().stream().map(d -> new Dependency(d.key(), d.status().name())).toList(),
                    p.status().name(), p.statusBy(), p.statusAt(), p.overrun(incident.startedAt(), now),
                    p.tasks().stream().map(Task::of).toList(), p.criteria().stream().map(CriterionJson::of).toList(),
                    p.lastSignOff() == null ? null : SignOff.of(p.lastSignOff()));
        }
    }

    /** {@code start}/{@code end} as the runbook writes them ({@code 0h}, {@code 1h30m}). */
    record Window(String start, String end, Instant plannedStart, Instant plannedEnd) {
    }

    record Dependency(String phase, String status) {
    }

    /** A checklist task; {@code doneByAction} is the remediation action that ticked it, if one did. */
    record Task(String id, String text, String owner, @Nullable String command, @Nullable String actionSpec,
                @Nullable String note, boolean done, @Nullable String doneBy, @Nullable Instant doneAt,
                @Nullable Long doneByAction) {

        static Task of(TaskState t) {
            return new Task(t.ref(), t.text(), t.owner(), t.command(), t.actionSpec(), t.note(), t.done(), t.doneBy(),
                    t.doneAt(), t.doneByAction());
        }
    }

    record SignOff(String by, Instant at, boolean override, @Nullable String overrideReason) {

        static SignOff of(SignOffRecord s) {
            return new SignOff(s.signedBy(), s.signedAt(), s.override(), s.overrideReason());
        }
    }

    record TimelineEntry(Instant at, String actor, String category, String text, boolean loud) {

        static TimelineEntry of(TimelineItem i) {
            return new TimelineEntry(i.at(), i.actor(), i.category(), i.text(), i.loud());
        }
    }

    /** What an import opened, with what it accepted but a responder should know. */
    record Imported(Summary incident, List<Warning> warnings) {

        static Imported of(RunbookImport i) {
            return new Imported(Summary.of(i.incident()), i.warnings().stream().map(Warning::of).toList());
        }
    }

    record Warning(String field, int line, String criterion, String message) {

        static Warning of(RunbookWarning w) {
            return new Warning(w.path(), w.line(), w.criterionKey(), w.message());
        }
    }
}
