package org.remediation.console.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.remediation.console.base.Problems;
import org.remediation.console.support.MutableClock;
import org.remediation.console.support.Waits;

/**
 * The runner's one promise: exactly one result per run, in time. A probe stuck in a call that ignores
 * both its timeout and interrupts (an OS DNS lookup) is a TIMEOUT at the deadline, counted as a
 * failure, never a gap; its late answer is dropped.
 */
class ProbeRunnerTest {

    static final Duration TIMEOUT = Duration.ofMillis(150);

    /** A probe that answers whatever {@code body} returns, on the runner's thread. */
    static Probe probe(Function<ProbeRequest, ProbeResult> body) {
        return new Probe() {
            public ProbeKind kind() {
                return ProbeKind.TCP;
            }

            public void validate(Map<String, String> settings, Problems problems) {
            }

            public ProbeResult run(ProbeRequest request) {
                return body.apply(request);
            }
        };
    }

    static ProbeResult up(ProbeRequest r) {
        return new ProbeResult(r.targetKey(), r.clock().instant(), Duration.ofMillis(1), Outcome.UP, null, null, Map.of());
    }

    /** Waits for the release, swallowing every interrupt, then answers UP: a lookup the OS will not give up. */
    static Probe deaf(CountDownLatch release) {
        return probe(r -> {
            boolean interrupted = false;
            while (true) {
                try {
                    if (release.await(Waits.PATIENCE.toMillis(), TimeUnit.MILLISECONDS)) {
                        break;
                    }
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            return up(r);
        });
    }

    static ProbeRequest request(String key) {
        return new ProbeRequest(key, Map.of(), TIMEOUT, ref -> "", Clock.systemUTC());
    }

    @Test
    void aRunStuckPastItsTimeoutIsATimeoutAtTheDeadlineAndItsLateAnswerIsDropped() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<ProbeResult> delivered = new CopyOnWriteArrayList<>();
        CompletableFuture<ProbeResult> first = new CompletableFuture<>();
        CountDownLatch runnerReturned = new CountDownLatch(1);
        AtomicBoolean interruptLeaked = new AtomicBoolean(true);
        Probe deaf = deaf(release);
        long t0 = System.nanoTime();
        Thread.startVirtualThread(() -> {
            new ProbeRunner(List.of(deaf)).run(deaf, request("stuck"), r -> {
                delivered.add(r);
                first.complete(r);
            });
            interruptLeaked.set(Thread.currentThread().isInterrupted());
            runnerReturned.countDown();
        });
        try {
            ProbeResult r = first.get(Waits.PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
            long tookMs = (System.nanoTime() - t0) / 1_000_000;
            assertThat(r.outcome()).isEqualTo(Outcome.TIMEOUT);
            assertThat(r.outcome().isFailure()).isTrue();
            assertThat(r.error()).contains("within 150 ms");
            assertThat(tookMs).as("delivered at the deadline, while the probe's thread is still stuck")
                    .isGreaterThanOrEqualTo(TIMEOUT.plus(ProbeRunner.GRACE).toMillis());
            assertThat(runnerReturned.getCount()).as("the probe's thread is still inside the call").isOne();
        } finally {
            release.countDown();
        }
        Waits.await(runnerReturned, "the stuck call returned once released");
        assertThat(delivered).as("the late UP is dropped: one run, one result").hasSize(1)
                .first().extracting(ProbeResult::outcome).isEqualTo(Outcome.TIMEOUT);
        assertThat(interruptLeaked).as("the cut's interrupt does not follow the thread into its next work").isFalse();
    }

    @Test
    void aRunInTimeDeliversItsOwnResultOnceAndLeavesNoInterruptBehind() throws Exception {
        List<ProbeResult> delivered = new CopyOnWriteArrayList<>();
        AtomicBoolean interruptedAfter = new AtomicBoolean(true);
        Probe quick = probe(ProbeRunnerTest::up);
        Thread t = Thread.startVirtualThread(() -> {
            new ProbeRunner(List.of(quick)).run(quick, request("quick"), delivered::add);
            interruptedAfter.set(Thread.currentThread().isInterrupted());
        });
        t.join(Waits.PATIENCE.toMillis());
        Thread.sleep(TIMEOUT.plus(ProbeRunner.GRACE).toMillis() + 3 * Watchdog.SCAN_MILLIS);
        assertThat(delivered).hasSize(1).first().extracting(ProbeResult::outcome).isEqualTo(Outcome.UP);
        assertThat(interruptedAfter).isFalse();
    }

    @Test
    void aProbeThatThrowsIsAFailedRunNotALostOne() throws Exception {
        Probe broken = probe(r -> {
            throw new IllegalStateException("driver bug");
        });
        ProbeResult r = RunnerCut.run(broken, request("broken"));
        assertThat(r.outcome().isFailure()).isTrue();
        assertThat(r.targetKey()).isEqualTo("broken");
    }

    @Test
    void aStuckTargetsNextIntervalsAreFailuresNotGapsAndNotMoreStuckThreads() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        MutableClock clock = new MutableClock(ProbeSchedulerTest.T0);
        List<ProbeResult> results = new CopyOnWriteArrayList<>();
        java.util.concurrent.atomic.AtomicInteger started = new java.util.concurrent.atomic.AtomicInteger();
        Probe deaf = deaf(release);
        ProbeRunner runner = new ProbeRunner(List.of(deaf));
        ProbeScheduler s = new ProbeScheduler(clock, r -> Thread.ofVirtual().start(r), 1, (t, done) -> {
            started.incrementAndGet();
            runner.run(ProbeKind.TCP, new ProbeRequest(t.key(), Map.of(), TIMEOUT, ref -> "", clock), done);
        }, (t, r) -> results.add(r));
        try {
            s.upsert(ProbeSchedulerTest.target("dns-stuck", Duration.ofSeconds(1), true));
            clock.advance(Duration.ofSeconds(1));
            assertThat(s.tick()).as("the first interval starts a run").isOne();
            await().atMost(Waits.PATIENCE).until(() -> results.size() == 1);
            for (int interval = 2; interval <= 3; interval++) {
                clock.advance(Duration.ofSeconds(1));
                assertThat(s.tick()).as("interval %d starts no second stuck thread", interval).isZero();
                assertThat(results).as("interval %d is a failure all the same", interval).hasSize(interval);
            }
            assertThat(results).extracting(ProbeResult::outcome).containsOnly(Outcome.TIMEOUT);
            assertThat(results.subList(1, 3)).extracting(ProbeResult::errorClass).containsOnly("stuck");
            assertThat(started).hasValue(1);
            assertThat(s.overlapsSkipped()).isZero();
            assertThat(s.stuckSkipped()).isEqualTo(2);
        } finally {
            release.countDown();
        }
        clock.advance(Duration.ofSeconds(1));
        await().atMost(Waits.PATIENCE).until(() -> s.tick() == 1); // once the call returned, runs start again
    }
}
