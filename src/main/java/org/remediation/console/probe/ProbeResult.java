package org.remediation.console.probe;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One probe run.
 *
 * @param targetKey the target that was probed
 * @param startedAt when the run started (from the injected clock)
 * @param duration wall time of the whole run, measured with {@link System#nanoTime()}
 * @param outcome up / degraded / down / timeout / error
 * @param errorClass short machine-readable class of the problem (e.g. {@code connection-refused},
 *     {@code nxdomain}, {@code cert-expired}); null when up
 * @param error one human-readable line; null when up
 * @param measurements kind-specific figures, e.g. {@code dnsMs}, {@code connectMs}, {@code tlsMs},
 *     {@code ttfbMs}, {@code totalMs}, {@code status} for HTTP (values are numbers, strings, booleans
 *     or lists of strings)
 */
public record ProbeResult(String targetKey, Instant startedAt, Duration duration, Outcome outcome,
                          @Nullable String errorClass, @Nullable String error, Map<String, Object> measurements) {

    /**
     * Where a metric probe ({@link ProbeKind#GCP_METRIC}, {@link ProbeKind#PROMETHEUS}) records the run's
     * value. Window statistics read it in place of the duration ({@link #figure()}).
     */
    public static final String METRIC_VALUE = "metricValue";

    public ProbeResult {
        measurements = Collections.unmodifiableMap(new LinkedHashMap<>(measurements));
    }

    /** Duration in milliseconds with microsecond precision. */
    public double durationMs() {
        return duration.toNanos() / 1_000_000.0;
    }

    /** The metric value of a metric probe's run, or null (other kinds, failed reads). */
    public @Nullable Double metricValue() {
        return measurements.get(METRIC_VALUE) instanceof Number n ? n.doubleValue() : null;
    }

    /**
     * What window statistics rank for this run: a metric probe's value, otherwise the duration in ms.
     * A failed run has none that counts ({@code WindowStats} counts it apart).
     */
    public double figure() {
        Double v = metricValue();
        return v == null ? durationMs() : v;
    }
}
