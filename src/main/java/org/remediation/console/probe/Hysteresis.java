package org.remediation.console.probe;

/**
 * State with hysteresis in both directions. A failure or a slow answer makes an UP target DEGRADED
 * at once (a visible warning); only {@code downAfter} consecutive failures make it DOWN; a DOWN or
 * DEGRADED target needs {@code upAfter} consecutive successes before it is UP again (a DOWN target
 * whose successes are slow comes back as DEGRADED). Not thread-safe: one per target, fed in order.
 */
final class Hysteresis {

    private final int downAfter;
    private final int upAfter;
    private HealthState state = HealthState.UNKNOWN;
    private int failures;
    private int successes;

    Hysteresis(int downAfter, int upAfter) {
        this.downAfter = Math.max(1, downAfter);
        this.upAfter = Math.max(1, upAfter);
    }

    HealthState state() {
        return state;
    }

    /** Feeds one outcome and returns the state after it. */
    HealthState apply(Outcome outcome) {
        if (outcome.isFailure()) {
            failures++;
            successes = 0;
            if (failures >= downAfter) {
                state = HealthState.DOWN;
            } else if (state != HealthState.DOWN) {
                state = HealthState.DEGRADED;
            }
            return state;
        }
        failures = 0;
        successes++;
        boolean slow = outcome == Outcome.DEGRADED;
        switch (state) {
            case UNKNOWN -> state = slow ? HealthState.DEGRADED : HealthState.UP;
            case UP -> state = slow ? HealthState.DEGRADED : HealthState.UP;
            case DEGRADED, DOWN -> {
                if (successes >= upAfter) {
                    state = slow ? HealthState.DEGRADED : HealthState.UP;
                }
            }
        }
        return state;
    }
}
