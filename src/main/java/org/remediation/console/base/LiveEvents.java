package org.remediation.console.base;

import jakarta.annotation.PreDestroy;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Fan-out of {@link LiveUpdate}s to open browser tabs, and nothing else: views subscribe through
 * {@link org.remediation.console.base.ui.LiveSubscription} and apply updates with push. Features
 * publish with Spring's {@code ApplicationEventPublisher}; an update raised inside a transaction
 * reaches browsers only after it commits, so no browser ever shows a change that was rolled back.
 */
@Component
public class LiveEvents implements ApplicationListener<PayloadApplicationEvent<?>> {

    private static final Logger log = LoggerFactory.getLogger(LiveEvents.class);

    private final CopyOnWriteArrayList<Listener<?>> listeners = new CopyOnWriteArrayList<>();
    private final Executor uiDelivery;
    private volatile boolean open = true;
    private final @Nullable ExecutorService ownedExecutor;

    /** Delivers to browser tabs on the publishing thread (unit tests that drive the UI themselves). */
    public LiveEvents() {
        this.uiDelivery = Runnable::run;
        this.ownedExecutor = null;
    }

    /**
     * {@code async} (the default): each tab's updates run on virtual threads, so a publisher never
     * waits for the open boards; {@code direct}: on the publishing thread, for UI unit tests.
     */
    @Autowired
    public LiveEvents(@Value("${console.live.ui-delivery:async}") String uiDelivery) {
        if ("direct".equals(uiDelivery)) {
            this.ownedExecutor = null;
            this.uiDelivery = Runnable::run;
        } else if ("async".equals(uiDelivery)) {
            this.ownedExecutor = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("live-ui-", 0).factory());
            this.uiDelivery = ownedExecutor;
        } else {
            throw new IllegalArgumentException("console.live.ui-delivery must be 'async' or 'direct', not '" + uiDelivery + "'");
        }
    }

    /** Where browser-tab updates run (see {@link org.remediation.console.base.ui.LiveSubscription}). */
    public Executor uiDelivery() {
        return uiDelivery;
    }

    /** False once the application is shutting down: queued board updates are dropped, not run against closed services. */
    public boolean isOpen() {
        return open;
    }

    @EventListener(ContextClosedEvent.class)
    void closing() {
        open = false;
    }

    @PreDestroy
    void stop() {
        if (ownedExecutor != null) {
            ownedExecutor.shutdownNow();
        }
    }

    /**
     * Every published object that is a {@link LiveUpdate}. A plain listener, not a
     * {@code @TransactionalEventListener}: it sees every probe result, and the reflective adapter
     * cost more than the delivery (issue 14); {@link #onLiveUpdate} keeps the same after-commit rule.
     */
    @Override
    public void onApplicationEvent(PayloadApplicationEvent<?> event) {
        if (event.getPayload() instanceof LiveUpdate update) {
            onLiveUpdate(update);
        }
    }

    /** Delivers after the publisher's commit (nothing on rollback), at once outside a transaction. */
    public void onLiveUpdate(LiveUpdate event) {
        if (TransactionSynchronizationManager.isSynchronizationActive()
                && TransactionSynchronizationManager.isActualTransactionActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status == STATUS_COMMITTED) {
                        deliver(event);
                    }
                }
            });
        } else {
            deliver(event);
        }
    }

    /** Registers a browser-tab listener for one update type; run the returned handle to unsubscribe. */
    public <T extends LiveUpdate> Runnable subscribe(Class<T> type, Consumer<? super T> consumer) {
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
