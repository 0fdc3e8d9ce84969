package org.remediation.console.drills;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.remediation.console.cloud.ResourceKind;
import org.remediation.console.cloud.ResourceRef;
import org.remediation.console.remediation.ActionDraft;
import org.remediation.console.remediation.ActionKind;
import org.remediation.console.remediation.ActionRecord;
import org.remediation.console.remediation.ActionStatus;
import org.remediation.console.remediation.RemediationService;
import org.remediation.console.security.Role;
import org.remediation.console.support.As;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Test-only: in the console process the kill drill starts, requests, approves and executes a
 * connector scale-up through the public service, waits until the cloud operation is under way, then
 * writes the action id to a file so the drill knows when to kill. Inactive unless {@code console.drills.in-flight-action-file} is set.
 */
@Component
@ConditionalOnProperty("console.drills.in-flight-action-file")
class InFlightActionRunner implements ApplicationRunner {

    static final ResourceRef CONNECTOR = new ResourceRef(ResourceKind.VPC_CONNECTOR, "us-central1", "staging-connector");

    private final RemediationService remediation;
    private final Path file;

    InFlightActionRunner(RemediationService remediation, @Value("${console.drills.in-flight-action-file}") String file) {
        this.remediation = remediation;
        this.file = Path.of(file);
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        ActionRecord requested = As.user("operator", Role.OPERATOR, () -> remediation.request(ActionDraft.of(
                ActionKind.SCALE_CONNECTOR, CONNECTOR, Map.of("minInstances", "3", "maxInstances", "10"), "kill -9 drill")));
        if (requested.status() == ActionStatus.AWAITING_APPROVAL) {
            As.user("commander", Role.COMMANDER, () -> remediation.approve(requested.id()));
        }
        ActionRecord running = As.user("operator", Role.OPERATOR, () -> remediation.execute(requested.id()));
        // In flight means the cloud accepted the change: wait until its operation id is stored (bounded).
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (running.operationId() == null && running.status() == ActionStatus.RUNNING && System.nanoTime() < deadline) {
            Thread.sleep(20);
            running = As.user("operator", Role.OPERATOR, () -> remediation.get(requested.id()));
        }
        Files.writeString(file, running.id() + " " + running.status() + " " + running.operationId());
    }
}
