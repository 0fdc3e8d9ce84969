package org.remediation.console.cloud.gcp;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One Cloud SQL database flag as {@code flags().list()} describes it: its type, allowed range or
 * values, and whether changing it restarts the instance.
 */
public record SqlFlag(String name, String type, @Nullable Long minValue, @Nullable Long maxValue,
                      List<String> allowedValues, boolean requiresRestart) {

    /** Type NONE: set by name only, never with a value (e.g. MySQL's skip_grant_tables). */
    public boolean takesNoValue() {
        return "NONE".equals(type);
    }

    /** Null when {@code value} is allowed; otherwise why not, in words. */
    public @Nullable String problemWith(String value) {
        if (takesNoValue()) {
            return name + " takes no value; it is either set (by name only) or not set";
        }
        if ("INTEGER".equals(type)) {
            long v;
            try {
                v = Long.parseLong(value.trim());
            } catch (NumberFormatException e) {
                return name + " must be a whole number";
            }
            if ((minValue != null && v < minValue) || (maxValue != null && v > maxValue)) {
                return name + " must be between " + minValue + " and " + maxValue;
            }
        }
        if (!allowedValues.isEmpty() && !allowedValues.contains(value)) {
            return name + " must be one of " + String.join(", ", allowedValues);
        }
        return null;
    }
}
