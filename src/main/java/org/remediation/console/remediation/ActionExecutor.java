package org.remediation.console.remediation;

import org.remediation.console.base.identity.SystemActor;
import static org.remediation.console.remediation.ActionStore.columns;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
 * action started before a restart is reconciled by the same code.
 */
@Component
class ActionExecutor {

    private static final int[] MILESTONES = {25, 50, 75};
    /** How long an apply call may take before an action without an operation id is reconciled. */
    static final Duration APPLY_GRACE = Duration.ofMinutes(2);

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
    /** Actions whose apply call is in progress in this process (their operation id is not stored yet). */
    private final Set<Long> applying = ConcurrentHashMap.newKeySet();
    /** Moves stepped actions (connector-replace) from one step's operation to the next. */
    private final StepRunner steps;

    ActionExecutor(ActionCatalog catalog, CloudGateway gateway, ActionStore store, ActionJournal journal,
                   ActionRequests requests, Clock clock, RemediationProperties properties, PlatformTransactionManager txm, WatchWindow watch,
                   TaskTicks taskTicks) {
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
        this.steps = new StepRunner(gateway, store, journal, clock, tx, applying, this::finish);
    }

    ActionRecord execute(long id, String actor) {
        applying.add(id);
        try {
            ActionRecord started = tx.execute(s -> begin(id, actor)).orThrow();
            OperationHandle handle;
            try {
                handle = applyWithRetry(started);
            } catch (CloudException e) {
                return finish(started, ActionStatus.FAILED, "The cloud refused the change (" + e.kind()
                        + (e.kind().retryable() ? ", after 3 attempts" : "") + "): " + e.getMessage(),
                        readQuietly(started), actor);
            }
            return tx.execute(s -> {
                store.update(id, ActionStatus.RUNNING, columns("operation_id", handle.id()));
                ActionRecord r = store.find(id).orElseThrow();
                store.addStep(new ActionStep(id, clock.instant(), actor, "operation", "Cloud operation " + handle.id() + " accepted."));
                journal.changed(id, ActionStatus.RUNNING, 0, "operation accepted");
                return r;
            });
        } finally {
            applying.remove(id);
        }
    }

    /** Retries refusals that mean "not now" (rate limited, unavailable) with backoff; they changed nothing. */
    private OperationHandle applyWithRetry(ActionRecord a) {
        long backoff = 500;
        for (int attempt = 1; ; attempt++) {
            try {
                return catalog.get(a.kind()).apply(gateway, a.preview());
            } catch (CloudException e) {
                if (!e.kind().retryable() || attempt == 3) {
                    throw e;
                }
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                backoff *= 2;
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
            throw busy(a, holder);
        });
        ResourceState live = gateway.read(a.resource());
        if (!live.fingerprint().equals(a.preview().fingerprint())) {
            requests.markStale(a, actor, live);
            return ActionRequests.Outcome.refused(ActionRequests.staleMessage(a));
        }
        if (!store.tryLock(a.resource(), id, now)) {
            throw busy(a, store.lockHolder(a.resource()).orElse(-1L));
        }
        if (catalog.get(a.kind()) instanceof SteppedAction stepped) {
            ActionRequests.Outcome refused = lockTouched(a, stepped, live, now); // every resource the steps change, for the whole sequence
            if (refused != null) {
                return refused;
            }
        }
        store.update(id, ActionStatus.READY, columns("status", ActionStatus.RUNNING, "started_at", now, "progress", 0,
                "watch_baseline", a.watchMinutes() > 0 ? ActionStore.json(watch.levels(a.watchSignals())) : null));
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
                throw busy(a, store.lockHolder(ref).orElse(-1L));
            }
        }
        return null;
    }

    private static ActionRefusedException busy(ActionRecord a, long holder) {
        return new ActionRefusedException(a.resource() + " is busy: action #" + holder + " is already changing it. "
                + "Only one action may run on a resource at a time; wait until it finishes, then preview #" + a.id() + " again.");
    }

    /** Polls one running action and moves it on; safe to call repeatedly, from any replica, after restarts. */
    void track(ActionRecord a) {
        if (a.status() != ActionStatus.RUNNING || applying.contains(a.id())) {
            return;
        }
        Duration elapsed = Duration.between(a.startedAt() == null ? clock.instant() : a.startedAt(), clock.instant());
        boolean overdue = elapsed.compareTo(properties.operationTimeout()) > 0;
        if (a.operationId() == null && catalog.get(a.kind()) instanceof SteppedAction stepped) {
            steps.resume(a, stepped); // between two steps, or a crash before a step's operation id was stored
            return;
        }
        if (a.operationId() == null) {
            if (elapsed.compareTo(APPLY_GRACE) < 0) {
                return; // another replica (or this one) may still be waiting for the cloud's answer
            }
            // The console stopped between taking the lock and storing the cloud's answer.
            ResourceState live = readQuietly(a);
            boolean inPlace = live != null && catalog.get(a.kind()).verify(live, a.desired()).isEmpty();
            finish(a, inPlace ? ActionStatus.SUCCEEDED : ActionStatus.FAILED, inPlace
                    ? "Reconciled after a restart: the change is in place."
                    : "The console stopped before the cloud accepted the change; the resource was not changed.", live, SystemActor.NAME);
            return;
        }
        OperationStatus status;
        try {
            status = gateway.poll(new OperationHandle(a.operationId(), a.resource(), a.startedAt()));
        } catch (CloudException e) {
            if (overdue || e.kind() == CloudException.Kind.NOT_FOUND) {
                finish(a, ActionStatus.FAILED, "Lost track of operation " + a.operationId() + " (" + e.getMessage()
                        + "); outcome unknown: check the resource before retrying.", readQuietly(a), SystemActor.NAME);
            }
            return;
        }
        if (status.failed()) {
            finish(a, ActionStatus.FAILED, "The cloud operation failed: " + status.error(), readQuietly(a), SystemActor.NAME);
        } else if (status.succeeded() && catalog.get(a.kind()) instanceof SteppedAction stepped) {
            steps.operationSucceeded(a, stepped);
        } else if (status.succeeded()) {
            ResourceState after = readQuietly(a);
            List<String> mismatches = after == null ? List.of("the resource could not be re-read")
                    : catalog.get(a.kind()).verify(after, a.desired());
            finish(a, mismatches.isEmpty() ? ActionStatus.SUCCEEDED : ActionStatus.FAILED, mismatches.isEmpty()
                    ? "Verified: the re-read state equals the desired state."
                    : "Verification failed: " + String.join("; ", mismatches) + ".", after, SystemActor.NAME);
        } else if (overdue) {
            finish(a, ActionStatus.FAILED, "Operation " + a.operationId() + " did not finish within "
                    + properties.operationTimeout() + "; outcome unknown: check the resource before retrying.", readQuietly(a), SystemActor.NAME);
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
        ActionRecord done = record(a, outcome, message, after, actor);
        if (done.id() == a.id() && done.status() == outcome && done.finishedAt() != null) {
            taskTicks.finished(done);
            if (done.status() == ActionStatus.SUCCEEDED && done.rollbackOf() != null) {
                store.find(done.rollbackOf()).ifPresent(taskTicks::rolledBack);
            }
        }
        return done;
    }

    private ActionRecord record(ActionRecord a, ActionStatus outcome, String message, @Nullable ResourceState after, String actor) {
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
            store.unlock(a.resource(), a.id());
            store.unlockAll(a.id()); // a stepped action also holds its touched resources' locks
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
        try {
            return gateway.read(a.resource());
        } catch (CloudException e) {
            return null;
        }
    }
}
