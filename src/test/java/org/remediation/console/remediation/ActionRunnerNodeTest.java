package org.remediation.console.remediation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.remediation.console.remediation.ActionTestSupport.*;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.remediation.console.cloud.CloudGateway;
import org.remediation.console.cloud.OperationHandle;
import org.remediation.console.cloud.sandbox.SandboxAdminService;
import org.remediation.console.security.Role;
import org.remediation.console.support.As;
import org.remediation.console.support.Waits;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 20: an action's change is sent once across consoles. The row lock refuses a second start; a change
 * being sent by another live console ({@code runner_node}) is left to it, and when that console died the
 * operation it started is found and tracked, not sent again. Real sandbox gateway and database; the
 * cluster's liveness is {@link TestNodes}.
 */
@SpringBootTest
@SandboxTestSettings
class ActionRunnerNodeTest {

    private static final String OTHER = "node-b";

    @Autowired RemediationService service;
    @Autowired ActionExecutor executor;
    @Autowired ActionStore store;
    @Autowired ApplyRetries retries;
    @Autowired ActionCatalog catalog;
    @Autowired CloudGateway gateway;
    @Autowired SandboxAdminService sandbox;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestNodes nodes;
    @Autowired TestClock clock;
    @Autowired org.remediation.console.incident.IncidentService fixtureIncidents;
    @Autowired org.remediation.console.incident.RunbookService fixtureRunbooks;

    @BeforeEach
    void reset() {
        resetSandbox(sandbox, jdbc);
        ensureP3Incident(fixtureIncidents, fixtureRunbooks);
    }

    @AfterEach
    void noOtherNode() {
        nodes.died(OTHER);
    }

    @Test
    void anApprovedActionExecutedTwiceAtOnceSendsOneChange() throws Exception {
        ActionRecord a = As.user("operator", Role.OPERATOR, () -> service.request(ActionDraft.of(ActionKind.HEALTH_CHECK,
                HEALTH_CHECK, Map.of("checkIntervalSec", "12"), "test: two consoles execute it").forIncident("INC-1278")));
        assertThat(a.status()).isEqualTo(ActionStatus.AWAITING_APPROVAL);
        As.user("commander", Role.COMMANDER, () -> service.approve(a.id()));
        long before = operations();
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Object>> runs = new ArrayList<>();
        for (String user : List.of("operator", "commander")) {
            runs.add(CompletableFuture.supplyAsync(() -> {
                try {
                    Waits.await(go, "the start signal for both executions");
                    return As.user(user, user.equals("operator") ? Role.OPERATOR : Role.COMMANDER, () -> service.execute(a.id()));
                } catch (RuntimeException | InterruptedException e) {
                    return e;
                }
            }));
        }
        go.countDown();
        List<Object> results = new ArrayList<>();
        for (CompletableFuture<Object> f : runs) {
            results.add(Waits.get(f, "one of the two concurrent execute calls"));
        }
        assertThat(results).filteredOn(ActionRecord.class::isInstance).hasSize(1);
        assertThat(results).filteredOn(ActionRefusedException.class::isInstance).singleElement()
                .satisfies(e -> assertThat(((Exception) e).getMessage()).contains("#" + a.id()).contains("RUNNING"));
        assertThat(awaitEnd(service, a.id()).status()).isEqualTo(ActionStatus.SUCCEEDED);
        assertThat(operations() - before).as("changes sent to the cloud").isEqualTo(1);
        assertThat(store.runner(a.id())).as("no node is sending any more").isNull();
    }

    @Test
    void aChangeBeingSentByAnotherLiveConsoleIsLeftToItAndFoundNotResentWhenItDied() {
        ActionRecord a = request(service, "operator", ActionKind.HEALTH_CHECK, HEALTH_CHECK, Map.of("checkIntervalSec", "14"));
        long before = operations();
        // node-b took the action, sent the change and is still waiting for the cloud's answer; the sending's
        // lease (a RECHECK retry) has run out, so only the runner-node rule keeps this tracker off it
        OperationHandle sent = catalog.get(a.kind()).apply(gateway, a.preview(), ChangeSender.requestId(a));
        Instant started = clock.instant().minus(ActionExecutor.APPLY_GRACE).minusSeconds(1);
        retries.schedule(a.id(), 0, started.plus(ActionExecutor.APPLY_GRACE), ApplyRetries.Reason.RECHECK, started);
        assertThat(store.tryLock(a.resource(), a.id(), started)).isTrue();
        nodes.alive(OTHER);
        jdbc.update("update remediation_action set status = 'RUNNING', started_at = ?, runner_node = ? where id = ?",
                java.sql.Timestamp.from(started), OTHER, a.id());
        Instant lease = retries.of(a.id()).orElseThrow().retryAt();

        executor.track(store.find(a.id()).orElseThrow());

        ActionRecord untouched = store.find(a.id()).orElseThrow();
        assertThat(untouched.status()).isEqualTo(ActionStatus.RUNNING);
        assertThat(untouched.operationId()).isNull();
        assertThat(retries.of(a.id()).orElseThrow().retryAt()).as("the lease was not claimed").isEqualTo(lease);
        assertThat(store.runner(a.id())).isEqualTo(OTHER);

        nodes.died(OTHER);
        ActionRecord done = awaitEnd(service, a.id());
        assertThat(done.status()).as(done.resultMessage()).isEqualTo(ActionStatus.SUCCEEDED);
        assertThat(operations() - before).as("changes sent to the cloud: node-b's only").isEqualTo(1);
        assertThat(jdbc.queryForList("select message from remediation_step where action_id = ?", String.class, a.id()))
                .anySatisfy(m -> assertThat(m).contains("did not report back"));
        assertThat(sent.id()).isNotBlank();
        assertThat(store.runner(a.id())).isNull();
    }

    private long operations() {
        return jdbc.queryForObject("select count(*) from sandbox_operation where resource_ref = ?", Long.class,
                HEALTH_CHECK.toString());
    }
}
