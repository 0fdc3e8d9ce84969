package org.remediation.console.remediation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.remediation.console.remediation.ActionTestSupport.HEALTH_CHECK;
import static org.remediation.console.remediation.ActionTestSupport.resetSandbox;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.remediation.console.base.InvalidInputException;
import org.remediation.console.cloud.sandbox.SandboxAdminService;
import org.remediation.console.incident.IncidentService;
import org.remediation.console.incident.IncidentStatus;
import org.remediation.console.incident.RunbookService;
import org.remediation.console.incident.Severity;
import org.remediation.console.security.Role;
import org.remediation.console.support.As;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Four-eyes (issue 16, item 5). The attacker is one operator during an open P0 (the demo's INC-1278)
 * who wants to change production alone: by leaving the task link out, by saying "P3" on the form, or
 * by requesting while nothing was P0 and running it after the P0 was declared.
 */
@SpringBootTest
@SandboxTestSettings
@Tag("hostile")
class HostileFourEyesTest {

    @Autowired RemediationService service;
    @Autowired IncidentService incidents;
    @Autowired RunbookService runbooks;
    @Autowired SandboxAdminService sandbox;
    @Autowired JdbcTemplate jdbc;

    static ActionDraft healthCheck(String threshold) {
        return ActionDraft.of(ActionKind.HEALTH_CHECK, HEALTH_CHECK, Map.of("unhealthyThreshold", threshold),
                "tolerate slow starts");
    }

    @BeforeEach
    void reset() {
        resetSandbox(sandbox, jdbc);
        assertThat(As.viewer(() -> incidents.find("INC-1278")).orElseThrow())
                .satisfies(i -> assertThat(i.severity()).isEqualTo(Severity.P0))
                .satisfies(i -> assertThat(i.status()).isNotEqualTo(IncidentStatus.RESOLVED));
    }

    @Test
    void anUnlinkedActionDuringAnOpenP0NeedsASecondPersonWhateverTheFormSays() {
        ActionRecord a = As.user("operator", Role.OPERATOR, () -> service.request(healthCheck("4").withIncident(null, "P3")));
        assertThat(a.status()).isEqualTo(ActionStatus.AWAITING_APPROVAL);
        assertThat(a.incidentSeverity()).isEqualTo("P0");
        assertThat(a.approvalReasons()).contains("is open at P0");
        assertThatThrownBy(() -> As.user("operator", Role.OPERATOR, () -> service.execute(a.id())))
                .isInstanceOf(ActionRefusedException.class).hasMessageContaining("second person");
        assertThatThrownBy(() -> As.user("operator", Role.OPERATOR, () -> service.approve(a.id())))
                .as("the requester cannot approve their own request").isInstanceOf(RuntimeException.class);
        assertThat(As.viewer(() -> service.get(a.id())).status()).isEqualTo(ActionStatus.AWAITING_APPROVAL);
    }

    @Test
    void aServiceAccountsTokenCannotApproveEvenWithTheCommanderRole() {
        ActionRecord a = As.user("operator", Role.OPERATOR, () -> service.request(healthCheck("4").withIncident(null, "P3")));
        // what TokenIntrospector gives a service account's token: its roles and the service-account mark
        var auth = new org.springframework.security.authentication.UsernamePasswordAuthenticationToken("bot", null,
                org.springframework.security.core.authority.AuthorityUtils.createAuthorityList("ROLE_COMMANDER",
                        org.remediation.console.base.identity.CurrentUser.SERVICE_ACCOUNT));
        var context = org.springframework.security.core.context.SecurityContextHolder.createEmptyContext();
        context.setAuthentication(auth);
        var previous = org.springframework.security.core.context.SecurityContextHolder.getContext();
        org.springframework.security.core.context.SecurityContextHolder.setContext(context);
        try {
            assertThatThrownBy(() -> service.approve(a.id())).hasMessageContaining("a person's decision");
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.setContext(previous);
        }
        assertThat(As.viewer(() -> service.get(a.id())).status()).isEqualTo(ActionStatus.AWAITING_APPROVAL);
    }

    @Test
    void thePreviewTellsTheFormTheRuleTheRequestWillGet() {
        ActionPreview p = As.user("operator", Role.OPERATOR, () -> service.preview(healthCheck("5")));
        assertThat(p.approvalRequired()).isTrue();
        assertThat(p.severity()).isEqualTo("P0");
        assertThat(p.approvalReasons()).anySatisfy(r -> assertThat(r).contains("is open at P0"));
    }

    @Test
    void namingALowerSeverityIncidentExplicitlyAppliesItsRuleAndLinksTheActionToIt() {
        String key = p2Incident();
        ActionRecord a = As.user("operator", Role.OPERATOR, () -> service.request(healthCheck("4").forIncident(key)));
        assertThat(a.status()).isEqualTo(ActionStatus.READY);
        assertThat(a.incidentKey()).as("the choice is on the record, on that incident's timeline").isEqualTo(key);
        assertThat(a.incidentSeverity()).isEqualTo("P2");
    }

    /** Review finding: a resolved incident (or a task of it) must not lower the rule during an open P0. */
    @Test
    void namingAResolvedIncidentOrOneOfItsTasksLowersNothing() {
        String key = p2Incident();
        long task = As.viewer(() -> incidents.phases(key).get(0).tasks().get(0).id());
        As.user("commander", Role.COMMANDER, () -> incidents.resolve(key));
        ActionRecord named = As.user("operator", Role.OPERATOR, () -> service.request(healthCheck("4").forIncident(key)));
        ActionRecord viaTask = As.user("operator", Role.OPERATOR, () -> service.request(healthCheck("5")
                .withIncident(String.valueOf(task), null)));
        for (ActionRecord a : java.util.List.of(named, viaTask)) {
            assertThat(a.status()).isEqualTo(ActionStatus.AWAITING_APPROVAL);
            assertThat(a.incidentSeverity()).isEqualTo("P0");
            assertThat(a.incidentKey()).as("still on the named incident's timeline").isEqualTo(key);
            assertThat(a.approvalReasons()).contains("resolved " + key);
        }
    }

    @Test
    void anActionRequestedBeforeItsIncidentBecameP0CannotRunAloneAfterwards() {
        String key = p2Incident();
        ActionRecord a = As.user("operator", Role.OPERATOR, () -> service.request(healthCheck("4").forIncident(key)));
        assertThat(a.status()).isEqualTo(ActionStatus.READY);
        As.user("commander", Role.COMMANDER, () -> incidents.update(key, "Now a P0", Severity.P0, "all down", "commander"));
        assertThatThrownBy(() -> As.user("operator", Role.OPERATOR, () -> service.execute(a.id())))
                .isInstanceOf(ActionRefusedException.class).hasMessageContaining("second person");
        ActionRecord after = As.viewer(() -> service.get(a.id()));
        assertThat(after.status()).isEqualTo(ActionStatus.AWAITING_APPROVAL);
        assertThat(after.approvalReasons()).contains(key).contains("P0");
    }

    @Test
    void aNamedIncidentThatDoesNotExistOrDisagreesWithTheTaskIsRefusedByName() {
        assertThatThrownBy(() -> As.user("operator", Role.OPERATOR, () -> service.request(healthCheck("4").forIncident("INC-NOPE"))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.names("incidentKey")).isTrue());
        long task = As.viewer(() -> incidents.phases("INC-1278").get(0).tasks().get(0).id());
        String key = p2Incident();
        assertThatThrownBy(() -> As.user("operator", Role.OPERATOR, () -> service.request(healthCheck("4")
                .withIncident(String.valueOf(task), null).forIncident(key))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.names("incidentKey")).isTrue());
    }

    String p2Incident() {
        String key = "INC-" + ThreadLocalRandom.current().nextInt(100_000, 999_999_999);
        As.user("commander", Role.COMMANDER, () -> {
            runbooks.importAsIncident(key, runbooks.templateYaml("inc-1278"));
            incidents.update(key, "A P2", Severity.P2, "some", "commander");
        });
        return key;
    }
}
