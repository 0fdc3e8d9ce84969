package org.remediation.console.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;

/**
 * The hash of an audit event over a canonical, length-prefixed encoding of its content and the
 * previous event's hash. Length prefixes make the encoding unambiguous (no field can borrow characters
 * from its neighbour). Key id 0 is plain SHA-256 (events written before keys existed); other key ids
 * are HMAC-SHA256 over the same encoding, which nobody without the key can recompute (issue 16).
 */
final class AuditChain {

    static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    /** The plain SHA-256 link (key id 0). */
    static String hash(long seq, Instant at, String actor, String action, String subject, String details,
                       String prevHash) {
        return HexFormat.of().formatHex(sha256().digest(canonical(seq, at, actor, action, subject, details, prevHash)));
    }

    /** The keyed link; {@code mac} is initialised with the key and left reset for the next call. */
    static String hmac(Mac mac, long seq, Instant at, String actor, String action, String subject, String details,
                       String prevHash) {
        return HexFormat.of().formatHex(mac.doFinal(canonical(seq, at, actor, action, subject, details, prevHash)));
    }

    private static byte[] canonical(long seq, Instant at, String actor, String action, String subject, String details,
                                    String prevHash) {
        StringBuilder canonical = new StringBuilder(128 + details.length());
        canonical.append(seq).append('\n').append(at.toEpochMilli()).append('\n');
        for (String field : new String[] {actor, action, subject, details, prevHash}) {
            canonical.append(field.length()).append(':').append(field).append('\n');
        }
        return canonical.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
