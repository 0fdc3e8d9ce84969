package org.remediation.console.remediation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.remediation.console.remediation.ActionTestSupport.*;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.remediation.console.cloud.Attributes;
import org.remediation.console.cloud.CloudGateway;
import org.remediation.console.cloud.ResourceState;
import org.remediation.console.cloud.sandbox.Fault;
import org.remediation.console.cloud.sandbox.SandboxAdminService;
import org.remediation.console.security.Role;
import org.remediation.console.support.As;
import org.remediation.console.support.Waits;
import org.remediation.console.support.WebhookReceiver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

@SpringBootTest
@SandboxTestSettings
class ExecutionTest {

    @Autowired
    RemediationService service;
    @Autowired
    CloudGateway gateway;
    @Autowired
    SandboxAdminService sandbox;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestSignals signals;
    @Autowired
    TestClock clock;
    @Autowired
    TimelineCapture timeline;

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
    void twoConcurrentExecutionsOnOneResourceOneWinsAndTheOtherIsToldWhy() throws Exception {
        ActionRecord a = request(service, "operator", ActionKind.HEALTH_CHECK, HEALTH_CHECK, Map.of("checkIntervalSec", "10"));
        ActionRecord b = request(service, "operator", ActionKind.HEALTH_CHECK, HEALTH_CHECK, Map.of("checkIntervalSec", "20"));
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Object>> runs = new ArrayList<>();
        for (ActionRecord r : List.of(a, b)) {
            runs.add(CompletableFuture.supplyAsync(() -> {
                try {
                    Waits.await(go, "the start signal for both executions");
                    return As.user("operator", Role.OPERATOR, () -> service.execute(r.id()));
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
                .satisfies(e -> assertThat(((Exception) e).getMessage()).contains(HEALTH_CHECK.toString())
                        .containsAnyOf("is busy", "changed since"));
        ActionRecord winner = (ActionRecord) results.stream().filter(ActionRecord.class::isInstance).findFirst().orElseThrow();
        assertThat(awaitEnd(service, winner.id()).status()).isEqualTo(ActionStatus.SUCCEEDED);
        assertThat(jdbc.queryForObject("select count(*) from remediation_lock where resource_ref = ?", Long.class,
                HEALTH_CHECK.toString())).isZero();
    }

    @Test
    void anActionOnABusyResourceIsToldWhichActionHoldsIt() {
        ActionRecord a = request(service, "operator", ActionKind.HEALTH_CHECK, HEALTH_CHECK, Map.of("healthyThreshold", "3"));
        ActionRecord b = request(service, "operator", ActionKind.HEALTH_CHECK, HEALTH_CHECK, Map.of("healthyThreshold", "4"));
        As.user("operator", Role.OPERATOR, () -> service.execute(a.id()));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> As.user("commander", Role.COMMANDER, () -> service.execute(b.id())))
                .isInstanceOf(ActionRefusedException.class).hasMessageContaining("is busy: action #" + a.id());
        assertThat(awaitEnd(service, a.id()).status()).isEqualTo(ActionStatus.SUCCEEDED);
    }

    @Test
    void anInjectedFailureMidOperationEndsFailedWithStateAndAuditConsistent() {
        ResourceState before = gateway.read(HEALTH_CHECK);
        As.user("admin", Role.ADMIN, () -> sandbox.setFault(HEALTH_CHECK.toString(), Fault.FAIL));
        ActionRecord a = request(service, "operator", ActionKind.HEALTH_CHECK, HEALTH_CHECK, Map.of("checkIntervalSec", "10"));
        assertThat(As.user("operator", Role.OPERATOR, () -> service.execute(a.id())).status()).isEqualTo(ActionStatus.RUNNING);
        ActionRecord done = awaitEnd(service, a.id());
        assertThat(done.status()).isEqualTo(ActionStatus.FAILED);
        assertThat(done.resultMessage()).contains("failed half-way");
        assertThat(gateway.read(HEALTH_CHECK).attributes()).isEqualTo(before.attributes());
        assertThat(done.afterState()).isEqualTo(before.attributes());
        assertThat(jdbc.queryForObject("select count(*) from remediation_lock where action_id = ?", Long.class, a.id())).isZero();
        assertThat(jdbc.queryForList("select action from audit_event where subject = ? order by seq", String.class, "action:" + a.id()))
                .containsSubsequence("action.previewed", "action.requested", "action.started", "action.failed")
                .doesNotContain("action.succeeded");
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'sandbox.fault.set' and subject = ?",
                Long.class, "sandbox:" + HEALTH_CHECK)).isPositive();
    }

    @Test
    void aPermissionFaultFailsTheActionAtOnceAndSaysWhichRoleIsMissing() {
        As.user("admin", Role.ADMIN, () -> sandbox.setFault("sql.patch", Fault.PERMISSION_DENIED));
        ActionRecord a = request(service, "operator", ActionKind.SQL_FLAG, DATABASE, Map.of("flag", "work_mem", "value", "8192"));
        ActionRecord failed = As.user("operator", Role.OPERATOR, () -> service.execute(a.id()));
        assertThat(failed.status()).isEqualTo(ActionStatus.FAILED);
        assertThat(failed.resultMessage()).contains("cloudsql.instances.update").contains("roles/cloudsql.editor");
        assertThat(jdbc.queryForObject("select count(*) from remediation_lock where action_id = ?", Long.class, a.id())).isZero();
    }

    @Test
    void aRateLimitedChangeWaitsWithTheLockHeldAndIsSentAgainWhenTheCloudAllowsIt() {
        As.user("admin", Role.ADMIN, () -> sandbox.setFault(DATABASE.toString(), Fault.RATE_LIMIT));
        ActionRecord b = request(service, "operator", ActionKind.SQL_FLAG, DATABASE, Map.of("flag", "work_mem", "value", "8192"));
        ActionRecord waiting = As.user("operator", Role.OPERATOR, () -> service.execute(b.id()));
        assertThat(waiting.status()).isEqualTo(ActionStatus.RUNNING);
        assertThat(As.user("viewer", Role.VIEWER, () -> service.trail(b.id()))).anySatisfy(s ->
                assertThat(s.message()).contains("Rate limited").contains("retrying in 5 s"));
        assertThat(jdbc.queryForObject("select count(*) from remediation_lock where action_id = ?", Long.class, b.id()))
                .as("the resource stays locked while the action waits").isEqualTo(1);
        clock.advance(Duration.ofSeconds(6));
        await().atMost(Duration.ofSeconds(10)).until(() -> As.user("viewer", Role.VIEWER, () -> service.trail(b.id()))
                .stream().filter(s -> s.message().contains("retrying in 10 s")).count() == 1);
        assertThat(gateway.read(DATABASE).get("flags.work_mem")).as("refused: nothing changed").isEmpty();

        As.user("admin", Role.ADMIN, () -> sandbox.clearFault(DATABASE.toString()));
        clock.advance(Duration.ofSeconds(11));
        ActionRecord done = awaitEnd(service, b.id());
        assertThat(done.status()).as(done.resultMessage()).isEqualTo(ActionStatus.SUCCEEDED);
        assertThat(gateway.read(DATABASE).get("flags.work_mem")).contains("8192");
        assertThat(As.user("viewer", Role.VIEWER, () -> service.trail(b.id()))).anySatisfy(s ->
                assertThat(s.message()).contains("accepted (sending 3)"));
    }

    @Test
    void aChangeThatStaysRateLimitedFailsAfterTheBusyWaitAndChangesNothing() {
        As.user("admin", Role.ADMIN, () -> sandbox.setFault(DATABASE.toString(), Fault.RATE_LIMIT));
        ActionRecord b = request(service, "operator", ActionKind.SQL_FLAG, DATABASE, Map.of("flag", "work_mem", "value", "4096"));
        As.user("operator", Role.OPERATOR, () -> service.execute(b.id()));
        for (int i = 0; i < 30 && As.user("viewer", Role.VIEWER, () -> service.get(b.id())).status() == ActionStatus.RUNNING; i++) {
            clock.advance(Duration.ofSeconds(61));
            await().pollDelay(Duration.ofMillis(120)).until(() -> true);
        }
        ActionRecord failed = awaitEnd(service, b.id());
        assertThat(failed.status()).isEqualTo(ActionStatus.FAILED);
        assertThat(failed.resultMessage()).contains("rate limited").contains("Nothing was changed");
        assertThat(gateway.read(DATABASE).get("flags.work_mem")).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from remediation_lock where action_id = ?", Long.class, b.id())).isZero();
    }

    @Test
    void aHungOperationIsNotLeftRunningForeverAndTheWatchWindowRollsBackOnRegression() {
        As.user("admin", Role.ADMIN, () -> sandbox.setFault(BACKEND.toString(), Fault.HANG));
        ActionRecord hung = request(service, "operator", ActionKind.RUN_TRAFFIC, BACKEND, Map.of("revision", "netra-backend-00001"));
        As.user("operator", Role.OPERATOR, () -> service.execute(hung.id()));
        await().pollDelay(Duration.ofMillis(300)).until(() -> true);
        assertThat(As.user("viewer", Role.VIEWER, () -> service.get(hung.id())).status()).isEqualTo(ActionStatus.RUNNING);
        resetSandbox(sandbox, jdbc); // the reset abandons the hung operation: the tracker must notice
        ActionRecord ended = awaitEnd(service, hung.id());
        assertThat(ended.status()).isEqualTo(ActionStatus.FAILED);

        signals.set("backend-health", WatchSignals.Level.OK);
        ActionRecord watched = As.user("operator", Role.OPERATOR, () -> service.request(ActionDraft.of(ActionKind.RUN_TRAFFIC,
                BACKEND, Map.of("revision", "netra-backend-00001"), "try the old revision").withWatch(5, List.of("backend-health"), true)
                .forIncident(ActionTestSupport.P3_INCIDENT)));
        As.user("operator", Role.OPERATOR, () -> service.execute(watched.id()));
        assertThat(awaitEnd(service, watched.id()).status()).isEqualTo(ActionStatus.SUCCEEDED);
        signals.set("backend-health", WatchSignals.Level.FAILING);
        await().atMost(Duration.ofSeconds(30)).until(() -> As.user("viewer", Role.VIEWER, () -> service.get(watched.id()))
                .status() == ActionStatus.ROLLED_BACK);
        assertThat(gateway.read(BACKEND).require(Attributes.TRAFFIC)).isEqualTo("LATEST=100");
        assertThat(As.user("viewer", Role.VIEWER, () -> service.trail(watched.id())).stream().map(ActionStep::step))
                .contains("watch-regressed", "rolled-back");
        assertThat(timeline.notes()).anySatisfy(n -> {
            assertThat(n.category()).isEqualTo("action.watch-regressed");
            assertThat(n.facts()).containsEntry("action", "#" + watched.id());
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> WebhookReceiver.shared().bodies("/json").stream()
                .anyMatch(b -> b.contains("\"action\":" + watched.id()) && b.contains("\"rolledBack\":true")));
        signals.set("backend-health", WatchSignals.Level.OK);
    }

    @Test
    void anOverdueOperationFailsTheActionButKeepsTheResourceLockedUntilTheOperationEnds() {
        As.user("admin", Role.ADMIN, () -> sandbox.setFault(HEALTH_CHECK.toString(), Fault.HANG));
        ActionRecord a = request(service, "operator", ActionKind.HEALTH_CHECK, HEALTH_CHECK, Map.of("checkIntervalSec", "40"));
        As.user("operator", Role.OPERATOR, () -> service.execute(a.id()));
        As.user("admin", Role.ADMIN, () -> sandbox.clearFault(HEALTH_CHECK.toString()));
        clock.advance(Duration.ofMinutes(31));
        ActionRecord ended = awaitEnd(service, a.id());
        assertThat(ended.status()).isEqualTo(ActionStatus.FAILED);
        assertThat(ended.resultMessage()).contains("outcome unknown").contains("stays locked until the operation ends");
        await().pollDelay(Duration.ofMillis(300)).until(() -> true);
        assertThat(jdbc.queryForObject("select count(*) from remediation_lock where action_id = ?", Long.class, a.id()))
                .as("the hung operation still runs: a second change must not race it").isEqualTo(1);

        // the provider's operation ends (as Google's eventually do): the lock goes at the next idle check
        jdbc.update("update sandbox_operation set done = true where resource_ref = ? and done = false", HEALTH_CHECK.toString());
        clock.advance(ActionExecutor.IDLE_CHECK.plusSeconds(1));
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "select count(*) from remediation_lock where action_id = ?", Long.class, a.id()) == 0);
        assertThat(As.user("viewer", Role.VIEWER, () -> service.trail(a.id()))).anySatisfy(s ->
                assertThat(s.message()).contains("its lock is released"));
    }

    @Test
    void aLockKeptByAFinishedActionRefusesTheNextActionSayingWhyAndACommanderMayReleaseItWithAReason() {
        ActionRecord next = request(service, "operator", ActionKind.HEALTH_CHECK, HEALTH_CHECK, Map.of("checkIntervalSec", "55"));
        As.user("admin", Role.ADMIN, () -> sandbox.setFault(HEALTH_CHECK.toString(), Fault.HANG));
        ActionRecord kept = request(service, "operator", ActionKind.HEALTH_CHECK, HEALTH_CHECK, Map.of("checkIntervalSec", "50"));
        As.user("operator", Role.OPERATOR, () -> service.execute(kept.id()));
        As.user("admin", Role.ADMIN, () -> sandbox.clearFault(HEALTH_CHECK.toString()));
        clock.advance(Duration.ofMinutes(31));
        assertThat(awaitEnd(service, kept.id()).status()).isEqualTo(ActionStatus.FAILED);
        assertThat(As.user("viewer", Role.VIEWER, () -> service.holdsLock(kept.id()))).as("the hung operation still runs").isTrue();

        assertThatThrownBy(() -> As.user("operator", Role.OPERATOR, () -> service.execute(next.id())))
                .isInstanceOf(ActionRefusedException.class).hasMessageContaining("action #" + kept.id() + ", which has ended")
                .hasMessageContaining("a COMMANDER can release it");
        assertThatThrownBy(() -> As.user("commander", Role.COMMANDER, () -> service.releaseLock(kept.id(), "  ")))
                .isInstanceOf(org.remediation.console.base.InvalidInputException.class).hasMessageContaining("Say why");
        As.user("commander", Role.COMMANDER, () -> service.releaseLock(kept.id(), "no operation in the Cloud Console"));
        assertThat(As.user("viewer", Role.VIEWER, () -> service.holdsLock(kept.id()))).isFalse();
        assertThat(As.user("viewer", Role.VIEWER, () -> service.trail(kept.id()))).anySatisfy(s ->
                assertThat(s.message()).contains("released by commander: no operation in the Cloud Console"));
        assertThatThrownBy(() -> As.user("commander", Role.COMMANDER, () -> service.releaseLock(kept.id(), "again")))
                .isInstanceOf(ActionRefusedException.class).hasMessageContaining("holds no lock");
    }

    @Test
    void anActionWhoseApplyNeverGotAnAnswerIsReconciledAfterTheGracePeriod() {
        ActionRecord a = request(service, "operator", ActionKind.HEALTH_CHECK, HEALTH_CHECK, Map.of("checkIntervalSec", "30"));
        // As if the console had died between taking the lock and storing the cloud's answer.
        jdbc.update("update remediation_action set status = 'RUNNING', started_at = ? where id = ?",
                java.time.OffsetDateTime.ofInstant(clock.instant(), java.time.ZoneOffset.UTC), a.id());
        jdbc.update("insert into remediation_lock (resource_ref, action_id, locked_at) values (?, ?, current_timestamp)",
                HEALTH_CHECK.toString(), a.id());
        await().pollDelay(Duration.ofMillis(300)).until(() -> true);
        assertThat(As.user("viewer", Role.VIEWER, () -> service.get(a.id())).status()).isEqualTo(ActionStatus.RUNNING);
        clock.advance(ActionExecutor.APPLY_GRACE.plusMinutes(1));
        ActionRecord done = awaitEnd(service, a.id());
        assertThat(done.status()).isEqualTo(ActionStatus.FAILED);
        assertThat(done.resultMessage()).contains("console stopped before it stored the cloud's answer")
                .contains("the change was not made");
        assertThat(jdbc.queryForObject("select count(*) from remediation_lock where action_id = ?", Long.class, a.id())).isZero();
    }
}
