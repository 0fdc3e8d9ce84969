package org.remediation.console.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.remediation.console.base.cluster.Lease;
import org.remediation.console.support.MutableClock;

/** The rules that keep one run per target and interval when partitions move between nodes. */
class ClusterProbeRulesTest {

    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    static final ProbeTarget T = new ProbeTarget("api", "API", ProbeKind.HTTP, Map.of(), Duration.ofSeconds(2),
            Duration.ofSeconds(1), true, "g", null, 0);

    static Lease handedOver(Instant upTo) {
        return new Lease("probe-partition-1", "b", 8, 7, upTo, true);
    }

    static Lease takenFromTheDead() {
        return new Lease("probe-partition-1", "b", 8, 7, NOW, false);
    }

    static ProbeResult result(Instant start) {
        return new ProbeResult("api", start, Duration.ofMillis(5), Outcome.UP, null, null, Map.of());
    }

    @Test
    void afterAHandOverTheNextHolderContinuesAfterTheInstantItsPredecessorStartedEverythingUpTo() {
        Instant upTo = NOW.minusMillis(300);
        assertThat(PartitionOwnership.continueAfter(T, handedOver(upTo), null, NOW)).isEqualTo(upTo);
        // a hand-over long ago (every node was stopped): start as on a fresh start, no burst of make-up runs
        assertThat(PartitionOwnership.continueAfter(T, handedOver(NOW.minusSeconds(600)), null, NOW)).isNull();
    }

    @Test
    void afterADeathTheTakerRunsTheIntervalTheHolderDiedInUnlessItsRunWasStored() {
        Instant ranAt = NOW.minusMillis(1500);
        assertThat(PartitionOwnership.continueAfter(T, takenFromTheDead(), ranAt, NOW)).isEqualTo(ranAt);
        // the last stored run is older than an interval: the current interval is run now, nothing older is made up
        assertThat(PartitionOwnership.continueAfter(T, takenFromTheDead(), NOW.minusMillis(3500), NOW))
                .isEqualTo(NOW.minus(T.interval()));
        assertThat(PartitionOwnership.continueAfter(T, takenFromTheDead(), NOW.minusSeconds(60), NOW)).isNull();
        assertThat(PartitionOwnership.continueAfter(T, takenFromTheDead(), null, NOW)).isNull();
    }

    @Test
    void aTakerThatContinuesAfterTheLastStoredRunRunsEachIntervalOnce() {
        MutableClock clock = new MutableClock(NOW);
        List<Instant> started = new ArrayList<>();
        ProbeScheduler s = new ProbeScheduler(clock, Runnable::run, 4, (t, done) -> {
            started.add(clock.instant());
            done.accept(result(clock.instant()));
        }, (t, r) -> {
        });
        Instant lastStored = ProbeScheduler.firstDue("api", T.interval(), NOW.minusSeconds(4)); // the dead holder's last run
        s.upsertAfter(T, PartitionOwnership.continueAfter(T, takenFromTheDead(), lastStored, NOW));
        for (int i = 0; i < 100; i++) {
            s.tick();
            clock.advance(Duration.ofMillis(100));
        }
        // one run per interval from the one after the last stored run: the missed interval is run late, once
        List<Long> slots = started.stream().map(at -> Math.floorDiv(at.toEpochMilli() - lastStored.toEpochMilli(), 2000)).toList();
        assertThat(slots).doesNotHaveDuplicates();
        assertThat(slots).containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(slots.getFirst(), slots.getLast())
                .boxed().toList());
        assertThat(slots.getFirst()).isLessThanOrEqualTo(2L);
    }

    @Test
    void releaseStartsWhatIsDueThenStopsSoTheNextHolderStartingAfterItRunsNothingTwice() {
        MutableClock clock = new MutableClock(NOW);
        List<Instant> before = new ArrayList<>();
        ProbeScheduler old = new ProbeScheduler(clock, Runnable::run, 4, (t, done) -> {
            before.add(clock.instant());
            done.accept(result(clock.instant()));
        }, (t, r) -> {
        });
        old.upsert(T);
        old.tick();
        Instant due = ProbeScheduler.firstDue("api", T.interval(), NOW);
        clock.set(due.plusMillis(5)); // due, not yet ticked
        Instant upTo = old.release(List.of("api"));
        assertThat(before).containsExactly(due.plusMillis(5));
        assertThat(old.isScheduled("api")).isFalse();

        List<Instant> after = new ArrayList<>();
        ProbeScheduler next = new ProbeScheduler(clock, Runnable::run, 4, (t, done) -> {
            after.add(clock.instant());
            done.accept(result(clock.instant()));
        }, (t, r) -> {
        });
        next.upsertAfter(T, upTo);
        next.tick();
        assertThat(after).isEmpty(); // the interval just run by the old holder is not run again
        clock.set(due.plus(T.interval()));
        next.tick();
        assertThat(after).containsExactly(due.plus(T.interval()));
    }

    @Test
    void aResultIsStoredOnlyUnderItsPartitionsCurrentFenceOrStartedBeforeAHandOver() {
        Instant handOver = NOW;
        Lease graceful = handedOver(handOver);
        assertThat(ResultWriter.mayStore(new ResultWriter.Fenced(result(NOW.plusSeconds(1)), 8), graceful)).isTrue();
        assertThat(ResultWriter.mayStore(new ResultWriter.Fenced(result(NOW.minusMillis(1)), 7), graceful)).isTrue();
        assertThat(ResultWriter.mayStore(new ResultWriter.Fenced(result(NOW.plusMillis(1)), 7), graceful)).isFalse();
        // taken after the holder stopped answering: its late results are refused, whenever they started
        assertThat(ResultWriter.mayStore(new ResultWriter.Fenced(result(NOW.minusSeconds(1)), 7), takenFromTheDead())).isFalse();
        assertThat(ResultWriter.mayStore(new ResultWriter.Fenced(result(NOW), 6), graceful)).isFalse();
        assertThat(ResultWriter.mayStore(new ResultWriter.Fenced(result(NOW), 8), null)).isFalse();
        assertThat(ResultWriter.mayStore(new ResultWriter.Fenced(result(NOW), ProbePartitions.UNFENCED), null)).isTrue();
    }

    @Test
    void resultsTravelWholeAndInMessagesBelowTheNotificationLimit() {
        List<ProbeResult> sent = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            sent.add(new ProbeResult("t" + i, NOW.plusNanos(123_456_789L * i), Duration.ofNanos(4_567_891L + i),
                    i % 3 == 0 ? Outcome.DOWN : Outcome.UP, i % 3 == 0 ? "connection-refused" : null,
                    i % 3 == 0 ? "Connection refused – „quoted“" : null, Map.of("status", 503, "connectMs", 1.25,
                            "tls", true, "names", List.of("a", "b"))));
        }
        List<String> messages = ResultStream.encode("node-a", sent, 7900);
        assertThat(messages).hasSizeGreaterThan(1)
                .allSatisfy(m -> assertThat(m.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(7900));
        List<ProbeResult> got = new ArrayList<>();
        for (String m : messages) {
            var node = ResultStream.read(m);
            assertThat(ResultStream.origin(node)).isEqualTo("node-a");
            got.addAll(ResultStream.results(node));
        }
        assertThat(got).isEqualTo(sent);
    }
}
