package org.remediation.console.probe;

import java.util.regex.Pattern;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Resolves credential references: {@code env:NAME} reads an environment variable,
 * {@code secret:name} reads the Spring property {@code console.secrets.<name>}. Targets store only
 * the reference, so no secret reaches the database, the UI, YAML exports or the audit trail.
 */
@Component
public class CredentialRefs {

    private static final Pattern REF = Pattern.compile("^(env:[A-Za-z_][A-Za-z0-9_]*|secret:[A-Za-z0-9._-]+)$");

    private final Environment environment;

    CredentialRefs(Environment environment) {
        this.environment = environment;
    }

    public static boolean isReference(String value) {
        return REF.matcher(value).matches();
    }

    /** True when the reference resolves to a value now. */
    public boolean resolvable(String ref) {
        return lookup(ref) != null;
    }

    /** The secret value; throws {@link IllegalStateException} naming the reference when missing. */
    public String resolve(String ref) {
        String v = lookup(ref);
        if (v == null) {
            throw new IllegalStateException("Credential reference " + ref + " does not resolve");
        }
        return v;
    }

    private @org.jspecify.annotations.Nullable String lookup(String ref) {
        if (ref.startsWith("env:")) {
            return System.getenv(ref.substring(4));
        }
        if (ref.startsWith("secret:")) {
            return environment.getProperty("console.secrets." + ref.substring(7));
        }
        return null;
    }
}
