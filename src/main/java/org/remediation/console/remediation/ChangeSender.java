package org.remediation.console.remediation;

import static org.remediation.console.remediation.ActionStore.columns;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.remediation.console.base.identity.SystemActor;
import org.remediation.console.cloud.CloudException;
import org.remediation.console.cloud.CloudGateway;
import org.remediation.console.cloud.OperationHandle;
import org.remediation.console.cloud.OperationStatus;
import org.remediation.console.cloud.ResourceState;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends an action's change and is the one retry layer for changes: "not now" answers wait with
 * backoff (stored in {@link ApplyRetries}), a lost answer is settled by looking for the operation it
 * may have started before anything is decided. Split out of {@link ActionExecutor}, which tracks.
 */
final class ChangeSender {

    private final ActionCatalog catalog;
    private final CloudGateway gateway;
    private final ActionStore store;
    private final ActionJournal journal;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final ApplyRetries retries;
    private final RemediationProperties properties;
    private final StepRunner steps;
    private final Sendings applying;
    private final StepRunner.Finisher finisher;

    ChangeSender(ActionCatalog catalog, CloudGateway gateway, ActionStore store, ActionJournal journal, Clock clock,
                 TransactionTemplate tx, ApplyRetries retries, RemediationProperties properties, StepRunner steps,
                 Sendings applying, StepRunner.Finisher finisher) {
        this.catalog = catalog;
        this.gateway = gateway;
        this.store = store;
        this.journal = journal;
        this.clock = clock;
        this.tx = tx;
        this.retries = retries;
        this.properties = properties;
        this.steps = steps;
        this.applying = applying;
        this.finisher = finisher;
    }

    /**
     * Sends the change once and acts on the answer. This is the one retry layer for changes (the
     * adapters send each change exactly once): "not now" is retried later with backoff, and a lost
     * answer is settled by looking for the operation it may have started before anything is decided.
     */
    ActionRecord send(ActionRecord a, int attempt, Instant firstAt, String actor) {
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
                        + e.getMessage() + ").", false) : finisher.finish(a, ActionStatus.FAILED, "The cloud refused the change ("
                        + e.kind() + "): " + e.getMessage(), Quietly.read(gateway, a), actor, true);
                default -> finisher.finish(a, ActionStatus.FAILED, "The cloud refused the change (" + e.kind() + "): "
                        + e.getMessage(), Quietly.read(gateway, a), actor, true);
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
        String blocker = busy ? Quietly.running(gateway, a).flatMap(o -> o).map(OperationStatus::message).orElse(e.getMessage())
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
    ActionRecord reconcile(ActionRecord a, int attempt, Instant firstAt, String why, boolean resendIfUnchanged) {
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
            return finisher.finish(a, ActionStatus.SUCCEEDED, why + " No operation is running and the re-read resource shows the"
                    + " change in place.", live, SystemActor.NAME, true);
        }
        if (!live.fingerprint().equals(a.preview().fingerprint())) {
            return finisher.finish(a, ActionStatus.FAILED, why + " No operation is running, but the resource now reads "
                    + live.attributes() + ", neither as previewed nor as desired: outcome unknown. Check it and preview"
                    + " again.", live, SystemActor.NAME, true);
        }
        if (!resendIfUnchanged) {
            return finisher.finish(a, ActionStatus.FAILED, why + " No operation is running and the resource is unchanged: the"
                    + " change was not made.", live, SystemActor.NAME, true);
        }
        return retryLater(a, attempt, firstAt, ApplyRetries.Reason.RESEND, why + " No operation is running and the"
                + " resource is unchanged, so the change was not accepted", why + " The change was never accepted and"
                + " the time to retry it is up; nothing was changed.", true);
    }

    /** Schedules the next sending or check with backoff, within {@code console.remediation.busy-wait}. */
    ActionRecord retryLater(ActionRecord a, int attempt, Instant firstAt, ApplyRetries.Reason reason,
                                    String waiting, String giveUp, boolean idleWhenGivingUp) {
        Instant now = clock.instant();
        Duration pause = pause(attempt);
        if (store.find(a.id()).map(r -> r.status() != ActionStatus.RUNNING).orElse(true)) {
            return store.find(a.id()).orElseThrow(); // closed meanwhile (another tracker): nothing to schedule
        }
        if (now.plus(pause).isAfter(firstAt.plus(properties.busyWait()))) {
            return finisher.finish(a, ActionStatus.FAILED, giveUp, Quietly.read(gateway, a), SystemActor.NAME, idleWhenGivingUp);
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
    void resume(ActionRecord a, ApplyRetries.Pending pending) {
        Instant now = clock.instant();
        if (pending.retryAt() == null || now.isBefore(pending.retryAt())
                || !retries.claim(pending, now.plus(ActionExecutor.APPLY_GRACE))) {
            return;
        }
        if (!applying.start(a.id())) {
            return;
        }
        try {
            if (pending.reason() == ApplyRetries.Reason.RESEND) {
                send(a, pending.attempts() + 1, pending.firstAt(), SystemActor.NAME);
            } else if (pending.attempts() == 0) {
                // the first sending's lease ran out: its process died (or stalled) before storing an answer
                reconcile(a, 1, pending.firstAt(), "The sending did not report back within " + ActionExecutor.APPLY_GRACE.toMinutes()
                        + " minutes (the console stopped or stalled).", false);
            } else {
                reconcile(a, pending.attempts(), pending.firstAt(), "Checking again whether the change was accepted.",
                        true);
            }
        } finally {
            applying.end(a.id());
        }
    }
}
