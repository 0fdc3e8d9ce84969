package org.remediation.console.criteria;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Which measured criteria read which target, directly, through a group or through the golden path:
 * the index that lets a probe result reach only its own criteria. Built from the criterion rows on
 * first use after every invalidation (criteria defined, targets changed); a build that raced an
 * invalidation is used once and not kept.
 */
final class CriterionReaders {

    private final CriterionStore store;
    private final Function<String, CriterionSpec> parse;
    private final Supplier<ProbeMeasurements> measurements;
    private final AtomicLong generation = new AtomicLong();
    private final AtomicLong builds = new AtomicLong();
    private final Object building = new Object();
    private volatile @Nullable Map<String, Set<Long>> byTarget;

    CriterionReaders(CriterionStore store, Function<String, CriterionSpec> parse, Supplier<ProbeMeasurements> measurements) {
        this.store = store;
        this.parse = parse;
        this.measurements = measurements;
    }

    /** The ids of the measured criteria that read this target; empty when none does. */
    Set<Long> of(String targetKey) {
        Map<String, Set<Long>> index = byTarget;
        if (index == null) {
            synchronized (building) { // after an invalidation every probe thread asks at once: one reads the rows
                index = byTarget;
                if (index == null) {
                    long before = generation();
                    index = build(store.all());
                    publish(before, index);
                }
            }
        }
        return index.getOrDefault(targetKey, Set.of());
    }

    /** Take before reading the rows a {@link #rebuild} is given. */
    long generation() {
        return generation.get();
    }

    /** Replaces the index with one built from rows read in full after {@code before} was taken. */
    void rebuild(long before, List<CriterionRow> all) {
        publish(before, build(all));
    }

    /** Keeps an index only if no invalidation happened since its rows were read. */
    private synchronized void publish(long before, Map<String, Set<Long>> index) {
        if (generation.get() == before) {
            byTarget = index;
        }
    }

    synchronized void invalidate() {
        generation.incrementAndGet();
        byTarget = null;
    }

    long builds() {
        return builds.get();
    }

    private Map<String, Set<Long>> build(List<CriterionRow> rows) {
        builds.incrementAndGet();
        ProbeMeasurements m = measurements.get();
        Map<String, Set<Long>> index = new HashMap<>();
        for (CriterionRow row : rows) {
            if (row.manual()) {
                continue;
            }
            for (MeasuredCriterion c : parse.apply(row.definition()).measured()) {
                List<String> targets = switch (c.subject().kind()) {
                    case TARGET -> List.of(c.subject().name());
                    case GROUP -> m.targetsInGroup(c.subject().name());
                    case GOLDEN_PATH -> m.goldenPathTargets();
                };
                targets.forEach(t -> index.computeIfAbsent(t, k -> new java.util.HashSet<>()).add(row.id()));
            }
        }
        index.replaceAll((k, v) -> Set.copyOf(v));
        return Map.copyOf(index);
    }
}
