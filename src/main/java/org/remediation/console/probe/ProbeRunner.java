package org.remediation.console.probe;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Runs one probe on its own virtual thread and cuts it at the timeout (plus a small grace for the
 * probe's own timeout to fire first), so a probe stuck in a call that ignores timeouts (a DNS
 * lookup in the OS, a driver bug) is recorded as TIMEOUT and never holds a scheduler slot.
 */
@Component
public class ProbeRunner {

    static final Duration GRACE = Duration.ofMillis(200);

    private final Map<ProbeKind, Probe> probes = new EnumMap<>(ProbeKind.class);
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    public ProbeRunner(List<Probe> all) {
        all.forEach(p -> probes.put(p.kind(), p));
    }

    public @Nullable Probe probe(ProbeKind kind) {
        return probes.get(kind);
    }

    public ProbeResult run(ProbeKind kind, ProbeRequest request) {
        Probe probe = probes.get(kind);
        if (probe == null) {
            Run run = new Run(request);
            return run.finish(Outcome.ERROR, "unsupported-kind", "No probe is installed for kind " + kind);
        }
        return run(probe, request);
    }

    public ProbeResult run(Probe probe, ProbeRequest request) {
        Run cut = new Run(request);
        Future<ProbeResult> f = executor.submit(() -> probe.run(request));
        try {
            return f.get(request.timeout().plus(GRACE).toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            return cut.finish(Outcome.TIMEOUT, "timeout",
                    "No answer within " + request.timeout().toMillis() + " ms (the run was cut off)");
        } catch (InterruptedException e) {
            f.cancel(true);
            Thread.currentThread().interrupt();
            return cut.finish(Outcome.ERROR, "interrupted", "The probe run was interrupted");
        } catch (ExecutionException e) {
            return cut.failed(e.getCause() == null ? e : e.getCause(), request.targetKey());
        }
    }
}
