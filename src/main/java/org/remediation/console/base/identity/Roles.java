package org.remediation.console.base.identity;

/** Role names as compile-time constants for {@code @RolesAllowed} on services and views. */
public final class Roles {

    public static final String VIEWER = "VIEWER";
    public static final String RESPONDER = "RESPONDER";
    public static final String TEAM_LEAD = "TEAM_LEAD";
    public static final String OPERATOR = "OPERATOR";
    public static final String COMMANDER = "COMMANDER";
    public static final String ADMIN = "ADMIN";
    /** The scrape's service account: may read the metrics endpoint and nothing else, not even sign in. */
    public static final String METRICS = "METRICS";
    /** Posts results of external checks; reads like a viewer. */
    public static final String REPORTER = "REPORTER";
    /** Background work running as {@link SystemActor}; no person can hold it (it is no {@code Role}). */
    public static final String SYSTEM = "SYSTEM";

    private Roles() {
    }
}
