package org.remediation.console.probe;

import org.remediation.console.base.egress.EgressPolicy;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.remediation.console.base.Problems;

/** Shared checks for kind-specific settings; every problem names {@code settings.<name>}. */
final class SettingRules {

    private static final Pattern HOST = Pattern.compile("^(\\{self}|[A-Za-z0-9]([A-Za-z0-9.-]{0,252})|\\[[0-9A-Fa-f:.]+])$");

    private SettingRules() {
    }

    static String field(String name) {
        return "settings." + name;
    }

    static void onlyKnown(Map<String, String> s, Set<String> known, Problems p) {
        for (String k : s.keySet()) {
            p.check(known.contains(k), field(k), "Unknown setting '" + k + "'. Allowed here: " + String.join(", ", known) + ".");
        }
    }

    static @Nullable String required(Map<String, String> s, String name, Problems p, String what) {
        String v = s.get(name);
        if (v == null || v.isBlank()) {
            p.add(field(name), what + " is required.");
            return null;
        }
        return v.strip();
    }

    static void host(Map<String, String> s, String name, Problems p) {
        String v = required(s, name, p, "A host name");
        if (v != null && !HOST.matcher(v).matches()) {
            p.add(field(name), "'" + v + "' is not a valid host name or IP address.");
        } else if (v != null) {
            refusedDestination(v.strip(), name, p);
        }
    }

    /**
     * A destination no probe may reach, known without DNS: the metadata server's name, or a literal
     * address the egress policy refuses always. The policy is enforced again on every connection.
     */
    private static void refusedDestination(String host, String name, Problems p) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (h.equalsIgnoreCase("metadata.google.internal") || h.equalsIgnoreCase("metadata")) {
            p.add(field(name), "Probes may not reach the cloud metadata server (" + h + "): it hands out the console's own credentials.");
            return;
        }
        if (EgressPolicy.isAddressLiteral(h)) {
            try {
                if (!EgressPolicy.DEFAULT.allows(java.net.InetAddress.getByName(h))) {
                    p.add(field(name), "Probes may not reach " + h + ": link-local addresses (the cloud metadata server) and "
                            + "0.0.0.0 are refused always.");
                }
            } catch (java.net.UnknownHostException e) {
                p.add(field(name), "'" + h + "' is not a valid IP address.");
            }
        }
    }

    static void port(Map<String, String> s, String name, boolean required, Problems p) {
        String v = s.get(name);
        if (v == null || v.isBlank()) {
            p.check(!required, field(name), "A port (1–65535) is required.");
            return;
        }
        positiveInt(s, name, 1, 65535, p, "The port");
    }

    static void positiveInt(Map<String, String> s, String name, int min, int max, Problems p, String what) {
        String v = s.get(name);
        if (v == null || v.isBlank()) {
            return;
        }
        try {
            int n = Integer.parseInt(v.strip());
            p.check(n >= min && n <= max, field(name), what + " must be between " + min + " and " + max + " (got " + n + ").");
        } catch (NumberFormatException e) {
            p.add(field(name), what + " must be a whole number (got '" + v + "').");
        }
    }

    static void bool(Map<String, String> s, String name, Problems p) {
        String v = s.get(name);
        if (v != null && !v.isBlank()) {
            p.check(v.strip().equalsIgnoreCase("true") || v.strip().equalsIgnoreCase("false"), field(name),
                    "Must be true or false (got '" + v + "').");
        }
    }

    static void regex(Map<String, String> s, String name, Problems p) {
        String v = s.get(name);
        if (v != null && !v.isBlank()) {
            try {
                com.google.re2j.Pattern.compile(v); // the engine the probe matches with: linear time, no backtracking
            } catch (com.google.re2j.PatternSyntaxException e) {
                p.add(field(name), "Not a regular expression the probe can run (RE2 syntax: no backreferences or "
                        + "lookaround, so a body can never make matching take exponential time): " + e.getDescription() + ".");
            }
        }
    }

    /** Why an {@code env:} reference is refused, and what to write instead. */
    static final String RETIRED = "env: references are no longer read: they could hand the console's own secrets (its database "
            + "password) to any host. Write secret:NAME and set CONSOLE_SECRETS_NAME or the file NAME in console.secret-files.";

    static void credential(Map<String, String> s, String name, boolean required, Problems p) {
        String v = s.get(name);
        if (v == null || v.isBlank()) {
            p.check(!required, field(name), "A credential reference (secret:NAME) is required.");
            return;
        }
        if (CredentialRefs.isRetired(v.strip())) {
            p.add(field(name), RETIRED);
            return;
        }
        p.check(CredentialRefs.isReference(v.strip()), field(name),
                "Give a reference such as secret:redis-password, never the secret itself.");
    }

    /** Parses a URL with one of the schemes; {@code {self}} stands for the console's own address. */
    static @Nullable URI url(Map<String, String> s, String name, Set<String> schemes, Problems p) {
        String v = required(s, name, p, "A URL");
        if (v == null) {
            return null;
        }
        try {
            URI uri = new URI(v.replace("{self}", "127.0.0.1:1"));
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
            if (!schemes.contains(scheme)) {
                p.add(field(name), "The URL must start with " + String.join("://, ", schemes) + ":// (got '" + v + "').");
            } else if (uri.getHost() == null || uri.getHost().isBlank()) {
                p.add(field(name), "The URL has no host name: '" + v + "'.");
            } else if (uri.getPort() == 0 || uri.getPort() > 65535) {
                p.add(field(name), "The URL's port must be between 1 and 65535.");
            } else if (uri.getRawUserInfo() != null) {
                p.add(field(name), "Take the user and password out of the URL: a target never stores a secret. "
                        + "Send them in a header as a reference (Authorization: secret:api-basic).");
            } else {
                refusedDestination(uri.getHost(), name, p);
            }
            return uri;
        } catch (Exception e) {
            p.add(field(name), "'" + v + "' is not a valid URL.");
            return null;
        }
    }
}
