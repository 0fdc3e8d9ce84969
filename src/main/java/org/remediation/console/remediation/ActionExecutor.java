package org.remediation.console.remediation;

import org.remediation.console.base.identity.SystemActor;
import static org.remediation.console.remediation.ActionStore.columns;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
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
    /** How often a lock kept by a finished action is checked against the provider's running operations. */
    static final Duration IDLE_CHECK = Duration.ofSeconds(15);
    private final Map<Long, Instant> nextIdleCheck = new ConcurrentHashMap<>();
    /** Actions whose apply call is in progress in this process (their operation id is not stored yet). */
    private final Set<Long> applying = ConcurrentHashMap.newKeySet();
    /** Moves stepped actions (connector-replace) from one step's operation to the next. */
    private final StepRunner steps;

    ActionExecutor(ActionCatalog catalog, CloudGateway gateway, ActionStore store, ActionJournal journal,
                   ActionRequests requests, Clock clock, RemediationProperties properties, PlatformTransactionManager txm, WatchWindow watch,
                   TaskTicks taskTicks, ApplyRetries retries) {
        this.retries = retries;
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
    }

    ActionRecord execute(long id, String actor) {
        applying.add(id);
        try {
            ActionRecord started = tx.execute(s -> begin(id, actor)).orThrow();
            return send(started, 1, started.startedAt() == null ? clock.instant() : started.startedAt(), actor);
        } finally {
            applying.remove(id);
        }
    }

    /**
     * Sends the change once and acts on the answer. This is the one retry layer for changes (the
     * adapters send each change exactly once): "not now" is retried later with backoff, and a lost
     * answer is settled by looking for the operation it may have started before anything is decided.
     */
    private ActionRecord send(ActionRecord a, int attempt, Instant firstAt, String actor) {
        OperationHandle handle;
        try {
            handle = catalog.get(a.kind()).apply(gateway, a.preview(), requestId(a));
        } catch (CloudException e) {
            if (catalog.get(a.kind()) instanceof SteppedAction stepped && steps.defer(a, stepped, 0, e)) {
                return store.find(a.id()).orElseThrow(); // the step runner looks at the resources and carries on
            }
            return switch (e.kind()) {
                // the adapters send a change once and call an unclear answer OUTCOME_UNKNOWN, so these
                // came before anything was sent (busy, rate limited, or the pre-read failed)
                case BUSY, RATE_LIMITED, UNAVAILABLE, INTERNAL_ERROR, DEADLINE_EXCEEDED -> notNow(a, attempt, firstAt, e);
                case OUTCOME_UNKNOWN -> reconcile(a, attempt, firstAt, e.getMessage(), true);
                // a later sending that finds the resource moved: maybe by an earlier sending of ours
                case CONFLICT -> attempt > 1 ? reconcile(a, attempt, firstAt, "The resource changed between sendings ("
                        + e.getMessage() + ").", false) : finish(a, ActionStatus.FAILED, "The cloud refused the change ("
                        + e.kind() + "): " + e.getMessage(), readQuietly(a), actor, true);
                default -> finish(a, ActionStatus.FAILED, "The cloud refused the change (" + e.kind() + "): "
                        + e.getMessage(), readQuietly(a), actor, true);
            };
        }
        return accepted(a, handle.id(), "Cloud operation " + handle.id() + " accepted"
                + (attempt > 1 ? " (sending " + attempt + ")." : "."), actor);
    }

    /** Stable per action, so a re-sent change carries the request id of the first sending. */
    static String requestId(ActionRecord a) {
        return UUID.nameUUIDFromBytes(("remediation-action/" + a.id() + "/" + a.requestedAt() + "/"
                + a.preview().fingerprint()).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private ActionRecord accepted(ActionRecord a, String operationId, String message, String actor) {
        return accepted(a, operationId, message, actor, false, 0, clock.instant());
    }

    /** Stores the operation to track; {@code adopted}: found by listing, so it may not be this change's. */
    private ActionRecord accepted(ActionRecord a, String operationId, String message, String actor, boolean adopted,
                                  int attempts, Instant firstAt) {
        return tx.execute(s -> {
            retries.clear(a.id());
            if (!store.update(a.id(), ActionStatus.RUNNING, columns("operation_id", operationId))) {
                // Closed elsewhere while this sending was under way; the operation runs all the same.
                store.tryLock(a.resource(), a.id(), clock.instant());
                journal.step(a, SystemActor.NAME, "late-operation", "The cloud accepted this change (operation "
                        + operationId + ") after the action had been closed. " + a.resource() + " stays locked until no"
                        + " operation runs on it; check the resource.", null, null);
                return store.find(a.id()).orElseThrow();
            }
            if (adopted) {
                retries.markAdopted(a.id(), attempts, firstAt);
            }
            store.addStep(new ActionStep(a.id(), clock.instant(), actor, "operation", message));
            journal.changed(a.id(), ActionStatus.RUNNING, a.progress(), "operation accepted");
            return store.find(a.id()).orElseThrow();
        });
    }

    /** The cloud said "not now" (busy, rate limited): nothing was changed. Wait, bounded; then fail naming the blocker. */
    private ActionRecord notNow(ActionRecord a, int attempt, Instant firstAt, CloudException e) {
        boolean busy = e.kind() == CloudException.Kind.BUSY;
        boolean limited = e.kind() == CloudException.Kind.RATE_LIMITED;
        String blocker = busy ? runningQuietly(a).flatMap(o -> o).map(OperationStatus::message).orElse(e.getMessage())
                : e.getMessage();
        String waiting = busy ? "Busy: " + blocker : limited ? "Rate limited: " + blocker
                : "Nothing was sent: the resource could not be read first (" + blocker + ")";
        String giveUp = (busy ? "The resource stayed busy" : limited ? "The cloud kept refusing the change as rate limited"
                : "The resource could not be read before sending")
                + " for " + org.remediation.console.base.HumanTime.duration(Duration.between(firstAt, clock.instant())) + " (" + attempt
                + (attempt == 1 ? " attempt): " : " attempts): ") + blocker
                + ". Nothing was changed; run the action again when that has finished.";
        return retryLater(a, attempt, firstAt, ApplyRetries.Reason.RESEND, waiting, giveUp, true);
    }

    /**
     * A change whose answer was lost (or whose answer the console did not store before it stopped):
     * look for an operation on the resource first, then at the resource itself.
     */
    private ActionRecord reconcile(ActionRecord a, int attempt, Instant firstAt, String why, boolean resendIfUnchanged) {
        Optional<OperationStatus> running;
        ResourceState live = null;
        try {
            running = gateway.runningOperation(a.resource());
            if (running.isEmpty()) {
                live = gateway.read(a.resource());
            }
        } catch (CloudException e) {
            return retryLater(a, attempt, firstAt, ApplyRetries.Reason.RECHECK, why + " The console cannot check the"
                    + " resource yet (" + e.getMessage() + ")", why + " The resource could not be checked since ("
                    + e.getMessage() + "); outcome unknown. It stays locked until it is known to be idle.", false);
        }
        if (running.isPresent()) {
            return accepted(a, running.get().id(), why + " Found " + running.get().message()
                    + " on the resource: tracking it.", SystemActor.NAME, true, attempt, firstAt);
        }
        if (catalog.get(a.kind()).verify(live, a.desired()).isEmpty()) {
            return finish(a, ActionStatus.SUCCEEDED, why + " No operation is running and the re-read resource shows the"
                    + " change in place.", live, SystemActor.NAME, true);
        }
        if (!live.fingerprint().equals(a.preview().fingerprint())) {
            return finish(a, ActionStatus.FAILED, why + " No operation is running, but the resource now reads "
                    + live.attributes() + ", neither as previewed nor as desired: outcome unknown. Check it and preview"
                    + " again.", live, SystemActor.NAME, true);
        }
        if (!resendIfUnchanged) {
            return finish(a, ActionStatus.FAILED, why + " No operation is running and the resource is unchanged: the"
                    + " change was not made.", live, SystemActor.NAME, true);
        }
        return retryLater(a, attempt, firstAt, ApplyRetries.Reason.RESEND, why + " No operation is running and the"
                + " resource is unchanged, so the change was not accepted", why + " The change was never accepted and"
                + " the time to retry it is up; nothing was changed.", true);
    }

    /** Schedules the next sending or check with backoff, within {@code console.remediation.busy-wait}. */
    private ActionRecord retryLater(ActionRecord a, int attempt, Instant firstAt, ApplyRetries.Reason reason,
                                    String waiting, String giveUp, boolean idleWhenGivingUp) {
        Instant now = clock.instant();
        Duration pause = pause(attempt);
        if (store.find(a.id()).map(r -> r.status() != ActionStatus.RUNNING).orElse(true)) {
            return store.find(a.id()).orElseThrow(); // closed meanwhile (another tracker): nothing to schedule
        }
        if (now.plus(pause).isAfter(firstAt.plus(properties.busyWait()))) {
            return finish(a, ActionStatus.FAILED, giveUp, readQuietly(a), SystemActor.NAME, idleWhenGivingUp);
        }
        String message = waiting + " — " + (reason == ApplyRetries.Reason.RESEND ? "retrying" : "checking again")
                + " in " + pause.toSeconds() + " s.";
        return tx.execute(s -> {
            retries.schedule(a.id(), attempt, now.plus(pause), reason, firstAt);
            journal.step(a, SystemActor.NAME, "waiting", message, null, null);
            journal.changed(a.id(), ActionStatus.RUNNING, a.progress(), message);
            return store.find(a.id()).orElseThrow();
        });
    }

    /** 5 s, 10 s, 20 s, 40 s, then every 60 s. */
    static Duration pause(int attempt) {
        return Duration.ofSeconds(Math.min(60, 5L << Math.min(4, Math.max(0, attempt - 1))));
    }

    /** Takes a due retry (once across replicas) and sends again or looks again. */
    private void resume(ActionRecord a, ApplyRetries.Pending pending) {
        Instant now = clock.instant();
        if (pending.retryAt() == null || now.isBefore(pending.retryAt())
                || !retries.claim(pending, now.plus(APPLY_GRACE))) {
            return;
        }
        applying.add(a.id());
        try {
            if (pending.reason() == ApplyRetries.Reason.RESEND) {
                send(a, pending.attempts() + 1, pending.firstAt(), SystemActor.NAME);
            } else if (pending.attempts() == 0) {
                // the first sending's lease ran out: its process died (or stalled) before storing an answer
                reconcile(a, 1, pending.firstAt(), "The sending did not report back within " + APPLY_GRACE.toMinutes()
                        + " minutes (the console stopped or stalled).", false);
            } else {
                reconcile(a, pending.attempts(), pending.firstAt(), "Checking again whether the change was accepted.",
                        true);
            }
        } finally {
            applying.remove(a.id());
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
                throw busy(a, store.lockHolder(ref).orElse(-1L));
            }
        }
        return null;
    }


    /**
     * Releases by hand a lock that a finished action kept because the provider could not say whether
     * an operation still runs (e.g. listing operations is not permitted). Audited with the reason.
     */
    ActionRecord releaseLock(long id, String actor, String reason) {
        if (reason.isBlank()) {
            throw new org.remediation.console.base.InvalidInputException("reason",
                    "Say why the lock may go (e.g. 'checked in the Cloud Console: no operation running').");
        }
        return tx.execute(s -> {
            ActionRecord a = store.lock(id).orElseThrow(() -> ActionRequests.notFound(id));
            if (a.status() == ActionStatus.RUNNING) {
                throw new ActionRefusedException("Action #" + id + " is still running; its lock goes when it ends.");
            }
            if (!store.holdsAnyLock(id)) {
                throw new ActionRefusedException("Action #" + id + " holds no lock on " + a.resource() + ".");
            }
            store.unlockAll(id); // a stepped action holds one per touched resource
            journal.step(a, actor, "unlocked", "Lock on " + a.resource() + " released by " + actor + ": " + reason.trim(),
                    null, null);
            return store.find(id).orElseThrow();
        });
    }

    boolean holdsLock(long id) {
        return store.holdsAnyLock(id);
    }

    private ActionRefusedException busy(ActionRecord a, long holder) {
        ActionRecord other = store.find(holder).orElse(null);
        if (other != null && other.status() != ActionStatus.RUNNING) {
            return new ActionRefusedException(a.resource() + " is still locked by action #" + holder + ", which has ended"
                    + " while an operation it started may still run there. The lock goes once the cloud lists no operation"
                    + " on the resource (checked every " + IDLE_CHECK.toSeconds() + " s); a COMMANDER can release it on"
                    + " action #" + holder + " after checking.");
        }
        return busyRunning(a, holder);
    }

    private static ActionRefusedException busyRunning(ActionRecord a, long holder) {
        return new ActionRefusedException(a.resource() + " is busy: action #" + holder + " is already changing it. "
                + "Only one action may run on a resource at a time; wait until it finishes, then preview #" + a.id() + " again.");
    }

    /** Polls one running action and moves it on; safe to call repeatedly, from any replica, after restarts. */
    void track(ActionRecord snapshot) {
        if (snapshot.status() != ActionStatus.RUNNING || applying.contains(snapshot.id())) {
            return;
        }
        // decide on the row as it is now, not on the pass's snapshot (another replica may have moved it)
        ActionRecord a = store.find(snapshot.id()).orElse(null);
        if (a == null || a.status() != ActionStatus.RUNNING) {
            return;
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
                resume(a, pending.get());
            } else if (elapsed.compareTo(APPLY_GRACE) >= 0) {
                // The console stopped between taking the lock and storing the cloud's answer.
                applying.add(a.id());
                try {
                    reconcile(a, 1, a.startedAt() == null ? clock.instant() : a.startedAt(),
                            "The console stopped before it stored the cloud's answer.", false);
                } finally {
                    applying.remove(a.id());
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
                boolean idle = !isStepped && runningQuietly(a).map(Optional::isEmpty).orElse(false);
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
                retryLater(a, adopted.get().attempts(), adopted.get().firstAt(), ApplyRetries.Reason.RESEND,
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

    /**
     * Releases the locks that finished actions kept because an operation was still running on their
     * resource, once the provider lists none there.
     */
    void releaseIdleLocks() {
        Instant now = clock.instant();
        List<ActionStore.HeldLock> heldLocks = store.locksOfFinishedActions();
        nextIdleCheck.keySet().retainAll(heldLocks.stream().map(ActionStore.HeldLock::actionId).toList());
        for (ActionStore.HeldLock held : heldLocks) {
            // one list call per held lock every IDLE_CHECK, not per tracker tick (API quotas)
            Instant due = nextIdleCheck.getOrDefault(held.actionId(), now);
            if (now.isBefore(due)) {
                continue;
            }
            nextIdleCheck.put(held.actionId(), now.plus(IDLE_CHECK));
            Optional<OperationStatus> running;
            try {
                running = gateway.runningOperation(held.resource());
            } catch (CloudException e) {
                continue; // unknown: keep the lock
            }
            if (running.isEmpty()) {
                nextIdleCheck.remove(held.actionId());
                tx.executeWithoutResult(s -> {
                    store.unlock(held.resource(), held.actionId());
                    store.find(held.actionId()).ifPresent(done -> journal.step(done, SystemActor.NAME, "unlocked",
                            "No operation runs on " + held.resource() + " any more; its lock is released.", null, null));
                });
            }
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

    /** The operation running on the action's resource; empty when the provider could not be asked. */
    private Optional<Optional<OperationStatus>> runningQuietly(ActionRecord a) {
        try {
            return Optional.of(gateway.runningOperation(a.resource()));
        } catch (CloudException e) {
            return Optional.empty();
        }
    }

    private @Nullable ResourceState readQuietly(ActionRecord a) {
        try {
            return gateway.read(a.resource());
        } catch (CloudException e) {
            return null;
        }
    }
}
