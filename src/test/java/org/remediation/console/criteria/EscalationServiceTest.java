package org.remediation.console.criteria;

import org.springframework.security.test.context.support.WithMockUser;
import org.remediation.console.base.identity.SystemActor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.remediation.console.base.InvalidInputException;
import org.remediation.console.base.LiveEvents;
import org.remediation.console.base.TimelineNote;
import org.remediation.console.criteria.PhaseTimes.PhaseTiming;
import org.remediation.console.security.Role;
import org.remediation.console.support.As;
import org.remediation.console.support.MutableClock;
import org.remediation.console.support.WebhookReceiver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** Escalation timing with a hand-moved clock, through the real service and database. */
@CriteriaSpringTest
@RecordApplicationEvents
@WithMockUser(username = "viewer", roles = "VIEWER") // reads need a signed-in caller
class EscalationServiceTest {

    static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

    @Autowired EscalationService escalations;
    @Autowired CriteriaService criteria;
    @Autowired InMemoryProbeMeasurements probes;
    @Autowired FakePhaseTimes phaseTimes;
    @Autowired MutableClock clock;
    @Autowired LiveEvents live;
    @Autowired JdbcTemplate jdbc;
    @Autowired ApplicationEvents events;

    final String incident = "esc-" + UUID.randomUUID().toString().substring(0, 8);
    final String target = "t-" + UUID.randomUUID().toString().substring(0, 8);
    final List<EscalationRaised> banners = new CopyOnWriteArrayList<>();
    Runnable unsubscribe;

    @BeforeEach
    void setUp() {
        clock.set(T0);
        unsubscribe = live.subscribe(EscalationRaised.class, e -> {
            if (e.alert().incidentKey().equals(incident)) {
                banners.add(e);
            }
        });
        As.user("commander", Role.COMMANDER, () -> criteria.defineCriteria(incident, "p1", List.of(
                new CriterionDefinition("p95", "Backend p95", target + " p95 < 1000 ms over 15m"),
                new CriterionDefinition("redis-ok", "Redis OK", target + " success-rate = 100 % over 5m"))));
        phaseTimes.set(incident, "p1", new PhaseTiming(T0, T0.plus(Duration.ofHours(1)), null));
    }

    @AfterEach
    void tearDown() {
        unsubscribe.run();
    }

    List<EscalationAlert> check() {
        return SystemActor.call(() -> escalations.checkAll()).stream().filter(a -> a.incidentKey().equals(incident)).toList();
    }

    @Test
    void stillNotMetFiresOnceAtTheDelayWithBannerTimelineAndAudit() {
        As.user("commander", Role.COMMANDER, () -> escalations.defineRules(incident, "p1",
                List.of("criterion p95 still not met 30m after phase start")));
        clock.set(T0.plus(Duration.ofMinutes(29)));
        assertThat(check()).isEmpty();
        long audits = auditCount("escalation.fired");
        clock.set(T0.plus(Duration.ofMinutes(30)));
        List<EscalationAlert> fired = check();
        assertThat(fired).singleElement().satisfies(a -> {
            assertThat(a.message()).contains("Backend p95").contains("still no data").contains("30m");
            assertThat(a.firedAt()).isEqualTo(T0.plus(Duration.ofMinutes(30)));
            assertThat(a.open()).isTrue();
        });
        clock.set(T0.plus(Duration.ofMinutes(45)));
        assertThat(check()).as("fires once per phase start").isEmpty();
        assertThat(banners).hasSize(1);
        assertThat(auditCount("escalation.fired")).isEqualTo(audits + 1);
        assertThat(events.stream(TimelineNote.class).filter(n -> incident.equals(n.incidentKey())
                && n.category().equals("escalation.fired"))).hasSize(1);
        assertThat(escalations.openAlerts(incident)).hasSize(1);
        assertThat(webhookBodyMentioning(incident)).contains("\"text\"").contains("Backend p95")
                .contains("still not met 30m after phase start");
    }

    /** Waits for the asynchronous webhook post about this incident (other tests' posts are skipped). */
    static String webhookBodyMentioning(String incident) {
        return WebhookReceiver.shared().await(b -> b.contains(incident), java.time.Duration.ofSeconds(20))
                .orElse("no webhook post mentioned " + incident);
    }

    /** Issue 15: the banner said "still no data" long after the criterion was met and the phase signed off. */
    @Test
    void aFiredEscalationResolvesItselfWhenItsConditionEndsAndSaysWhen() {
        List<EscalationResolved> updates = new CopyOnWriteArrayList<>();
        Runnable stop = live.subscribe(EscalationResolved.class, e -> {
            if (e.alert().incidentKey().equals(incident)) {
                updates.add(e);
            }
        });
        try {
            As.user("commander", Role.COMMANDER, () -> escalations.defineRules(incident, "p1",
                    List.of("criterion p95 still not met 30m after phase start")));
            clock.set(T0.plus(Duration.ofMinutes(30)));
            EscalationAlert fired = check().getFirst();
            assertThat(fired.message()).contains("still no data");

            probes.results(target, T0.plus(Duration.ofMinutes(31)), Duration.ofSeconds(10), 6, false, 5);
            clock.set(T0.plus(Duration.ofMinutes(32)));
            SystemActor.run(() -> criteria.reevaluateAll());
            check();
            EscalationAlert still = escalations.openAlerts(incident).getFirst();
            assertThat(still.message()).as("what it said when it fired stays").isEqualTo(fired.message());
            assertThat(still.currentMessage()).as("what holds now").contains("not met").doesNotContain("still no data");
            assertThat(still.checkedAt()).isEqualTo(T0.plus(Duration.ofMinutes(32)));
            assertThat(updates).hasSize(1);

            long audits = auditCount("escalation.resolved");
            // the failures leave the 15-minute window: every run since is fast and successful
            probes.results(target, T0.plus(Duration.ofMinutes(33)), Duration.ofSeconds(10), 102, true, 100);
            clock.set(T0.plus(Duration.ofMinutes(50)));
            SystemActor.run(() -> criteria.reevaluateAll());
            assertThat(check()).isEmpty();
            assertThat(escalations.openAlerts(incident)).as("no longer open once the criterion is met").isEmpty();
            assertThat(escalations.recentlyResolved(incident, Duration.ofMinutes(15))).singleElement().satisfies(a -> {
                assertThat(a.resolvedAt()).isEqualTo(T0.plus(Duration.ofMinutes(50)));
                assertThat(a.resolved()).isTrue();
            });
            assertThat(auditCount("escalation.resolved")).isEqualTo(audits + 1);
            assertThat(events.stream(TimelineNote.class).filter(n -> incident.equals(n.incidentKey())
                    && n.category().equals("escalation.resolved"))).hasSize(1);
            assertThat(updates).hasSize(2);
            check();
            assertThat(auditCount("escalation.resolved")).as("resolved once").isEqualTo(audits + 1);
        } finally {
            stop.run();
        }
    }

    @Test
    void anOverrunResolvesWhenThePhaseCompletesAndAnEpisodeThatHoldsAgainReopensWithoutASecondNotification() {
        As.user("commander", Role.COMMANDER, () -> escalations.defineRules(incident, "p1",
                List.of("phase overran its window")));
        clock.set(T0.plus(Duration.ofHours(1)).plusSeconds(1));
        EscalationAlert fired = check().getFirst();
        phaseTimes.set(incident, "p1", new PhaseTiming(T0, T0.plus(Duration.ofHours(1)), T0.plus(Duration.ofMinutes(61))));
        clock.set(T0.plus(Duration.ofMinutes(62)));
        check();
        assertThat(escalations.openAlerts(incident)).isEmpty();
        assertThat(escalations.recentlyResolved(incident, Duration.ofMinutes(15))).extracting(EscalationAlert::id)
                .containsExactly(fired.id());

        long reopenedBefore = auditCount("escalation.reopened");
        phaseTimes.set(incident, "p1", new PhaseTiming(T0, T0.plus(Duration.ofHours(1)), null)); // reopened phase
        clock.set(T0.plus(Duration.ofMinutes(63)));
        assertThat(check()).as("not a new firing: the same episode").isEmpty();
        assertThat(escalations.openAlerts(incident)).extracting(EscalationAlert::id).containsExactly(fired.id());
        assertThat(banners).as("back on the boards").hasSize(2);
        assertThat(auditCount("escalation.reopened")).isEqualTo(reopenedBefore + 1);
    }

    @Test
    void aMetCriterionDoesNotEscalate() {
        probes.results(target, T0, Duration.ofSeconds(10), 10, true, 100);
        clock.set(T0.plus(Duration.ofMinutes(2)));
        SystemActor.run(() -> criteria.reevaluateAll());
        As.user("commander", Role.COMMANDER, () -> escalations.defineRules(incident, "p1",
                List.of("criterion p95 still not met 1m after phase start")));
        assertThat(check()).isEmpty();
    }

    @Test
    void phaseOverranFiresAfterThePlannedEnd() {
        As.user("commander", Role.COMMANDER, () -> escalations.defineRules(incident, "p1",
                List.of("phase overran its window")));
        clock.set(T0.plus(Duration.ofHours(1)));
        assertThat(check()).isEmpty();
        clock.set(T0.plus(Duration.ofHours(1)).plusSeconds(1));
        assertThat(check()).singleElement().satisfies(a -> assertThat(a.message()).contains("overran"));
    }

    @Test
    void regressionAfterBeingMetFires() {
        As.user("commander", Role.COMMANDER, () -> escalations.defineRules(incident, "p1",
                List.of("criterion redis-ok regressed after being met")));
        probes.results(target, T0, Duration.ofSeconds(10), 6, true, 5);
        clock.set(T0.plusSeconds(60));
        SystemActor.run(() -> criteria.onProbeResult(target));
        assertThat(check()).isEmpty();
        probes.result(target, T0.plusSeconds(70), false, 5);
        clock.set(T0.plusSeconds(75));
        SystemActor.run(() -> criteria.onProbeResult(target));
        assertThat(check()).singleElement().satisfies(a -> assertThat(a.message()).contains("Redis OK").contains("regressed"));

        // the probes stop: the criterion has no data; that is no recovery, the escalation stays open
        clock.set(T0.plus(Duration.ofMinutes(20)));
        SystemActor.run(() -> criteria.reevaluateAll());
        assertThat(criteria.find(new CriterionOwner(incident, "p1", "redis-ok")).orElseThrow().state())
                .isEqualTo(CriterionState.NO_DATA);
        check();
        assertThat(escalations.openAlerts(incident)).as("no data is not a recovery").hasSize(1);
        assertThat(escalations.openAlerts(incident).getFirst().checkedAt()).as("checked now")
                .isEqualTo(T0.plus(Duration.ofMinutes(20)));

        probes.results(target, T0.plus(Duration.ofMinutes(20)), Duration.ofSeconds(10), 6, true, 5);
        clock.set(T0.plus(Duration.ofMinutes(21)));
        SystemActor.run(() -> criteria.reevaluateAll());
        check();
        assertThat(escalations.openAlerts(incident)).as("met again: resolved").isEmpty();
    }

    @Test
    void aCommanderAcknowledgesOnceAndItIsAudited() {
        As.user("commander", Role.COMMANDER, () -> escalations.defineRules(incident, "p1",
                List.of("phase overran its window")));
        clock.set(T0.plus(Duration.ofHours(2)));
        EscalationAlert alert = check().getFirst();
        long audits = auditCount("escalation.acknowledged");
        clock.set(T0.plus(Duration.ofHours(2)).plusSeconds(30));
        EscalationAlert acked = As.user("commander", Role.COMMANDER, () -> escalations.acknowledge(alert.id()));
        assertThat(acked.acknowledgedBy()).isEqualTo("commander");
        assertThat(acked.acknowledgedAt()).isEqualTo(T0.plus(Duration.ofHours(2)).plusSeconds(30));
        assertThat(escalations.openAlerts(incident)).isEmpty();
        assertThat(auditCount("escalation.acknowledged")).isEqualTo(audits + 1);
        assertThatThrownBy(() -> As.user("commander", Role.COMMANDER, () -> escalations.acknowledge(alert.id())))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.getMessage()).contains("already"));
        assertThat(auditCount("escalation.acknowledged")).isEqualTo(audits + 1);
    }

    @Test
    void badRulesNameTheRuleAndWriteNothing() {
        As.user("commander", Role.COMMANDER, () -> escalations.defineRules(incident, "p1",
                List.of("phase overran its window")));
        long audits = jdbc.queryForObject("select count(*) from audit_event", Long.class);
        assertThatThrownBy(() -> As.user("commander", Role.COMMANDER, () -> escalations.defineRules(incident, "p1",
                List.of("criterion nope still not met 5m after phase start", "phase overran its budget",
                        "criterion p95 regressed after being met"))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.names("rules[0]")).isTrue();
                    assertThat(e.getMessage()).contains("no criterion 'nope'");
                    assertThat(e.names("rules[1]")).isTrue();
                    assertThat(e.names("rules[2]")).isFalse();
                });
        assertThatThrownBy(() -> As.user("commander", Role.COMMANDER, () -> escalations.defineRules(incident, null,
                List.of("phase overran its window"))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.names("rules[0]")).isTrue());
        assertThat(escalations.rules(incident, "p1")).extracting(EscalationRuleView::text)
                .containsExactly("phase overran its window");
        assertThat(jdbc.queryForObject("select count(*) from audit_event", Long.class)).isEqualTo(audits);
    }

    long auditCount(String action) {
        return jdbc.queryForObject("select count(*) from audit_event where action = ? and subject = ?", Long.class,
                action, "incident:" + incident);
    }
}
