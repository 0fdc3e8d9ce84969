package org.remediation.console.remediation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.remediation.console.base.InvalidInputException;
import org.remediation.console.cloud.ResourceRef;

/**
 * A ready-made action carried by an incident task: {@code <action-kind> resource=KIND/loc/name <param>=<value> …},
 * e.g. {@code scale-connector resource=VPC_CONNECTOR/us-central1/staging-connector minInstances=3 maxInstances=10}.
 * Values may be double-quoted.
 */
public record ActionSpec(ActionKind kind, @Nullable ResourceRef resource, Map<String, String> params) {

    public static final String RESOURCE = "resource";

    public ActionSpec {
        params = Map.copyOf(params);
    }

    /** Parses a spec; problems are reported against the field {@code spec}. */
    public static ActionSpec parse(String text) {
        List<String> tokens = tokens(text == null ? "" : text.trim());
        if (tokens.isEmpty()) {
            throw new InvalidInputException("spec", "The action spec is empty; expected '<action-kind> <param>=<value> …'.");
        }
        ActionKind kind = kind(tokens.get(0), "spec");
        ResourceRef resource = null;
        Map<String, String> params = new LinkedHashMap<>();
        for (String token : tokens.subList(1, tokens.size())) {
            int eq = token.indexOf('=');
            if (eq <= 0) {
                throw new InvalidInputException("spec", "'" + token + "' is not <param>=<value>.");
            }
            String name = token.substring(0, eq);
            String value = token.substring(eq + 1);
            if (params.containsKey(name) || (name.equals(RESOURCE) && resource != null)) {
                throw new InvalidInputException("spec", "Parameter '" + name + "' is given twice.");
            }
            if (name.equals(RESOURCE)) {
                resource = resource(kind, value, "spec");
            } else {
                params.put(name, value);
            }
        }
        return new ActionSpec(kind, resource, params);
    }

    /**
     * An action kind by its spec name ({@code scale-connector}); problems are reported against {@code field}.
     * The same words wherever a kind is named: a task's spec, a form, the REST API's {@code kind}.
     */
    public static ActionKind kind(String name, String field) {
        return ActionKind.bySpec(name).orElseThrow(() -> new InvalidInputException(field,
                "Unknown action kind '" + name + "'; expected one of " + specs() + "."));
    }

    /** A resource reference ({@code KIND/location/name}) the kind can act on; problems against {@code field}. */
    public static ResourceRef resource(ActionKind kind, String text, String field) {
        ResourceRef resource;
        try {
            resource = ResourceRef.parse(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, (field.equals("spec") ? "resource: " : "") + e.getMessage() + ".");
        }
        if (resource.kind() != kind.resourceKind()) {
            throw new InvalidInputException(field, kind.spec() + " acts on a " + kind.resourceKind().label()
                    + ", not on " + resource + ".");
        }
        return resource;
    }

    /** The spec string for this action (round-trips through {@link #parse}). */
    public String format() {
        StringBuilder sb = new StringBuilder(kind.spec());
        if (resource != null) {
            sb.append(' ').append(RESOURCE).append('=').append(resource);
        }
        params.forEach((k, v) -> sb.append(' ').append(k).append('=').append(v.contains(" ") ? "\"" + v + "\"" : v));
        return sb.toString();
    }

    private static String specs() {
        List<String> s = new ArrayList<>();
        for (ActionKind k : ActionKind.values()) {
            s.add(k.spec());
        }
        return String.join(", ", s);
    }

    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char c : text.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (Character.isWhitespace(c) && !quoted) {
                if (!current.isEmpty()) {
                    tokens.add(current.toString());
                    current.setLength(0);
                }
            } else {
                current.append(c);
            }
        }
        if (quoted) {
            throw new InvalidInputException("spec", "A double quote is not closed.");
        }
        if (!current.isEmpty()) {
            tokens.add(current.toString());
        }
        return tokens;
    }
}
