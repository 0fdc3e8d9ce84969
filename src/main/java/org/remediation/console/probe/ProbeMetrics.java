package org.remediation.console.probe;

import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Micrometer metrics per target, visible at /actuator/prometheus: runs and their total duration
 * ({@code console_probe_duration_seconds_count} and {@code _sum}) and an up gauge
 * ({@code console_probe_up}: 1 up, 0.5 degraded, 0 down). The values are read from the statistics
 * when scraped, so a result costs one set lookup here and nothing when nobody scrapes.
 */
@Component
class ProbeMetrics {

    private final MeterRegistry registry;
    private final ProbeStatistics statistics;
    private final Set<String> registered = ConcurrentHashMap.newKeySet();

    ProbeMetrics(MeterRegistry registry, ProbeStatistics statistics) {
        this.registry = registry;
        this.statistics = statistics;
    }

    /** Registers the target's meters with its first result. */
    void record(ProbeTarget target) {
        if (registered.contains(target.key()) || !registered.add(target.key())) {
            return;
        }
        String key = target.key();
        Tags tags = Tags.of("target", key, "group", target.group());
        FunctionTimer.builder("console.probe.duration", statistics, s -> s.runs(key), s -> s.totalMs(key), TimeUnit.MILLISECONDS)
                .description("Duration of probe runs since start").tags(tags).register(registry);
        Gauge.builder("console.probe.up", statistics, s -> switch (s.state(key)) {
            case UP -> 1.0;
            case DEGRADED -> 0.5;
            case DOWN -> 0.0;
            case UNKNOWN -> Double.NaN;
        }).description("1 up, 0.5 degraded, 0 down").tags(tags).register(registry);
    }
}
