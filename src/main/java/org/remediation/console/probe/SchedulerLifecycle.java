package org.remediation.console.probe;

import org.remediation.console.base.identity.SystemActor;
import java.time.Clock;
import java.time.Duration;
import org.remediation.console.base.egress.EgressPolicy;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Runs the {@link ProbeScheduler} in the application: loads enabled targets at start, follows
 * {@link ProbeTargetChanged} events (no restart needed) and drives the trigger from one platform
 * thread. Off when {@code console.probes.scheduler.enabled=false} (most tests).
 */
@Component
class SchedulerLifecycle implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SchedulerLifecycle.class);

    private final ProbeProperties properties;
    private final ProbeTargetService targets;
    private final ProbeStatistics statistics;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final ProbeScheduler scheduler;
    private final Staleness staleness;
    private final ProbePartitions partitions;
    private final java.time.Duration longestTimeout;
    private volatile @Nullable Thread trigger;
    private volatile java.time.Instant stoppedAt = java.time.Instant.EPOCH;
    /** Set before the targets are loaded, so no change committed meanwhile is missed. */
    private volatile boolean following;

    SchedulerLifecycle(ProbeProperties properties, ProbeTargetService targets, ProbeStatistics statistics,
                       ProbeRunner runner, ResultPipeline pipeline, SelfAddress self, CredentialRefs credentials,
                       EgressPolicy egress, Clock clock, Staleness staleness, ProbePartitions partitions) {
        this.properties = properties;
        this.partitions = partitions;
        this.longestTimeout = Duration.ofSeconds(10);
        this.targets = targets;
        this.statistics = statistics;
        this.scheduler = new ProbeScheduler(clock, executor, properties.scheduler().maxConcurrency(),
                (t, done) -> run(t, runner, self, credentials, egress, clock, done),
                (target, result) -> {
                    // a run interrupted by shutdown measured nothing: storing it as a failure would
                    // turn a restart into evidence of an outage
                    if (following) {
                        pipeline.accept(target, result);
                    }
                },
                (target, now) -> {
                    if (following) {
                        staleness.markIfStale(target, now, pipeline::accept);
                    }
                });
        this.staleness = staleness;
    }

    private static void run(ProbeTarget t, ProbeRunner runner, SelfAddress self, CredentialRefs credentials,
                            EgressPolicy egress, Clock clock, Consumer<ProbeResult> done) {
        ProbeRequest request;
        try {
            request = new ProbeRequest(t.key(), self.resolve(t.settings()), t.timeout(), credentials::resolve, clock, egress,
                    t.interval());
        } catch (IllegalStateException e) {
            done.accept(new ProbeResult(t.key(), clock.instant(), Duration.ZERO, Outcome.ERROR, "self-unknown",
                    e.getMessage(), java.util.Map.of()));
            return;
        }
        runner.run(t.kind(), request, done);
    }

    ProbeScheduler scheduler() {
        return scheduler;
    }

    @Override
    public void start() {
        if (!properties.scheduler().enabled()) {
            log.info("Probe scheduler is disabled (console.probes.scheduler.enabled=false)");
            return;
        }
        following = true;
        // in a cluster, the targets of partitions this node holds (taken on the first heartbeat, scheduled then)
        SystemActor.call(targets::all).stream().filter(t -> partitions.runsHere(t.key())).forEach(scheduler::upsert);
        Thread t = Thread.ofPlatform().daemon().name("probe-trigger").start(this::loop);
        trigger = t;
        log.info("Probe scheduler started with {} enabled targets", scheduler.scheduledCount());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onChange(ProbeTargetChanged e) {
        if (!following) {
            return;
        }
        if (e.target() == null) {
            scheduler.remove(e.key());
            statistics.forget(e.key());
            staleness.forget(e.key());
        } else if (partitions.runsHere(e.key())) {
            scheduler.upsert(e.target());
        } else {
            scheduler.remove(e.key()); // its partition is another node's
        }
    }

    /** Schedules a target of a partition this node just took, continuing after {@code after} (null: as at a start). */
    void adopt(ProbeTarget target, java.time.@Nullable Instant after) {
        if (after == null) {
            scheduler.upsert(target);
        } else {
            scheduler.upsertAfter(target, after);
        }
    }

    /** Hands targets over: starts what is due, stops scheduling them, returns the instant up to which all was started. */
    java.time.Instant release(java.util.function.Predicate<String> which) {
        return scheduler.release(scheduler.keys().stream().filter(which).toList());
    }

    /** Stops scheduling targets of a partition this node lost (no longer its to run). */
    void drop(java.util.function.Predicate<String> which) {
        scheduler.removeIf(which);
    }

    /** After a stop: every run due up to this instant was started (and finished or was cut). */
    java.time.Instant stoppedAt() {
        return stoppedAt;
    }

    private static final long MIN_SLEEP_NANOS = 10_000_000;

    private void loop() {
        long tickNanos = properties.scheduler().tick().toNanos();
        while (!Thread.currentThread().isInterrupted()) {
            try {
                scheduler.tick();
                Duration wait = scheduler.untilNextDue();
                // at least 10 ms: a wake-up per due run cost more CPU than the runs' start, and runs started
                // one by one each woke an idle carrier (issue 14); runs due within the same 10 ms start
                // together, at most 10 ms late (1 % of the shortest interval), each with its true start time
                long nanos = wait == null ? tickNanos : Math.max(MIN_SLEEP_NANOS, Math.min(tickNanos, wait.toNanos()));
                Thread.sleep(Duration.ofNanos(nanos));
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.error("Probe trigger failed; continuing", e);
            }
        }
    }

    @Override
    public void stop() {
        Thread t = trigger;
        if (t != null) {
            t.interrupt();
            try {
                t.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        trigger = null;
        stoppedAt = scheduler.advancedTo();
        if (partitions.clustered()) {
            // runs in flight finish and are stored: the next holder of their partitions starts after them
            executor.shutdown();
            try {
                executor.awaitTermination(longestTimeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        following = false;
        executor.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return trigger != null;
    }
}
