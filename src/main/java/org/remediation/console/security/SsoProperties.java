package org.remediation.console.security;

import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Single sign-on with OpenID Connect (README, "Single sign-on"). The provider itself (issuer, client id and
 * secret, scopes, the name on the sign-in button) is Spring's standard registration
 * {@code spring.security.oauth2.client.registration.<registration>.*} and
 * {@code spring.security.oauth2.client.provider.<registration>.issuer-uri}; these settings say what the
 * console makes of the people it sends.
 *
 * @param enabled whether the sign-in page offers "Sign in with &lt;provider&gt;" (env {@code CONSOLE_SSO_ENABLED})
 * @param registration the id of the Spring OAuth2 client registration to use (default {@code sso})
 * @param localAccounts whether local accounts sign in with a password; when false the password form is gone,
 *     the sign-in page sends people to the provider, password posts are refused, and the first administrator
 *     comes from a group mapped to ADMIN (no {@code CONSOLE_ADMIN_*} needed)
 * @param usernameClaim the ID token claim that names the console account (default {@code preferred_username});
 *     when a token lacks it, {@code email}, then {@code sub} are used. Lower-cased
 * @param groupsClaim the claim that carries the user's groups (a list of strings, default {@code groups})
 * @param roles group → console roles, e.g. {@code console.sso.roles.console-admins=ADMIN}; a group name with
 *     characters other than letters, digits and '-' goes in brackets: {@code console.sso.roles[/ops/leads]=TEAM_LEAD}.
 *     A user's roles are the union over their groups; METRICS cannot be mapped (service accounts only)
 * @param teams group → team names the user is a member of (teams that do not exist yet are created); the console
 *     adds and removes members only of the teams named here, other teams stay as administrators set them
 * @param unmapped what a user gets whose groups map to no role: {@code REFUSE} (the default: an issuer shared with
 *     other tenants must not hand out read access; the sign-in page says the account has no role in the console)
 *     or {@code VIEWER} (read-only)
 */
@ConfigurationProperties("console.sso")
public record SsoProperties(@DefaultValue("false") boolean enabled,
                            @DefaultValue("sso") String registration,
                            @DefaultValue("true") boolean localAccounts,
                            @DefaultValue("preferred_username") String usernameClaim,
                            @DefaultValue("groups") String groupsClaim,
                            @DefaultValue Map<String, Set<Role>> roles,
                            @DefaultValue Map<String, Set<String>> teams,
                            @DefaultValue("REFUSE") Unmapped unmapped) {

    /** What a user without any mapped role gets. */
    public enum Unmapped {
        /** signed in read-only */
        VIEWER,
        /** sign-in refused with a message on the sign-in page */
        REFUSE
    }

    boolean mapsAdmin() {
        return roles.values().stream().anyMatch(r -> r.contains(Role.ADMIN));
    }
}
