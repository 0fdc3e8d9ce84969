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

    public static Evaluation evaluate(MeasuredCriterion c, ProbeMeasurements m, Instant now) {
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
            return one(c, targets.getFirst(), m, now);
        }
        List<Evaluation> each = new ArrayList<>(targets.size());
        for (String t : targets) {
            each.add(one(c, t, m, now));
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

    static Evaluation one(MeasuredCriterion c, String target, ProbeMeasurements m, Instant now) {
        return switch (c.statistic()) {
            case UP -> up(m.status(target), now);
            case UP_FOR -> upFor(c, m.status(target), now);
            case ATTRIBUTE -> attribute(c, m.latest(target, c.attribute() == null ? "" : c.attribute()), now);
            default -> windowed(c, m.window(target, c.measurement(), now.minus(c.window()), now), now);
        };
    }

    private static Evaluation windowed(MeasuredCriterion c, WindowStats s, Instant now) {
        Evaluation e = judged(c, s, now);
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

    private static Evaluation judged(MeasuredCriterion c, WindowStats s, Instant now) {
        int needed = Math.max(1, c.minSamples());
        String window = Tokens.formatDuration(c.window());
        if (s.samples() < needed) {
            String detail = s.samples() == 0 ? "no samples in the last " + window
                    : "only " + s.samples() + " sample" + (s.samples() == 1 ? "" : "s") + " in the last " + window
                    + ", needs " + needed;
            return Evaluation.noData(s.samples() + " samples", s.samples(), detail, now);
        }
        if (c.statistic().isLatency()) {
            return latency(c, s, window, now);
        }
        @Nullable Double value = c.statistic() == Statistic.SUCCESS_RATE ? s.successRatePercent() : s.availabilityPercent();
        if (value == null) {
            return Evaluation.noData("no value", s.samples(), "the probe recorded no " + c.statistic().word()
                    + " in the last " + window, now);
        }
        boolean ok = c.comparison().test(value, c.thresholdValue());
        String text = Values.format(c.statistic(), value);
        return new Evaluation(ok ? CriterionState.MET : CriterionState.NOT_MET, value, text, s.samples(),
                text + (ok ? " meets " : " does not meet ") + c.thresholdText() + " over " + s.samples()
                        + " samples in the last " + window, now);
    }

    /** Latency with failed runs on the failing side of the threshold ({@link LatencySli}). */
    private static Evaluation latency(MeasuredCriterion c, WindowStats s, String window, Instant now) {
        double value = LatencySli.value(c.statistic(), c.comparison(), s);
        long failed = s.samples() - s.successes();
        String failures = failed + " of " + s.samples() + " runs failed";
        if (LatencySli.decidedByFailures(value)) {
            return new Evaluation(CriterionState.NOT_MET, null, failures, s.samples(), c.statistic().word()
                    + " counts failed runs as too slow: " + failures + ", so " + c.thresholdText()
                    + " cannot hold over the last " + window, now);
        }
        boolean ok = c.comparison().test(value, c.thresholdValue());
        String text = Values.format(c.statistic(), value);
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
