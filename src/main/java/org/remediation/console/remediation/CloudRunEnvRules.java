package org.remediation.console.remediation;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.remediation.console.base.Problems;
import org.remediation.console.cloud.EnvValues;

/**
 * Cloud Run's rules for environment variables, and the parameter syntax of run-env. Sources: names
 * are C identifiers and values at most 32768 bytes (EnvVar in google/cloud/run/v2/k8s.min.proto); the
 * names of the container runtime contract are reserved (https://cloud.google.com/run/docs/container-contract#env-vars,
 * https://cloud.google.com/run/docs/configuring/services/overview-environment-variables); at most 1000
 * variables per container (same page).
 */
final class CloudRunEnvRules {

    static final Set<String> RESERVED = Set.of("PORT", "K_SERVICE", "K_REVISION", "K_CONFIGURATION");
    static final int MAX_VALUE_BYTES = 32768;
    static final int MAX_VARIABLES = 1000;
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private CloudRunEnvRules() {
    }

    /** {@code A=1,B=two} → name → value, in order; one problem per bad entry against {@code field}. */
    static Map<String, String> parseSet(String text, String field, Problems problems) {
        Map<String, String> out = new LinkedHashMap<>();
        if (text.isBlank()) {
            return out;
        }
        for (String part : text.split(",")) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                problems.add(field, "'" + part.trim() + "' is not NAME=value (values cannot contain commas here; "
                        + "set such a value with gcloud).");
                continue;
            }
            String name = part.substring(0, eq).trim();
            String value = part.substring(eq + 1);
            if (out.containsKey(name)) {
                problems.add(field, name + " is given twice.");
            } else if (name(name, field, problems)) {
                if (value.getBytes(StandardCharsets.UTF_8).length > MAX_VALUE_BYTES) {
                    problems.add(field, "The value of " + name + " is longer than Cloud Run's " + MAX_VALUE_BYTES + " bytes.");
                } else if (EnvValues.secretLooking(name, value)) {
                    problems.add(field, name + " looks like a secret: the console never handles secret values. Store it in "
                            + "Secret Manager and reference it (gcloud run services update --update-secrets=" + name
                            + "=SECRET:latest).");
                } else {
                    out.put(name, value);
                }
            }
        }
        return out;
    }

    /** {@code A,B} → names, in order. */
    static Set<String> parseRemove(String text, String field, Problems problems) {
        Set<String> out = new LinkedHashSet<>();
        if (text.isBlank()) {
            return out;
        }
        for (String part : text.split(",")) {
            String name = part.trim();
            if (name(name, field, problems)) {
                if (EnvValues.secretLooking(name)) {
                    problems.add(field, name + " looks like a secret: its value is never read by the console, so removing "
                            + "it could not be rolled back. Remove it with gcloud --remove-env-vars=" + name + ".");
                } else if (!out.add(name)) {
                    problems.add(field, name + " is given twice.");
                }
            }
        }
        return out;
    }

    private static boolean name(String name, String field, Problems problems) {
        if (!NAME.matcher(name).matches()) {
            problems.add(field, "'" + name + "' is not a valid variable name: letters, digits and _, not starting with a digit.");
            return false;
        }
        if (RESERVED.contains(name)) {
            problems.add(field, name + " is reserved: Cloud Run sets it in every container (also reserved: "
                    + String.join(", ", new java.util.TreeSet<>(RESERVED)) + ").");
            return false;
        }
        return true;
    }
}
