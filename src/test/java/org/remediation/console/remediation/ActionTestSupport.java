package org.remediation.console.remediation;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import org.remediation.console.cloud.ResourceKind;
import org.remediation.console.cloud.ResourceRef;
import org.remediation.console.cloud.sandbox.SandboxAdminService;
import org.remediation.console.incident.IncidentService;
import org.remediation.console.incident.RunbookService;
import org.remediation.console.incident.Severity;
import org.remediation.console.security.Role;
import org.remediation.console.support.As;
import org.springframework.jdbc.core.JdbcTemplate;

/** Shared steps for remediation integration tests. */
public final class ActionTestSupport {

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

    /**
     * An open P3 incident the mechanics tests name: unlinked actions take the most severe open incident's
     * severity, and the demo's INC-1278 is an open P0, so without it every action would wait for a second
     * person. The tests of the approval rule itself use INC-1278 or leave the link out.
     */
    public static final String P3_INCIDENT = "INC-3000003";

    public static void ensureP3Incident(IncidentService incidents, RunbookService runbooks) {
        As.user("commander", Role.COMMANDER, () -> {
            if (incidents.find(P3_INCIDENT).isEmpty()) {
                runbooks.importAsIncident(P3_INCIDENT, runbooks.templateYaml("inc-1278"));
                incidents.update(P3_INCIDENT, "Fixture incident at P3", Severity.P3, "none", "commander");
            }
        });
    }

    /** Requests on the P3 fixture incident (see {@link #ensureP3Incident}): no second person for P0's sake. */
    static ActionRecord request(RemediationService service, String user, ActionKind kind, ResourceRef ref,
                                Map<String, String> params) {
        return As.user(user, Role.OPERATOR, () -> service.request(ActionDraft.of(kind, ref, params, "test: " + kind.spec())
                .forIncident(P3_INCIDENT)));
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
