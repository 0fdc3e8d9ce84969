package org.remediation.console.criteria;

/**
 * A parsed criterion: measured from probe data, or manual (a person marks it met with evidence).
 * {@link CriterionText} parses and formats the compact text form used in runbooks.
 */
public sealed interface CriterionSpec permits MeasuredCriterion, ManualCriterion {

    /** The canonical text form, which parses back to an equal spec. */
    default String text() {
        return CriterionText.format(this);
    }
}
