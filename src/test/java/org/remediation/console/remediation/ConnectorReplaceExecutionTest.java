package org.remediation.console.remediation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.remediation.console.remediation.ActionTestSupport.*;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.remediation.console.base.InvalidInputException;
import org.remediation.console.cloud.Attributes;
import org.remediation.console.cloud.CloudChange;
import org.remediation.console.cloud.CloudException;
import org.remediation.console.cloud.CloudGateway;
import org.remediation.console.cloud.OperationHandle;
import org.remediation.console.cloud.ResourceKind;
import org.remediation.console.cloud.ResourceRef;
import org.remediation.console.cloud.sandbox.SandboxAdminService;
import org.remediation.console.security.Role;
import org.remediation.console.support.As;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** connector-replace through the executor: steps, locks, audit, rollback, the separate delete, crash resume. */
@SpringBootTest
@SandboxTestSettings
class ConnectorReplaceExecutionTest {

    static final ResourceRef NEW = new ResourceRef(ResourceKind.VPC_CONNECTOR, "us-central1", "staging-connector-2");
    static final List<String> SERVICES = List.of("netra-frontend", "netra-auth", "netra-backend");
    static final Map<String, String> PARAMS = Map.of("connector", NEW.name(), "ipCidrRange", "10.166.240.0/28",
            "services", String.join(",", SERVICES));

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

    List<ResourceRef> users(ResourceRef connector) {
        return gateway.topology().servicesUsing(connector);
    }

    @Test
    void theServicesMoveStepByStepUnderOneLockPerResourceAndTheOldConnectorIsDeletedSeparately() {
        ActionRecord a = request(service, "operator", ActionKind.CONNECTOR_REPLACE, CONNECTOR, PARAMS);
        assertThat(a.status()).isEqualTo(ActionStatus.READY);
        assertThat(a.preview().changes()).extracting(DiffRow::attribute).contains("netra-backend.vpcConnector");

        ActionRecord running = As.user("operator", Role.OPERATOR, () -> service.execute(a.id()));
        assertThat(running.status()).isEqualTo(ActionStatus.RUNNING);
        assertThat(jdbc.queryForList("select resource_ref from remediation_lock where action_id = ?", String.class, a.id()))
                .containsExactlyInAnyOrder(CONNECTOR.toString(), NEW.toString(), "RUN_SERVICE/us-central1/netra-frontend",
                        "RUN_SERVICE/us-central1/netra-auth", BACKEND.toString());
        ActionRecord done = awaitEnd(service, a.id());

        assertThat(done.status()).as(done.resultMessage()).isEqualTo(ActionStatus.SUCCEEDED);
        assertThat(users(NEW)).extracting(ResourceRef::name).containsExactlyInAnyOrderElementsOf(SERVICES);
        assertThat(jdbc.queryForObject("select count(*) from remediation_lock where action_id = ?", Long.class, a.id())).isZero();
        assertThat(As.user("viewer", Role.VIEWER, () -> service.trail(a.id()))).extracting(ActionStep::message)
                .anyMatch(m -> m.startsWith("Step 1/4 verified: create connector staging-connector-2"))
                .anyMatch(m -> m.startsWith("Step 4/4 verified: move netra-backend to staging-connector-2"));

        ActionRecord delete = request(service, "operator", ActionKind.CONNECTOR_DELETE, CONNECTOR, Map.of("confirm", CONNECTOR.name()));
        assertThat(delete.status()).as("irreversible: a second person approves").isEqualTo(ActionStatus.AWAITING_APPROVAL);
        As.user("commander", Role.COMMANDER, () -> service.approve(delete.id()));
        As.user("operator", Role.OPERATOR, () -> service.execute(delete.id()));
        ActionRecord deleted = awaitEnd(service, delete.id());
        assertThat(deleted.status()).as(deleted.resultMessage()).isEqualTo(ActionStatus.SUCCEEDED);
        assertThatThrownBy(() -> gateway.read(CONNECTOR)).isInstanceOf(CloudException.class);
    }

    @Test
    void deletingAConnectorThatServicesUseIsRefusedAtRequest() {
        assertThatThrownBy(() -> request(service, "operator", ActionKind.CONNECTOR_DELETE, CONNECTOR,
                Map.of("confirm", CONNECTOR.name()))).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.getMessage()).contains("still used by").contains("netra-backend"));
    }

    @Test
    void theRollbackMovesTheServicesBack() {
        ActionRecord a = request(service, "operator", ActionKind.CONNECTOR_REPLACE, CONNECTOR, PARAMS);
        As.user("operator", Role.OPERATOR, () -> service.execute(a.id()));
        assertThat(awaitEnd(service, a.id()).status()).isEqualTo(ActionStatus.SUCCEEDED);

        ActionRecord back = As.user("operator", Role.OPERATOR, () -> service.requestRollback(a.id(), "egress errors"));
        if (back.status() == ActionStatus.READY) {
            As.user("operator", Role.OPERATOR, () -> service.execute(back.id()));
        }
        ActionRecord done = awaitEnd(service, back.id());

        assertThat(done.status()).as(done.resultMessage()).isEqualTo(ActionStatus.SUCCEEDED);
        assertThat(users(CONNECTOR)).extracting(ResourceRef::name).containsExactlyInAnyOrderElementsOf(SERVICES);
        assertThat(As.user("viewer", Role.VIEWER, () -> service.get(a.id())).status()).isEqualTo(ActionStatus.ROLLED_BACK);
    }

    /** As if the console died during step 2: the stored operation is polled, not sent again. */
    @Test
    void afterACrashTheStoredStepAndOperationAreResumedNotResent() {
        ResourceRef frontend = new ResourceRef(ResourceKind.RUN_SERVICE, "us-central1", "netra-frontend");
        long connectorOps = operations(NEW);
        long frontendOps = operations(frontend);
        ActionRecord a = request(service, "operator", ActionKind.CONNECTOR_REPLACE, CONNECTOR, PARAMS);
        awaitDone(gateway.create(NEW, Map.of(Attributes.NETWORK, "staging-vpc", Attributes.IP_CIDR_RANGE, "10.166.240.0/28",
                Attributes.MACHINE_TYPE, "e2-micro", Attributes.MIN_INSTANCES, "2", Attributes.MAX_INSTANCES, "3")));
        OperationHandle moving = gateway.apply(new CloudChange(frontend, Map.of(Attributes.VPC_CONNECTOR, NEW.name()),
                gateway.read(frontend).fingerprint()));
        crashedAt(a, 1, moving.id());

        ActionRecord done = awaitEnd(service, a.id());

        assertThat(done.status()).as(done.resultMessage()).isEqualTo(ActionStatus.SUCCEEDED);
        assertThat(users(NEW)).extracting(ResourceRef::name).containsExactlyInAnyOrderElementsOf(SERVICES);
        assertThat(operations(NEW) - connectorOps).as("the connector was created once").isEqualTo(1);
        assertThat(operations(frontend) - frontendOps).as("the stored move was polled, not sent again").isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from remediation_lock where action_id = ?", Long.class, a.id())).isZero();
    }

    /** As if the console died after sending step 2 but before storing its operation id. */
    @Test
    void aStepSentButNotStoredIsWaitedForAfterTheGraceNotResent() {
        ResourceRef frontend = new ResourceRef(ResourceKind.RUN_SERVICE, "us-central1", "netra-frontend");
        long frontendOps = operations(frontend);
        ActionRecord a = request(service, "operator", ActionKind.CONNECTOR_REPLACE, CONNECTOR, PARAMS);
        awaitDone(gateway.create(NEW, Map.of(Attributes.NETWORK, "staging-vpc", Attributes.IP_CIDR_RANGE, "10.166.240.0/28",
                Attributes.MACHINE_TYPE, "e2-micro", Attributes.MIN_INSTANCES, "2", Attributes.MAX_INSTANCES, "3")));
        gateway.apply(new CloudChange(frontend, Map.of(Attributes.VPC_CONNECTOR, NEW.name()), gateway.read(frontend).fingerprint()));
        crashedAt(a, 1, null);
        clock.advance(ActionExecutor.APPLY_GRACE.plusMinutes(1));

        ActionRecord done = awaitEnd(service, a.id());

        assertThat(done.status()).as(done.resultMessage()).isEqualTo(ActionStatus.SUCCEEDED);
        assertThat(operations(frontend) - frontendOps).as("the move in flight was not sent again").isEqualTo(1);
        assertThat(users(NEW)).extracting(ResourceRef::name).containsExactlyInAnyOrderElementsOf(SERVICES);
    }

    /** A step whose operation never ends does not keep the action running forever; its resources stay locked. */
    @Test
    void aStepStillUnderWayAfterTheOperationTimeoutFailsTheActionButKeepsItsLocks() {
        ResourceRef frontend = new ResourceRef(ResourceKind.RUN_SERVICE, "us-central1", "netra-frontend");
        ActionRecord a = request(service, "operator", ActionKind.CONNECTOR_REPLACE, CONNECTOR, PARAMS);
        awaitDone(gateway.create(NEW, Map.of(Attributes.NETWORK, "staging-vpc", Attributes.IP_CIDR_RANGE, "10.166.240.0/28",
                Attributes.MACHINE_TYPE, "e2-micro", Attributes.MIN_INSTANCES, "2", Attributes.MAX_INSTANCES, "3")));
        org.remediation.console.support.As.user("admin", org.remediation.console.security.Role.ADMIN,
                () -> sandbox.setFault(frontend.toString(), org.remediation.console.cloud.sandbox.Fault.HANG));
        gateway.apply(new CloudChange(frontend, Map.of(Attributes.VPC_CONNECTOR, NEW.name()), gateway.read(frontend).fingerprint()));
        org.remediation.console.support.As.user("admin", org.remediation.console.security.Role.ADMIN,
                () -> sandbox.clearFault(frontend.toString()));
        crashedAt(a, 1, null);
        clock.advance(ActionExecutor.APPLY_GRACE.plusMinutes(1));
        org.awaitility.Awaitility.await().pollDelay(java.time.Duration.ofMillis(400)).until(() -> true);
        assertThat(org.remediation.console.support.As.user("viewer", org.remediation.console.security.Role.VIEWER,
                () -> service.get(a.id())).status()).as("under way: waited for").isEqualTo(ActionStatus.RUNNING);

        clock.advance(java.time.Duration.ofMinutes(31));
        ActionRecord failed = awaitEnd(service, a.id());
        assertThat(failed.status()).isEqualTo(ActionStatus.FAILED);
        assertThat(failed.resultMessage()).contains("did not complete within").contains("still under way");
        assertThat(jdbc.queryForObject("select count(*) from remediation_lock where action_id = ? and resource_ref = ?",
                Long.class, a.id(), frontend.toString())).as("the hung move keeps its service locked").isEqualTo(1);
    }

    private void crashedAt(ActionRecord a, int step, String operationId) {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        jdbc.update("update remediation_action set status = 'RUNNING', started_at = ?, step_index = ?, step_started_at = ?, "
                + "operation_id = ? where id = ?", now, step, now, operationId, a.id());
        for (String ref : List.of(CONNECTOR.toString(), NEW.toString(), "RUN_SERVICE/us-central1/netra-frontend",
                "RUN_SERVICE/us-central1/netra-auth", BACKEND.toString())) {
            jdbc.update("insert into remediation_lock (resource_ref, action_id, locked_at) values (?, ?, current_timestamp)", ref, a.id());
        }
    }

    private long operations(ResourceRef ref) {
        return jdbc.queryForObject("select count(*) from sandbox_operation where resource_ref = ?", Long.class, ref.toString());
    }

    private void awaitDone(OperationHandle handle) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).pollInterval(java.time.Duration.ofMillis(50))
                .until(() -> gateway.poll(handle).done());
    }
}
