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
        int pollsLeft;
        boolean done;

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
