package org.remediation.console.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.remediation.console.support.MutableClock;
import org.remediation.console.support.Waits;

/** The trigger's decisions under a hand-moved clock; runs execute inline or on held threads. */
class ProbeSchedulerTest {

    static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    final MutableClock clock = new MutableClock(T0);
    final List<String> runs = new CopyOnWriteArrayList<>();
    final List<ProbeResult> results = new CopyOnWriteArrayList<>();

    static ProbeTarget target(String key, Duration interval, boolean enabled) {
        return new ProbeTarget(key, key, ProbeKind.TCP, Map.of(), interval, Duration.ofMillis(500), enabled, "g", null, 0);
    }

    ProbeScheduler inline() {
        Executor direct = Runnable::run;
        return new ProbeScheduler(clock, direct, 4, blocking(t -> {
            runs.add(t.key());
            return new ProbeResult(t.key(), clock.instant(), Duration.ofMillis(1), Outcome.UP, null, null, Map.of());
        }), (t, r) -> results.add(r));
    }

    @Test
    void aPushedTargetIsNeverRunButItsStalenessIsAskedEachInterval() {
        List<Instant> asked = new CopyOnWriteArrayList<>();
        ProbeScheduler s = new ProbeScheduler(clock, Runnable::run, 4, blocking(t -> {
            runs.add(t.key());
            return new ProbeResult(t.key(), clock.instant(), Duration.ofMillis(1), Outcome.UP, null, null, Map.of());
        }), (t, r) -> results.add(r), (t, now) -> asked.add(now));
        s.upsert(new ProbeTarget("ext", "ext", ProbeKind.EXTERNAL, Map.of("staleAfter", "10m"), Duration.ofMinutes(1),
                Duration.ofSeconds(1), true, "g", null, 0));
        Instant due = ProbeScheduler.firstDue("ext", Duration.ofMinutes(1), T0);
        for (int i = 0; i < 3; i++) {
            clock.set(due.plus(Duration.ofMinutes(i)));
            assertThat(s.tick()).as("nothing is started for a pushed kind").isZero();
        }
        assertThat(runs).isEmpty();
        assertThat(results).isEmpty();
        assertThat(asked).containsExactly(due, due.plusSeconds(60), due.plusSeconds(120));
    }

    @Test
    void firstStartsAreSpreadAcrossTheInterval() {
        Duration interval = Duration.ofSeconds(10);
        Map<Long, Integer> perSecond = new ConcurrentHashMap<>();
        for (int i = 0; i < 1000; i++) {
            Instant due = ProbeScheduler.firstDue("target-" + i, interval, T0);
            assertThat(due).isBetween(T0, T0.plus(interval));
            perSecond.merge(Duration.between(T0, due).toSeconds(), 1, Integer::sum);
        }
        assertThat(perSecond).hasSize(10);
        assertThat(perSecond.values()).allSatisfy(n -> assertThat(n).isBetween(60, 140));
    }

    @Test
    void runsEachTargetOncePerIntervalAtItsDueTime() {
        ProbeScheduler s = inline();
        s.upsert(target("a", Duration.ofSeconds(10), true));
        Instant due = ProbeScheduler.firstDue("a", Duration.ofSeconds(10), T0);
        clock.set(due.minusMillis(1));
        assertThat(s.tick()).isZero();
        clock.set(due);
        assertThat(s.tick()).isOne();
        assertThat(s.tick()).isZero();
        clock.advance(Duration.ofSeconds(10));
        assertThat(s.tick()).isOne();
        assertThat(runs).containsExactly("a", "a");
    }

    @Test
    void afterAPauseItRunsOnceAndCatchesUpToTheGrid() {
        ProbeScheduler s = inline();
        s.upsert(target("a", Duration.ofSeconds(10), true));
        clock.advance(Duration.ofMinutes(5));
        assertThat(s.tick()).isOne();
        assertThat(s.untilNextDue()).isBetween(Duration.ZERO, Duration.ofSeconds(10));
    }

    @Test
    void aRunNeverOverlapsThePreviousRunOfTheSameTarget() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(1);
        AtomicInteger started = new AtomicInteger();
        ProbeScheduler s = new ProbeScheduler(clock, r -> Thread.ofVirtual().start(r), 4, blocking(t -> {
            started.incrementAndGet();
            Waits.hold(release);
            return new ProbeResult(t.key(), clock.instant(), Duration.ZERO, Outcome.UP, null, null, Map.of());
        }), (t, r) -> finished.countDown());
        try {
            s.upsert(target("slow", Duration.ofSeconds(1), true));
            clock.advance(Duration.ofSeconds(1));
            assertThat(s.tick()).isOne();
            clock.advance(Duration.ofSeconds(1));
            assertThat(s.tick()).as("a second run while the first is still held").isZero();
            assertThat(s.overlapsSkipped()).isOne();
        } finally {
            release.countDown();
        }
        Waits.await(finished, "the held run finished after its release");
        assertThat(started).as("probe executions: the skipped overlap never ran").hasValue(1);
        assertThat(s.runsStarted()).isOne();
    }

    @Test
    void oneHungTargetDoesNotDelayAnother() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Set<String> done = ConcurrentHashMap.newKeySet();
        CountDownLatch fastDone = new CountDownLatch(1);
        ProbeScheduler s = new ProbeScheduler(clock, r -> Thread.ofVirtual().start(r), 4, blocking(t -> {
            if (t.key().equals("hung")) {
                Waits.hold(release);
            }
            return new ProbeResult(t.key(), clock.instant(), Duration.ZERO, Outcome.UP, null, null, Map.of());
        }), (t, r) -> {
            done.add(t.key());
            if (t.key().equals("fast")) {
                fastDone.countDown();
            }
        });
        try {
            s.upsert(target("hung", Duration.ofSeconds(1), true));
            s.upsert(target("fast", Duration.ofSeconds(1), true));
            clock.advance(Duration.ofSeconds(1));
            assertThat(s.tick()).isEqualTo(2);
            Waits.await(fastDone, "the fast target's result arrived while the hung target was still held");
            assertThat(done).containsExactly("fast");
        } finally {
            release.countDown();
        }
    }

    @Test
    void disablingEditingAndRemovingTakeEffectAtOnce() {
        ProbeScheduler s = inline();
        s.upsert(target("a", Duration.ofSeconds(10), true));
        s.upsert(target("a", Duration.ofSeconds(10), false));
        clock.advance(Duration.ofSeconds(20));
        assertThat(s.tick()).isZero();
        s.upsert(target("a", Duration.ofSeconds(1), true));
        clock.advance(Duration.ofSeconds(1));
        assertThat(s.tick()).isOne();
        clock.advance(Duration.ofSeconds(1));
        assertThat(s.tick()).isOne();
        s.remove("a");
        clock.advance(Duration.ofSeconds(5));
        assertThat(s.tick()).isZero();
        assertThat(s.scheduledCount()).isZero();
    }

    @Test
    void concurrencyIsBoundedBySemaphore() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxSeen = new AtomicInteger();
        CountDownLatch all = new CountDownLatch(20);
        Set<String> ran = ConcurrentHashMap.newKeySet();
        ProbeScheduler s = new ProbeScheduler(clock, r -> Thread.ofVirtual().start(r), 3, blocking(t -> {
            int now = inFlight.incrementAndGet();
            maxSeen.accumulateAndGet(now, Math::max);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inFlight.decrementAndGet();
            return new ProbeResult(t.key(), clock.instant(), Duration.ZERO, Outcome.UP, null, null, Map.of());
        }), (t, r) -> {
            ran.add(t.key());
            all.countDown();
        });
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            keys.add("k" + i);
            s.upsert(target("k" + i, Duration.ofSeconds(1), true));
        }
        clock.advance(Duration.ofSeconds(1));
        assertThat(s.tick()).isEqualTo(20);
        Waits.await(all, "all 20 runs delivered their results");
        assertThat(maxSeen.get()).isLessThanOrEqualTo(3);
        assertThat(ran).as("every target ran").containsExactlyInAnyOrderElementsOf(keys);
    }

    /** A run that finishes on the scheduler's thread, as a probe that returns in time does. */
    static ProbeScheduler.Execution blocking(java.util.function.Function<ProbeTarget, ProbeResult> run) {
        return (t, done) -> done.accept(run.apply(t));
    }
}
