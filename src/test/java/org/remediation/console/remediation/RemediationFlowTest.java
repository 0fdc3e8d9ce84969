package org.remediation.console.remediation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.remediation.console.remediation.ActionTestSupport.*;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.remediation.console.cloud.Attributes;
import org.remediation.console.cloud.CloudGateway;
import org.remediation.console.cloud.ResourceState;
import org.remediation.console.cloud.sandbox.SandboxAdminService;
import org.remediation.console.security.Role;
import org.remediation.console.support.As;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

@SpringBootTest
@SandboxTestSettings
class RemediationFlowTest {

    @Autowired
    RemediationService service;
    @Autowired
    CloudGateway gateway;
    @Autowired
    SandboxAdminService sandbox;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestClock clock;

    @Autowired
    org.remediation.console.incident.IncidentService fixtureIncidents;
    @Autowired
    org.remediation.console.incident.RunbookService fixtureRunbooks;

    @BeforeEach
    void reset() {
        resetSandbox(sandbox, jdbc);
        ActionTestSupport.ensureP3Incident(fixtureIncidents, fixtureRunbooks);
    }

    @Test
    void aHealthCheckChangeNeedsNoSecondPersonRunsVerifiesAndRollsBackToTheExactPriorState() {
        ResourceState original = gateway.read(HEALTH_CHECK);
        ActionRecord a = request(service, "operator", ActionKind.HEALTH_CHECK, HEALTH_CHECK,
                Map.of(Attributes.CHECK_INTERVAL_SECONDS, "10", Attributes.UNHEALTHY_THRESHOLD, "3"));
        assertThat(a.status()).isEqualTo(ActionStatus.READY);
        assertThat(a.approvalRequired()).isFalse();
        assertThat(a.preview().gcloud()).isEqualTo("gcloud compute health-checks update http netra-backend-hc --global "
                + "--check-interval=10s --timeout=5s --healthy-threshold=2 --unhealthy-threshold=3 --project=netra-staging");
        As.user("operator", Role.OPERATOR, () -> service.execute(a.id()));
        ActionRecord done = awaitEnd(service, a.id());
        assertThat(done.status()).as(done.resultMessage()).isEqualTo(ActionStatus.SUCCEEDED);
        assertThat(gateway.read(HEALTH_CHECK).attributes()).containsEntry(Attributes.CHECK_INTERVAL_SECONDS, "10");

        ActionRecord rollback = As.user("commander", Role.COMMANDER, () -> service.requestRollback(a.id(), "drill"));
        assertThat(rollback.rollbackOf()).isEqualTo(a.id());
        As.user("commander", Role.COMMANDER, () -> service.execute(rollback.id()));
        assertThat(awaitEnd(service, rollback.id()).status()).isEqualTo(ActionStatus.SUCCEEDED);
        assertThat(gateway.read(HEALTH_CHECK).attributes()).isEqualTo(original.attributes());
        assertThat(gateway.read(HEALTH_CHECK).fingerprint()).isEqualTo(original.fingerprint());
        assertThat(As.user("viewer", Role.VIEWER, () -> service.get(a.id())).status()).isEqualTo(ActionStatus.ROLLED_BACK);
        assertThat(As.user("viewer", Role.VIEWER, () -> service.trail(a.id())).stream().map(ActionStep::step))
                .as("in the order it happened").containsSubsequence("previewed", "requested", "started", "succeeded", "rolled-back");
    }

    @Test
    void aRestartingChangeNeedsASecondPersonAndTheRequesterCannotApproveIt() {
        ActionRecord a = request(service, "operator", ActionKind.SQL_TIER, DATABASE, Map.of(Attributes.TIER, "db-custom-4-15360"));
        assertThat(a.status()).isEqualTo(ActionStatus.AWAITING_APPROVAL);
        assertThat(a.approvalReasons()).contains("restart");
        long audits = auditCount(jdbc);
        assertThatThrownBy(() -> As.user("operator", Role.OPERATOR, () -> service.approve(a.id())))
                .isInstanceOf(ActionRefusedException.class).hasMessageContaining("second person");
        assertThatThrownBy(() -> As.user("operator", Role.OPERATOR, () -> service.execute(a.id())))
                .isInstanceOf(ActionRefusedException.class).hasMessageContaining("approve");
        assertThat(auditCount(jdbc)).isEqualTo(audits);
        assertThat(As.user("operator", Role.OPERATOR, () -> service.inbox())).extracting(ActionRecord::id).doesNotContain(a.id());
        assertThat(As.user("commander", Role.COMMANDER, () -> service.inbox())).extracting(ActionRecord::id).contains(a.id());
        ActionRecord approved = As.user("commander", Role.COMMANDER, () -> service.approve(a.id()));
        assertThat(approved.status()).isEqualTo(ActionStatus.READY);
        assertThat(approved.approvedBy()).isEqualTo("commander");
        As.user("operator", Role.OPERATOR, () -> service.execute(a.id()));
        assertThat(awaitEnd(service, a.id()).status()).isEqualTo(ActionStatus.SUCCEEDED);
        assertThat(gateway.read(DATABASE).require(Attributes.TIER)).isEqualTo("db-custom-4-15360");
    }

    @Test
    void anExpiredApprovalNeedsANewPreviewAndApproval() {
        ActionRecord a = request(service, "operator", ActionKind.SQL_TIER, DATABASE, Map.of(Attributes.TIER, "db-custom-4-15360"));
        As.user("commander", Role.COMMANDER, () -> service.approve(a.id()));
        clock.advance(Duration.ofMinutes(16));
        assertThatThrownBy(() -> As.user("operator", Role.OPERATOR, () -> service.execute(a.id())))
                .isInstanceOf(ActionRefusedException.class).hasMessageContaining("expired");
        assertThat(As.user("viewer", Role.VIEWER, () -> service.get(a.id())).status()).isEqualTo(ActionStatus.EXPIRED);
        assertThat(gateway.read(DATABASE).require(Attributes.TIER)).isEqualTo("db-custom-2-7680");
        ActionRecord again = As.user("operator", Role.OPERATOR, () -> service.refreshPreview(a.id()));
        assertThat(again.status()).isEqualTo(ActionStatus.AWAITING_APPROVAL);
        assertThat(again.approvedBy()).isNull();
        As.user("reject-er", Role.COMMANDER, () -> service.reject(a.id(), "not needed any more"));
    }

    /** Issue 15: on a P0 the approver was not told a request waits unless they happened to look. */
    @Test
    void aRequestOnAP0IncidentThatNeedsASecondPersonReachesTheWebhooks() {
        ActionRecord a = As.user("operator", Role.OPERATOR, () -> service.request(ActionDraft.of(ActionKind.SQL_TIER,
                DATABASE, Map.of(Attributes.TIER, "db-custom-4-15360"), "more memory for the pooler").withIncident(null, "P0")));
        assertThat(a.status()).isEqualTo(ActionStatus.AWAITING_APPROVAL);
        String body = org.remediation.console.support.WebhookReceiver.shared().await(b -> b.contains("\"source\":\"approval\"")
                && b.contains("\"action\":" + a.id()), Duration.ofSeconds(10)).orElse("no approval notification for #" + a.id());
        assertThat(body).contains("\"severity\":\"P0\"").contains("waits for approval").contains("operator");

        ActionRecord p2 = As.user("operator", Role.OPERATOR, () -> service.request(ActionDraft.of(ActionKind.SQL_TIER,
                DATABASE, Map.of(Attributes.TIER, "db-custom-4-15360"), "same, on a P3").forIncident(ActionTestSupport.P3_INCIDENT)));
        assertThat(org.remediation.console.support.WebhookReceiver.shared().await(b -> b.contains("\"action\":" + p2.id())
                && b.contains("approval"), Duration.ofSeconds(2))).as("only P0 requests go to chat").isEmpty();
    }

    /** Issue 15: "Withdraw" opened "Why reject?" and recorded a rejection. */
    @Test
    void onlyTheRequesterWithdrawsAndItIsRecordedAsAWithdrawalNotARejection() {
        ActionRecord a = request(service, "operator", ActionKind.SQL_TIER, DATABASE, Map.of(Attributes.TIER, "db-custom-4-15360"));
        assertThatThrownBy(() -> As.user("commander", Role.COMMANDER, () -> service.withdraw(a.id(), "mine now")))
                .isInstanceOf(ActionRefusedException.class).hasMessageContaining("Only operator").hasMessageContaining("reject it instead");
        assertThatThrownBy(() -> As.user("operator", Role.OPERATOR, () -> service.withdraw(a.id(), " ")))
                .isInstanceOf(org.remediation.console.base.InvalidInputException.class);
        ActionRecord w = As.user("operator", Role.OPERATOR, () -> service.withdraw(a.id(), "the vendor fixed it"));
        assertThat(w.status()).isEqualTo(ActionStatus.WITHDRAWN);
        assertThat(As.viewer(() -> service.trail(a.id()))).extracting(ActionStep::step).contains("withdrawn")
                .doesNotContain("rejected");
        assertThatThrownBy(() -> As.user("operator", Role.OPERATOR, () -> service.withdraw(a.id(), "again")))
                .isInstanceOf(ActionRefusedException.class).hasMessageContaining("can no longer be withdrawn");
        assertThat(gateway.read(DATABASE).require(Attributes.TIER)).isEqualTo("db-custom-2-7680");
    }

    @Test
    void aStateChangeAfterThePreviewVoidsTheApproval() {
        ActionRecord tier = request(service, "operator", ActionKind.SQL_TIER, DATABASE, Map.of(Attributes.TIER, "db-custom-4-15360"));
        ActionRecord flag = request(service, "operator", ActionKind.SQL_FLAG, DATABASE, Map.of("flag", "max_connections", "value", "200"));
        As.user("commander", Role.COMMANDER, () -> service.approve(tier.id()));
        As.user("commander", Role.COMMANDER, () -> service.approve(flag.id()));
        As.user("operator", Role.OPERATOR, () -> service.execute(flag.id()));
        assertThat(awaitEnd(service, flag.id()).status()).isEqualTo(ActionStatus.SUCCEEDED);
        assertThatThrownBy(() -> As.user("operator", Role.OPERATOR, () -> service.execute(tier.id())))
                .isInstanceOf(ActionRefusedException.class).hasMessageContaining("changed since");
        assertThat(As.user("viewer", Role.VIEWER, () -> service.get(tier.id())).status()).isEqualTo(ActionStatus.STALE);
        assertThat(gateway.read(DATABASE).require(Attributes.TIER)).isEqualTo("db-custom-2-7680");
    }
}
