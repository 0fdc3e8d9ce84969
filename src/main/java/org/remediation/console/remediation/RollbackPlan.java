package org.remediation.console.remediation;

import java.util.Map;

/**
 * How to undo an action: the parameters of the inverse action of the same kind, or why it cannot be
 * undone in place.
 */
public record RollbackPlan(boolean possibleInPlace, Map<String, String> params, String explanation) {

    public RollbackPlan {
        params = Map.copyOf(params);
    }

    public static RollbackPlan inverse(Map<String, String> params, String explanation) {
        return new RollbackPlan(true, params, explanation);
    }

    public static RollbackPlan impossible(String why) {
        return new RollbackPlan(false, Map.of(), why);
    }
}
