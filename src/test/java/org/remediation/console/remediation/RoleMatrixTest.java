package org.remediation.console.remediation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.remediation.console.remediation.ActionTestSupport.*;

import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.remediation.console.cloud.sandbox.Fault;
import org.remediation.console.cloud.sandbox.SandboxAdminService;
import org.remediation.console.security.Role;
import org.remediation.console.support.As;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

/** Every role × every remediation and sandbox operation: allowed ones succeed, denied ones write nothing. */
@SpringBootTest
@SandboxTestSettings
class RoleMatrixTest {

    private static final Set<Role> ACTORS = Set.of(Role.OPERATOR, Role.COMMANDER);

    /** One operation: prepares its fixture (as other users), then returns the call to make as the role under test. */
    interface Operation {
        Runnable prepare(RoleMatrixTest t);
    }

    @Autowired
    RemediationService service;
    @Autowired
    SandboxAdminService sandbox;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void reset() {
        resetSandbox(sandbox, jdbc);
    }

    static Stream<Arguments> matrix() {
        Map<String, Operation> ops = new java.util.LinkedHashMap<>();
        ops.put("preview", t -> () -> t.service.preview(hc("10")));
        ops.put("request", t -> () -> t.service.request(hc("11")));
        ops.put("approve", t -> {
            long id = t.awaiting();
            return () -> t.service.approve(id);
        });
        ops.put("reject", t -> {
            long id = t.awaiting();
            return () -> t.service.reject(id, "no");
        });
        ops.put("refreshPreview", t -> {
            long id = t.ready("12");
            return () -> t.service.refreshPreview(id);
        });
        ops.put("execute", t -> {
            long id = t.ready("13");
            return () -> {
                t.service.execute(id);
                awaitEnd(t.service, id);
            };
        });
        ops.put("requestRollback", t -> {
            long id = t.ready("14");
            As.user("commander", Role.COMMANDER, () -> t.service.execute(id));
            awaitEnd(t.service, id);
            return () -> t.service.requestRollback(id, "undo");
        });
        ops.put("inbox", t -> () -> t.service.inbox());
        ops.put("setFault", t -> () -> t.sandbox.setFault("run.update", Fault.HANG));
        ops.put("clearFault", t -> () -> t.sandbox.clearFault("run.update"));
        ops.put("resetTopology", t -> () -> t.sandbox.resetTopology());
        ops.put("faults", t -> () -> t.sandbox.faults());
        ops.put("history (read)", t -> () -> t.service.history(ActionFilter.all(), 10));
        ops.put("resources (read)", t -> () -> t.service.resources());
        Stream.Builder<Arguments> rows = Stream.builder();
        for (Role role : Role.values()) {
            ops.forEach((name, op) -> {
                boolean sandboxOp = Set.of("setFault", "clearFault", "resetTopology", "faults").contains(name);
                boolean allowed = name.endsWith("(read)") || (sandboxOp ? role == Role.ADMIN : ACTORS.contains(role));
                rows.add(Arguments.of(role, name, op, allowed));
            });
        }
        return rows.build();
    }

    @ParameterizedTest(name = "{0} {1}: allowed={3}")
    @MethodSource("matrix")
    void rolesAreEnforcedInTheServices(Role role, String name, Operation op, boolean allowed) {
        Runnable call = op.prepare(this);
        long audits = auditCount(jdbc);
        long actions = actionCount(jdbc);
        if (allowed) {
            As.user("matrix-" + role.name().toLowerCase(), role, call);
        } else {
            assertThatThrownBy(() -> As.user("matrix-" + role.name().toLowerCase(), role, call))
                    .isInstanceOf(AccessDeniedException.class);
            assertThat(auditCount(jdbc)).isEqualTo(audits);
            assertThat(actionCount(jdbc)).isEqualTo(actions);
        }
        As.user("admin", Role.ADMIN, () -> sandbox.clearFault("run.update"));
    }

    private static ActionDraft hc(String interval) {
        return ActionDraft.of(ActionKind.HEALTH_CHECK, HEALTH_CHECK, Map.of("checkIntervalSec", interval), "matrix");
    }

    private long awaiting() {
        return request(service, "requester", ActionKind.SQL_TIER, DATABASE, Map.of("tier", "db-custom-4-15360")).id();
    }

    private long ready(String interval) {
        return As.user("requester", Role.OPERATOR, () -> service.request(hc(interval))).id();
    }

}
