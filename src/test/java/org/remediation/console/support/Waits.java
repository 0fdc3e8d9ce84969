package org.remediation.console.support;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Bounded waits for tests: a latch or a future that never completes fails the test with a message
 * naming what did not happen, instead of hanging the build.
 */
public final class Waits {

    /** How long a test waits for something that takes milliseconds; used up only when it never happens. */
    public static final Duration PATIENCE = Duration.ofSeconds(30);

    private Waits() {
    }

    /** Waits up to {@link #PATIENCE} for {@code latch}; fails naming {@code what} did not happen. */
    public static void await(CountDownLatch latch, String what) throws InterruptedException {
        await(latch, PATIENCE, what);
    }

    public static void await(CountDownLatch latch, Duration patience, String what) throws InterruptedException {
        if (!latch.await(patience.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("Waited " + patience.toSeconds() + " s for: " + what + " (" + latch.getCount()
                    + " of its counts still open)");
        }
    }

    /**
     * Holds a worker (a probe run, a posted update, a simulated call) until the test releases it (tests
     * release in a finally block), or at most twice {@link #PATIENCE}: longer than any bounded wait, so
     * that wait fails first with its own message, and still no thread is parked for ever (nor an
     * executor's close() waiting for it).
     */
    public static void hold(CountDownLatch release) {
        try {
            release.await(PATIENCE.multipliedBy(2).toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The future's value, waiting up to {@link #PATIENCE}; fails naming {@code what} did not finish. */
    public static <T> T get(Future<T> future, String what) throws InterruptedException, ExecutionException {
        try {
            return future.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new AssertionError("Waited " + PATIENCE.toSeconds() + " s for: " + what + " (cancelled)", e);
        }
    }
}
