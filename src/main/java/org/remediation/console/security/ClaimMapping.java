package org.remediation.console.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Turns an ID token's claims into a console account: the username (configured claim, then {@code email},
 * then {@code sub}), the display name ({@code name}), and roles and teams from the groups claim through the
 * configured mapping. Plain logic, no Spring: {@link SsoAccounts} stores the result.
 */
final class ClaimMapping {

    /** Wider than local usernames: providers name people by e-mail address. */
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@+-]{0,63}");

    /** What the claims say about one person. */
    record Mapped(String username, String displayName, Set<Role> roles, Set<String> teams, Set<String> groups) {
    }

    private final SsoProperties sso;

    ClaimMapping(SsoProperties sso) {
        this.sso = sso;
    }

    Mapped map(Map<String, Object> claims) {
        String username = username(claims);
        Set<String> groups = groups(claims.get(sso.groupsClaim()));
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Set<String> teams = new TreeSet<>();
        for (String group : groups) {
            roles.addAll(sso.roles().getOrDefault(group, Set.of()));
            teams.addAll(sso.teams().getOrDefault(group, Set.of()));
        }
        if (roles.isEmpty()) {
            if (sso.unmapped() == SsoProperties.Unmapped.REFUSE) {
                throw new SsoRefusal("unmapped", "Your account has no role in the console: "
                        + (groups.isEmpty() ? "the provider lists no group for you" : "none of your groups "
                        + shown(groups) + " is mapped to a role") + ". Ask an administrator to map one of your groups.");
            }
            roles.add(Role.VIEWER);
        }
        Object name = claims.get("name");
        String displayName = name instanceof String s && !s.isBlank() ? s.strip() : username;
        return new Mapped(username, displayName.length() <= 120 ? displayName : displayName.substring(0, 120), roles,
                teams, groups);
    }

    /** Every team the mapping names: membership of these follows the claim, other teams stay as set by hand. */
    Set<String> managedTeams() {
        Set<String> all = new TreeSet<>();
        sso.teams().values().forEach(all::addAll);
        return all;
    }

    /** What the claims call the person, unchecked: for the audit of a refusal. */
    String claimedName(Map<String, Object> claims) {
        for (String claim : List.of(sso.usernameClaim(), "email", "sub")) {
            if (claims.get(claim) instanceof String value && !value.isBlank()) {
                return value;
            }
        }
        return "(unnamed)";
    }

    private String username(Map<String, Object> claims) {
        for (String claim : List.of(sso.usernameClaim(), "email", "sub")) {
            if (claim.equals("email") && !Boolean.TRUE.equals(claims.get("email_verified"))) {
                continue; // an unverified address may be anyone's: it must not name the account
            }
            if (claims.get(claim) instanceof String value && !value.isBlank()) {
                String username = value.strip().toLowerCase(Locale.ROOT);
                // ASCII before folding: 'K' (Kelvin sign) would otherwise become 'k' and pass as someone else's name
                if (!value.strip().chars().allMatch(c -> c < 128) || !USERNAME.matcher(username).matches()) {
                    throw new SsoRefusal("username", "The provider names you '" + LoginAuditor.shown(value)
                            + "' (claim " + claim + "), which cannot be a console username: letters, digits, '.', "
                            + "'_', '-', '@' or '+', at most 64 characters. Ask an administrator.");
                }
                return username;
            }
        }
        throw new SsoRefusal("username", "The provider's ID token names no user (no " + sso.usernameClaim()
                + ", email or sub claim).");
    }

    private static Set<String> groups(@Nullable Object claim) {
        Set<String> groups = new TreeSet<>();
        if (claim instanceof Collection<?> values) {
            values.forEach(v -> groups.add(String.valueOf(v)));
        } else if (claim instanceof String single && !single.isBlank()) {
            groups.add(single);
        }
        return groups;
    }

    private static String shown(Set<String> groups) {
        List<String> first = groups.stream().limit(10).map(LoginAuditor::shown).toList();
        return first + (groups.size() > 10 ? " and " + (groups.size() - 10) + " more" : "");
    }
}
