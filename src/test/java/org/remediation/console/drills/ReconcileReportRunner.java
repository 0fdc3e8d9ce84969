package org.remediation.console.drills;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.remediation.console.audit.AuditService;
import org.remediation.console.audit.ChainVerification;
import org.remediation.console.remediation.ActionRecord;
import org.remediation.console.remediation.ActionStatus;
import org.remediation.console.remediation.RemediationService;
import org.remediation.console.security.Role;
import org.remediation.console.support.As;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Test-only: in the console process restarted by the kill drill, waits (bounded) until the action
 * left in flight is no longer RUNNING, verifies the audit chain and writes what it found to a file
 * for the drill to assert. Inactive unless {@code console.drills.reconcile-report-file} is set.
 * It waits on its own thread once the application is ready: the action tracker starts on
 * ApplicationReadyEvent, which Spring publishes only after every ApplicationRunner has returned.
 */
@Component
@ConditionalOnProperty("console.drills.reconcile-report-file")
class ReconcileReportRunner {

    private final RemediationService remediation;
    private final AuditService audit;
    private final JdbcTemplate jdbc;
    private final Path file;
    private final long actionId;

    ReconcileReportRunner(RemediationService remediation, AuditService audit, JdbcTemplate jdbc,
                          @Value("${console.drills.reconcile-report-file}") String file,
                          @Value("${console.drills.action-id}") long actionId) {
        this.remediation = remediation;
        this.audit = audit;
        this.jdbc = jdbc;
        this.file = Path.of(file);
        this.actionId = actionId;
    }

    @EventListener(ApplicationReadyEvent.class)
    void startWaiting() {
        Thread.ofVirtual().name("drill-reconcile-report").start(() -> {
            try {
                report();
            } catch (Exception e) {
                throw new IllegalStateException("the reconcile report could not be written", e);
            }
        });
    }

    private void report() throws Exception {
        long deadline = System.nanoTime() + 75_000_000_000L;
        ActionRecord a = As.user("viewer", Role.VIEWER, () -> remediation.get(actionId));
        while (a.status() == ActionStatus.RUNNING && System.nanoTime() < deadline) {
            Thread.sleep(200);
            a = As.user("viewer", Role.VIEWER, () -> remediation.get(actionId));
        }
        ChainVerification chain = As.user("admin", Role.ADMIN, audit::verify);
        List<String> trail = jdbc.queryForList("select action from audit_event where subject = ? order by seq", String.class,
                "action:" + actionId);
        long locks = jdbc.queryForObject("select count(*) from remediation_lock", Long.class);
        Files.write(file.resolveSibling(file.getFileName() + ".tmp"), List.of(a.status().name(), String.valueOf(a.resultMessage()),
                String.join(",", trail), String.valueOf(locks), String.valueOf(chain.valid()), chain.message(),
                String.valueOf(chain.eventsChecked())));
        Files.move(file.resolveSibling(file.getFileName() + ".tmp"), file);
    }
}
