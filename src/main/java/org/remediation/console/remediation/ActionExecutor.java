package org.remediation.console.remediation;

import org.remediation.console.base.identity.SystemActor;
import static org.remediation.console.remediation.ActionStore.columns;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.remediation.console.cloud.CloudException;
import org.remediation.console.cloud.CloudGateway;
import org.remediation.console.cloud.OperationHandle;
import org.remediation.console.cloud.OperationStatus;
import org.remediation.console.cloud.ResourceState;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs actions: takes the resource's lock, starts the cloud operation, tracks it to the end,
 * verifies the re-read state and releases the lock. Tracking works from persisted rows only, so an
 * action started before a restart is reconciled by the same code. Sending and its retries are
 * {@link ChangeSender}'s, locks that outlive an action {@link KeptLocks}', stepped actions
 * {@link StepRunner}'s.
 */
@Component
class ActionExecutor {

    private static final int[] MILESTONES = {25, 50, 75};
    /**
     * How long one sending may take (a pre-read with its retries, the change itself) before another
     * tracker treats it as lost and looks at the resource instead: the lease on a sending.
     */
    static final Duration APPLY_GRACE = Duration.ofMinutes(5);

    private final ActionCatalog catalog;
    private final CloudGateway gateway;
    private final ActionStore store;
    private final ActionJournal journal;
    private final ActionRequests requests;
    private final Clock clock;
    private final RemediationProperties properties;
    private final TransactionTemplate tx;
    private final WatchWindow watch;
    private final TaskTicks taskTicks;
    private final ApplyRetries retries;
    static final Duration IDLE_CHECK = KeptLocks.IDLE_CHECK;
    /** Actions whose change is being sent, here or (runner_node) by another console. */
    private final Sendings applying;
    /** Moves stepped actions (connector-replace) from one step's operation to the next. */
    private final StepRunner steps;
    private final ChangeSender sender;
    private final KeptLocks locks;

    ActionExecutor(ActionCatalog catalog, CloudGateway gateway, ActionStore store, ActionJournal journal,
                   ActionRequests requests, Clock clock, RemediationProperties properties, PlatformTransactionManager txm, WatchWindow watch,
                   TaskTicks taskTicks, ApplyRetries retries, ActionNodes nodes) {
        this.retries = retries;
        this.applying = new Sendings(store, nodes);
        this.watch = watch;
        this.taskTicks = taskTicks;
        this.catalog = catalog;
        this.gateway = gateway;
        this.store = store;
        this.journal = journal;
        this.requests = requests;
        this.clock = clock;
        this.properties = properties;
        this.tx = new TransactionTemplate(txm);
        this.steps = new StepRunner(gateway, store, journal, clock, tx, applying, this::finishSteps, properties.busyWait(),
                properties.operationTimeout());
        this.sender = new ChangeSender(catalog, gateway, store, journal, clock, tx, retries, properties, steps, applying,
                this::finishSteps);
        this.locks = new KeptLocks(gateway, store, journal, clock, tx);
    }

    ActionRecord execute(long id, String actor) {
        // begin() names this node in the row it starts, under the row lock; a second execute here is refused by it
        boolean marked = applying.mark(id);
        try {
            ActionRecord started = tx.execute(s -> begin(id, actor)).orThrow();
            return sender.send(started, 1, started.startedAt() == null ? clock.instant() : started.startedAt(), actor);
        } finally {
            if (marked) {
                applying.end(id);
            }
        }
    }

    private ActionRequests.Outcome begin(long id, String actor) {
        ActionRecord a = store.lock(id).orElseThrow(() -> ActionRequests.notFound(id));
        if (a.status() != ActionStatus.READY) {
            return ActionRequests.Outcome.refused("Action #" + id + " is " + a.status() + (a.status() == ActionStatus.AWAITING_APPROVAL
                    ? ": a second person must approve it first." : " and cannot be executed."));
        }
        if (requests.becameP0(a)) {
            ActionRecord waiting = requests.refreshPreview(id, actor);
            return ActionRequests.Outcome.refused("Action #" + id + " now needs a second person (" + waiting.approvalReasons()
                    + "): it was requested before that. It waits for approval by another OPERATOR or COMMANDER.");
        }
        Instant now = clock.instant();
        if (a.approvalRequired() && (a.approvalExpiresAt() == null || !now.isBefore(a.approvalExpiresAt()))) {
            store.update(id, ActionStatus.READY, columns("status", ActionStatus.EXPIRED));
            journal.step(store.find(id).orElseThrow(), actor, "expired", "The approval by " + a.approvedBy() + " expired at "
                    + a.approvalExpiresAt() + "; a new preview and approval are needed.", null, null);
            journal.changed(id, ActionStatus.EXPIRED, 0, "expired");
            return ActionRequests.Outcome.refused("The approval of action #" + id + " expired at " + a.approvalExpiresAt()
                    + ". Preview it again and ask for a new approval.");
        }
        store.lockHolder(a.resource()).ifPresent(holder -> {
            throw locks.busy(a, holder);
        });
        ResourceState live = gateway.read(a.resource());
        if (!live.fingerprint().equals(a.preview().fingerprint())) {
            requests.markStale(a, actor, live);
            return ActionRequests.Outcome.refused(ActionRequests.staleMessage(a));
        }
        if (!store.tryLock(a.resource(), id, now)) {
            throw locks.busy(a, store.lockHolder(a.resource()).orElse(-1L));
        }
        if (catalog.get(a.kind()) instanceof SteppedAction stepped) {
            ActionRequests.Outcome refused = lockTouched(a, stepped, live, now); // every resource the steps change, for the whole sequence
            if (refused != null) {
                return refused;
            }
        }
        store.update(id, ActionStatus.READY, columns("status", ActionStatus.RUNNING, "runner_node", applying.self(),
                "started_at", now, "progress", 0,
                "watch_baseline", a.watchMinutes() > 0 ? ActionStore.json(watch.levels(a.watchSignals())) : null));
        // a lease on this sending: should it never report back, a tracker looks at the resource after it
        retries.schedule(id, 0, now.plus(APPLY_GRACE), ApplyRetries.Reason.RECHECK, now);
        ActionRecord r = store.find(id).orElseThrow();
        journal.step(r, actor, "started", "Started by " + actor + ".", live.attributes(), a.desired());
        journal.changed(id, ActionStatus.RUNNING, 0, "started");
        return ActionRequests.Outcome.ok(r);
    }

    private ActionRequests.@Nullable Outcome lockTouched(ActionRecord a, SteppedAction stepped, ResourceState live, Instant now) {
        try {
            stepped.checkLive(gateway, live, a.desired());
        } catch (org.remediation.console.base.InvalidInputException e) {
            store.unlock(a.resource(), a.id());
            return ActionRequests.Outcome.refused("Action #" + a.id() + " cannot start: " + e.getMessage() + " Preview it again.");
        }
        for (org.remediation.console.cloud.ResourceRef ref : stepped.touched(a.preview())) {
            if (!store.tryLock(ref, a.id(), now)) {
                throw locks.busy(a, store.lockHolder(ref).orElse(-1L));
            }
        }
        return null;
    }


    /** Polls one running action and moves it on; safe to call repeatedly, from any replica, after restarts. */
    void track(ActionRecord snapshot) {
        if (snapshot.status() != ActionStatus.RUNNING || applying.here(snapshot.id())) {
            return;
        }
        // decide on the row as it is now, not on the pass's snapshot (another replica may have moved it)
        ActionRecord a = store.find(snapshot.id()).orElse(null);
        if (a == null || a.status() != ActionStatus.RUNNING) {
            return;
        }
        if (a.operationId() == null && applying.elsewhere(a.id())) {
            return; // another console is sending its change now; should it die, the sending's lease runs out
        }
        Duration elapsed = Duration.between(a.startedAt() == null ? clock.instant() : a.startedAt(), clock.instant());
        boolean isStepped = catalog.get(a.kind()) instanceof SteppedAction;
        Instant stepStart = isStepped ? store.stepStartedAt(a.id()) : null;
        // a stepped action's operation timeout counts per step, not from the start of the whole sequence
        boolean overdue = Duration.between(stepStart != null ? stepStart : a.startedAt() == null ? clock.instant()
                : a.startedAt(), clock.instant()).compareTo(properties.operationTimeout()) > 0;
        if (a.operationId() == null && catalog.get(a.kind()) instanceof SteppedAction stepped) {
            steps.resume(a, stepped); // between two steps, or a crash before a step's operation id was stored
            return;
        }
        if (a.operationId() == null) {
            Optional<ApplyRetries.Pending> pending = retries.of(a.id());
            if (pending.isPresent()) {
                sender.resume(a, pending.get());
            } else if (elapsed.compareTo(APPLY_GRACE) >= 0) {
                // The console stopped between taking the lock and storing the cloud's answer.
                if (!applying.start(a.id())) {
                    return;
                }
                try {
                    sender.reconcile(a, 1, a.startedAt() == null ? clock.instant() : a.startedAt(),
                            "The console stopped before it stored the cloud's answer.", false);
                } finally {
                    applying.end(a.id());
                }
            }
            return;
        }
        OperationStatus status;
        try {
            status = gateway.poll(new OperationHandle(a.operationId(), a.resource(), a.startedAt()));
        } catch (CloudException e) {
            if (overdue || e.kind() == CloudException.Kind.NOT_FOUND) {
                // a stepped action's operation runs on another resource than a.resource(): keep its locks,
                // each is released when its own resource is idle
                boolean idle = !isStepped && Quietly.running(gateway, a).map(Optional::isEmpty).orElse(false);
                finish(a, ActionStatus.FAILED, "Lost track of operation " + a.operationId() + " (" + e.getMessage()
                        + "); outcome unknown: check the resource before retrying." + (idle ? ""
                        : " The resource stays locked until no operation runs on it."), readQuietly(a), SystemActor.NAME, idle);
            }
            return;
        }
        if (status.failed()) {
            finish(a, ActionStatus.FAILED, "The cloud operation failed: " + status.error(), readQuietly(a), SystemActor.NAME, true);
        } else if (status.succeeded() && catalog.get(a.kind()) instanceof SteppedAction stepped) {
            steps.operationSucceeded(a, stepped);
        } else if (status.succeeded()) {
            ResourceState after = readQuietly(a);
            List<String> mismatches = after == null ? List.of("the resource could not be re-read")
                    : catalog.get(a.kind()).verify(after, a.desired());
            Optional<ApplyRetries.Pending> adopted = retries.of(a.id()).filter(p -> p.reason() == ApplyRetries.Reason.ADOPTED);
            if (!mismatches.isEmpty() && adopted.isPresent() && after != null
                    && after.fingerprint().equals(a.preview().fingerprint())) {
                // the operation found after a lost answer was someone else's (a backup, maintenance)
                store.update(a.id(), ActionStatus.RUNNING, columns("operation_id", null));
                sender.retryLater(a, adopted.get().attempts(), adopted.get().firstAt(), ApplyRetries.Reason.RESEND,
                        "Operation " + a.operationId() + " ended without this change: it was not this change's, which"
                        + " was never accepted", "The change was never accepted and the time to retry it is up;"
                        + " nothing was changed.", true);
                return;
            }
            finish(a, mismatches.isEmpty() ? ActionStatus.SUCCEEDED : ActionStatus.FAILED, mismatches.isEmpty()
                    ? "Verified: the re-read state equals the desired state."
                    : "Verification failed: " + String.join("; ", mismatches) + ".", after, SystemActor.NAME, true);
        } else if (overdue) {
            finish(a, ActionStatus.FAILED, "Operation " + a.operationId() + " did not finish within "
                    + properties.operationTimeout() + "; outcome unknown: check the resource before retrying. The"
                    + " resource stays locked until the operation ends.", readQuietly(a), SystemActor.NAME, false);
        } else if (status.progressPercent() != a.progress()) {
            progress(a, status);
        }
    }

    private void progress(ActionRecord a, OperationStatus status) {
        tx.executeWithoutResult(s -> {
            if (!store.update(a.id(), ActionStatus.RUNNING, columns("progress", status.progressPercent()))) {
                return;
            }
            for (int m : MILESTONES) {
                if (a.progress() < m && status.progressPercent() >= m) {
                    journal.step(a, SystemActor.NAME, "progress", m + " % — " + status.message(), null, null);
                }
            }
            journal.changed(a.id(), ActionStatus.RUNNING, status.progressPercent(), status.message());
        });
    }

    ActionRecord finish(ActionRecord a, ActionStatus outcome, String message, @Nullable ResourceState after, String actor) {
        return finish(a, outcome, message, after, actor, true);
    }

    private ActionRecord finishSteps(ActionRecord a, ActionStatus outcome, String message, @Nullable ResourceState after,
                                     String actor, boolean releaseLocks) {
        return finish(a, outcome, message, after, actor, releaseLocks);
    }

    /** Ends the action; {@code releaseLock} false keeps the resource locked until it is known to be idle. */
    private ActionRecord finish(ActionRecord a, ActionStatus outcome, String message, @Nullable ResourceState after,
                                String actor, boolean releaseLock) {
        ActionRecord done = record(a, outcome, message, after, actor, releaseLock);
        if (done.id() == a.id() && done.status() == outcome && done.finishedAt() != null) {
            taskTicks.finished(done);
            if (done.status() == ActionStatus.SUCCEEDED && done.rollbackOf() != null) {
                store.find(done.rollbackOf()).ifPresent(taskTicks::rolledBack);
            }
        }
        return done;
    }

    private ActionRecord record(ActionRecord a, ActionStatus outcome, String message, @Nullable ResourceState after, String actor,
                                boolean releaseLock) {
        return tx.execute(s -> {
            Map<String, String> afterAttrs = after == null ? null : after.attributes();
            Instant now = clock.instant();
            boolean startWatch = outcome == ActionStatus.SUCCEEDED && a.watchMinutes() > 0;
            if (!store.update(a.id(), ActionStatus.RUNNING, columns("status", outcome, "result_message", message,
                    "finished_at", now, "progress", outcome == ActionStatus.SUCCEEDED ? 100 : a.progress(),
                    "after_state", afterAttrs == null ? null : ActionStore.json(afterAttrs),
                    "watch_until", startWatch ? now.plus(Duration.ofMinutes(a.watchMinutes())) : null))) {
                return store.find(a.id()).orElseThrow(); // finished by someone else meanwhile
            }
            retries.clear(a.id());
            if (releaseLock) {
                store.unlock(a.resource(), a.id());
                store.unlockAll(a.id()); // a stepped action also holds its touched resources' locks
            }
            ActionRecord done = store.find(a.id()).orElseThrow();
            journal.step(done, actor, outcome == ActionStatus.SUCCEEDED ? "succeeded" : "failed", message, a.beforeState(), afterAttrs);
            journal.changed(a.id(), outcome, done.progress(), message);
            if (outcome == ActionStatus.SUCCEEDED && a.rollbackOf() != null) {
                store.find(a.rollbackOf()).ifPresent(original -> {
                    if (store.update(original.id(), ActionStatus.SUCCEEDED, columns("status", ActionStatus.ROLLED_BACK))) {
                        journal.step(original, actor, "rolled-back", "Rolled back by action #" + a.id() + ".",
                                original.afterState(), afterAttrs);
                        journal.changed(original.id(), ActionStatus.ROLLED_BACK, 100, "rolled back");
                    }
                });
            }
            return done;
        });
    }

    private @Nullable ResourceState readQuietly(ActionRecord a) {
        return Quietly.read(gateway, a);
    }

    /** Releases a kept lock by hand (see {@link KeptLocks#releaseLock}). */
    ActionRecord releaseLock(long id, String actor, String reason) {
        return locks.releaseLock(id, actor, reason);
    }

    boolean holdsLock(long id) {
        return locks.holdsLock(id);
    }

    void releaseIdleLocks() {
        locks.releaseIdleLocks();
    }
}
