package org.remediation.console.criteria;

/** A criterion a person confirms with an evidence note, e.g. "stakeholders informed". */
public record ManualCriterion(String description) implements CriterionSpec {
}
