package org.remediation.console.probe;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.remediation.console.security.Role;
import org.remediation.console.support.As;
import org.springframework.context.ApplicationContext;

/**
 * Feeds results through the engine's own pipeline (statistics, state, writer) for tests outside this
 * package, where the scheduler is off: what a probe run would record, without a network.
 */
public final class ResultsForApiTests {

    private ResultsForApiTests() {
    }

    public static void record(ApplicationContext context, String key, Outcome outcome, Duration took, Instant at,
                              Map<String, Object> measurements) {
        ProbeTarget target = As.user("admin", Role.ADMIN, () -> context.getBean(ProbeTargetService.class).find(key))
                .orElseThrow();
        context.getBean(ResultPipeline.class).accept(target, new ProbeResult(key, at, took, outcome,
                outcome == Outcome.UP ? null : "connection-refused", outcome == Outcome.UP ? null : "refused", measurements));
    }
}
