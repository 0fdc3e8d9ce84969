package org.remediation.console.drills;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/**
 * The drill's people and their API tokens, written as the database rows the console's own services write
 * (the API has no endpoint to create users; the UI's would need a browser per token): a person with a
 * password hash in the console's encoding, and tokens of "rcp_" + 256 random bits stored as their SHA-256
 * ({@code security.TokenSecret}).
 */
final class DrillAccounts {

    static final String PASSWORD = "DrillPassword2026x";
    private static final SecureRandom RANDOM = new SecureRandom();

    private DrillAccounts() {
    }

    /** Creates {@code username} with {@code role}, signs in with {@link #PASSWORD}. */
    static void person(Connection c, String username, String role) throws SQLException {
        try (var insert = c.prepareStatement("insert into app_user (username, display_name, password_hash, enabled, created_at)"
                + " values (?, ?, ?, true, now())")) {
            insert.setString(1, username);
            insert.setString(2, "Drill " + role.toLowerCase());
            insert.setString(3, PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(PASSWORD));
            insert.executeUpdate();
        }
        try (var role_ = c.prepareStatement("insert into app_user_role (user_id, role) select id, ? from app_user where username = ?")) {
            role_.setString(1, role);
            role_.setString(2, username);
            role_.executeUpdate();
        }
    }

    /** A token of {@code username} with {@code role} (which the user holds), valid for a day; returns its value. */
    static String token(Connection c, String username, String role) throws Exception {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String value = "rcp_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        try (var insert = c.prepareStatement("insert into api_token (user_id, name, token_hash, prefix, created_at, created_by, expires_at)"
                + " select id, ?, ?, ?, now(), 'cluster-drill', ? from app_user where username = ?")) {
            insert.setString(1, "cluster-drill-" + role.toLowerCase());
            insert.setString(2, hash);
            insert.setString(3, value.substring(0, 10));
            insert.setTimestamp(4, Timestamp.from(Instant.now().plus(Duration.ofDays(1))));
            insert.setString(5, username);
            if (insert.executeUpdate() != 1) {
                throw new IllegalStateException("no user " + username);
            }
        }
        try (var role_ = c.prepareStatement("insert into api_token_role (token_id, role) select id, ? from api_token where token_hash = ?")) {
            role_.setString(1, role);
            role_.setString(2, hash);
            role_.executeUpdate();
        }
        return value;
    }
}
