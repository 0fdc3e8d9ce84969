package org.remediation.console.drills;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.remediation.console.ConsoleApplication;
import org.remediation.console.audit.AuditService;
import org.remediation.console.audit.ChainVerification;
import org.remediation.console.remediation.ActionRecord;
import org.remediation.console.remediation.ActionStatus;
import org.remediation.console.remediation.RemediationService;
import org.remediation.console.security.Role;
import org.remediation.console.support.As;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Drill: the console is killed with SIGKILL (no shutdown hooks, no graceful stop) while a sandbox
 * action is in flight. The console runs as its own JVM on an H2 file; after the kill a new console
 * on the same file reconciles the action (it ends SUCCEEDED or FAILED, never stays RUNNING), its
 * request, approval and start are still in the audit trail, and the chain verifies.
 */
class KillDuringActionDrillTest {

    @TempDir
    Path dir;

    @Test
    void anActionInFlightWhenTheProcessIsKilledIsReconciledAndTheAuditChainVerifies() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("console") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        Path idFile = dir.resolve("action-id");
        Path log = dir.resolve("console.log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), ConsoleApplication.class.getName(),
                "--spring.datasource.url=" + url, "--server.port=0", "--server.address=127.0.0.1",
                "--console.sandbox.operation-duration=12s", "--console.remediation.poll-interval=100ms",
                "--console.drills.in-flight-action-file=" + idFile));
        Process console = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long actionId;
        try {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                    .failFast("the console process exited; see " + log, () -> !console.isAlive())
                    .until(() -> Files.exists(idFile) && Files.readString(idFile).split(" ").length == 3);
            String[] written = Files.readString(idFile).split(" ");
            actionId = Long.parseLong(written[0]);
            assertThat(written[1]).isEqualTo(ActionStatus.RUNNING.name());
            assertThat(written[2]).as("the cloud operation id").isNotEqualTo("null");
        } finally {
            console.toHandle().destroyForcibly(); // SIGKILL
            assertThat(console.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(console.exitValue()).as("killed by SIGKILL").isEqualTo(137);

        try (ConfigurableApplicationContext restarted = new SpringApplicationBuilder(ConsoleApplication.class).run(
                "--spring.datasource.url=" + url, "--server.port=0", "--console.sandbox.operation-duration=3s",
                "--console.remediation.poll-interval=100ms", "--console.remediation.operation-timeout=45s")) {
            RemediationService remediation = restarted.getBean(RemediationService.class);
            long deadline = System.nanoTime() + Duration.ofSeconds(75).toNanos();
            ActionRecord reconciled = As.user("viewer", Role.VIEWER, () -> remediation.get(actionId));
            while (reconciled.status() == ActionStatus.RUNNING && System.nanoTime() < deadline) {
                Thread.sleep(200);
                reconciled = As.user("viewer", Role.VIEWER, () -> remediation.get(actionId));
            }
            assertThat(reconciled.status()).as("still running after the restart: %s; clock %s; trackers:%n%s", reconciled,
                    restarted.getBean(java.time.Clock.class), trackerStacks()).isNotEqualTo(ActionStatus.RUNNING);
            assertThat(reconciled.status()).as(reconciled.resultMessage()).isIn(ActionStatus.SUCCEEDED, ActionStatus.FAILED);
            assertThat(reconciled.resultMessage()).isNotBlank();

            JdbcTemplate jdbc = restarted.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("select count(*) from remediation_lock", Long.class)).isZero();
            List<String> trail = jdbc.queryForList("select action from audit_event where subject = ? order by seq",
                    String.class, "action:" + actionId);
            assertThat(trail).as("audit of action %s", actionId).hasSizeGreaterThanOrEqualTo(4);
            ChainVerification chain = As.user("admin", Role.ADMIN, () -> restarted.getBean(AuditService.class).verify());
            assertThat(chain.valid()).as(chain.message()).isTrue();
            System.out.printf("kill -9 drill: action %d %s after restart (%s); audit %s; chain %d events valid%n",
                    actionId, reconciled.status(), reconciled.resultMessage(), trail, chain.eventsChecked());
        }
    }

    /** Where the remediation trackers are, should reconciliation not happen (diagnostics only). */
    private static String trackerStacks() {
        StringBuilder out = new StringBuilder();
        Thread.getAllStackTraces().forEach((thread, stack) -> {
            if (thread.getName().startsWith("remediation-tracker")) {
                out.append(thread.getName()).append(' ').append(thread.getState()).append('\n');
                for (StackTraceElement e : stack) {
                    out.append("    at ").append(e).append('\n');
                }
            }
        });
        return out.toString();
    }
}
