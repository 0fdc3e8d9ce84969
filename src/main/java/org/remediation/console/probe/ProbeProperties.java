package org.remediation.console.probe;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Probe engine settings.
 *
 * @param scheduler the scheduler that runs enabled targets
 * @param rawRetention how long raw results are kept before only per-minute rollups remain
 * @param rollupRetention how long per-minute rollups are kept
 * @param batchSize results buffered before an early flush to the database (otherwise every {@code console.probes.flush-interval})
 * @param downAfter consecutive failures before a target is DOWN (hysteresis going down)
 * @param upAfter consecutive successes before a DOWN or DEGRADED target is UP again (hysteresis coming back)
 * @param memoryWindow how much recent history each target keeps in memory for statistics and dashboards
 */
@ConfigurationProperties("console.probes")
public record ProbeProperties(@DefaultValue Scheduler scheduler, @DefaultValue("24h") Duration rawRetention,
                              @DefaultValue("30d") Duration rollupRetention, @DefaultValue("5000") int batchSize,
                              @DefaultValue("3") int downAfter, @DefaultValue("2") int upAfter,
                              @DefaultValue("60m") Duration memoryWindow) {

    /**
     * @param enabled whether targets are probed on schedule (tests switch it off unless they need it)
     * @param maxConcurrency how many probe runs may be in flight at once
     * @param tick how often the trigger looks for due targets
     */
    public record Scheduler(@DefaultValue("true") boolean enabled, @DefaultValue("256") int maxConcurrency,
                            @DefaultValue("10ms") Duration tick) {
    }
}
