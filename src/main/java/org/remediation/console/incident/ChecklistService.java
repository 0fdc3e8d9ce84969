package org.remediation.console.incident;

import org.remediation.console.base.identity.SignedIn;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.remediation.console.audit.AuditService;
import org.remediation.console.base.InvalidInputException;
import org.springframework.context.ApplicationEventPublisher;
import org.remediation.console.base.Problems;
import org.remediation.console.base.identity.CurrentUser;
import org.remediation.console.base.identity.Roles;
import org.remediation.console.security.TeamDirectory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The live checklist: ticking tasks, notes and tasks added during the incident (manual criteria are
 * confirmed through {@code CriteriaService.confirmManual}, their one state's owner). Every change carries the version the caller saw; a stale one is refused with a
 * {@link ConcurrentChangeException}, so nobody silently overwrites someone else's tick.
 */
@Service
@SignedIn
public class ChecklistService {

    private final TaskRepository tasks;
    private final PhaseRepository phases;
    private final IncidentRepository incidents;
    private final PhaseProgress progress;
    private final PlanFactory factory;
    private final TimelineService timeline;
    private final AuditService audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TeamDirectory teams;

    ChecklistService(TaskRepository tasks, PhaseRepository phases,
                     IncidentRepository incidents, PhaseProgress progress, TimelineService timeline,
                     AuditService audit, ApplicationEventPublisher events, Clock clock, PlanFactory factory,
                     TeamDirectory teams) {
        this.teams = teams;
        this.tasks = tasks;
        this.phases = phases;
        this.incidents = incidents;
        this.progress = progress;
        this.timeline = timeline;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.factory = factory;
    }

    @Transactional(readOnly = true)
    public Optional<TaskState> task(long taskId) {
        return tasks.findById(taskId).map(Task::state);
    }

    /** The task's ready-made action, for the remediation feature's request form. */
    @Transactional(readOnly = true)
    public Optional<TaskActions.TaskAction> actionSpec(long taskId) {
        return tasks.findById(taskId).map(Task::actionSpec).flatMap(this::readable);
    }

    private Optional<TaskActions.TaskAction> readable(String spec) {
        try {
            return Optional.of(factory.taskActions().read(spec));
        } catch (InvalidInputException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether the caller may change this phase's checklist: the commander any phase; a responder or
     * team lead only phases their teams own or support (membership or lead of the team). The view asks
     * this; the changing methods enforce it.
     */
    @Transactional(readOnly = true)
    public boolean mayEdit(long phaseId) {
        return phases.findById(phaseId).map(this::mayEdit).orElse(false);
    }

    private boolean mayEdit(Phase phase) {
        if (CurrentUser.hasRole(Roles.COMMANDER)) {
            return true;
        }
        if (!CurrentUser.hasRole(Roles.RESPONDER) && !CurrentUser.hasRole(Roles.TEAM_LEAD)) {
            return false;
        }
        java.util.List<String> involved = new java.util.ArrayList<>(phase.supportingTeams());
        involved.add(0, phase.ownerTeam());
        return CurrentUser.username().map(user -> teams.belongsToAny(user, involved)).orElse(false);
    }

    private void requireTeam(Phase phase) {
        if (!mayEdit(phase)) {
            String supporting = phase.supportingTeams().isEmpty() ? "" : " or its supporting teams ("
                    + String.join(", ", phase.supportingTeams()) + ")";
            throw new AccessDeniedException("Only members of " + phase.ownerTeam() + ", the team owning '"
                    + phase.title() + "'" + supporting + ", or the incident commander may change its checklist.");
        }
    }

    @RolesAllowed({Roles.RESPONDER, Roles.TEAM_LEAD, Roles.COMMANDER})
    @Transactional
    public TaskState setDone(long taskId, long expectedVersion, boolean done) {
        Task task = editable(taskId, expectedVersion);
        String user = CurrentUser.require();
        task.done(done, user, clock.instant());
        return saved(task, done ? "task.done" : "task.undone",
                (done ? "Ticked " : "Unticked ") + "task " + task.state().ref() + ": " + task.description());
    }

    /**
     * The remediation action linked to this task succeeded and verified: the task is ticked in the
     * name of the action's requester, with the link to the action, audited and on the timeline.
     * Nothing happens to a task already done or in a signed-off phase (its checklist is frozen).
     */
    @RolesAllowed(Roles.SYSTEM)
    @Transactional
    public Optional<TaskState> doneByAction(long taskId, long actionId, String actionTitle, String requestedBy) {
        Task task = tasks.findById(taskId).orElse(null);
        if (task == null || task.state().done()
                || phases.findById(task.phaseId()).map(p -> p.status() == PhaseStatus.SIGNED_OFF).orElse(true)) {
            return Optional.empty();
        }
        task.doneByAction(actionId, requestedBy, clock.instant());
        return Optional.of(saved(task, "task.done", "Ticked task " + task.state().ref() + " for " + requestedBy
                + ": action #" + actionId + " (" + actionTitle + ") succeeded and verified", requestedBy));
    }

    /**
     * The action that ticked this task was rolled back (by hand or by its watch window): the task is
     * open again, in the same way it was ticked. A task ticked by hand, or by another action, is left alone.
     */
    @RolesAllowed(Roles.SYSTEM)
    @Transactional
    public Optional<TaskState> undoneByRollback(long taskId, long actionId, String requestedBy) {
        Task task = tasks.findById(taskId).orElse(null);
        if (task == null || !task.state().done() || !Long.valueOf(actionId).equals(task.state().doneByAction())
                || phases.findById(task.phaseId()).map(p -> p.status() == PhaseStatus.SIGNED_OFF).orElse(true)) {
            return Optional.empty();
        }
        task.done(false, requestedBy, clock.instant());
        return Optional.of(saved(task, "task.undone", "Unticked task " + task.state().ref() + ": action #" + actionId
                + ", which had done it, was rolled back", requestedBy));
    }

    @RolesAllowed({Roles.RESPONDER, Roles.TEAM_LEAD, Roles.COMMANDER})
    @Transactional
    public TaskState setNote(long taskId, long expectedVersion, @Nullable String note) {
        if (note != null && note.length() > 2000) {
            throw new InvalidInputException("note", "a note has at most 2000 characters");
        }
        Task task = editable(taskId, expectedVersion);
        task.note(note == null || note.isBlank() ? null : note.strip());
        return saved(task, "task.note", "Note on task " + task.state().ref() + ": " + (note == null ? "" : note));
    }

    /** Adds a task to a phase during the incident. */
    @RolesAllowed({Roles.RESPONDER, Roles.TEAM_LEAD, Roles.COMMANDER})
    @Transactional
    public TaskState addTask(long phaseId, String text, String owner, @Nullable String command,
                             @Nullable String actionSpec) {
        Problems problems = new Problems();
        problems.check(!text.isBlank() && text.length() <= 1000, "text", "describe the task (1 to 1000 characters)");
        problems.check(!owner.isBlank() && owner.length() <= 80, "owner", "name the owning team or person");
        problems.check(command == null || command.length() <= 4000, "command", "at most 4000 characters");
        if (actionSpec != null && !actionSpec.isBlank()) {
            try {
                factory.taskActions().read(actionSpec);
            } catch (InvalidInputException e) {
                e.problems().forEach(p -> problems.add("actionSpec", RunbookParser.actionProblem(p)));
            }
        }
        Phase phase = phases.findById(phaseId).orElse(null);
        problems.check(phase != null, "phase", "no such phase");
        if (phase != null) {
            requireTeam(phase);
        }
        problems.throwIfAny();
        if (phase.status() == PhaseStatus.SIGNED_OFF) {
            throw new InvalidInputException("phase", "phase '" + phase.title() + "' is signed off; its checklist is frozen");
        }
        int next = tasks.findByPhaseIdOrderBySortOrderAscIdAsc(phaseId).stream().mapToInt(Task::sortOrder).max()
                .orElse(0) + 1;
        String ref = phase.sortOrder() + "." + next;
        Task task = tasks.save(new Task(phaseId, next, new Runbook.Task(ref, text.strip(), owner.strip(),
                blankToNull(command), blankToNull(actionSpec), null)));
        return saved(task, "task.add", "Added task " + ref + " to '" + phase.title() + "': " + text.strip());
    }

    private Task editable(long taskId, long expectedVersion) {
        Task task = tasks.findById(taskId).orElseThrow(() -> new InvalidInputException("task", "no such task"));
        Phase phase = phases.findById(task.phaseId()).orElseThrow();
        requireTeam(phase);
        frozen(phase);
        if (task.version() != expectedVersion) {
            throw conflict(task.state());
        }
        return task;
    }

    private void frozen(Phase phase) {
        if (phase.status() == PhaseStatus.SIGNED_OFF) {
            throw new InvalidInputException("phase", "phase '" + phase.title() + "' is signed off; its checklist is frozen");
        }
    }

    private TaskState saved(Task task, String action, String text) {
        return saved(task, action, text, CurrentUser.require());
    }

    private TaskState saved(Task task, String action, String text, String actor) {
        flush(() -> tasks.saveAndFlush(task), "task " + task.state().ref());
        Phase phase = phases.findById(task.phaseId()).orElseThrow();
        Incident incident = incidents.findById(phase.incidentId()).orElseThrow();
        progress.recompute(incident, phase);
        TaskState state = task.state();
        Map<String, Object> details = new HashMap<>();
        details.put("task", state.ref());
        details.put("done", state.done());
        details.put("version", state.version());
        if (state.doneByAction() != null) {
            details.put("action", state.doneByAction());
            details.put("for", actor);
        }
        audit.record(action, incident.key() + "/" + phase.key() + "/" + state.ref(), details);
        timeline.record(incident, actor, action, text, false);
        events.publishEvent(new IncidentChanged(incident.key(), phase.id()));
        return state;
    }

    /** A concurrent commit between our read and write surfaces here, inside the transaction. */
    private static void flush(Runnable write, String what) {
        try {
            write.run();
        } catch (OptimisticLockingFailureException e) {
            throw new ConcurrentChangeException("Someone else changed " + what + " at the same moment. Your change "
                    + "was not saved; the checklist now shows theirs — check it and try again.");
        }
    }

    static ConcurrentChangeException conflict(TaskState now) {
        String state = now.done() ? "ticked" + (now.doneBy() == null ? "" : " by " + now.doneBy()) : "not ticked";
        return new ConcurrentChangeException("Someone else changed task " + now.ref() + " first (it is now " + state
                + "). Your change was not saved; the checklist now shows their version — check it and try again.");
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
