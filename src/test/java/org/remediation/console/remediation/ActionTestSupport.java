package org.remediation.console.remediation;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import org.remediation.console.cloud.ResourceKind;
import org.remediation.console.cloud.ResourceRef;
import org.remediation.console.cloud.sandbox.SandboxAdminService;
import org.remediation.console.security.Role;
import org.remediation.console.support.As;
import org.springframework.jdbc.core.JdbcTemplate;

/** Shared steps for remediation integration tests. */
final class ActionTestSupport {

    static final ResourceRef CONNECTOR = new ResourceRef(ResourceKind.VPC_CONNECTOR, "us-central1", "staging-connector");
    static final ResourceRef DATABASE = new ResourceRef(ResourceKind.SQL_INSTANCE, "us-central1", "netra-staging-db");
    static final ResourceRef HEALTH_CHECK = new ResourceRef(ResourceKind.HEALTH_CHECK, "global", "netra-backend-hc");
    static final ResourceRef BACKEND = new ResourceRef(ResourceKind.RUN_SERVICE, "us-central1", "netra-backend");

    private ActionTestSupport() {
    }

    static void resetSandbox(SandboxAdminService admin, JdbcTemplate jdbc) {
        As.user("admin", Role.ADMIN, () -> {
            admin.faults().forEach(f -> admin.clearFault(f.target()));
            admin.resetTopology();
        });
        // Locks of actions a previous test abandoned on purpose (the sandbox reset ended their operations).
        jdbc.update("delete from remediation_lock where action_id in (select id from remediation_action where status <> 'RUNNING')");
    }

    static ActionRecord request(RemediationService service, String user, ActionKind kind, ResourceRef ref,
                                Map<String, String> params) {
        return As.user(user, Role.OPERATOR, () -> service.request(ActionDraft.of(kind, ref, params, "test: " + kind.spec())));
    }

    static ActionRecord awaitEnd(RemediationService service, long id) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> As.user("viewer", Role.VIEWER, () -> service.get(id)).status() != ActionStatus.RUNNING);
        return As.user("viewer", Role.VIEWER, () -> service.get(id));
    }

    static long auditCount(JdbcTemplate jdbc) {
        return jdbc.queryForObject("select count(*) from audit_event", Long.class);
    }

    static long actionCount(JdbcTemplate jdbc) {
        return jdbc.queryForObject("select count(*) from remediation_action", Long.class);
    }
}
