package org.remediation.console.cloud;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How adapters report environment variable values. A secret-looking value never leaves the
 * adapter: it is replaced by a short digest token, so resource states (and everything stored from
 * them: previews, before/after states, the audit trail) can show that a value exists and whether it
 * changed, but not the value. The digest is salted with the resource and name and cut to 32 bits:
 * enough to notice a change, too short to confirm a guessed password.
 */
public final class EnvValues {

    /** The start of every masked value. */
    public static final String MASK = "masked:";

    private static final List<String> SECRET_WORDS = List.of("SECRET", "PASSWORD", "PASSWD", "TOKEN", "KEY",
            "CREDENTIAL", "PRIVATE", "DSN", "SALT", "CERT", "AUTH_HEADER", "COOKIE");
    /** A URL carrying a password: {@code postgres://user:pass@host}. */
    private static final Pattern URL_WITH_PASSWORD = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*://[^/@\\s]*:[^/@\\s]*@.*");

    private EnvValues() {
    }

    /** True when the name suggests a secret (SECRET, PASSWORD, TOKEN, KEY, CREDENTIAL, …). */
    public static boolean secretLooking(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        return SECRET_WORDS.stream().anyMatch(upper::contains);
    }

    /** True when the name or the value suggests a secret. */
    public static boolean secretLooking(String name, String value) {
        return secretLooking(name) || URL_WITH_PASSWORD.matcher(value).matches();
    }

    public static boolean isMasked(String reported) {
        return reported.startsWith(MASK);
    }

    /** The value as adapters report it: unchanged, or a {@code masked:<digest>} token. */
    public static String reported(ResourceRef ref, String name, String value) {
        return secretLooking(name, value) ? mask(ref, name, value) : value;
    }

    static String mask(ResourceRef ref, String name, String value) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest((ref + "\n" + name + "\n" + value).getBytes(StandardCharsets.UTF_8));
            return MASK + HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
