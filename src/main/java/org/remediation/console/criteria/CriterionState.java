package org.remediation.console.criteria;

/** The outcome of evaluating a criterion. */
public enum CriterionState {
    MET("met"),
    NOT_MET("not met"),
    /** Too few samples in the window to judge (the minimum is part of the criterion). */
    NO_DATA("no data");

    private final String label;

    CriterionState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
