package org.remediation.console.criteria;

import org.springframework.security.test.context.support.WithMockUser;
import org.remediation.console.base.identity.SystemActor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.remediation.console.base.InvalidInputException;
import org.remediation.console.base.LiveEvents;
import org.remediation.console.base.TimelineNote;
import org.remediation.console.security.Role;
import org.remediation.console.support.As;
import org.remediation.console.support.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.remediation.console.base.cluster.RemoteUpdate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.support.TransactionSynchronizationManager;

@CriteriaSpringTest
@RecordApplicationEvents
@WithMockUser(username = "viewer", roles = "VIEWER") // reads need a signed-in caller
class CriteriaServiceTest {

    static final Instant T0 = Instant.parse("2026-11-25T09:00:00Z");

    @Autowired CriteriaService criteria;
    @Autowired CriteriaEngine engine;
    @Autowired PhaseEvidence evidence;
    @Autowired InMemoryProbeMeasurements probes;
    @Autowired MutableClock clock;
    @Autowired FakePhaseOwners phaseOwners;
    @Autowired LiveEvents live;
    @Autowired JdbcTemplate jdbc;
    @Autowired ApplicationEvents events;
    @Autowired org.springframework.context.ApplicationEventPublisher publisher;

    final String incident = "inc-" + UUID.randomUUID().toString().substring(0, 8);
    final String target = "t-" + UUID.randomUUID().toString().substring(0, 8);
    final List<CriterionStateChanged> changes = new CopyOnWriteArrayList<>();
    Runnable unsubscribe;

    @BeforeEach
    void setUp() {
        clock.set(T0);
        unsubscribe = live.subscribe(CriterionStateChanged.class, e -> {
            if (e.owner().incidentKey().equals(incident)) {
                changes.add(e);
            }
        });
    }

    @AfterEach
    void tearDown() {
        unsubscribe.run();
    }

    List<CriterionStatus> define(String phase, CriterionDefinition... defs) {
        return As.user("commander", Role.COMMANDER, () -> criteria.defineCriteria(incident, phase, List.of(defs)));
    }

    CriterionStatus status(String phase, String key) {
        return criteria.find(new CriterionOwner(incident, phase, key)).orElseThrow();
    }

    @Test
    void aCriterionWhoseMeasurementsCannotBeReadIsNoDataAndTheOthersAreStillJudged() {
        String broken = target + "-broken";
        define("p9", new CriterionDefinition("ok", "Fast", target + " p95 < 1000 ms over 15m"),
                new CriterionDefinition("bad", "Readable", broken + " p95 < 1000 ms over 15m"));
        probes.results(target, T0.plusSeconds(10), Duration.ofSeconds(10), 3, true, 100);
        probes.results(broken, T0.plusSeconds(10), Duration.ofSeconds(10), 3, true, 100);
        clock.set(T0.plusSeconds(40));
        SystemActor.run(() -> criteria.reevaluateAll());
        assertThat(status("p9", "bad").state()).isEqualTo(CriterionState.MET);
        probes.broken(broken);
        clock.set(T0.plusSeconds(50));
        SystemActor.run(() -> criteria.reevaluateAll());
        assertThat(status("p9", "bad").state()).as("no stale 'met'").isEqualTo(CriterionState.NO_DATA);
        assertThat(status("p9", "bad").detail()).startsWith("could not read the measurements");
        assertThat(status("p9", "ok").state()).isEqualTo(CriterionState.MET);
    }

    @Test
    void kpisAreReadOnceForEveryBoardUntilTheNextChangeAndEveryChangeIsSeenAtOnce() {
        define("", new CriterionDefinition("p95", "Backend p95", target + " p95 < 1000 ms over 15m"));
        List<CriterionStatus> first = criteria.kpis(incident);
        assertThat(criteria.kpis(incident)).as("fifty boards asking share one read").isSameAs(first);

        probes.results(target, T0.plusSeconds(10), Duration.ofSeconds(10), 3, true, 2000); // slow, not failed
        clock.set(T0.plusSeconds(40));
        List<String> seenOnEvent = new CopyOnWriteArrayList<>();
        Runnable stop = live.subscribe(CriterionStateChanged.class,
                e -> seenOnEvent.add(criteria.kpis(incident).getFirst().valueText()));
        try {
            SystemActor.run(() -> criteria.onProbeResult(target));
        } finally {
            stop.run();
        }
        assertThat(seenOnEvent).as("a board refreshing on the event reads the new value").containsExactly("2000 ms");
        assertThat(criteria.kpis(incident)).isNotSameAs(first);
        assertThat(criteria.kpis(incident).getFirst().state()).isEqualTo(CriterionState.NOT_MET);

        define("", new CriterionDefinition("p95", "Backend p95 (renamed)", target + " p95 < 1000 ms over 15m"));
        assertThat(criteria.kpis(incident).getFirst().label()).isEqualTo("Backend p95 (renamed)");
    }

    @Test
    void kpisChangedByAnotherConsolesRoundAreReadAgainWhenItsUpdateArrives() {
        define("", new CriterionDefinition("p95", "Backend p95", target + " p95 < 1000 ms over 15m"));
        List<CriterionStatus> first = criteria.kpis(incident);
        // the leader (another console) stored a transition; this node ran no round, so its version did not move
        jdbc.update("update criterion set state = 'MET', value_text = '480 ms' where incident_key = ? and criterion_key = 'p95'",
                incident);
        assertThat(criteria.kpis(incident)).as("still this node's cached read").isSameAs(first);

        publisher.publishEvent(new RemoteUpdate(new CriteriaEvaluated(java.util.Set.of(incident), clock.instant())));

        assertThat(criteria.kpis(incident).getFirst().state()).isEqualTo(CriterionState.MET);
        assertThat(criteria.kpis(incident).getFirst().valueText()).isEqualTo("480 ms");
    }

    @Test
    void aStateChangeIsAnnouncedAfterTheRoundCommittedAndOutsideItsLock() {
        define("p1", new CriterionDefinition("p95", "Backend p95 under 1 s", target + " p95 < 1000 ms over 15m"));
        probes.results(target, T0.plusSeconds(10), Duration.ofSeconds(10), 3, true, 2000); // slow, not failed
        clock.set(T0.plusSeconds(40));
        List<String> seen = new CopyOnWriteArrayList<>();
        Runnable stop = live.subscribe(CriterionStateChanged.class, e -> {
            if (!e.owner().incidentKey().equals(incident)) {
                return;
            }
            seen.add("in transaction: " + TransactionSynchronizationManager.isActualTransactionActive());
            // A listener that writes (the checklist mirror) must not hold up the next round: run one now.
            try {
                CompletableFuture.runAsync(() -> SystemActor.run(() -> criteria.reevaluateAll())).get(10, TimeUnit.SECONDS);
                seen.add("another round ran");
            } catch (Exception blocked) {
                seen.add("another round was blocked: " + blocked);
            }
        });
        try {
            SystemActor.run(() -> criteria.onProbeResult(target));
        } finally {
            stop.run();
        }
        assertThat(seen).containsExactly("in transaction: false", "another round ran");
        assertThat(status("p1", "p95").state()).isEqualTo(CriterionState.NOT_MET);
    }

    @Test
    void resultsArrivingTurnACriterionFromNotMetToMetWithSinceAndAnnouncements() {
        define("p2", new CriterionDefinition("p95", "Backend p95 under 1 s", target + " p95 < 1000 ms over 15m min 3"));
        assertThat(status("p2", "p95").state()).isEqualTo(CriterionState.NO_DATA);
        assertThat(status("p2", "p95").since()).isEqualTo(T0);

        probes.results(target, T0.plusSeconds(10), Duration.ofSeconds(10), 3, true, 2000); // slow, not failed
        clock.set(T0.plusSeconds(40));
        SystemActor.run(() -> criteria.onProbeResult(target));
        CriterionStatus notMet = status("p2", "p95");
        assertThat(notMet.state()).isEqualTo(CriterionState.NOT_MET);
        assertThat(notMet.since()).isEqualTo(T0.plusSeconds(40));
        assertThat(notMet.valueText()).isEqualTo("2000 ms");

        probes.results(target, T0.plusSeconds(50), Duration.ofSeconds(5), 60, true, 200);
        Instant metAt = T0.plusSeconds(360);
        clock.set(metAt);
        SystemActor.run(() -> criteria.onProbeResult(target));
        CriterionStatus met = status("p2", "p95");
        assertThat(met.state()).isEqualTo(CriterionState.MET);
        assertThat(met.since()).isEqualTo(metAt);
        assertThat(met.firstMetAt()).isEqualTo(metAt);
        assertThat(met.valueText()).isEqualTo("200 ms");
        assertThat(met.samples()).isEqualTo(63);

        assertThat(changes).extracting(CriterionStateChanged::to)
                .containsExactly(CriterionState.NOT_MET, CriterionState.MET);
        assertThat(jdbc.queryForObject("select state from criterion where incident_key = ? and criterion_key = 'p95'",
                String.class, incident)).isEqualTo("MET");
        List<TimelineNote> notes = events.stream(TimelineNote.class)
                .filter(n -> incident.equals(n.incidentKey()) && n.category().equals("criterion.state")).toList();
        assertThat(notes).hasSize(2);
        assertThat(notes.getLast().text()).contains("Backend p95 under 1 s").contains("is now met").contains("200 ms");
    }

    @Test
    void aConsoleThatDoesNotLeadShowsCurrentFiguresButNeverRecordsOrShowsAStateTheLeaderDidNotRecord() {
        define("p2", new CriterionDefinition("p95", "Backend p95 under 1 s", target + " p95 < 1000 ms over 15m min 3"));
        probes.results(target, T0.plusSeconds(10), Duration.ofSeconds(10), 3, true, 2000);
        clock.set(T0.plusSeconds(40));
        SystemActor.run(() -> criteria.onProbeResult(target)); // the leader's round: NOT_MET, 2000 ms
        changes.clear();

        probes.results(target, T0.plusSeconds(50), Duration.ofSeconds(1), 3, true, 3000); // slower still
        clock.set(T0.plusSeconds(60));
        engine.resultArrived(target);
        SystemActor.run(criteria::evaluateMarkedForDisplay);
        assertThat(status("p2", "p95").valueText()).isEqualTo("3000 ms");

        probes.results(target, T0.plusSeconds(70), Duration.ofSeconds(5), 60, true, 200); // would be met
        clock.set(T0.plusSeconds(400));
        engine.resultArrived(target);
        SystemActor.run(criteria::evaluateMarkedForDisplay);
        CriterionStatus shown = status("p2", "p95");
        assertThat(shown.state()).isEqualTo(CriterionState.NOT_MET); // green only once the leader records it
        assertThat(shown.valueText()).isEqualTo("2000 ms");
        assertThat(jdbc.queryForObject("select state from criterion where incident_key = ? and criterion_key = 'p95'",
                String.class, incident)).isEqualTo("NOT_MET");
        assertThat(changes).isEmpty();
    }

    @Test
    void theUnchangedStateIsNotAnnouncedAgain() {
        define("p1", new CriterionDefinition("ok", "OK", target + " success-rate >= 90 % over 15m"));
        probes.results(target, T0, Duration.ofSeconds(10), 5, true, 10);
        clock.set(T0.plusSeconds(60));
        SystemActor.run(() -> criteria.onProbeResult(target));
        SystemActor.run(() -> criteria.onProbeResult(target));
        SystemActor.run(() -> criteria.reevaluateAll());
        assertThat(changes).hasSize(1);
    }

    @Test
    void thePeriodicRoundMovesTheWindowWithTheClock() {
        define("p1", new CriterionDefinition("ok", "OK", target + " success-rate >= 90 % over 15m"));
        probes.results(target, T0, Duration.ofSeconds(10), 5, true, 10);
        clock.set(T0.plusSeconds(60));
        SystemActor.run(() -> criteria.reevaluateAll());
        assertThat(status("p1", "ok").state()).isEqualTo(CriterionState.MET);
        clock.set(T0.plus(Duration.ofMinutes(16)));
        SystemActor.run(() -> criteria.reevaluateAll());
        CriterionStatus stale = status("p1", "ok");
        assertThat(stale.state()).isEqualTo(CriterionState.NO_DATA);
        assertThat(stale.since()).isEqualTo(T0.plus(Duration.ofMinutes(16)));
        assertThat(stale.firstMetAt()).isEqualTo(T0.plusSeconds(60));
    }

    @Test
    void redefiningKeepsTheStateOfUnchangedCriteriaAndResetsChangedOnes() {
        define("p1", new CriterionDefinition("a", "A", target + " up"), new CriterionDefinition("b", "B", target + " up"));
        probes.result(target, T0, true, 10);
        clock.set(T0.plusSeconds(30));
        SystemActor.run(() -> criteria.onProbeResult(target));
        clock.set(T0.plusSeconds(90));
        List<CriterionStatus> after = define("p1", new CriterionDefinition("a", "A renamed", target + "  up"),
                new CriterionDefinition("b", "B", target + " up-for >= 1h"));
        assertThat(after).extracting(s -> s.owner().criterionKey()).containsExactly("a", "b");
        assertThat(after.get(0).label()).isEqualTo("A renamed");
        assertThat(after.get(0).since()).isEqualTo(T0.plusSeconds(30));
        assertThat(after.get(1).text()).isEqualTo(target + " up-for >= 1h");
        assertThat(after.get(1).state()).isEqualTo(CriterionState.NOT_MET);
        assertThat(after.get(1).since()).isEqualTo(T0.plusSeconds(90));
        define("p1", new CriterionDefinition("b", "B", target + " up-for >= 1h"));
        assertThat(criteria.ofPhase(incident, "p1")).hasSize(1);
    }

    @Test
    void badDefinitionsNameTheFieldAndWriteNothing() {
        define("p1", new CriterionDefinition("keep", "Keep", target + " up"));
        long rows = count("criterion");
        long audits = count("audit_event");
        assertThatThrownBy(() -> define("p1", new CriterionDefinition("fine", "Fine", target + " up"),
                new CriterionDefinition("bad", "Bad", target + " p95 < fast"),
                new CriterionDefinition("fine", "Twice", target + " up"),
                new CriterionDefinition("Bad Key", "", target + " up")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.names("criteria[1].text")).isTrue();
                    assertThat(e.getMessage()).contains("column").contains("a number for the threshold");
                    assertThat(e.names("criteria[2].key")).isTrue();
                    assertThat(e.names("criteria[3].key")).isTrue();
                    assertThat(e.names("criteria[3].label")).isTrue();
                });
        assertThat(count("criterion")).isEqualTo(rows);
        assertThat(count("audit_event")).isEqualTo(audits);
        assertThat(criteria.ofPhase(incident, "p1")).extracting(s -> s.owner().criterionKey()).containsExactly("keep");
    }

    @Test
    void aManualCriterionIsConfirmedWithAnEvidenceNote() {
        define("p3", new CriterionDefinition("qa", "QA signed off", "manual: QA confirms the golden path"),
                new CriterionDefinition("up", "Up", target + " up"));
        phaseOwners.set(incident, "p3", new PhaseOwners.PhaseOwner("Infrastructure", false)); // led by "lead"
        CriterionStatus pending = status("p3", "qa");
        assertThat(pending.manual()).isTrue();
        assertThat(pending.state()).isEqualTo(CriterionState.NOT_MET);
        long audits = count("audit_event");
        assertThatThrownBy(() -> As.user("lead", Role.TEAM_LEAD, () ->
                criteria.confirmManual(new CriterionOwner(incident, "p3", "qa"), " ")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.names("evidenceNote")).isTrue());
        assertThatThrownBy(() -> As.user("lead", Role.TEAM_LEAD, () ->
                criteria.confirmManual(new CriterionOwner(incident, "p3", "up"), "looks fine")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.names("criterion")).isTrue());
        assertThat(count("audit_event")).isEqualTo(audits);
        assertThat(status("p3", "qa").state()).isEqualTo(CriterionState.NOT_MET);

        clock.set(T0.plusSeconds(300));
        CriterionStatus confirmed = As.user("lead", Role.TEAM_LEAD, () ->
                criteria.confirmManual(new CriterionOwner(incident, "p3", "qa"), "Ran the 5-step golden path, ticket QA-42"));
        assertThat(confirmed.state()).isEqualTo(CriterionState.MET);
        assertThat(confirmed.confirmedBy()).isEqualTo("lead");
        assertThat(confirmed.since()).isEqualTo(T0.plusSeconds(300));
        assertThat(status("p3", "qa").evidenceNote()).isEqualTo("Ran the 5-step golden path, ticket QA-42");
        assertThat(count("audit_event")).isEqualTo(audits + 1);
        assertThat(changes).extracting(CriterionStateChanged::to).contains(CriterionState.MET);
    }

    @Test
    void blockingReasonsAndFrozenEvidence() {
        define("p2", new CriterionDefinition("fast", "Backend fast", target + " p95 < 1000 ms over 15m min 2"),
                new CriterionDefinition("ok", "Backend up", target + " success-rate = 100 % over 15m"),
                new CriterionDefinition("qa", "QA", "manual: QA confirms"));
        probes.results(target, T0, Duration.ofSeconds(10), 4, true, 1500);
        clock.set(T0.plusSeconds(60));
        SystemActor.run(() -> criteria.onProbeResult(target));

        List<String> reasons = evidence.blockingReasons(incident, "p2");
        assertThat(reasons).hasSize(2);
        assertThat(reasons.get(0)).contains("Backend fast").contains("not met").contains("1500 ms")
                .contains("needs < 1000 ms over 15m");
        assertThat(reasons.get(1)).contains("QA").contains("not confirmed");

        List<EvidenceSnapshot> snapshot = evidence.snapshot(incident, "p2");
        EvidenceSnapshot fast = snapshot.getFirst();
        assertThat(fast.value()).isEqualTo("1500 ms");
        assertThat(fast.numericValue()).isEqualTo(1500.0);
        assertThat(fast.comparator()).isEqualTo("<");
        assertThat(fast.threshold()).isEqualTo("1000 ms");
        assertThat(fast.window()).isEqualTo("15m");
        assertThat(fast.sampleCount()).isEqualTo(4);
        assertThat(fast.state()).isEqualTo(CriterionState.NOT_MET);
        assertThat(fast.evaluatedAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(snapshot.get(1).state()).isEqualTo(CriterionState.MET);
        assertThat(snapshot.get(2).manual()).isTrue();

        assertThat(criteria.statusLines(incident)).containsExactly(
                "[not met] Backend fast (phase p2): 1500 ms (needs < 1000 ms over 15m), since 09:01 UTC",
                "[met] Backend up (phase p2): 100 % (needs = 100 % over 15m), since 09:01 UTC",
                "[not met] QA (phase p2): manual, awaiting confirmation, since 09:00 UTC");

        String frozen = evidence.freeze(incident, "p2");
        assertThat(frozen).contains("\"threshold\":\"1000 ms\"");
        assertThat(evidence.thaw(frozen)).isEqualTo(snapshot);
    }

    @Test
    void kpisAreIncidentLevelAndHaveATrend() {
        As.user("commander", Role.COMMANDER, () -> criteria.defineCriteria(incident, null,
                List.of(new CriterionDefinition("db", "Database response", target + " p95 < 500 ms over 15m"))));
        probes.results(target, T0.minus(Duration.ofMinutes(30)), Duration.ofSeconds(30), 60, true, 300);
        clock.set(T0.plusSeconds(1));
        SystemActor.run(() -> criteria.reevaluateAll());
        assertThat(criteria.kpis(incident)).singleElement().satisfies(k -> {
            assertThat(k.owner().isKpi()).isTrue();
            assertThat(k.state()).isEqualTo(CriterionState.MET);
        });
        List<Double> trend = criteria.trend(CriterionOwner.kpi(incident, "db"));
        assertThat(trend).hasSize(60);
        assertThat(trend.stream().filter(v -> v != null).toList()).hasSize(30).containsOnly(300.0);
        assertThat(criteria.thresholdValue(CriterionOwner.kpi(incident, "db"))).contains(500.0);
    }

    long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }
}
