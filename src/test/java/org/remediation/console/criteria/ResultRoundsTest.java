package org.remediation.console.criteria;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.remediation.console.base.identity.SystemActor;
import org.remediation.console.security.Role;
import org.remediation.console.support.As;
import org.remediation.console.support.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * Probe results reach criteria through an index and coalesced rounds (issue 14): a result marks only
 * the criteria that read its target, a round evaluates each marked criterion once however many
 * results marked it, and a result nobody reads costs no round and no query.
 */
@CriteriaSpringTest
@WithMockUser(username = "viewer", roles = "VIEWER")
class ResultRoundsTest {

    static final Instant T0 = Instant.parse("2026-11-30T09:00:00Z");

    @Autowired CriteriaService criteria;
    @Autowired CriteriaEngine engine;
    @Autowired InMemoryProbeMeasurements probes;
    @Autowired MutableClock clock;

    final String incident = "inc-" + UUID.randomUUID().toString().substring(0, 8);
    final String target = "t-" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void setUp() {
        clock.set(T0);
    }

    void define(String text) {
        As.user("commander", Role.COMMANDER, () -> criteria.defineCriteria(incident, "p1",
                List.of(new CriterionDefinition("c", "Criterion", text))));
    }

    CriterionState state() {
        return criteria.find(new CriterionOwner(incident, "p1", "c")).orElseThrow().state();
    }

    void evaluateMarked() {
        SystemActor.run(criteria::evaluateMarked);
    }

    @Test
    void resultsOfATargetNoCriterionReadsRunNoRoundAndNoQuery() {
        define(target + " success-rate >= 99 % over 15m");
        engine.resultArrived(target); // builds the index once
        evaluateMarked();
        long rounds = engine.rounds();
        long builds = engine.indexBuilds();

        for (int i = 0; i < 1_000; i++) {
            engine.resultArrived(target + "-unread-" + (i % 10));
        }
        evaluateMarked();

        assertThat(engine.rounds()).as("rounds run for unread targets").isEqualTo(rounds);
        assertThat(engine.indexBuilds()).as("index rebuilt (a query) without any change").isEqualTo(builds);
    }

    @Test
    void aThousandResultsOfOneTargetAreJudgedInOneRoundOnTheirLatestData() {
        define(target + " success-rate >= 99 % over 15m");
        probes.results(target, T0.plusSeconds(1), Duration.ofSeconds(1), 30, true, 20);
        clock.set(T0.plusSeconds(31));
        engine.resultArrived(target);
        evaluateMarked();
        assertThat(state()).isEqualTo(CriterionState.MET);

        probes.results(target, T0.plusSeconds(31), Duration.ofMillis(10), 1_000, false, 0); // pure failure
        clock.set(T0.plusSeconds(45));
        long rounds = engine.rounds();
        for (int i = 0; i < 1_000; i++) {
            engine.resultArrived(target);
        }
        assertThat(state()).as("nothing is judged before the round").isEqualTo(CriterionState.MET);
        evaluateMarked();
        evaluateMarked(); // nothing left marked: no second round

        assertThat(engine.rounds() - rounds).as("rounds for 1,000 results").isEqualTo(1);
        assertThat(state()).isEqualTo(CriterionState.NOT_MET);
    }

    @Test
    void aCriterionDefinedAfterTheIndexWasBuiltIsMarkedByItsTarget() {
        engine.resultArrived(target); // index built while no criterion reads the target
        define(target + " success-rate >= 99 % over 15m");
        assertThat(state()).isEqualTo(CriterionState.NO_DATA);

        probes.results(target, T0.plusSeconds(1), Duration.ofSeconds(1), 10, true, 20);
        clock.set(T0.plusSeconds(11));
        engine.resultArrived(target);
        evaluateMarked();

        assertThat(state()).isEqualTo(CriterionState.MET);
    }

    @Test
    void aTargetThatJoinsAGroupMarksTheGroupsCriteria() {
        String group = "g-" + target;
        String joiner = target + "-joiner";
        probes.group(group, target);
        probes.results(target, T0.plusSeconds(1), Duration.ofSeconds(1), 10, true, 20);
        clock.set(T0.plusSeconds(11));
        define("group " + group + " success-rate >= 99 % over 15m");
        assertThat(state()).isEqualTo(CriterionState.MET);
        engine.resultArrived(joiner); // index built before the joiner is in the group

        probes.group(group, target, joiner);
        probes.results(joiner, T0.plusSeconds(1), Duration.ofSeconds(1), 10, false, 0);
        engine.resultArrived(joiner);
        evaluateMarked();

        assertThat(state()).as("the group with a failing member").isEqualTo(CriterionState.NOT_MET);
    }
}
