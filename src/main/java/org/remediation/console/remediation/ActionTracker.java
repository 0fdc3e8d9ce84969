package org.remediation.console.remediation;

import org.remediation.console.base.cluster.Cluster;
import org.remediation.console.base.identity.SystemActor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Polls running actions and watch windows. Starts when the application is ready, so actions left
 * running by a previous process are reconciled at once; stops with the context.
 */
@Component
class ActionTracker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ActionTracker.class);

    private final ActionStore store;
    private final ActionExecutor executor;
    private final WatchWindow watch;
    private final RemediationProperties properties;
    private final Cluster cluster;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "remediation-tracker");
        t.setDaemon(true);
        return t;
    });

    ActionTracker(ActionStore store, ActionExecutor executor, WatchWindow watch, RemediationProperties properties,
                  Cluster cluster) {
        this.cluster = cluster;
        this.store = store;
        this.executor = executor;
        this.watch = watch;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        long millis = Math.max(20, properties.pollInterval().toMillis());
        scheduler.scheduleWithFixedDelay(this::tick, 0, millis, TimeUnit.MILLISECONDS);
    }

    /**
     * One pass over every running action and open watch window, as the system (no one triggers it); with
     * several consoles on the leader only (a change being sent by another node is left to it: {@link
     * ActionExecutor#track}).
     */
    void tick() {
        cluster.onlyLeader(() -> SystemActor.run(this::pass));
    }

    private void pass() {
        try {
            for (ActionRecord a : store.byStatus(ActionStatus.RUNNING)) {
                try {
                    executor.track(a);
                } catch (RuntimeException e) {
                    log.warn("Tracking action #{} failed; retrying next interval", a.id(), e);
                }
            }
            executor.releaseIdleLocks();
            watch.check();
        } catch (RuntimeException e) {
            log.warn("Remediation tracking pass failed; retrying next interval", e);
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
