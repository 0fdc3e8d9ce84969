package org.remediation.console.probe;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs a probe through the {@link ProbeRunner} on a virtual thread and waits for the one result it delivers. */
final class RunnerCut {

    private RunnerCut() {
    }

    static ProbeResult run(Probe probe, ProbeRequest request) throws Exception {
        CompletableFuture<ProbeResult> result = new CompletableFuture<>();
        Thread.startVirtualThread(() -> new ProbeRunner(List.of(probe)).run(probe, request, result::complete));
        return result.get(request.timeout().toMillis() + 30_000, TimeUnit.MILLISECONDS);
    }
}
