package org.remediation.console.remediation;

import static org.remediation.console.remediation.ActionStore.columns;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.remediation.console.base.identity.SystemActor;
import org.remediation.console.cloud.CloudException;
import org.remediation.console.cloud.CloudGateway;
import org.remediation.console.cloud.OperationHandle;
import org.remediation.console.cloud.ResourceState;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Carries a {@link SteppedAction} from one step to the next: verifies the finished step, stores the
 * next step index (with no operation id yet), starts it and stores its operation. Works from the
 * stored row only, so after a restart a step with a stored operation is polled (never re-sent) and a
 * step without one is resumed from the live state: waited for while under way, skipped when in place.
 */
final class StepRunner {

    interface Finisher {
        /** {@code releaseLocks} false keeps the touched resources locked until each is known to be idle. */
        ActionRecord finish(ActionRecord a, ActionStatus outcome, String message, @Nullable ResourceState after, String actor,
                            boolean releaseLocks);
    }

    private final CloudGateway gateway;
    private final ActionStore store;
    private final ActionJournal journal;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final Sendings applying;
    private final Finisher finisher;
    private final Duration busyWait;
    private final Duration stepTimeout;

    StepRunner(CloudGateway gateway, ActionStore store, ActionJournal journal, Clock clock, TransactionTemplate tx,
               Sendings applying, Finisher finisher, Duration busyWait, Duration stepTimeout) {
        this.busyWait = busyWait;
        this.stepTimeout = stepTimeout;
        this.gateway = gateway;
        this.store = store;
        this.journal = journal;
        this.clock = clock;
        this.tx = tx;
        this.applying = applying;
        this.finisher = finisher;
    }

    /** The current step's operation succeeded: verify the step and move on. */
    void operationSucceeded(ActionRecord a, SteppedAction action) {
        int step = store.stepIndex(a.id());
        List<String> problems = action.verifyStep(gateway, a.preview(), step);
        if (problems.isEmpty()) {
            advance(a, action, step);
        } else if (!action.stepUnderWay(gateway, a.preview(), step)) {
            fail(a, action, step, "did not verify: " + String.join("; ", problems) + ".");
        }
    }

    /** No operation id is stored for the current step: between steps, or a crash before it was stored. */
    void resume(ActionRecord a, SteppedAction action) {
        int step = store.stepIndex(a.id());
        Instant since = store.stepStartedAt(a.id());
        since = since != null ? since : a.startedAt() != null ? a.startedAt() : clock.instant();
        if (Duration.between(since, clock.instant()).compareTo(ActionExecutor.APPLY_GRACE) < 0) {
            return; // the process that started the step may still be waiting for the cloud's answer
        }
        boolean underWay;
        try {
            underWay = action.stepUnderWay(gateway, a.preview(), step);
        } catch (CloudException e) {
            return; // the cloud cannot be read now; the next round tries again
        }
        if (Duration.between(since, clock.instant()).compareTo(stepTimeout) > 0) {
            // e.g. in place but never verified (the service not Ready, traffic pinned elsewhere, the new
            // connector in ERROR), or still settling: the action does not stay "running" forever, but a
            // step still under way keeps its resources locked until they are idle
            fail(a, action, step, "did not complete within " + stepTimeout + (underWay ? " and is still under way"
                    : " (" + verifyQuietly(a, action, step) + ")") + ".", !underWay);
            return;
        }
        try {
            if (underWay) {
                return; // sent before the restart; its effect is still settling
            }
            if (action.verifyStep(gateway, a.preview(), step).isEmpty()) {
                advance(a, action, step);
                return;
            }
        } catch (CloudException e) {
            return; // the cloud cannot be read now; the next round tries again
        }
        start(a, action, step);
    }

    private void advance(ActionRecord a, SteppedAction action, int step) {
        int count = action.stepCount(a.preview());
        String label = action.stepLabel(a.preview(), step);
        int next = step + 1;
        if (next >= count) {
            journal.step(a, SystemActor.NAME, "step", "Step " + (step + 1) + "/" + count + " verified: " + label + ".", null, null);
            finisher.finish(a, ActionStatus.SUCCEEDED, "Verified: all " + count + " steps are in place.", Quietly.read(gateway, a), SystemActor.NAME,
                    true);
            return;
        }
        boolean moved = Boolean.TRUE.equals(tx.execute(s -> {
            if (!store.update(a.id(), ActionStatus.RUNNING, columns("step_index", next, "operation_id", null,
                    "step_started_at", clock.instant(), "progress", next * 100 / count))) {
                return false;
            }
            journal.step(a, SystemActor.NAME, "step", "Step " + (step + 1) + "/" + count + " verified: " + label + ".", null, null);
            journal.changed(a.id(), ActionStatus.RUNNING, next * 100 / count, label + " done");
            return true;
        }));
        if (moved) {
            start(store.find(a.id()).orElseThrow(), action, next);
        }
    }

    private void start(ActionRecord a, SteppedAction action, int step) {
        if (!applying.start(a.id())) {
            return; // this process is already starting it
        }
        try {
            OperationHandle handle;
            try {
                handle = action.startStep(gateway, a.preview(), step);
            } catch (CloudException e) {
                if (!defer(a, action, step, e)) {
                    fail(a, action, step, "was refused (" + e.kind() + "): " + e.getMessage());
                }
                return;
            }
            if (handle == null) {
                return; // in place or under way: the next round verifies it
            }
            int count = action.stepCount(a.preview());
            tx.executeWithoutResult(s -> {
                if (store.update(a.id(), ActionStatus.RUNNING, columns("operation_id", handle.id()))) {
                    journal.step(a, SystemActor.NAME, "step", "Step " + (step + 1) + "/" + count + " started: "
                            + action.stepLabel(a.preview(), step) + " (operation " + handle.id() + ").", null, null);
                }
            });
        } finally {
            applying.end(a.id());
        }
    }

    /**
     * A step answered "not now" (busy, rate limited, the pre-read failed) or with no clear answer: it
     * is not failed but looked at again after {@link ActionExecutor#APPLY_GRACE} — sent only if it is
     * neither under way nor in place — for as long as {@code console.remediation.busy-wait} allows.
     * False when the answer is a refusal, or the time is up.
     */
    boolean defer(ActionRecord a, SteppedAction action, int step, CloudException e) {
        boolean unclear = e.kind() == CloudException.Kind.OUTCOME_UNKNOWN;
        boolean notNow = switch (e.kind()) {
            case BUSY, RATE_LIMITED, UNAVAILABLE, INTERNAL_ERROR, DEADLINE_EXCEEDED -> true;
            default -> false;
        };
        Instant started = a.startedAt() == null ? clock.instant() : a.startedAt();
        if (!(unclear || notNow) || Duration.between(started, clock.instant()).compareTo(busyWait) >= 0) {
            return false;
        }
        int count = action.stepCount(a.preview());
        tx.executeWithoutResult(s -> {
            if (store.update(a.id(), ActionStatus.RUNNING, columns("step_started_at", clock.instant()))) {
                journal.step(a, SystemActor.NAME, "waiting", "Step " + (step + 1) + "/" + count + " ("
                        + action.stepLabel(a.preview(), step) + ") " + (unclear ? "got no clear answer" : "was not taken now")
                        + " (" + e.getMessage() + "); the console looks again in " + ActionExecutor.APPLY_GRACE.toMinutes()
                        + " minutes and sends it only if it is neither under way nor in place.", null, null);
            }
        });
        return true;
    }

    private void fail(ActionRecord a, SteppedAction action, int step, String why) {
        fail(a, action, step, why, true);
    }

    private void fail(ActionRecord a, SteppedAction action, int step, String why, boolean releaseLocks) {
        int count = action.stepCount(a.preview());
        finisher.finish(a, ActionStatus.FAILED, "Step " + (step + 1) + "/" + count + " (" + action.stepLabel(a.preview(), step)
                + ") " + why + " Steps before it stay in place; roll back or finish by hand.", Quietly.read(gateway, a), SystemActor.NAME,
                releaseLocks);
    }

    private String verifyQuietly(ActionRecord a, SteppedAction action, int step) {
        try {
            List<String> problems = action.verifyStep(gateway, a.preview(), step);
            return problems.isEmpty() ? "verified only now" : String.join("; ", problems);
        } catch (CloudException e) {
            return "could not be checked: " + e.getMessage();
        }
    }
}
