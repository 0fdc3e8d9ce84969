package org.remediation.console.cloud.gcp.fake;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Long-running operations of one fake: each is running when created and finishes on its
 * {@code pollsUntilDone}-th poll, when its effect is applied to the fake's state (or it ends in the
 * error armed with {@link #failNext}).
 */
final class PendingOperations {

    static final class Op {
        final String name;
        final Runnable effect;
        final @Nullable String error;
        /** The resource the operation changes (full name), "" when not recorded. */
        String target = "";
        /** The operation's type as the API reports it, e.g. UPDATE or BACKUP_VOLUME. */
        String type = "UPDATE";
        final long startedNanos = System.nanoTime();
        int pollsLeft;
        volatile boolean done;

        Op(String name, Runnable effect, @Nullable String error, int polls) {
            this.name = name;
            this.effect = effect;
            this.error = error;
            this.pollsLeft = polls;
        }
    }

    private final Map<String, Op> ops = new ConcurrentHashMap<>();
    private final AtomicInteger sequence = new AtomicInteger();
    private volatile int pollsUntilDone = 2;
    private volatile @Nullable String failNext;
    /** Runs when an operation fails, to put the resource back into a steady state. */
    private final Map<String, Runnable> onFailure = new ConcurrentHashMap<>();

    String nextId() {
        return "operation-" + System.nanoTime() + "-" + sequence.incrementAndGet();
    }

    Op start(String name, Runnable effect, Runnable whenFailed) {
        String error = failNext;
        failNext = null;
        Op op = new Op(name, effect, error, pollsUntilDone);
        ops.put(name, op);
        onFailure.put(name, whenFailed);
        return op;
    }

    /** Like {@link #start(String, Runnable, Runnable)}, recording the resource it changes. */
    Op start(String name, String target, String type, Runnable effect, Runnable whenFailed) {
        Op op = start(name, effect, whenFailed);
        op.target = target;
        op.type = type;
        return op;
    }

    /**
     * An operation Google runs on its own (a backup, maintenance): it stays running, whoever polls
     * it, until {@link #finish} ends it.
     */
    Op external(String name, String target, String type) {
        Op op = start(name, target, type, () -> { }, () -> { });
        op.pollsLeft = Integer.MAX_VALUE;
        return op;
    }

    /** Ends an operation now (its effect applied). */
    synchronized void finish(String name) {
        Op op = ops.get(name);
        if (op != null && !op.done) {
            op.done = true;
            op.effect.run();
        }
    }

    /** Unfinished operations on {@code target}, newest first (as the APIs list them). */
    java.util.List<Op> running(String target) {
        return ops.values().stream().filter(o -> !o.done && o.target.equals(target))
                .sorted(java.util.Comparator.comparingLong((Op o) -> o.startedNanos).reversed()).toList();
    }

    /** Every operation, done or not. */
    java.util.Collection<Op> all() {
        return ops.values();
    }

    /** The operation as it is, without advancing it; null when unknown. */
    @Nullable Op peek(String name) {
        return ops.get(name);
    }

    /** Advances the operation by one poll; null when unknown. */
    synchronized @Nullable Op poll(String name) {
        Op op = ops.get(name);
        if (op == null || op.done) {
            return op;
        }
        if (--op.pollsLeft <= 0) {
            op.done = true;
            if (op.error == null) {
                op.effect.run();
            } else {
                onFailure.getOrDefault(name, () -> { }).run();
            }
        }
        return op;
    }

    void failNext(String message) {
        failNext = message;
    }

    void pollsUntilDone(int polls) {
        pollsUntilDone = polls;
    }
}
