package org.remediation.console.base;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * In-process fan-out of domain events to open browser sessions. Services publish; views subscribe
 * through {@link org.remediation.console.base.ui.LiveSubscription} and apply updates with push.
 * Events raised inside a transaction are delivered only after it commits, so no browser ever shows
 * a change that was rolled back.
 */
@Component
public class LiveEvents {

    private static final Logger log = LoggerFactory.getLogger(LiveEvents.class);

    private final CopyOnWriteArrayList<Listener<?>> listeners = new CopyOnWriteArrayList<>();

    /** Delivers {@code event} after the current transaction commits, or at once outside one. */
    public void publish(Object event) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    deliver(event);
                }
            });
        } else {
            deliver(event);
        }
    }

    /** Registers a listener for one event type; run the returned handle to unsubscribe. */
    public <T> Runnable subscribe(Class<T> type, Consumer<? super T> consumer) {
        Listener<T> listener = new Listener<>(type, consumer);
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    public int listenerCount() {
        return listeners.size();
    }

    private void deliver(Object event) {
        for (Listener<?> listener : listeners) {
            try {
                listener.offer(event);
            } catch (RuntimeException e) {
                log.warn("Live listener failed for {}", event.getClass().getSimpleName(), e);
            }
        }
    }

    private record Listener<T>(Class<T> type, Consumer<? super T> consumer) {
        void offer(Object event) {
            if (type.isInstance(event)) {
                consumer.accept(type.cast(event));
            }
        }
    }
}
