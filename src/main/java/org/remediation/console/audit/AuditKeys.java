package org.remediation.console.audit;

import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.remediation.console.base.SettingException;

/**
 * The keys of the audit chain: the highest id signs, every id verifies. Parsed from
 * {@code <id>:<base64 secret>[,<id>:<base64 secret>…]}; a bad entry is refused naming the setting and
 * the entry's position, never its secret.
 */
final class AuditKeys {

    /** Events written before keys existed: plain SHA-256, no key. */
    static final int PLAIN = 0;
    static final int MIN_SECRET_BYTES = 32;
    private static final String ALGORITHM = "HmacSHA256";
    private static final Pattern ENTRY = Pattern.compile("(\\d{1,9}):(\\S+)");

    private final TreeMap<Integer, SecretKeySpec> keys;

    private AuditKeys(TreeMap<Integer, SecretKeySpec> keys) {
        this.keys = keys;
    }

    /**
     * @param setting how the refusal names where the value came from, e.g. {@code CONSOLE_AUDIT_KEY}
     */
    static AuditKeys parse(String spec, String setting) {
        String[] entries = spec.split(",", -1);
        TreeMap<Integer, SecretKeySpec> keys = new TreeMap<>();
        for (int i = 0; i < entries.length; i++) {
            String where = entries.length == 1 ? "the key" : "entry " + (i + 1) + " of " + entries.length;
            Matcher m = ENTRY.matcher(entries[i].strip());
            if (!m.matches()) {
                throw new SettingException(setting, where + " is not <key id>:<base64 secret>; e.g. 1:$(openssl rand -base64 32)");
            }
            int id = Integer.parseInt(m.group(1));
            if (id == PLAIN) {
                throw new SettingException(setting, where + " uses key id 0, which is reserved for events written before"
                        + " keys existed; number keys from 1");
            }
            byte[] secret = decode(m.group(2));
            if (secret == null) {
                throw new SettingException(setting, where + " (key id " + id + ") has a secret that is not base64");
            }
            if (secret.length < MIN_SECRET_BYTES) {
                throw new SettingException(setting, where + " (key id " + id + ") has a secret of " + secret.length
                        + " bytes; at least " + MIN_SECRET_BYTES + " are needed (openssl rand -base64 32)");
            }
            if (keys.put(id, new SecretKeySpec(secret, ALGORITHM)) != null) {
                throw new SettingException(setting, "key id " + id + " is listed twice");
            }
        }
        return new AuditKeys(keys);
    }

    private static byte @Nullable [] decode(String text) {
        for (Base64.Decoder decoder : new Base64.Decoder[] {Base64.getDecoder(), Base64.getUrlDecoder()}) {
            try {
                return decoder.decode(text);
            } catch (IllegalArgumentException e) {
                // try the next alphabet
            }
        }
        return null;
    }

    /** The id new events are signed with. */
    int signingId() {
        return keys.lastKey();
    }

    boolean knows(int id) {
        return id == PLAIN || keys.containsKey(id);
    }

    /** The configured ids, for messages. */
    java.util.Set<Integer> ids() {
        return Collections.unmodifiableSet(keys.keySet());
    }

    /** A fresh MAC for this key id (not thread-safe; reusable after each {@code doFinal}), or null when unknown. */
    @Nullable Mac mac(int id) {
        SecretKeySpec key = keys.get(id);
        if (key == null) {
            return null;
        }
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has " + ALGORITHM, e);
        }
    }

    /** For tests and the key file: the ids with their secrets, base64. */
    static String format(Map<Integer, byte[]> secrets) {
        StringBuilder s = new StringBuilder();
        secrets.forEach((id, secret) -> s.append(s.isEmpty() ? "" : ",").append(id).append(':')
                .append(Base64.getEncoder().encodeToString(secret)));
        return s.toString();
    }
}
