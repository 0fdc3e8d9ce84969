package org.remediation.console.criteria;

import org.remediation.console.base.identity.SystemActor;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;
import org.remediation.console.probe.HealthState;
import org.remediation.console.probe.Latencies;
import org.remediation.console.probe.ProbeResultRecorded;
import org.remediation.console.probe.ProbeStatistics;
import org.remediation.console.probe.ProbeTarget;
import org.remediation.console.probe.ProbeTargetChanged;
import org.remediation.console.probe.ProbeTargetService;
import org.remediation.console.probe.Samples;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The criteria evaluator's view of the probe engine: window statistics (memory for the recent part,
 * stored results and rollups beyond it, named timings over the whole window) and states from
 * {@link ProbeStatistics}, group and golden-path membership from the targets. Every recorded
 * probe result marks the criteria that read that target for the next coalesced round.
 */
@Component
class ProbeEngineMeasurements implements ProbeMeasurements, ApplicationListener<PayloadApplicationEvent<ProbeResultRecorded>> {

    private static final Logger log = LoggerFactory.getLogger(ProbeEngineMeasurements.class);

    private static final int SERIES_SAMPLES = 4_000;

    private final ProbeStatistics statistics;
    private final ProbeTargetService targets;
    private final CriteriaEngine engine;
    private volatile @Nullable List<ProbeTarget> targetCache;
    private long targetsGeneration; // guarded by this

    ProbeEngineMeasurements(ProbeStatistics statistics, ProbeTargetService targets, CriteriaEngine engine) {
        this.statistics = statistics;
        this.targets = targets;
        this.engine = engine;
    }

    /**
     * Marks the criteria reading the target for the next coalesced round (CriteriaTicker). A plain
     * listener: it runs for every probe result (published outside transactions), and Spring's
     * reflective method adapter cost more than the marking (issue 14).
     */
    @Override
    public void onApplicationEvent(PayloadApplicationEvent<ProbeResultRecorded> event) {
        onResult(event.getPayload());
    }

    void onResult(ProbeResultRecorded e) {
        try {
            engine.resultArrived(e.result().targetKey());
        } catch (RuntimeException failed) {
            // e.g. the database is down while the index is rebuilt: the timed round re-evaluates
            log.warn("Criteria after a result of {} not marked: {}", e.result().targetKey(), failed.toString());
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onTargetChanged(ProbeTargetChanged e) {
        synchronized (this) {
            targetsGeneration++;
            targetCache = null;
        }
        engine.targetsChanged();
    }

    @Override
    public WindowStats window(String targetKey, @Nullable String measurement, Instant from, Instant to) {
        return statistics.window(targetKey, from, to, measurement != null).filter(w -> w.samples() > 0).map(w -> {
            if (measurement == null) {
                return new WindowStats(w.samples(), w.samples() - w.failures(), 100.0 * w.available() / w.samples(),
                        w.latencies(), w.coveredFrom());
            }
            // A named timing counts a run only when it succeeded and recorded that timing; others are failures.
            var t = w.timings().get(measurement);
            if (t == null) {
                return new WindowStats(w.samples(), 0, 0.0, Latencies.none(), w.coveredFrom());
            }
            return t.samples() == 0 ? WindowStats.empty() : new WindowStats(t.samples(), t.successes(),
                    100.0 * t.successes() / t.samples(), t.latencies(), w.coveredFrom());
        }).orElse(WindowStats.empty());
    }

    @Override
    public @Nullable Instant recordedFrom(String targetKey) {
        return statistics.recordedFrom(targetKey);
    }

    @Override
    public List<RecordedValue> recorded(String targetKey, String measurement, Instant from, Instant to) {
        return statistics.recorded(targetKey, measurement, from, to).stream()
                .map(r -> new RecordedValue(r.at(), r.failed(), r.value() == null ? null : String.valueOf(r.value())))
                .toList();
    }

    @Override
    public TargetStatus status(String targetKey) {
        return statistics.status(targetKey).map(s -> new TargetStatus(state(s.state()), s.since(),
                // the streak's own start: not "last result minus the streak", which counted the time
                // since the last result twice
                s.state() == HealthState.UP ? s.streakStart() : null))
                .orElse(TargetStatus.unknown());
    }

    @Override
    public Optional<LatestValue> latest(String targetKey, String attribute) {
        return statistics.status(targetKey).flatMap(s -> Optional.ofNullable(s.last()))
                .flatMap(last -> Optional.ofNullable(last.measurements().get(attribute))
                        .map(v -> new LatestValue(String.valueOf(v), last.startedAt())));
    }

    @Override
    public Optional<String> metricUnit(String targetKey) {
        return allTargets().stream().filter(t -> t.key().equals(targetKey) && t.kind().isMetric()).findFirst()
                .map(t -> {
                    String set = t.settings().get("unit");
                    if (set != null && !set.isBlank()) {
                        return set.strip();
                    }
                    // the unit the API reported last: a failed read reports none and must not flip it
                    return statistics.recentResults(targetKey, 30).stream()
                            .map(r -> r.measurements().get("unit")).filter(u -> u instanceof String)
                            .map(String.class::cast).findFirst().orElse("");
                });
    }

    @Override
    public @Nullable Duration interval(String targetKey) {
        return allTargets().stream().filter(t -> t.key().equals(targetKey)).findFirst().map(ProbeTarget::interval)
                .orElse(null);
    }

    @Override
    public boolean targetExists(String targetKey) {
        return allTargets().stream().anyMatch(t -> t.key().equals(targetKey));
    }

    @Override
    public List<String> targetsInGroup(String group) {
        return allTargets().stream().filter(t -> t.group().equals(group)).map(ProbeTarget::key).toList();
    }

    @Override
    public List<String> goldenPathTargets() {
        return allTargets().stream().filter(t -> t.goldenStep() != null)
                .sorted(Comparator.comparing(ProbeTarget::goldenStep)).map(ProbeTarget::key).toList();
    }

    @Override
    public List<@Nullable Double> series(String targetKey, @Nullable String measurement, SeriesStatistic statistic,
                                         Instant from, Instant to, Duration step) {
        Samples samples = statistics.samples(targetKey, SERIES_SAMPLES);
        int buckets = (int) Math.max(1, Duration.between(from, to).toMillis() / Math.max(1, step.toMillis()));
        List<Histogram> latency = new ArrayList<>();
        long[] total = new long[buckets];
        long[] ok = new long[buckets];
        for (int i = 0; i < buckets; i++) {
            latency.add(new Histogram(3));
        }
        for (int i = 0; i < samples.startEpochMs().length; i++) {
            long at = samples.startEpochMs()[i];
            if (at < from.toEpochMilli() || at >= to.toEpochMilli()) {
                continue;
            }
            int b = (int) Math.min(buckets - 1, (at - from.toEpochMilli()) / step.toMillis());
            total[b]++;
            if (!samples.failed()[i]) { // failed runs carry no latency (LatencySli)
                ok[b]++;
                latency.get(b).recordValue(Math.max(0, Math.round(samples.durationMs()[i] * 1000)));
            }
        }
        List<@Nullable Double> out = new ArrayList<>(buckets);
        for (int b = 0; b < buckets; b++) {
            Histogram h = latency.get(b);
            out.add(total[b] == 0 ? null : switch (statistic) {
                case SUCCESS_RATE, AVAILABILITY -> 100.0 * ok[b] / total[b];
                case P50 -> failureAware(h, 0.50, total[b]);
                case P95 -> failureAware(h, 0.95, total[b]);
                case P99 -> failureAware(h, 0.99, total[b]);
                case MAX -> failureAware(h, 1.0, total[b]);
            });
        }
        return out;
    }

    /** The bucket's latency at {@code quantile} with failed runs counted as too slow: +∞ when they decide it. */
    private static double failureAware(Histogram successes, double quantile, long runs) {
        long rank = Math.max(1, (long) Math.ceil(quantile * runs - 1e-9));
        if (rank > successes.getTotalCount()) {
            return Double.POSITIVE_INFINITY;
        }
        return successes.getValueAtPercentile(100.0 * rank / successes.getTotalCount()) / 1000.0;
    }

    private List<ProbeTarget> allTargets() {
        List<ProbeTarget> cached = targetCache;
        if (cached == null) {
            long before;
            synchronized (this) {
                before = targetsGeneration;
            }
            // Evaluation runs on probe and timer threads, with no signed-in user.
            cached = SystemActor.call(targets::list);
            synchronized (this) {
                if (targetsGeneration == before) { // a list read before a later change is used once, not kept
                    targetCache = cached;
                }
            }
        }
        return cached;
    }

    private static State state(HealthState s) {
        return switch (s) {
            case UP -> State.UP;
            case DEGRADED -> State.DEGRADED;
            case DOWN -> State.DOWN;
            case UNKNOWN -> State.UNKNOWN;
        };
    }
}
