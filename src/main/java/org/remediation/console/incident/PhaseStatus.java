package org.remediation.console.incident;

/** Life of a phase; only a sign-off (possibly overridden) reaches {@link #SIGNED_OFF}. */
public enum PhaseStatus {
    PENDING("Pending"), ACTIVE("Active"), BLOCKED("Blocked"), AWAITING_SIGN_OFF("Awaiting sign-off"),
    SIGNED_OFF("Signed off");

    private final String label;

    PhaseStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
