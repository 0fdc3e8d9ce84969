package org.remediation.console.probe;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * Micrometer metrics per target, visible at /actuator/prometheus: a latency timer
 * ({@code console_probe_duration_seconds}) and an up gauge ({@code console_probe_up}: 1 up,
 * 0.5 degraded, 0 down).
 */
@Component
class ProbeMetrics {

    private final MeterRegistry registry;
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> up = new ConcurrentHashMap<>();

    ProbeMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void record(ProbeTarget target, ProbeResult result, HealthState state) {
        Tags tags = Tags.of("target", target.key(), "group", target.group());
        timers.computeIfAbsent(target.key(), k -> Timer.builder("console.probe.duration")
                        .description("Duration of probe runs").tags(tags).publishPercentileHistogram(false).register(registry))
                .record(result.duration().toNanos(), TimeUnit.NANOSECONDS);
        up.computeIfAbsent(target.key(), k -> {
            AtomicLong bits = new AtomicLong(Double.doubleToLongBits(Double.NaN));
            registry.gauge("console.probe.up", tags, bits, b -> Double.longBitsToDouble(b.get()));
            return bits;
        }).set(Double.doubleToLongBits(switch (state) {
            case UP -> 1.0;
            case DEGRADED -> 0.5;
            case DOWN -> 0.0;
            case UNKNOWN -> Double.NaN;
        }));
    }
}
