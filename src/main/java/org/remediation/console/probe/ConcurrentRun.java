package org.remediation.console.probe;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Sends the same request {@code n} times at once (each bounded by the target's timeout) and
 * reports how many succeeded: {@code concurrent} and {@code concurrentSuccess}, for criteria such
 * as {@code backend-health concurrent-success >= 20}. The run succeeds only when every request
 * did; one refused request makes it a failed run (with the first failure's outcome), so success
 * rates, failure counts and latency criteria never count a partly refused load as served. Its
 * latency is the slowest request's.
 */
final class ConcurrentRun {

    private ConcurrentRun() {
    }

    static ProbeResult of(ProbeRequest req, int n, Function<ProbeRequest, ProbeResult> once) {
        List<ProbeResult> results = new ArrayList<>(n);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<ProbeResult>> running = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                running.add(pool.submit(() -> once.apply(req)));
            }
            for (Future<ProbeResult> f : running) {
                results.add(f.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return aborted(req, n, "The concurrent run was interrupted");
        } catch (java.util.concurrent.ExecutionException e) {
            return aborted(req, n, "A concurrent request failed unexpectedly: " + e.getCause());
        }
        long ok = results.stream().filter(r -> !r.outcome().isFailure()).count();
        ProbeResult slowest = results.stream().max(Comparator.comparing(ProbeResult::duration)).orElseThrow();
        ProbeResult firstFailure = results.stream().filter(r -> r.outcome().isFailure()).findFirst().orElse(slowest);
        Instant started = results.stream().map(ProbeResult::startedAt).min(Comparator.naturalOrder()).orElseThrow();
        Map<String, Object> measurements = new LinkedHashMap<>(firstFailure.measurements());
        measurements.put("concurrent", n);
        measurements.put("concurrentSuccess", (int) ok);
        if (ok == n) {
            return new ProbeResult(req.targetKey(), started, slowest.duration(), slowest.outcome(), slowest.errorClass(),
                    slowest.error(), measurements);
        }
        String why = (n - ok) + " of " + n + " concurrent requests failed, e.g. " + firstFailure.error();
        return new ProbeResult(req.targetKey(), started, slowest.duration(), firstFailure.outcome(),
                firstFailure.errorClass(), why, measurements);
    }

    private static ProbeResult aborted(ProbeRequest req, int n, String why) {
        return new ProbeResult(req.targetKey(), req.clock().instant(), Duration.ZERO, Outcome.ERROR, "aborted", why,
                Map.of("concurrent", n, "concurrentSuccess", 0));
    }
}
