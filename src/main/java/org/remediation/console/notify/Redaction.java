package org.remediation.console.notify;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Webhook paths usually carry a token: logs and the audit show scheme and host plus a fingerprint. */
final class Redaction {

    private Redaction() {
    }

    static String url(String url) {
        try {
            URI u = URI.create(url.strip());
            if (u.getScheme() == null || u.getHost() == null) {
                return "(unreadable URL) #" + fingerprint(url);
            }
            return u.getScheme() + "://" + u.getHost() + (u.getPort() > 0 ? ":" + u.getPort() : "") + "/… #" + fingerprint(url);
        } catch (IllegalArgumentException e) {
            return "(unreadable URL) #" + fingerprint(url);
        }
    }

    static String fingerprint(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
