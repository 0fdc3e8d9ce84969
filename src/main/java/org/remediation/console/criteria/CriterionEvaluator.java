package org.remediation.console.criteria;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.remediation.console.base.HumanTime;
import org.remediation.console.criteria.ProbeMeasurements.LatestValue;
import org.remediation.console.criteria.ProbeMeasurements.State;
import org.remediation.console.criteria.ProbeMeasurements.TargetStatus;
import org.remediation.console.criteria.ProbeMeasurements.WindowStats;

/** Evaluates measured criteria against probe measurements. Pure: no clock, no I/O of its own. */
public final class CriterionEvaluator {

    private CriterionEvaluator() {
    }

    /** Evaluates a measured criterion outside any phase ({@code improved … since phase start} reads "no data"). */
    public static Evaluation evaluate(MeasuredCriterion c, ProbeMeasurements m, Instant now) {
        return evaluate(c, m, now, PhaseStart.none("this criterion belongs to no phase, so there is no phase start"));
    }

    /**
     * Evaluates a measured or composite criterion. A composite follows three-valued logic: {@code and}
     * is not met as soon as one part is not met, met when every part is, otherwise no data; {@code or}
     * is met as soon as one part is, not met when every part is not, otherwise no data. The value and
     * detail name the part that decided.
     */
    public static Evaluation evaluate(CriterionSpec spec, ProbeMeasurements m, Instant now, PhaseStart phaseStart) {
        return switch (spec) {
            case MeasuredCriterion c -> measured(c, m, now, phaseStart);
            case CompositeCriterion c -> composite(c, m, now, phaseStart);
            case ManualCriterion c -> throw new IllegalArgumentException("a manual criterion is confirmed, not evaluated");
        };
    }

    private static Evaluation composite(CompositeCriterion c, ProbeMeasurements m, Instant now, PhaseStart phaseStart) {
        List<Evaluation> each = new ArrayList<>();
        for (CriterionSpec part : c.parts()) {
            each.add(evaluate(part, m, now, phaseStart));
        }
        long met = each.stream().filter(e -> e.state() == CriterionState.MET).count();
        long notMet = each.stream().filter(e -> e.state() == CriterionState.NOT_MET).count();
        CriterionState state;
        if (c.operator() == CompositeCriterion.Operator.AND) {
            state = notMet > 0 ? CriterionState.NOT_MET : met == each.size() ? CriterionState.MET : CriterionState.NO_DATA;
        } else {
            state = met > 0 ? CriterionState.MET : notMet == each.size() ? CriterionState.NOT_MET : CriterionState.NO_DATA;
        }
        int decider = 0;
        while (each.get(decider).state() != state) {
            decider++;
        }
        Evaluation d = each.get(decider);
        String part = CriterionText.format(c.parts().get(decider));
        String summary = met + " of " + each.size() + " parts met";
        String why = switch (state) {
            case MET -> c.operator() == CompositeCriterion.Operator.AND ? "every part is met" : "one part is met";
            case NOT_MET -> c.operator() == CompositeCriterion.Operator.AND ? "one part is not met" : "no part is met";
            case NO_DATA -> "no part decides it yet";
        };
        return new Evaluation(state, d.value(), "[" + part + "] " + d.valueText(),
                each.stream().mapToLong(Evaluation::samples).sum(),
                summary + " (" + c.operator().word() + ": " + why + "); decided by [" + part + "]: " + d.detail(), now);
    }

    private static Evaluation measured(MeasuredCriterion c, ProbeMeasurements m, Instant now, PhaseStart phaseStart) {
        List<String> targets = switch (c.subject().kind()) {
            case TARGET -> List.of(c.subject().name());
            case GROUP -> m.targetsInGroup(c.subject().name());
            case GOLDEN_PATH -> m.goldenPathTargets();
        };
        Optional<String> missing = missingProbes(c.subject(), m);
        if (missing.isPresent()) {
            String value = c.subject().kind() == Subject.Kind.TARGET ? missing.get() : "no targets";
            return Evaluation.noData(value, 0, missing.get(), now);
        }
        if (c.subject().kind() == Subject.Kind.TARGET) {
            return one(c, targets.getFirst(), m, now, phaseStart);
        }
        Optional<String> mixed = MetricUnits.mixedGroup(c, targets, m);
        if (mixed.isPresent()) {
            return Evaluation.noData("mixed units", 0, mixed.get(), now);
        }
        List<Evaluation> each = new ArrayList<>(targets.size());
        for (String t : targets) {
            each.add(one(c, t, m, now, phaseStart));
        }
        return Groups.combine(c, targets, each, now);
    }

    /**
     * Why the subject can never have data as things stand, in plain words: a target key that names no
     * probe target, a group without targets, no golden path. Empty when the subject's targets exist.
     */
    static Optional<String> missingProbes(Subject subject, ProbeMeasurements m) {
        return switch (subject.kind()) {
            case TARGET -> m.targetExists(subject.name()) ? Optional.empty()
                    : Optional.of("no such probe target: " + subject.name());
            case GROUP -> m.targetsInGroup(subject.name()).isEmpty()
                    ? Optional.of("group '" + subject.name() + "' has no probe targets") : Optional.empty();
            case GOLDEN_PATH -> m.goldenPathTargets().isEmpty()
                    ? Optional.of("no golden-path targets are defined") : Optional.empty();
        };
    }

    static Evaluation one(MeasuredCriterion c, String target, ProbeMeasurements m, Instant now, PhaseStart phaseStart) {
        return switch (c.statistic()) {
            case UP -> up(m.status(target), now);
            case UP_FOR -> upFor(c, m.status(target), now);
            case ATTRIBUTE -> attribute(c, m.latest(target, c.attribute() == null ? "" : c.attribute()), now);
            default -> {
                MetricUnits.Scale scale = MetricUnits.scale(c, target, m);
                if (scale.problem() != null) {
                    yield Evaluation.noData("unit?", 0, scale.problem(), now);
                }
                yield c.improvement() ? Baselines.improvement(c, target, m, now, phaseStart)
                        : c.statistic().isCount() || c.statistic() == Statistic.CONCURRENT_SUCCESS
                        ? counted(c, Counts.measure(c, target, m, now.minus(c.window()), now,
                        Counts.failuresHigh(c.comparison())), now)
                        : windowed(c, m.window(target, c.measurement(), now.minus(c.window()), now), scale,
                        c.statistic().isSum() ? m.interval(target) : null, now);
            }
        };
    }

    /** "no data" when a window holds fewer samples than the criterion's minimum; null when enough. */
    static @Nullable Evaluation tooFew(MeasuredCriterion c, long samples, String where, Instant now) {
        int needed = Math.max(1, c.minSamples());
        if (samples >= needed) {
            return null;
        }
        String detail = samples == 0 ? "no samples " + where
                : "only " + samples + " sample" + (samples == 1 ? "" : "s") + " " + where + ", needs " + needed;
        return Evaluation.noData(samples + " samples", samples, detail, now);
    }

    private static Evaluation counted(MeasuredCriterion c, Counts.Measure s, Instant now) {
        String window = Tokens.formatDuration(c.window());
        Evaluation few = tooFew(c, s.samples(), "in the last " + window, now);
        if (few != null) {
            return few;
        }
        if (s.noValue() != null) {
            return Evaluation.noData("no value", s.samples(), s.noValue() + " in the last " + window, now);
        }
        boolean ok = c.comparison().test(s.value(), c.thresholdValue());
        return new Evaluation(ok ? CriterionState.MET : CriterionState.NOT_MET, s.value(), s.text(), s.samples(),
                s.text() + (ok ? " meets " : " does not meet ") + c.statistic().word() + " " + c.thresholdText()
                        + " over " + s.samples() + " runs in the last " + window + s.note(), now);
    }

    private static Evaluation windowed(MeasuredCriterion c, WindowStats s, MetricUnits.Scale scale,
                                       @Nullable Duration interval, Instant now) {
        Evaluation e = judged(c, s, scale, interval, now);
        String covers = coverage(c, s, now);
        return covers.isEmpty() ? e : new Evaluation(e.state(), e.value(), e.valueText(), e.samples(),
                e.detail() + "; " + covers, e.at());
    }

    /**
     * "covers 10m of 1h" when the target's data begins later than the window (a target first probed
     * within it); empty when the data covers the whole window. Shown in the detail and frozen with
     * sign-off evidence.
     */
    static String coverage(MeasuredCriterion c, WindowStats s, Instant now) {
        return s.coveredOnly(now.minus(c.window()), now)
                .map(d -> COVERS + (d.toSeconds() < 60 ? d.toSeconds() + "s" : Tokens.formatDuration(Duration.ofMinutes(d.toMinutes()))) + " of "
                        + Tokens.formatDuration(c.window()))
                .orElse("");
    }

    static final String COVERS = "covers ";

    private static Evaluation judged(MeasuredCriterion c, WindowStats s, MetricUnits.Scale scale,
                                     @Nullable Duration interval, Instant now) {
        String window = Tokens.formatDuration(c.window());
        Evaluation few = tooFew(c, s.samples(), "in the last " + window, now);
        if (few != null) {
            return few;
        }
        if (c.statistic().isSum()) {
            return MetricUnits.sum(c, s, scale, window, now, interval);
        }
        if (c.statistic().isLatency()) {
            return latency(c, s, scale, window, now);
        }
        @Nullable Double value = c.statistic() == Statistic.SUCCESS_RATE ? s.successRatePercent() : s.availabilityPercent();
        if (value == null) {
            return Evaluation.noData("no value", s.samples(), "the probe recorded no " + c.statistic().word()
                    + " in the last " + window, now);
        }
        boolean ok = c.comparison().test(value, c.thresholdValue());
        String text = Values.format(c, value);
        return new Evaluation(ok ? CriterionState.MET : CriterionState.NOT_MET, value, text, s.samples(),
                text + (ok ? " meets " : " does not meet ") + c.thresholdText() + " over " + s.samples()
                        + " samples in the last " + window, now);
    }

    /**
     * Latency, or a metric probe's value, with failed runs on the failing side of the threshold
     * ({@link LatencySli}).
     */
    private static Evaluation latency(MeasuredCriterion c, WindowStats s, MetricUnits.Scale scale, String window,
                                      Instant now) {
        double value = LatencySli.value(c.statistic(), c.comparison(), s);
        long failed = s.samples() - s.successes();
        String failures = failed + " of " + s.samples() + " runs failed";
        if (LatencySli.decidedByFailures(value)) {
            return new Evaluation(CriterionState.NOT_MET, null, failures, s.samples(), c.statistic().word()
                    + (scale.metric() ? " counts failed reads as missing the threshold: " : " counts failed runs as too slow: ")
                    + failures + ", so " + c.thresholdText() + " cannot hold over the last " + window, now);
        }
        boolean ok = c.comparison().test(value, scale.threshold(c));
        String text = scale.metric() ? scale.format(value) : Values.format(c, value);
        return new Evaluation(ok ? CriterionState.MET : CriterionState.NOT_MET, value, text, s.samples(),
                text + (ok ? " meets " : " does not meet ") + c.thresholdText() + " over " + s.samples()
                        + " samples in the last " + window + (failed == 0 ? "" : " (" + failures + ")"), now);
    }

    private static Evaluation up(TargetStatus s, Instant now) {
        if (s.state() == State.UNKNOWN) {
            return Evaluation.noData("unknown", 0, "the target has not been probed yet", now);
        }
        boolean ok = s.state() == State.UP;
        return new Evaluation(ok ? CriterionState.MET : CriterionState.NOT_MET, ok ? 1.0 : 0.0, s.state().name(), 1,
                "the target is " + s.state().name(), now);
    }

    private static Evaluation upFor(MeasuredCriterion c, TargetStatus s, Instant now) {
        if (s.state() == State.UNKNOWN) {
            return Evaluation.noData("unknown", 0, "the target has not been probed yet", now);
        }
        Duration upFor = s.upFor(now);
        double seconds = upFor.toMillis() / 1000.0;
        boolean ok = c.comparison().test(seconds, c.thresholdValue());
        String text = HumanTime.duration(upFor);
        String detail = s.state() == State.UP ? "up without degradation for " + text : "the target is " + s.state().name();
        return new Evaluation(ok ? CriterionState.MET : CriterionState.NOT_MET, seconds, text, 1, detail, now);
    }

    private static Evaluation attribute(MeasuredCriterion c, Optional<LatestValue> latest, Instant now) {
        if (latest.isEmpty()) {
            return Evaluation.noData("no value", 0, "no '" + c.attribute() + "' has been measured yet", now);
        }
        LatestValue v = latest.get();
        if (!c.window().isZero() && v.at().isBefore(now.minus(c.window()))) {
            return Evaluation.noData(v.value(), 1, "the latest '" + c.attribute() + "' is older than "
                    + Tokens.formatDuration(c.window()), now);
        }
        Threshold t = c.threshold();
        if (t.isWord()) {
            boolean ok = v.value().equals(t.word());
            return new Evaluation(ok ? CriterionState.MET : CriterionState.NOT_MET, null, v.value(), 1,
                    c.attribute() + " is " + v.value(), now);
        }
        double actual;
        try {
            actual = Double.parseDouble(v.value().strip());
        } catch (NumberFormatException e) {
            return new Evaluation(CriterionState.NOT_MET, null, v.value(), 1,
                    c.attribute() + " is '" + v.value() + "', not a number", now);
        }
        boolean ok = c.comparison().test(actual, t.amount());
        String text = t.unit().isEmpty() ? v.value() : v.value() + " " + t.unit();
        return new Evaluation(ok ? CriterionState.MET : CriterionState.NOT_MET, actual, text, 1,
                c.attribute() + " is " + text, now);
    }
}
