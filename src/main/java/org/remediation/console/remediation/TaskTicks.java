package org.remediation.console.remediation;

import org.remediation.console.base.identity.SystemActor;
import org.remediation.console.incident.ChecklistService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The incident task an action was requested for follows the action (issue 15, item 10): ticked in
 * the requester's name once the action succeeded and its re-read state verified, with the link to
 * it. A rollback action never ticks its task; when it rolls back an action that ticked a task, that
 * task is open again. Runs after the action's transaction committed; a
 * failure here is logged and never changes the action's outcome.
 */
@Component
class TaskTicks {

    private static final Logger log = LoggerFactory.getLogger(TaskTicks.class);

    private final ChecklistService checklist;

    TaskTicks(ChecklistService checklist) {
        this.checklist = checklist;
    }

    void finished(ActionRecord a) {
        if (a.status() != ActionStatus.SUCCEEDED || a.rollbackOf() != null || a.taskId() == null) {
            return;
        }
        try {
            long task = Long.parseLong(a.taskId().strip());
            SystemActor.run(() -> checklist.doneByAction(task, a.id(), a.title(), a.requestedBy()));
        } catch (RuntimeException e) {
            log.warn("Could not tick task {} after action #{} succeeded: {}", a.taskId(), a.id(), e.toString());
        }
    }

    /** {@code original} was rolled back: its task, if it ticked one, is open again. */
    void rolledBack(ActionRecord original) {
        if (original.status() != ActionStatus.ROLLED_BACK || original.taskId() == null) {
            return;
        }
        try {
            long task = Long.parseLong(original.taskId().strip());
            SystemActor.run(() -> checklist.undoneByRollback(task, original.id(), original.requestedBy()));
        } catch (RuntimeException e) {
            log.warn("Could not reopen task {} after action #{} was rolled back: {}", original.taskId(), original.id(),
                    e.toString());
        }
    }
}
