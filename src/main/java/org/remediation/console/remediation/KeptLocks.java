package org.remediation.console.remediation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.remediation.console.base.identity.SystemActor;
import org.remediation.console.cloud.CloudException;
import org.remediation.console.cloud.CloudGateway;
import org.remediation.console.cloud.OperationStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Resource locks that outlive their action: kept while the provider still lists an operation on
 * the resource, released once it is idle (checked every {@link #IDLE_CHECK}) or by a commander by
 * hand; and the refusal a second action gets while one is held.
 */
final class KeptLocks {

    /** How often a lock kept by a finished action is checked against the provider's running operations. */
    static final Duration IDLE_CHECK = Duration.ofSeconds(15);

    private final CloudGateway gateway;
    private final ActionStore store;
    private final ActionJournal journal;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final Map<Long, Instant> nextIdleCheck = new ConcurrentHashMap<>();

    KeptLocks(CloudGateway gateway, ActionStore store, ActionJournal journal, Clock clock, TransactionTemplate tx) {
        this.gateway = gateway;
        this.store = store;
        this.journal = journal;
        this.clock = clock;
        this.tx = tx;
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

    ActionRefusedException busy(ActionRecord a, long holder) {
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
}
