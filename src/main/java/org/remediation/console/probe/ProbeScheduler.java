package org.remediation.console.probe;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;

/**
 * The trigger: decides which targets are due (by the injected clock) and hands each run to the
 * executor (virtual threads), bounded by a semaphore. Start times are spread by a hash of the key
 * modulo the interval, a run never overlaps the previous run of the same target while that run is in
 * time (a due run is skipped and counted instead), and the run itself is cut at the target's timeout by
 * the runner. A cut run frees its slot at once; while its thread is still stuck in a call that ignores
 * interrupts (an OS DNS lookup), the target's next intervals are not started again but each recorded as
 * a TIMEOUT ("stuck"): a failure per interval, never a gap, and at most one thread per target.
 */
final class ProbeScheduler {

    private record Slot(ProbeTarget target, Instant due) {
    }

    /**
     * Runs a target and hands its one result to {@code done}, possibly on another thread and before
     * returning (a run cut at its deadline is finished while its thread is still stuck).
     */
    @FunctionalInterface
    interface Execution {
        void run(ProbeTarget target, Consumer<ProbeResult> done);
    }

    private final Clock clock;
    private final Executor executor;
    private final Semaphore permits;
    private final Execution execution;
    private final BiConsumer<ProbeTarget, ProbeResult> sink;
    private final BiConsumer<ProbeTarget, Instant> pushed;
    private final PriorityQueue<Slot> queue = new PriorityQueue<>(Comparator.comparing(Slot::due));
    private final Map<String, Slot> current = new HashMap<>();
    private final Map<String, AtomicBoolean> running = new ConcurrentHashMap<>();
    /** Targets whose last run was cut while its thread is still inside the probe (stuck in a call). */
    private final Map<String, AtomicBoolean> inside = new ConcurrentHashMap<>();
    private final AtomicLong stuckSkipped = new AtomicLong();
    private final AtomicLong overlapsSkipped = new AtomicLong();
    private final AtomicLong started = new AtomicLong();
    private final Histogram lateness = new Histogram(3_600_000_000L, 3);
    private Instant advancedTo = Instant.EPOCH; // guarded by this

    ProbeScheduler(Clock clock, Executor executor, int maxConcurrency, Execution execution,
                   BiConsumer<ProbeTarget, ProbeResult> sink) {
        this(clock, executor, maxConcurrency, execution, sink, (t, now) -> {
        });
    }

    /**
     * @param pushed called at each interval of a target whose results are pushed ({@link ProbeKind#isPushed()}),
     *     on the trigger thread, in place of a run: the staleness rule
     */
    ProbeScheduler(Clock clock, Executor executor, int maxConcurrency, Execution execution,
                   BiConsumer<ProbeTarget, ProbeResult> sink, BiConsumer<ProbeTarget, Instant> pushed) {
        this.pushed = pushed;
        this.clock = clock;
        this.executor = executor;
        this.permits = new Semaphore(Math.max(1, maxConcurrency));
        this.execution = execution;
        this.sink = sink;
    }

    /** The first start at or after {@code now} whose offset within the interval is the key's hash. */
    static Instant firstDue(String key, Duration interval, Instant now) {
        long period = interval.toMillis();
        long phase = Math.floorMod(key.hashCode() * 0x9E3779B1L, period);
        long t = now.toEpochMilli();
        long base = t - Math.floorMod(t, period) + phase;
        return Instant.ofEpochMilli(base < t ? base + period : base);
    }

    /** Schedules, reschedules (after an edit) or, when disabled, unschedules the target. */
    synchronized void upsert(ProbeTarget target) {
        if (!target.enabled()) {
            remove(target.key());
            return;
        }
        Slot old = current.get(target.key());
        Instant due = old != null && old.target().interval().equals(target.interval())
                ? old.due() : firstDue(target.key(), target.interval(), clock.instant());
        Slot slot = new Slot(target, due);
        current.put(target.key(), slot);
        queue.add(slot);
    }

    /**
     * Schedules a target this node takes over from another: its first run is its first due time after
     * {@code after} (the instant up to which the previous owner started every due run), even if that is
     * already past, so the interval the hand-over fell into is run once, late, rather than missed.
     */
    synchronized void upsertAfter(ProbeTarget target, Instant after) {
        if (!target.enabled()) {
            remove(target.key());
            return;
        }
        Slot slot = new Slot(target, firstDue(target.key(), target.interval(), after.plusMillis(1)));
        current.put(target.key(), slot);
        queue.add(slot);
    }

    /**
     * Stops scheduling these targets (handed to another node): first starts every run due up to now, in
     * the same step, and returns that instant. The next owner starts their runs due after it.
     */
    Instant release(java.util.Collection<String> keys) {
        Instant now = clock.instant();
        advance(now, keys);
        return now;
    }

    /** Stops scheduling every target the predicate matches (a partition this node lost). */
    synchronized void removeIf(java.util.function.Predicate<String> key) {
        current.keySet().removeIf(key);
    }

    /** Keys scheduled now. */
    synchronized java.util.Set<String> keys() {
        return java.util.Set.copyOf(current.keySet());
    }

    /** Every run due up to this instant was started (the last time due runs were looked for). */
    synchronized Instant advancedTo() {
        return advancedTo;
    }

    synchronized void remove(String key) {
        current.remove(key);
    }

    synchronized boolean isScheduled(String key) {
        return current.containsKey(key);
    }

    synchronized int scheduledCount() {
        return current.size();
    }

    /** Starts every due run; returns how many were started. */
    int tick() {
        return advance(clock.instant(), List.of());
    }

    private int advance(Instant now, java.util.Collection<String> thenRemove) {
        int launched = 0;
        List<ProbeTarget> stillStuck = new ArrayList<>();
        List<ProbeTarget> pushedDue = new ArrayList<>();
        synchronized (this) {
            while (!queue.isEmpty() && !queue.peek().due().isAfter(now)) {
                Slot slot = queue.poll();
                String key = slot.target().key();
                if (current.get(key) != slot) {
                    continue;
                }
                Slot next = new Slot(slot.target(), nextDue(slot.due(), slot.target().interval(), now));
                current.put(key, next);
                queue.add(next);
                if (slot.target().kind().isPushed()) { // nothing to run: its results come from outside
                    pushedDue.add(slot.target());
                    continue;
                }
                AtomicBoolean busy = running.computeIfAbsent(key, k -> new AtomicBoolean());
                if (!busy.compareAndSet(false, true)) {
                    overlapsSkipped.incrementAndGet();
                    continue;
                }
                AtomicBoolean stuck = inside.computeIfAbsent(key, k -> new AtomicBoolean());
                if (stuck.get()) { // one thread per target at most: the interval is a failure, not a second stuck thread
                    busy.set(false);
                    stuckSkipped.incrementAndGet();
                    stillStuck.add(slot.target());
                    continue;
                }
                launched++;
                Instant due = slot.due();
                executor.execute(() -> runOne(slot.target(), due, busy, stuck));
            }
            thenRemove.forEach(current::remove);
            advancedTo = now;
        }
        for (ProbeTarget t : pushedDue) {
            pushed.accept(t, now);
        }
        for (ProbeTarget t : stillStuck) {
            sink.accept(t, new ProbeResult(t.key(), now, Duration.ZERO, Outcome.TIMEOUT, "stuck", "The previous run is still "
                    + "stuck in a call that ignores its timeout (such as a DNS lookup); no new run until it returns", Map.of()));
        }
        return launched;
    }

    /** Time until the next due run (for the trigger's sleep), or null when nothing is scheduled. */
    synchronized @Nullable Duration untilNextDue() {
        Slot head = queue.peek();
        return head == null ? null : Duration.between(clock.instant(), head.due());
    }

    private void runOne(ProbeTarget target, Instant due, AtomicBoolean busy, AtomicBoolean stuck) {
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            busy.set(false);
            Thread.currentThread().interrupt();
            return;
        }
        long late = Duration.between(due, clock.instant()).toNanos() / 1000;
        synchronized (lateness) {
            lateness.recordValue(Math.max(0, Math.min(late, lateness.getHighestTrackableValue())));
        }
        started.incrementAndGet();
        // the slot and the target are free once the result is in, even while a cut run's thread is stuck
        AtomicBoolean finished = new AtomicBoolean();
        Runnable free = () -> {
            if (finished.compareAndSet(false, true)) {
                permits.release();
                busy.set(false);
            }
        };
        stuck.set(true);
        Thread runner = Thread.currentThread();
        try {
            execution.run(target, result -> {
                try {
                    if (!finished.get()) {
                        sink.accept(target, result);
                    }
                } finally {
                    if (Thread.currentThread() == runner) {
                        stuck.set(false); // answered in time: cleared before the slot is free, so no tick sees it stuck
                    }
                    free.run();
                }
            });
        } catch (RuntimeException | Error e) {
            free.run();
            throw e;
        } finally {
            stuck.set(false);
        }
    }

    private static Instant nextDue(Instant due, Duration interval, Instant now) {
        long period = interval.toMillis();
        long behind = now.toEpochMilli() - due.toEpochMilli();
        long steps = behind < 0 ? 1 : behind / period + 1;
        return due.plusMillis(steps * period);
    }

    long overlapsSkipped() {
        return overlapsSkipped.get();
    }

    /** Intervals not started because the target's previous run was still stuck after its cut (each a failure result). */
    long stuckSkipped() {
        return stuckSkipped.get();
    }

    long runsStarted() {
        return started.get();
    }

    /** Start lateness (due → actual start) in microseconds. */
    Histogram latenessMicros() {
        synchronized (lateness) {
            return lateness.copy();
        }
    }
}
