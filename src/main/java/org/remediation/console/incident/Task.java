package org.remediation.console.incident;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

@Entity
@Table(name = "incident_task")
class Task {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;
    private long phaseId;
    private int sortOrder;
    private String taskRef = "";
    private String description = "";
    private String owner = "";
    private @Nullable String command;
    private @Nullable String actionSpec;
    private @Nullable String note;
    private boolean done;
    private @Nullable String doneBy;
    private @Nullable Instant doneAt;
    /** The remediation action whose success ticked it; null when ticked by hand. */
    private @Nullable Long doneByAction;
    /** Two people ticking or editing the same task: the second write fails instead of overwriting. */
    @Version
    private long version;

    protected Task() {
    }

    Task(long phaseId, int sortOrder, Runbook.Task t) {
        this.phaseId = phaseId;
        this.sortOrder = sortOrder;
        this.taskRef = t.id();
        this.description = t.text();
        this.owner = t.owner();
        this.command = t.command();
        this.actionSpec = t.actionSpec();
        this.note = t.note();
    }

    long id() { return java.util.Objects.requireNonNull(id); }
    long phaseId() { return phaseId; }
    int sortOrder() { return sortOrder; }
    long version() { return version; }
    boolean done() { return done; }
    String description() { return description; }
    @Nullable String doneBy() { return doneBy; }
    @Nullable String actionSpec() { return actionSpec; }

    void done(boolean value, String by, Instant at) {
        done = value;
        doneBy = value ? by : null;
        doneAt = value ? at : null;
        doneByAction = null;
    }

    void doneByAction(long actionId, String by, Instant at) {
        done(true, by, at);
        doneByAction = actionId;
    }

    void note(@Nullable String value) { note = value; }

    Runbook.Task definition() {
        return new Runbook.Task(taskRef, description, owner, command, actionSpec, note);
    }

    TaskState state() {
        return new TaskState(id(), phaseId, taskRef, description, owner, command, actionSpec, note, done, doneBy,
                doneAt, version, doneByAction);
    }
}
