package org.remediation.console.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.remediation.console.audit.AuditFilter;
import org.remediation.console.audit.AuditService;
import org.remediation.console.base.identity.SystemActor;
import org.remediation.console.criteria.CriteriaService;
import org.remediation.console.incident.IncidentService;
import org.remediation.console.incident.TestPlans;
import org.remediation.console.probe.ProbeTargetService;
import org.remediation.console.support.As;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;

/** ADR 0009 played as an intruder: no signed-in caller reads nothing; the system identity is no admin. */
@SpringBootTest
class AccessRuleTest {

    @Autowired IncidentService incidents;
    @Autowired ProbeTargetService targets;
    @Autowired CriteriaService criteria;
    @Autowired AuditService audit;

    @Test
    void nobodySignedInReadsNothing() {
        assertThatThrownBy(() -> incidents.list()).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        assertThatThrownBy(() -> targets.list()).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        assertThatThrownBy(() -> audit.append("mallory", "forged", "x", "{}"))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }

    @Test
    void anySignedInUserReads() {
        assertThat(As.viewer(() -> incidents.list())).isNotEmpty();
        assertThat(As.viewer(() -> targets.list())).isNotNull();
    }

    @Test
    void aViewerWritesNothingToTheAuditTrailEvenUnderAnotherName() {
        assertThatThrownBy(() -> As.viewer(() -> audit.append("commander", "forged", "x", "{}")))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void theSystemIdentityReadsButHasNoPersonsRights() {
        assertThat(SystemActor.call(() -> incidents.list())).isNotEmpty();
        assertThatThrownBy(() -> SystemActor.run(() -> incidents.create(TestPlans.newKey(), TestPlans.small())))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> SystemActor.run(() -> targets.delete("backend-health")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> SystemActor.call(() -> audit.verify())).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void onlyTheSystemRunsCriteriaRounds() {
        assertThatThrownBy(() -> As.user("commander", Role.COMMANDER, () -> criteria.reevaluateAll()))
                .isInstanceOf(AccessDeniedException.class);
        SystemActor.run(() -> criteria.reevaluateAll());
        assertThat(As.user("admin", Role.ADMIN, () -> audit.count(AuditFilter.all()))).isPositive();
    }
}
