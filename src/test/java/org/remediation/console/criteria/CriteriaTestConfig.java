package org.remediation.console.criteria;

import java.time.Instant;
import org.springframework.beans.factory.ObjectProvider;
import org.remediation.console.support.MutableClock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** The in-memory probe fixture, a hand-moved clock and fake phase times for criteria tests. */
@TestConfiguration(proxyBeanMethods = false)
public class CriteriaTestConfig {

    @Bean
    @Primary
    InMemoryProbeMeasurements probeMeasurementsFixture(ObjectProvider<CriteriaEngine> engine) {
        InMemoryProbeMeasurements fixture = new InMemoryProbeMeasurements();
        // as ProbeEngineMeasurements does on a target change: the index of who reads what is rebuilt
        fixture.onMembershipChange(() -> engine.ifAvailable(CriteriaEngine::targetsChanged));
        return fixture;
    }

    @Bean
    @Primary
    FakePhaseTimes fakePhaseTimes() {
        return new FakePhaseTimes();
    }

    @Bean
    @Primary
    FakePhaseOwners fakePhaseOwners(ObjectProvider<PhaseOwners> all) {
        return new FakePhaseOwners(all);
    }

    @Bean
    @Primary
    MutableClock criteriaTestClock() {
        return new MutableClock(Instant.parse("2026-11-25T08:00:00Z"));
    }
}
