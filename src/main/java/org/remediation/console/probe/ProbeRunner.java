package org.remediation.console.probe;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Runs one probe on the calling thread and delivers exactly one result: the probe's, or TIMEOUT when
 * the run outlives its timeout (plus a small grace for the probe's own timeout to fire first). A probe
 * stuck in a call that ignores timeouts and interrupts (a DNS lookup in the OS, a driver bug) is
 * recorded as TIMEOUT at the deadline, a failure like any other, and never holds a scheduler slot;
 * its late result is dropped.
 */
@Component
public class ProbeRunner {

    static final Duration GRACE = Duration.ofMillis(200);

    private final Map<ProbeKind, Probe> probes = new EnumMap<>(ProbeKind.class);

    public ProbeRunner(List<Probe> all) {
        all.forEach(p -> probes.put(p.kind(), p));
    }

    public @Nullable Probe probe(ProbeKind kind) {
        return probes.get(kind);
    }

    /** Runs the probe of {@code kind}; {@code done} receives the one result, possibly on another thread. */
    public void run(ProbeKind kind, ProbeRequest request, Consumer<ProbeResult> done) {
        Probe probe = probes.get(kind);
        if (probe == null) {
            done.accept(new Run(request).finish(Outcome.ERROR, "unsupported-kind", "No probe is installed for kind " + kind));
            return;
        }
        run(probe, request, done);
    }

    public void run(Probe probe, ProbeRequest request, Consumer<ProbeResult> done) {
        Run cut = new Run(request);
        long deadline = System.nanoTime() + request.timeout().plus(GRACE).toNanos();
        Watchdog.Watch watch = Watchdog.INSTANCE.watch(deadline, () -> done.accept(cut.finish(Outcome.TIMEOUT, "timeout",
                "No answer within " + request.timeout().toMillis() + " ms (the run was cut off)")));
        ProbeResult result;
        try {
            result = probe.run(request);
        } catch (RuntimeException | Error e) {
            result = cut.failed(e, request.targetKey());
        }
        if (watch.unwatch()) {
            done.accept(result);
        }
    }
}
