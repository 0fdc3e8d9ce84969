package org.remediation.console.criteria;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.remediation.console.probe.TargetThresholds;
import org.springframework.stereotype.Component;

/**
 * The lines a target's chart draws for the criteria that rank its figures directly. Finds them
 * through the evaluation's index of readers and its parsed specs, and puts each threshold in the
 * target's unit as the evaluation does ({@link MetricUnits}); a threshold the evaluation would not
 * compare (written in another unit) draws no line either.
 */
@Component
class CriteriaTargetThresholds implements TargetThresholds {

    /** Upper bounds first, the smallest first; then lower bounds, the largest first. */
    static final Comparator<Line> STRICTEST_FIRST = Comparator.comparing((Line l) -> !l.below())
            .thenComparingDouble(l -> l.below() ? l.value() : -l.value());

    private final CriteriaEngine engine;
    private final CriterionStore store;

    CriteriaTargetThresholds(CriteriaEngine engine, CriterionStore store) {
        this.engine = engine;
        this.store = store;
    }

    @Override
    public List<Line> of(String targetKey) {
        Set<Long> ids = engine.readersOf(targetKey);
        if (ids.isEmpty()) {
            return List.of(); // the common case costs no query
        }
        ProbeMeasurements m = engine.measurements();
        Map<String, Set<String>> labels = new LinkedHashMap<>(); // one line per value and side
        Map<String, Line> lines = new LinkedHashMap<>();
        for (CriterionRow row : store.byIds(ids)) {
            if (row.manual()) {
                continue;
            }
            for (MeasuredCriterion c : engine.spec(row.definition()).measured()) {
                if (!drawn(c, targetKey)) {
                    continue;
                }
                MetricUnits.Scale scale = MetricUnits.scale(c, targetKey, m);
                if (scale.problem() != null) {
                    continue;
                }
                Line line = new Line(scale.threshold(c), below(c.comparison()), "");
                String key = line.value() + (line.below() ? "<" : ">");
                lines.putIfAbsent(key, line);
                labels.computeIfAbsent(key, k -> new LinkedHashSet<>())
                        .add(targetKey + " " + c.statistic().word() + " " + c.thresholdText());
            }
        }
        List<Line> out = new ArrayList<>();
        lines.forEach((key, line) -> out.add(new Line(line.value(), line.below(), String.join("; ", labels.get(key)))));
        out.sort(STRICTEST_FIRST);
        return List.copyOf(out);
    }

    /** A threshold on this target's own figures: a ranked statistic, no named timing, no baseline, a bound. */
    private static boolean drawn(MeasuredCriterion c, String targetKey) {
        return c.subject().kind() == Subject.Kind.TARGET && c.subject().name().equals(targetKey)
                && c.measurement() == null && c.statistic().isLatency() && !c.improvement()
                && c.comparison() != Comparison.EQ;
    }

    private static boolean below(Comparison c) {
        return c == Comparison.LT || c == Comparison.LE;
    }
}
