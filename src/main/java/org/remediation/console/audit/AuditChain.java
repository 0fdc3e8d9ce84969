package org.remediation.console.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The hash of an audit event: SHA-256 over a canonical, length-prefixed encoding of its content and
 * the previous event's hash. Length prefixes make the encoding unambiguous (no field can borrow
 * characters from its neighbour).
 */
final class AuditChain {

    static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    static String hash(long seq, Instant at, String actor, String action, String subject, String details,
                       String prevHash) {
        StringBuilder canonical = new StringBuilder(128 + details.length());
        canonical.append(seq).append('\n').append(at.toEpochMilli()).append('\n');
        for (String field : new String[] {actor, action, subject, details, prevHash}) {
            canonical.append(field.length()).append(':').append(field).append('\n');
        }
        return HexFormat.of().formatHex(sha256().digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
