package org.remediation.console.remediation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.remediation.console.cloud.Attributes.CHECK_INTERVAL_SECONDS;
import static org.remediation.console.remediation.ActionTestSupport.*;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.remediation.console.cloud.sandbox.Fault;
import org.remediation.console.cloud.sandbox.FaultRule;
import org.remediation.console.cloud.sandbox.SandboxAdminService;
import org.remediation.console.security.Role;
import org.remediation.console.support.As;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

/**
 * Every role × every remediation and sandbox operation: an allowed call must have done what it is for
 * (the state it changes, or the value it reads, checked afterwards), a denied one throws and writes nothing.
 */
@SpringBootTest
@SandboxTestSettings
class RoleMatrixTest {

    private static final Set<Role> ACTORS = Set.of(Role.OPERATOR, Role.COMMANDER);

    /** One operation: prepares its fixture (as other users), then returns the cell to try as the role under test. */
    interface Operation {
        Cell<?> prepare(RoleMatrixTest t);
    }

    /**
     * The call to make as the role under test, and what it must have done when allowed: {@code tookEffect}
     * gets the call's result and the caller's name and checks the state the operation is meant to change.
     */
    record Cell<T>(Supplier<T> call, BiConsumer<T, String> tookEffect) {

        void allowedFor(String user, Role role, String name) {
            T result = As.user(user, role, call);
            try {
                tookEffect.accept(result, user);
            } catch (AssertionError e) {
                throw new AssertionError(role + " may " + name + " and was not refused, but the call did not take effect: "
                        + e.getMessage(), e);
            }
        }
    }

    static <T> Cell<T> cell(Supplier<T> call, BiConsumer<T, String> tookEffect) {
        return new Cell<>(call, tookEffect);
    }

    static Cell<Void> cell(Runnable call, Consumer<String> tookEffect) {
        return new Cell<>(() -> {
            call.run();
            return null;
        }, (nothing, user) -> tookEffect.accept(user));
    }

    /** Who makes the call under test (an operation may prepare something of theirs, e.g. their own request). */
    String caller = "";
    @Autowired
    RemediationService service;
    @Autowired
    SandboxAdminService sandbox;
    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    org.remediation.console.incident.IncidentService fixtureIncidents;
    @Autowired
    org.remediation.console.incident.RunbookService fixtureRunbooks;

    @BeforeEach
    void reset() {
        resetSandbox(sandbox, jdbc);
        ActionTestSupport.ensureP3Incident(fixtureIncidents, fixtureRunbooks);
    }

    static Stream<Arguments> matrix() {
        Map<String, Operation> ops = new java.util.LinkedHashMap<>();
        ops.put("preview", t -> {
            long actions = actionCount(t.jdbc);
            return cell(() -> t.service.preview(hc("10")), (preview, user) -> {
                assertThat(preview.preview().resource()).isEqualTo(HEALTH_CHECK);
                assertThat(preview.preview().desired()).containsEntry(CHECK_INTERVAL_SECONDS, "10");
                assertThat(actionCount(t.jdbc)).as("a preview writes nothing").isEqualTo(actions);
            });
        });
        ops.put("request", t -> cell(() -> t.service.request(hc("11")), (requested, user) -> {
            ActionRecord stored = t.read(requested.id());
            assertThat(stored.requestedBy()).isEqualTo(user);
            assertThat(stored.params()).containsEntry(CHECK_INTERVAL_SECONDS, "11");
            assertThat(stored.status().open()).as("%s is open", stored.status()).isTrue();
        }));
        ops.put("approve", t -> {
            long id = t.awaiting();
            return cell(() -> t.service.approve(id), (approved, user) -> {
                assertThat(t.read(id).status()).isEqualTo(ActionStatus.READY);
                assertThat(t.read(id).approvedBy()).isEqualTo(user);
            });
        });
        ops.put("reject", t -> {
            long id = t.awaiting();
            return cell(() -> t.service.reject(id, "no"),
                    (rejected, user) -> assertThat(t.read(id).status()).isEqualTo(ActionStatus.REJECTED));
        });
        ops.put("withdraw", t -> {
            // the caller's own request (made as an OPERATOR under the same name), withdrawn in the role under test
            long id = As.user(t.caller, Role.OPERATOR, () -> t.service.request(hc("14"))).id();
            return cell(() -> t.service.withdraw(id, "not needed after all"), (withdrawn, user) -> {
            assertThat(t.read(withdrawn.id()).status()).isEqualTo(ActionStatus.WITHDRAWN);
            assertThat(t.trail(withdrawn.id())).anySatisfy(step -> {
                assertThat(step.step()).isEqualTo("withdrawn");
                assertThat(step.actor()).isEqualTo(user);
            });
            });
        });
        ops.put("refreshPreview", t -> {
            long id = t.ready("12");
            return cell(() -> t.service.refreshPreview(id), (refreshed, user) ->
                    assertThat(t.trail(id)).as("the action's trail").anySatisfy(step -> {
                        assertThat(step.step()).isEqualTo("previewed");
                        assertThat(step.actor()).isEqualTo(user);
                    }));
        });
        ops.put("execute", t -> {
            long id = t.ready("13");
            return cell(() -> {
                t.service.execute(id);
                return awaitEnd(t.service, id);
            }, (ended, user) -> {
                assertThat(ended.status()).as(ended.resultMessage()).isEqualTo(ActionStatus.SUCCEEDED);
                assertThat(t.liveHealthCheck()).containsEntry(CHECK_INTERVAL_SECONDS, "13");
            });
        });
        ops.put("requestRollback", t -> {
            long id = t.ready("14");
            As.user("commander", Role.COMMANDER, () -> t.service.execute(id));
            awaitEnd(t.service, id);
            return cell(() -> t.service.requestRollback(id, "undo"), (rollback, user) -> {
                ActionRecord stored = t.read(rollback.id());
                assertThat(stored.rollbackOf()).isEqualTo(id);
                assertThat(stored.requestedBy()).isEqualTo(user);
            });
        });
        ops.put("releaseLock", t -> {
            long id = t.ready("15");
            // a finished action that kept its lock (the cloud could not say whether its operation still runs)
            t.jdbc.update("update remediation_action set status = 'FAILED' where id = ?", id);
            t.jdbc.update("delete from remediation_lock where resource_ref = ?", HEALTH_CHECK.toString());
            t.jdbc.update("insert into remediation_lock (resource_ref, action_id, locked_at) values (?, ?, current_timestamp)",
                    HEALTH_CHECK.toString(), id);
            return cell(() -> t.service.releaseLock(id, "checked in the Cloud Console: no operation running"), (r, user) -> {
                assertThat(As.user("viewer", Role.VIEWER, () -> t.service.holdsLock(id))).isFalse();
                assertThat(As.user("viewer", Role.VIEWER, () -> t.service.trail(id))).anySatisfy(step -> assertThat(step.message()).contains("released by " + user)
                        .contains("no operation running"));
            });
        });
        ops.put("inbox", t -> {
            long id = t.awaiting();
            return cell(() -> t.service.inbox(), (inbox, user) -> assertThat(inbox).extracting(ActionRecord::id).contains(id));
        });
        ops.put("setFault", t -> cell(() -> t.sandbox.setFault("run.update", Fault.HANG), (rule, user) ->
                assertThat(t.faults()).anySatisfy(f -> {
                    assertThat(f.target()).isEqualTo("run.update");
                    assertThat(f.fault()).isEqualTo(Fault.HANG);
                    assertThat(f.setBy()).isEqualTo(user);
                })));
        ops.put("clearFault", t -> {
            As.user("admin", Role.ADMIN, () -> t.sandbox.setFault("run.update", Fault.HANG));
            return cell(() -> t.sandbox.clearFault("run.update"),
                    user -> assertThat(t.faults()).extracting(FaultRule::target).doesNotContain("run.update"));
        });
        ops.put("resetTopology", t -> {
            String initial = t.liveHealthCheck().get(CHECK_INTERVAL_SECONDS);
            long id = t.ready("15");
            As.user("commander", Role.COMMANDER, () -> t.service.execute(id));
            assertThat(awaitEnd(t.service, id).status()).as("fixture: the topology moved").isEqualTo(ActionStatus.SUCCEEDED);
            return cell(() -> t.sandbox.resetTopology(), user -> assertThat(t.liveHealthCheck())
                    .as("back to the #1278 state").containsEntry(CHECK_INTERVAL_SECONDS, initial));
        });
        ops.put("faults", t -> {
            As.user("admin", Role.ADMIN, () -> t.sandbox.setFault("run.update", Fault.HANG));
            return cell(() -> t.sandbox.faults(), (faults, user) ->
                    assertThat(faults).extracting(FaultRule::target).contains("run.update"));
        });
        ops.put("history (read)", t -> {
            long id = t.ready("16");
            return cell(() -> t.service.history(ActionFilter.all(), 10), (history, user) ->
                    assertThat(history).extracting(ActionRecord::id).contains(id));
        });
        ops.put("resources (read)", t -> cell(() -> t.service.resources(), (resources, user) ->
                assertThat(resources).anySatisfy(r -> {
                    assertThat(r.ref()).isEqualTo(HEALTH_CHECK);
                    assertThat(r.attributes()).containsKey(CHECK_INTERVAL_SECONDS).doesNotContainKey("error");
                })));
        Stream.Builder<Arguments> rows = Stream.builder();
        for (Role role : Role.values()) {
            ops.forEach((name, op) -> {
                boolean sandboxOp = Set.of("setFault", "clearFault", "resetTopology", "faults").contains(name);
                // reads are open to every signed-in person; the scrape's METRICS account is no person
                boolean allowed = name.endsWith("(read)") ? role != Role.METRICS : sandboxOp ? role == Role.ADMIN
                        : name.equals("releaseLock") ? role == Role.COMMANDER : ACTORS.contains(role);
                rows.add(Arguments.of(role, name, op, allowed));
            });
        }
        return rows.build();
    }

    @ParameterizedTest(name = "{0} {1}: allowed={3}")
    @MethodSource("matrix")
    void rolesAreEnforcedInTheServices(Role role, String name, Operation op, boolean allowed) {
        String user = "matrix-" + role.name().toLowerCase();
        caller = user;
        Cell<?> cell = op.prepare(this);
        long audits = auditCount(jdbc);
        long actions = actionCount(jdbc);
        if (allowed) {
            cell.allowedFor(user, role, name);
        } else {
            assertThatThrownBy(() -> As.user(user, role, cell.call()))
                    .isInstanceOf(AccessDeniedException.class);
            assertThat(auditCount(jdbc)).isEqualTo(audits);
            assertThat(actionCount(jdbc)).isEqualTo(actions);
        }
        As.user("admin", Role.ADMIN, () -> sandbox.clearFault("run.update"));
        jdbc.update("delete from remediation_lock where action_id in (select id from remediation_action where status <> 'RUNNING')");
    }

    private static ActionDraft hc(String interval) {
        return ActionDraft.of(ActionKind.HEALTH_CHECK, HEALTH_CHECK, Map.of(CHECK_INTERVAL_SECONDS, interval), "matrix")
                .forIncident(ActionTestSupport.P3_INCIDENT);
    }

    private long awaiting() {
        return request(service, "requester", ActionKind.SQL_TIER, DATABASE, Map.of("tier", "db-custom-4-15360")).id();
    }

    private long ready(String interval) {
        return As.user("requester", Role.OPERATOR, () -> service.request(hc(interval))).id();
    }

    private ActionRecord read(long id) {
        return As.viewer(() -> service.get(id));
    }

    private List<ActionStep> trail(long id) {
        return As.viewer(() -> service.trail(id));
    }

    private List<FaultRule> faults() {
        return As.user("admin", Role.ADMIN, sandbox::faults);
    }

    /** The health check's live attributes in the sandbox cloud. */
    private Map<String, String> liveHealthCheck() {
        return As.viewer(() -> service.resources()).stream().filter(r -> r.ref().equals(HEALTH_CHECK)).findFirst()
                .orElseThrow().attributes();
    }
}
