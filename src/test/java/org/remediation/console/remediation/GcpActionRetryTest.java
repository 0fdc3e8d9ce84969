package org.remediation.console.remediation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.remediation.console.remediation.ActionTestSupport.awaitEnd;
import static org.remediation.console.remediation.ActionTestSupport.request;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.remediation.console.cloud.Attributes;
import org.remediation.console.cloud.CloudGateway;
import org.remediation.console.cloud.ResourceRef;
import org.remediation.console.cloud.gcp.fake.FakeGoogle;
import org.remediation.console.cloud.gcp.fake.Faults.Fault;
import org.remediation.console.security.Role;
import org.remediation.console.support.As;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The executor as the one retry layer for changes, against the fake Google servers: a busy Cloud SQL
 * instance is waited for and named, a lost answer to an accepted change is found and tracked (never
 * sent twice), a change that was not accepted is sent again with the same request id.
 */
@SpringBootTest
@SandboxTestSettings
class GcpActionRetryTest {

    static final FakeGoogle GOOGLE = FakeGoogle.start();
    static final ResourceRef SQL = ResourceRef.parse("SQL_INSTANCE/us-central1/netra-staging-db");
    static final ResourceRef BACKEND = ResourceRef.parse("RUN_SERVICE/us-central1/netra-backend");
    static final ResourceRef HEALTH_CHECK = ResourceRef.parse("HEALTH_CHECK/global/netra-backend-hc");
    static final String SQL_PATCH = "PATCH /v1/projects/netra-staging/instances/netra-staging-db";
    static final String HC_PATCH = "PATCH /compute/v1/projects/netra-staging/global/healthChecks/netra-backend-hc";

    @DynamicPropertySource
    static void google(DynamicPropertyRegistry registry) {
        GOOGLE.springProperties().forEach((k, v) -> registry.add(k, () -> v));
        registry.add("console.remediation.busy-wait", () -> "3m");
    }

    @Autowired
    RemediationService service;
    @Autowired
    CloudGateway gateway;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    org.remediation.console.incident.IncidentService incidents;
    @Autowired
    org.remediation.console.incident.RunbookService runbooks;

    @BeforeEach
    void incident() {
        ActionTestSupport.ensureP3Incident(incidents, runbooks);
        GOOGLE.faults().clear();
    }

    @AfterEach
    void clearFaults() {
        GOOGLE.faults().clear();
    }

    private ActionRecord execute(ActionRecord a) {
        if (a.approvalRequired()) {
            As.user("commander", Role.COMMANDER, () -> service.approve(a.id()));
        }
        return As.user("operator", Role.OPERATOR, () -> service.execute(a.id()));
    }

    private java.util.List<String> trail(long id) {
        return As.user("viewer", Role.VIEWER, () -> service.trail(id)).stream().map(ActionStep::message).toList();
    }

    @Test
    void aBusyInstanceIsWaitedForWithItsOperationNamedAndTheChangeSentWhenItIsIdle() {
        String backup = GOOGLE.sqlAdmin().startOperation("netra-staging-db", "BACKUP_VOLUME");
        long patchesBefore = GOOGLE.faults().count(SQL_PATCH);
        String value = String.valueOf(200 + (int) (System.nanoTime() % 500));
        ActionRecord a = request(service, "operator", ActionKind.SQL_FLAG, SQL,
                Map.of("flag", "log_min_duration_statement", "value", value));
        assertThat(execute(a).status()).isEqualTo(ActionStatus.RUNNING);
        assertThat(trail(a.id())).anySatisfy(m -> assertThat(m).startsWith("Busy: Cloud SQL operation " + backup)
                .contains("BACKUP_VOLUME").contains("retrying in 5 s"));

        GOOGLE.sqlAdmin().finishOperation(backup);
        clock.advance(Duration.ofSeconds(6));
        ActionRecord done = awaitEnd(service, a.id());
        assertThat(done.status()).as(done.resultMessage()).isEqualTo(ActionStatus.SUCCEEDED);
        assertThat(gateway.read(SQL).require(Attributes.FLAG_PREFIX + "log_min_duration_statement")).isEqualTo(value);
        assertThat(GOOGLE.faults().count(SQL_PATCH) - patchesBefore).as("one refused, one accepted").isEqualTo(2);
    }

    @Test
    void anInstanceThatStaysBusyFailsTheActionNamingTheOperationAndChangesNothing() {
        String backup = GOOGLE.sqlAdmin().startOperation("netra-staging-db", "BACKUP_VOLUME");
        try {
            ActionRecord a = request(service, "operator", ActionKind.SQL_FLAG, SQL,
                    Map.of("flag", "log_min_duration_statement", "value", "9999"));
            execute(a);
            for (int i = 0; i < 40 && As.user("viewer", Role.VIEWER, () -> service.get(a.id())).status() == ActionStatus.RUNNING; i++) {
                clock.advance(Duration.ofSeconds(61));
                await().pollDelay(Duration.ofMillis(150)).until(() -> true);
            }
            ActionRecord failed = awaitEnd(service, a.id());
            assertThat(failed.status()).isEqualTo(ActionStatus.FAILED);
            assertThat(failed.resultMessage()).contains("stayed busy").contains(backup).contains("BACKUP_VOLUME")
                    .contains("Nothing was changed");
            assertThat(gateway.read(SQL).get(Attributes.FLAG_PREFIX + "log_min_duration_statement")).isNotEqualTo(
                    java.util.Optional.of("9999"));
            assertThat(jdbc.queryForObject("select count(*) from remediation_lock where action_id = ?", Long.class, a.id()))
                    .isZero();
        } finally {
            GOOGLE.sqlAdmin().finishOperation(backup);
        }
    }

    @Test
    void aLostAnswerToAnAcceptedChangeIsFoundAmongTheOperationsAndNeverSentTwice() {
        long updatesBefore = GOOGLE.faults().count("UpdateService " + FakeGoogle.LOCATION + "/services/netra-backend");
        String timeout = gateway.read(BACKEND).require(Attributes.TIMEOUT_SECONDS).equals("300") ? "600" : "300";
        GOOGLE.faults().loseAnswer("UpdateService", Fault.internal(), 1);
        ActionRecord a = request(service, "operator", ActionKind.RUN_RESOURCES, BACKEND,
                Map.of(Attributes.TIMEOUT_SECONDS, timeout));
        ActionRecord running = execute(a);
        assertThat(running.status()).isEqualTo(ActionStatus.RUNNING);
        assertThat(running.operationId()).as("the found operation is tracked").isNotNull();
        assertThat(trail(a.id())).anySatisfy(m -> assertThat(m).contains("no clear answer").contains("Found Cloud Run operation"));
        ActionRecord done = awaitEnd(service, a.id());
        assertThat(done.status()).as(done.resultMessage()).isEqualTo(ActionStatus.SUCCEEDED);
        assertThat(gateway.read(BACKEND).require(Attributes.TIMEOUT_SECONDS)).isEqualTo(timeout);
        assertThat(GOOGLE.faults().count("UpdateService " + FakeGoogle.LOCATION + "/services/netra-backend") - updatesBefore)
                .as("sent once").isEqualTo(1);
    }

    @Test
    void aChangeThatWasNotAcceptedIsSentAgainAfterTheConsoleFoundTheResourceUnchangedAndIdle() {
        long patchesBefore = GOOGLE.faults().count(HC_PATCH);
        int startedBefore = GOOGLE.compute().startedChanges();
        int sentBefore = GOOGLE.compute().sentRequestIds().size();
        String threshold = gateway.read(HEALTH_CHECK).require(Attributes.UNHEALTHY_THRESHOLD).equals("3") ? "4" : "3";
        GOOGLE.faults().inject(HC_PATCH, Fault.unavailable());
        ActionRecord a = request(service, "operator", ActionKind.HEALTH_CHECK, HEALTH_CHECK,
                Map.of(Attributes.UNHEALTHY_THRESHOLD, threshold));
        assertThat(execute(a).status()).isEqualTo(ActionStatus.RUNNING);
        assertThat(trail(a.id())).anySatisfy(m -> assertThat(m).contains("resource is unchanged").contains("retrying in 5 s"));
        clock.advance(Duration.ofSeconds(6));
        ActionRecord done = awaitEnd(service, a.id());
        assertThat(done.status()).as(done.resultMessage()).isEqualTo(ActionStatus.SUCCEEDED);
        assertThat(GOOGLE.faults().count(HC_PATCH) - patchesBefore).isEqualTo(2);
        assertThat(GOOGLE.compute().startedChanges() - startedBefore).as("one change started").isEqualTo(1);
        List<String> sent = GOOGLE.compute().sentRequestIds().subList(sentBefore, GOOGLE.compute().sentRequestIds().size());
        assertThat(sent).hasSize(2);
        assertThat(sent.get(0)).as("the re-sent change carries the first sending's request id").isEqualTo(sent.get(1))
                .doesNotEndWith(" null");
        assertThat(gateway.read(HEALTH_CHECK).require(Attributes.UNHEALTHY_THRESHOLD)).isEqualTo(threshold);
    }
}
