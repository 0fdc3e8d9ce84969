package org.remediation.console.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A token's value: "rcp_" and 256 random bits. Only its SHA-256 is stored; a slow password hash would
 * add nothing against guessing 256 bits and would cost every API request.
 */
record TokenSecret(String value) {

    static final String PREFIX = "rcp_";
    private static final SecureRandom RANDOM = new SecureRandom();

    static TokenSecret generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return new TokenSecret(PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** Plausible shape only; anything else is refused without a database lookup. */
    static boolean wellFormed(String value) {
        return value.startsWith(PREFIX) && value.length() == PREFIX.length() + 43
                && value.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '_');
    }

    String hash() {
        return hashOf(value);
    }

    /** Enough to recognise the token in a list, far too little to use it. */
    String prefix() {
        return value.substring(0, PREFIX.length() + 6);
    }

    static String hashOf(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    @Override
    public String toString() {
        return "TokenSecret[" + prefix() + "…]";
    }
}
