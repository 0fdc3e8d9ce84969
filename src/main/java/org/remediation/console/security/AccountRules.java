package org.remediation.console.security;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.remediation.console.base.Problems;

/** Input rules for users and teams, checked before anything is written. */
final class AccountRules {

    static final int MIN_PASSWORD = 12;
    private static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9._-]{2,31}");
    private static final Pattern TEAM_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 &._-]{1,79}");
    private static final Set<String> COMMON = Set.of("password1234", "123456789012", "qwertyuiop12",
            "letmein12345", "changeme1234", "administrator1", "welcome12345");

    private AccountRules() {
    }

    static void username(Problems p, @Nullable String username) {
        if (username == null || username.isBlank()) {
            p.add("username", "Enter a username.");
        } else if (!USERNAME.matcher(username).matches()) {
            p.add("username", "Use 3–32 characters: lower-case letters, digits, '.', '_' or '-', starting with a letter.");
        }
    }

    static void displayName(Problems p, @Nullable String displayName) {
        p.check(displayName != null && !displayName.isBlank(), "displayName", "Enter the person's name.");
        p.check(displayName == null || displayName.length() <= 120, "displayName", "Use at most 120 characters.");
    }

    static void password(Problems p, @Nullable String password, @Nullable String username) {
        if (password == null || password.length() < MIN_PASSWORD) {
            p.add("password", "Use at least " + MIN_PASSWORD + " characters.");
            return;
        }
        boolean letter = password.chars().anyMatch(Character::isLetter);
        boolean digit = password.chars().anyMatch(Character::isDigit);
        p.check(letter && digit, "password", "Mix letters and digits.");
        // bcrypt reads only the first 72 bytes (and Spring refuses more): a longer password would be a 500
        p.check(password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 72, "password",
                "Use at most 72 bytes: 72 plain letters or digits, fewer with accents or emoji.");
        String lower = password.toLowerCase(Locale.ROOT);
        p.check(!COMMON.contains(lower), "password", "This password is too common.");
        p.check(username == null || username.length() < 3 || !lower.contains(username.toLowerCase(Locale.ROOT)),
                "password", "The password must not contain the username.");
    }

    static void roles(Problems p, @Nullable Set<Role> roles) {
        p.check(roles != null && !roles.isEmpty(), "roles", "Give the user at least one role.");
        p.check(roles == null || !roles.contains(Role.METRICS) || roles.size() == 1, "roles",
                "METRICS is for a scrape's service account: give it no other role (and people no METRICS role).");
        p.check(roles == null || !roles.contains(Role.REPORTER) || roles.size() == 1, "roles",
                "REPORTER is for a check's service account: give it no other role.");
    }

    /** People never hold REPORTER: pushed results are evidence, and a person's pushes would be self-made evidence. */
    static void personRoles(Problems p, @Nullable Set<Role> roles) {
        p.check(roles == null || !roles.contains(Role.REPORTER), "roles",
                "REPORTER is for a check's service account: create one under Service accounts.");
    }

    static void teamName(Problems p, @Nullable String name) {
        if (name == null || name.isBlank()) {
            p.add("name", "Enter a team name.");
        } else if (!TEAM_NAME.matcher(name).matches()) {
            p.add("name", "Use 2–80 characters: letters, digits, spaces, '&', '.', '_' or '-'.");
        }
    }
}
