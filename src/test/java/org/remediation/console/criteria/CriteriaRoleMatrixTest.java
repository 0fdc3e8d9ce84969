package org.remediation.console.criteria;

import org.springframework.security.test.context.support.WithMockUser;
import org.remediation.console.base.identity.SystemActor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.remediation.console.criteria.PhaseTimes.PhaseTiming;
import org.remediation.console.security.Role;
import org.remediation.console.support.As;
import org.remediation.console.support.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

/** Every role against every state-changing criteria and escalation operation. */
@CriteriaSpringTest
@WithMockUser(username = "viewer", roles = "VIEWER") // reads need a signed-in caller
class CriteriaRoleMatrixTest {

    @Autowired CriteriaService criteria;
    @Autowired EscalationService escalations;
    @Autowired FakePhaseTimes phaseTimes;
    @Autowired FakePhaseOwners phaseOwners;
    @Autowired MutableClock clock;
    @Autowired JdbcTemplate jdbc;

    /** Prepares a fresh incident as a commander and returns the operation to try as the role under test. */
    interface Operation extends Function<CriteriaRoleMatrixTest, Runnable> {
    }

    static final Operation DEFINE_CRITERIA = t -> {
        String incident = t.freshIncident();
        return () -> t.criteria.defineCriteria(incident, "p1",
                List.of(new CriterionDefinition("x", "X", "frontend up")));
    };
    static final Operation CONFIRM_MANUAL = t -> {
        String incident = t.freshIncident();
        return () -> t.criteria.confirmManual(new CriterionOwner(incident, "p1", "qa"), "QA ticket 42 passed");
    };
    static final Operation DEFINE_RULES = t -> {
        String incident = t.freshIncident();
        return () -> t.escalations.defineRules(incident, "p1", List.of("phase overran its window"));
    };
    static final Operation ACKNOWLEDGE = t -> {
        String incident = t.freshIncident();
        As.user("commander", Role.COMMANDER, () -> t.escalations.defineRules(incident, "p1",
                List.of("phase overran its window")));
        Instant now = t.clock.instant();
        t.phaseTimes.set(incident, "p1", new PhaseTiming(now.minus(Duration.ofHours(2)), now.minus(Duration.ofHours(1)), null));
        long id = SystemActor.call(() -> t.escalations.checkAll()).stream().filter(a -> a.incidentKey().equals(incident)).findFirst()
                .orElseThrow().id();
        return () -> t.escalations.acknowledge(id);
    };

    static Stream<Arguments> matrix() {
        Stream.Builder<Arguments> rows = Stream.builder();
        for (Role role : Role.values()) {
            rows.add(Arguments.of(role, "defineCriteria", DEFINE_CRITERIA, Set.of(Role.COMMANDER, Role.ADMIN).contains(role)));
            rows.add(Arguments.of(role, "confirmManual", CONFIRM_MANUAL, Set.of(Role.TEAM_LEAD, Role.COMMANDER).contains(role)));
            rows.add(Arguments.of(role, "defineRules", DEFINE_RULES, role == Role.COMMANDER));
            rows.add(Arguments.of(role, "acknowledge", ACKNOWLEDGE, role == Role.COMMANDER));
        }
        return rows.build();
    }

    @ParameterizedTest(name = "{0} {1}: allowed={3}")
    @MethodSource("matrix")
    void onlyTheRightRolesMayChangeCriteriaAndEscalations(Role role, String name, Operation operation, boolean allowed) {
        Runnable call = operation.apply(this);
        long audits = jdbc.queryForObject("select count(*) from audit_event", Long.class);
        String fingerprint = fingerprint();
        // A team lead must lead the phase's owner (FakePhaseOwners: Infrastructure, led by "lead").
        String user = role == Role.TEAM_LEAD ? "lead" : "someone";
        if (allowed) {
            As.user(user, role, call);
            assertThat(jdbc.queryForObject("select count(*) from audit_event", Long.class)).isEqualTo(audits + 1);
        } else {
            assertThatThrownBy(() -> As.user(user, role, call)).isInstanceOf(AccessDeniedException.class);
            assertThat(jdbc.queryForObject("select count(*) from audit_event", Long.class)).isEqualTo(audits);
            assertThat(fingerprint()).isEqualTo(fingerprint);
        }
    }

    String freshIncident() {
        String incident = "rm-" + UUID.randomUUID().toString().substring(0, 8);
        As.user("commander", Role.COMMANDER, () -> criteria.defineCriteria(incident, "p1",
                List.of(new CriterionDefinition("qa", "QA", "manual: QA confirms"))));
        phaseOwners.set(incident, "p1", new PhaseOwners.PhaseOwner("Infrastructure", false));
        return incident;
    }

    /** Row counts and versions of everything these operations could write. */
    String fingerprint() {
        return jdbc.queryForObject("select count(*) || '/' || coalesce(sum(version), 0) from criterion", String.class)
                + "|" + jdbc.queryForObject("select count(*) from escalation_rule", Long.class)
                + "|" + jdbc.queryForObject("select count(*) || '/' || coalesce(sum(version), 0) from escalation_firing",
                String.class);
    }
}
