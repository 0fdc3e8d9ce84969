package org.remediation.console.remediation;

/** What applying an action does beyond the attribute change itself. */
public enum SideEffect {
    RESTART("Causes a restart of the resource's instances"),
    SHORT_DOWNTIME("Short downtime while the change is applied"),
    NEW_REVISION("Creates a new Cloud Run revision"),
    IRREVERSIBLE_IN_PLACE("Irreversible in place");

    private final String label;

    SideEffect(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** True for effects that need a second person's approval. */
    public boolean needsSecondPerson() {
        return this == RESTART || this == SHORT_DOWNTIME || this == IRREVERSIBLE_IN_PLACE;
    }
}
