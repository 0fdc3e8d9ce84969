package org.remediation.console.probe;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Cuts runs that outlive their deadline. One daemon thread scans the runs in flight every
 * {@link #SCAN_MILLIS} ms: watching a run is two hash-set operations and wakes nothing, where a timed
 * wait per run (a second thread, a timer task) cost more CPU than the run itself (issue 14).
 * A cut fires at most {@link #SCAN_MILLIS} ms after the deadline.
 */
final class Watchdog {

    static final long SCAN_MILLIS = 25;

    /** One watched run. Exactly one of {@link #unwatch()} and the cut wins; the loser does nothing. */
    static final class Watch {
        private final long deadlineNanos;
        private final Thread thread;
        private final Runnable onCut;
        private int state; // 0 watching, 1 cut, 2 finished in time

        private Watch(long deadlineNanos, Thread thread, Runnable onCut) {
            this.deadlineNanos = deadlineNanos;
            this.thread = thread;
            this.onCut = onCut;
        }

        /**
         * Ends the watch from the watched thread. Returns false when the run had already been cut: its
         * result is then the cut's, and the interrupt the cut sent is cleared here so it cannot leak into
         * whatever this thread does next.
         */
        boolean unwatch() {
            INSTANCE.running.remove(this);
            boolean inTime;
            synchronized (this) {
                inTime = state == 0;
                if (inTime) {
                    state = 2;
                }
            }
            if (!inTime) {
                Thread.interrupted();
            }
            return inTime;
        }

        private boolean cut() {
            synchronized (this) {
                if (state != 0) {
                    return false;
                }
                state = 1;
                // unblocks interruptible waits (virtual-thread sockets); a call that ignores interrupts
                // (an OS DNS lookup) keeps its thread, but the run's result is delivered now regardless
                thread.interrupt();
            }
            return true;
        }
    }

    static final Watchdog INSTANCE = new Watchdog();

    private final Set<Watch> running = ConcurrentHashMap.newKeySet();

    private Watchdog() {
        Thread.ofPlatform().daemon().name("probe-watchdog").start(this::loop);
    }

    /** Watches the current thread; at the deadline it is interrupted and {@code onCut} runs on a new virtual thread. */
    Watch watch(long deadlineNanos, Runnable onCut) {
        Watch w = new Watch(deadlineNanos, Thread.currentThread(), onCut);
        running.add(w);
        return w;
    }

    private void scan(long now) {
        for (Watch w : running) {
            if (now - w.deadlineNanos >= 0 && w.cut()) {
                running.remove(w);
                // off this thread: whoever receives the result may block, and other cuts are due
                Thread.startVirtualThread(w.onCut);
            }
        }
    }

    private void loop() {
        while (true) {
            try {
                Thread.sleep(SCAN_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            try {
                scan(System.nanoTime());
            } catch (Throwable t) { // a dead watchdog would never cut a run again: log and keep scanning
                org.slf4j.LoggerFactory.getLogger(Watchdog.class).error("Probe watchdog scan failed; continuing", t);
            }
        }
    }
}
