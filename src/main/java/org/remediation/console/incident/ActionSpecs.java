package org.remediation.console.incident;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Parses and checks the shape of task action specs (the cross-feature contract in HELPERS.md). */
public final class ActionSpecs {

    public static final Set<String> KINDS = Set.of("scale-connector", "sql-tier", "sql-flag", "run-resources",
            "run-traffic", "health-check");

    private ActionSpecs() {
    }

    /** The parsed spec, or empty when it is malformed. */
    public static Optional<ActionSpec> parse(@Nullable String spec) {
        if (spec == null || problem(spec) != null) {
            return Optional.empty();
        }
        String[] parts = spec.trim().split("\\s+");
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 1; i < parts.length; i++) {
            int eq = parts[i].indexOf('=');
            params.put(parts[i].substring(0, eq), parts[i].substring(eq + 1));
        }
        return Optional.of(new ActionSpec(parts[0], params));
    }

    /** What is wrong with the spec in plain words, or null when its shape is fine. */
    public static @Nullable String problem(String spec) {
        String[] parts = spec.trim().split("\\s+");
        if (spec.isBlank() || !KINDS.contains(parts[0])) {
            return "'" + (spec.isBlank() ? "" : parts[0]) + "' is not a known action; use one of "
                    + String.join(", ", KINDS.stream().sorted().toList());
        }
        Set<String> seen = new java.util.HashSet<>();
        for (int i = 1; i < parts.length; i++) {
            int eq = parts[i].indexOf('=');
            if (eq <= 0 || eq == parts[i].length() - 1) {
                return "'" + parts[i] + "' is not a parameter of the form name=value";
            }
            if (!seen.add(parts[i].substring(0, eq))) {
                return "parameter '" + parts[i].substring(0, eq) + "' is given twice";
            }
        }
        return null;
    }
}
