package org.remediation.console.incident;

/** Where the incident as a whole stands. */
public enum IncidentStatus {
    INVESTIGATING, MITIGATING, MONITORING, RESOLVED;

    public String label() {
        return name().charAt(0) + name().substring(1).toLowerCase();
    }
}
