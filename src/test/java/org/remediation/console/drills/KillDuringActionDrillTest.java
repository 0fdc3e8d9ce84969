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
import org.remediation.console.remediation.ActionStatus;

/**
 * Drill: the console is killed with SIGKILL (no shutdown hooks, no graceful stop) while a sandbox
 * action is in flight. The console runs as its own JVM on an H2 file; after the kill a second
 * console process on the same file reconciles the action (it ends SUCCEEDED or FAILED, never stays
 * RUNNING), its request, approval and start are still in the audit trail, and the chain verifies.
 */
class KillDuringActionDrillTest {

    @TempDir
    Path dir;

    @Test
    void anActionInFlightWhenTheProcessIsKilledIsReconciledAndTheAuditChainVerifies() throws Exception {
        // As the embedded default: WRITE_DELAY=0, or H2 keeps commits of the last 500 ms in memory and SIGKILL loses them.
        String url = "jdbc:h2:file:" + dir.resolve("console") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0";
        Path idFile = dir.resolve("action-id");
        Process first = console(dir.resolve("first.log"), "--spring.datasource.url=" + url,
                "--console.sandbox.operation-duration=12s", "--console.drills.in-flight-action-file=" + idFile);
        long actionId;
        try {
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                    .failFast("the console process exited; see first.log", () -> !first.isAlive())
                    .until(() -> Files.exists(idFile) && Files.readString(idFile).split(" ").length == 3);
            String[] written = Files.readString(idFile).split(" ");
            actionId = Long.parseLong(written[0]);
            assertThat(written[1]).isEqualTo(ActionStatus.RUNNING.name());
            assertThat(written[2]).as("the cloud operation id").isNotEqualTo("null");
        } finally {
            first.toHandle().destroyForcibly(); // SIGKILL
            assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(first.exitValue()).as("killed by SIGKILL").isEqualTo(137);

        Path report = dir.resolve("reconciled");
        Process second = console(dir.resolve("second.log"), "--spring.datasource.url=" + url,
                "--console.sandbox.operation-duration=3s", "--console.remediation.operation-timeout=45s",
                "--console.drills.reconcile-report-file=" + report, "--console.drills.action-id=" + actionId);
        List<String> found;
        try {
            await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(200))
                    .failFast("the restarted console exited; see second.log", () -> !second.isAlive())
                    .until(() -> Files.exists(report));
            found = Files.readAllLines(report);
        } catch (RuntimeException e) {
            String log = Files.readString(dir.resolve("second.log"));
            throw new AssertionError("restart failed; causes:\n" + String.join("\n", log.lines()
                    .filter(l -> l.contains("Caused by") || l.contains("Exception:") || l.contains("ERROR")).toList()), e);
        } finally {
            second.destroy();
            if (!second.waitFor(30, TimeUnit.SECONDS)) {
                second.destroyForcibly();
            }
        }
        assertThat(found.get(0)).as("status after the restart (%s)", found.get(1)).isIn("SUCCEEDED", "FAILED");
        assertThat(found.get(1)).isNotBlank().isNotEqualTo("null");
        assertThat(List.of(found.get(2).split(","))).as("audit trail of action %s", actionId)
                .startsWith("action.previewed", "action.requested", "action.approved", "action.started")
                .last().isIn("action.succeeded", "action.failed");
        assertThat(found.get(3)).as("resource locks left").isEqualTo("0");
        assertThat(found.get(4)).as("audit chain: %s", found.get(5)).isEqualTo("true");
        System.out.printf("kill -9 drill: action %d %s after restart (%s); audit %s; chain %s events valid%n",
                actionId, found.get(0), found.get(1), found.get(2), found.get(6));
    }

    private static Process console(Path log, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), ConsoleApplication.class.getName(),
                "--server.port=0", "--server.address=127.0.0.1", "--console.remediation.poll-interval=100ms"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }
}
