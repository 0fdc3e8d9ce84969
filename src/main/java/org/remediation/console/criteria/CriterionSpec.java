package org.remediation.console.criteria;

/**
 * A parsed criterion: measured from probe data, manual (a person marks it met with evidence), or
 * measured criteria joined with {@code and} / {@code or}.
 * {@link CriterionText} parses and formats the compact text form used in runbooks.
 */
public sealed interface CriterionSpec permits MeasuredCriterion, ManualCriterion, CompositeCriterion {

    /** The canonical text form, which parses back to an equal spec. */
    default String text() {
        return CriterionText.format(this);
    }

    /** The measured criteria it reads: itself, the parts of a composite, none for a manual one. */
    default java.util.List<MeasuredCriterion> measured() {
        return switch (this) {
            case MeasuredCriterion m -> java.util.List.of(m);
            case CompositeCriterion c -> c.measuredParts();
            case ManualCriterion m -> java.util.List.of();
        };
    }

    /** What it needs, as shown beside the value: {@code < 1000 ms}, {@code every part met}; empty for a manual one. */
    default String thresholdText() {
        return switch (this) {
            case MeasuredCriterion m -> m.thresholdText();
            case CompositeCriterion c -> c.operator() == CompositeCriterion.Operator.AND ? "every part met" : "one part met";
            case ManualCriterion m -> "";
        };
    }
}
