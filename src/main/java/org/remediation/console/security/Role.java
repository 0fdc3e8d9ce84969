package org.remediation.console.security;

/** What a user may do. Names match {@link org.remediation.console.base.identity.Roles}; Spring authorities are {@code ROLE_<name>}. */
public enum Role {
    VIEWER("Reads everything, changes nothing"),
    RESPONDER("Ticks checklist items"),
    TEAM_LEAD("Signs off phases of the teams they lead"),
    OPERATOR("Requests and runs remediation actions"),
    COMMANDER("Runs incidents, approves, overrides"),
    ADMIN("Manages users, teams and probe targets"),
    /** A service account for the Prometheus scrape: HTTP Basic on /actuator/prometheus, no sign-in, no reads. */
    METRICS("Service account: reads /actuator/prometheus and nothing else"),
    /** Posts results of external checks (EXTERNAL probe targets), usually through a service account's token. */
    REPORTER("Service account: posts results of external checks");

    private final String description;

    Role(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
