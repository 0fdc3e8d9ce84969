package org.remediation.console.base.ui;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One browser tab's queue of live updates, drained in order on the delivery executor. The thread
 * that publishes an event (a probe run, a criteria round) only enqueues, so fifty open boards
 * neither hold it up nor wait for each other.
 */
final class UiMailbox {

    private final Executor executor;
    private final Queue<Runnable> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean draining = new AtomicBoolean();

    private UiMailbox(Executor executor) {
        this.executor = executor;
    }

    /** The tab's mailbox; call with the UI's session locked (attach listeners are). */
    static UiMailbox of(UI ui, Executor executor) {
        UiMailbox box = ComponentUtil.getData(ui, UiMailbox.class);
        if (box == null) {
            box = new UiMailbox(executor);
            ComponentUtil.setData(ui, UiMailbox.class, box);
        }
        return box;
    }

    void post(Runnable update) {
        queue.add(update);
        if (draining.compareAndSet(false, true)) {
            executor.execute(this::drain);
        }
    }

    private void drain() {
        try {
            for (Runnable next = queue.poll(); next != null; next = queue.poll()) {
                next.run();
            }
        } finally {
            draining.set(false);
        }
        if (!queue.isEmpty() && draining.compareAndSet(false, true)) {
            executor.execute(this::drain); // an update that arrived just as the loop ended
        }
    }
}
