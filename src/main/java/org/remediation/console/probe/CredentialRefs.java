package org.remediation.console.probe;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;
import org.springframework.stereotype.Component;

/**
 * Resolves credential references {@code secret:NAME}, only from the console's own secret namespace:
 * the file {@code NAME} in {@code console.secret-files} (how Kubernetes and Cloud Run mount secrets;
 * read on every use, so a rotated secret is picked up) or the setting {@code console.secrets.NAME}
 * (environment variable {@code CONSOLE_SECRETS_NAME}). Never any other environment variable or
 * setting: a reference such as {@code env:DATABASE_PASSWORD} would hand the console's own secrets to
 * whatever host a target names (issue 16). Targets store only the reference, so no secret reaches
 * the database, the UI, YAML exports or the audit trail.
 */
@Component
public class CredentialRefs {

    private static final Pattern REF = Pattern.compile("^secret:([A-Za-z0-9][A-Za-z0-9._-]{0,99})$");
    private static final int MAX_FILE_BYTES = 64 * 1024;

    private final Environment environment;

    CredentialRefs(Environment environment) {
        this.environment = environment;
    }

    public static boolean isReference(String value) {
        return REF.matcher(value).matches();
    }

    /** A reference of the kind the console no longer reads ({@code env:NAME}). */
    public static boolean isRetired(String value) {
        return value.startsWith("env:");
    }

    /** True when the reference resolves to a value now. */
    public boolean resolvable(String ref) {
        return lookup(ref) != null;
    }

    /** The secret value; throws {@link IllegalStateException} naming the reference and where to set it when missing. */
    public String resolve(String ref) {
        String v = lookup(ref);
        if (v == null) {
            throw new IllegalStateException("Credential reference " + ref + " does not resolve: " + howToSet(ref));
        }
        return v;
    }

    /** Where a reference's value can be set, for messages. */
    public static String howToSet(String ref) {
        var m = REF.matcher(ref);
        if (!m.matches()) {
            return "write it as secret:NAME";
        }
        String name = m.group(1);
        return "set the environment variable CONSOLE_SECRETS_" + name.toUpperCase(Locale.ROOT).replaceAll("[.-]", "_")
                + " (or the setting console.secrets." + name + ", or the file " + name + " in console.secret-files)";
    }

    private @Nullable String lookup(String ref) {
        var m = REF.matcher(ref);
        if (!m.matches()) {
            return null;
        }
        String name = m.group(1);
        String fromFile = fromDirectory(name);
        return fromFile != null ? fromFile : raw("console.secrets." + name);
    }

    /**
     * A setting's value as written: Spring would expand {@code ${…}} inside it, and a secret that
     * happens to contain one would fail, naming its own value in the error.
     */
    private @Nullable String raw(String key) {
        if (!(environment instanceof ConfigurableEnvironment configurable)) {
            return environment.getProperty(key);
        }
        for (PropertySource<?> source : configurable.getPropertySources()) {
            Object v = source.getProperty(key);
            if (v != null) {
                return v.toString();
            }
        }
        return null;
    }

    private @Nullable String fromDirectory(String name) {
        String dir = environment.getProperty("console.secret-files");
        if (dir == null || dir.isBlank()) {
            return null;
        }
        Path base = Path.of(dir).toAbsolutePath().normalize();
        Path file = base.resolve(name).normalize();
        if (!file.getParent().equals(base) || !Files.isRegularFile(file)) {
            return null; // the name pattern has no '/', so this only guards against surprises
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(MAX_FILE_BYTES);
            String v = new String(bytes, StandardCharsets.UTF_8);
            return v.endsWith("\r\n") ? v.substring(0, v.length() - 2) : v.endsWith("\n") ? v.substring(0, v.length() - 1) : v;
        } catch (IOException e) {
            return null;
        }
    }
}
