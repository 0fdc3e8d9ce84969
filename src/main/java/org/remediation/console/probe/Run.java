package org.remediation.console.probe;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Measures one run: a start instant from the clock, phase timings from {@link System#nanoTime()}. */
final class Run {

    private final ProbeRequest request;
    private final Instant startedAt;
    private final long startNanos;
    private final long deadlineNanos;
    private long markNanos;
    private final Map<String, Object> measurements = new LinkedHashMap<>();

    Run(ProbeRequest request) {
        this.request = request;
        this.startedAt = request.clock().instant();
        this.startNanos = System.nanoTime();
        this.markNanos = startNanos;
        this.deadlineNanos = startNanos + request.timeout().toNanos();
    }

    /** Milliseconds left before the timeout, at least 1 (0 would mean "wait forever" to sockets). */
    int remainingMillis() {
        long left = (deadlineNanos - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
            throw new DeadlineExceeded();
        }
        return (int) Math.min(Integer.MAX_VALUE, left);
    }

    /** Records the time since the previous phase mark under {@code name} and returns it in ms. */
    double phase(String name) {
        long now = System.nanoTime();
        double ms = round((now - markNanos) / 1_000_000.0);
        measurements.put(name, ms);
        markNanos = now;
        return ms;
    }

    double elapsedMs() {
        return round((System.nanoTime() - startNanos) / 1_000_000.0);
    }

    Run put(String name, Object value) {
        measurements.put(name, value);
        return this;
    }

    ProbeResult up() {
        return finish(Outcome.UP, null, null);
    }

    /** Up, or degraded when the total exceeds a configured threshold in ms. */
    ProbeResult upUnless(double totalMs, @Nullable Integer degradedAboveMs) {
        if (degradedAboveMs != null && totalMs > degradedAboveMs) {
            return finish(Outcome.DEGRADED, "slow",
                    "Took " + Math.round(totalMs) + " ms (degraded above " + degradedAboveMs + " ms)");
        }
        return up();
    }

    ProbeResult finish(Outcome outcome, @Nullable String errorClass, @Nullable String error) {
        Duration d = Duration.ofNanos(System.nanoTime() - startNanos);
        return new ProbeResult(request.targetKey(), startedAt, d, outcome, errorClass, error, measurements);
    }

    ProbeResult failed(Throwable t, String what) {
        Failures.Failure f = Failures.classify(t, what, request.timeout());
        return finish(f.outcome(), f.errorClass(), f.message());
    }

    static double round(double ms) {
        return Math.round(ms * 1000.0) / 1000.0;
    }

    /** Thrown when a step would start after the deadline has already passed. */
    static final class DeadlineExceeded extends RuntimeException {
        DeadlineExceeded() {
            super("deadline exceeded", null, false, false);
        }
    }
}
