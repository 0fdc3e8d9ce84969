package org.remediation.console.cloud;

import java.util.regex.Pattern;

/**
 * Names one resource: its kind, its location (a region such as {@code us-central1}, or
 * {@code global}) and its short name. The string form {@code KIND/location/name} is stable and used
 * in YAML, audit subjects and locks.
 */
public record ResourceRef(ResourceKind kind, String location, String name) {

    private static final Pattern PART = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    public ResourceRef {
        if (!PART.matcher(location).matches()) {
            throw new IllegalArgumentException("location '" + location + "' is not a region or 'global'");
        }
        if (!PART.matcher(name).matches()) {
            throw new IllegalArgumentException("resource name '" + name
                    + "' must be lower-case letters, digits and '-' (1–63 characters)");
        }
    }

    /** Parses {@code KIND/location/name}, e.g. {@code VPC_CONNECTOR/us-central1/staging-connector}. */
    public static ResourceRef parse(String text) {
        String[] parts = text.split("/", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("'" + text + "' is not KIND/location/name");
        }
        ResourceKind kind;
        try {
            kind = ResourceKind.valueOf(parts[0]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown resource kind '" + parts[0] + "'");
        }
        return new ResourceRef(kind, parts[1], parts[2]);
    }

    @Override
    public String toString() {
        return kind.name() + "/" + location + "/" + name;
    }
}
