package org.remediation.console.criteria;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Benchmark, not a test: evaluates 1,000 mixed criteria over 50 probe targets with an hour of
 * 10-second results each (half of it rolled up), one evaluation round at a time as the service does
 * (one {@link RoundCache} per round), and prints the time per round.
 *
 * <p>Run: {@code ./mvnw -o test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.remediation.console.criteria.CriteriaBenchmark} (or any IDE "run main").
 */
public final class CriteriaBenchmark {

    private CriteriaBenchmark() {
    }

    public static void main(String[] args) {
        Instant now = Instant.parse("2026-11-25T12:00:00Z");
        InMemoryProbeMeasurements probes = new InMemoryProbeMeasurements();
        Random random = new Random(42);
        int targets = 50;
        for (int t = 0; t < targets; t++) {
            String key = "target-" + t;
            for (int i = 0; i < 360; i++) {
                Instant at = now.minus(Duration.ofHours(1)).plusSeconds(10L * i);
                probes.result(key, at, random.nextInt(100) < 97, 50 + random.nextInt(1500),
                        Map.of("connect", 5.0 + random.nextInt(200)), random.nextInt(100) < 2);
            }
            probes.attribute(key, "daysToExpiry", String.valueOf(random.nextInt(90)), now.minusSeconds(30));
            probes.attribute(key, "state", random.nextBoolean() ? "READY" : "UPDATING", now.minusSeconds(30));
        }
        probes.rollUpBefore(now.minus(Duration.ofMinutes(30)));
        for (int g = 0; g < 5; g++) {
            probes.group("group-" + g, "target-" + g * 10, "target-" + (g * 10 + 1), "target-" + (g * 10 + 2));
        }
        probes.goldenPath("target-0", "target-1", "target-2", "target-3", "target-4");

        String[] shapes = {
                "%s p95 < 1000 ms over 15m min 10", "%s success-rate >= 95 %% over 30m", "%s p99 <= 2 s over 1h",
                "%s connect p95 < 150 ms over 15m", "%s availability >= 99 %% over 45m", "%s up-for >= 30m",
                "%s daysToExpiry >= 14", "%s state = READY", "%s max < 1600 ms over 5m", "%s up",
        };
        List<MeasuredCriterion> criteria = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            String subject = i % 50 == 0 ? "golden-path all" : i % 25 == 0 ? "group group-" + i % 5 + " all"
                    : "target-" + i % targets;
            String shape = shapes[i % shapes.length];
            if (subject.startsWith("g") && (shape.contains("daysToExpiry") || shape.contains("state"))) {
                shape = "%s up";
            }
            criteria.add((MeasuredCriterion) CriterionText.parse(String.format(shape, subject)));
        }

        int warmup = 30;
        int rounds = 100;
        long[] nanos = new long[rounds];
        int met = 0;
        for (int r = -warmup; r < rounds; r++) {
            long start = System.nanoTime();
            RoundCache cache = new RoundCache(probes);
            int m = 0;
            for (MeasuredCriterion c : criteria) {
                if (CriterionEvaluator.evaluate(c, cache, now).state() == CriterionState.MET) {
                    m++;
                }
            }
            long took = System.nanoTime() - start;
            if (r >= 0) {
                nanos[r] = took;
                met = m;
            }
        }
        java.util.Arrays.sort(nanos);
        System.out.printf("Criteria: %d criteria over %d targets, %d rounds after %d warm-up rounds%n",
                criteria.size(), targets, rounds, warmup);
        System.out.printf("  per round: median %.1f ms, p95 %.1f ms, max %.1f ms (%d met)%n",
                nanos[rounds / 2] / 1e6, nanos[(int) (rounds * 0.95)] / 1e6, nanos[rounds - 1] / 1e6, met);
    }
}
