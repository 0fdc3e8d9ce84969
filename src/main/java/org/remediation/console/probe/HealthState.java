package org.remediation.console.probe;

/** A target's state after hysteresis: what the dashboard colours and criteria read. */
public enum HealthState {
    /** No result yet. */
    UNKNOWN,
    UP,
    /** Between UP and DOWN: slow, or failing but not yet (or no longer) for long enough to be DOWN. */
    DEGRADED,
    DOWN
}
