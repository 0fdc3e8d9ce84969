package org.remediation.console.security;

import org.remediation.console.base.SettingException;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.jspecify.annotations.Nullable;
import org.remediation.console.base.Problems;

/**
 * How people sign in, as the sign-in page needs to know it: with a password, through the OpenID provider,
 * or both. Built once at start from {@link SsoProperties} and the Spring client registration; a combination
 * that cannot work (nobody could sign in, or nobody could administer) refuses the start with one line.
 */
public final class SsoSettings {

    private final boolean enabled;
    private final boolean localAccounts;
    private final String providerName;
    private final String signInPath;

    private SsoSettings(boolean enabled, boolean localAccounts, String providerName, String signInPath) {
        this.enabled = enabled;
        this.localAccounts = localAccounts;
        this.providerName = providerName;
        this.signInPath = signInPath;
    }

    static SsoSettings of(SsoProperties sso, @Nullable ClientRegistration registration) {
        if (!sso.localAccounts() && !sso.enabled()) {
            throw new SettingException("console.sso.local-accounts", "local accounts are off but single sign-on is "
                    + "not on, so nobody could sign in: set console.sso.enabled=true with a provider registration "
                    + "(README, \"Single sign-on\"), or console.sso.local-accounts=true");
        }
        if (!sso.enabled()) {
            return new SsoSettings(false, true, "", "");
        }
        String id = sso.registration();
        if (registration == null) {
            throw new SettingException("console.sso.registration", "single sign-on is on but there is no client "
                    + "registration '" + id + "': set spring.security.oauth2.client.registration." + id + ".client-id, "
                    + ".client-secret and spring.security.oauth2.client.provider." + id + ".issuer-uri");
        }
        if (!registration.getScopes().contains(OidcScopes.OPENID)) {
            throw new SettingException("spring.security.oauth2.client.registration." + id + ".scope",
                    "must include openid (e.g. openid,profile,email): the console signs in with OpenID Connect");
        }
        if (sso.roles().values().stream().anyMatch(r -> r.contains(Role.METRICS) || r.contains(Role.REPORTER))) {
            throw new SettingException("console.sso.roles", "METRICS and REPORTER are service accounts' roles, not "
                    + "people's: map groups to VIEWER, RESPONDER, TEAM_LEAD, OPERATOR, COMMANDER or ADMIN");
        }
        Problems teams = new Problems();
        sso.teams().values().forEach(names -> names.forEach(name -> AccountRules.teamName(teams, name)));
        if (!teams.isEmpty()) {
            throw new SettingException("console.sso.teams", "a mapped team name is not valid: "
                    + teams.list().getFirst().message());
        }
        if (!sso.localAccounts() && !sso.mapsAdmin()) {
            throw new SettingException("console.sso.roles", "local accounts are off and no group maps to ADMIN, so "
                    + "nobody could administer the console: map one, e.g. console.sso.roles.console-admins=ADMIN");
        }
        String name = registration.getClientName();
        return new SsoSettings(true, sso.localAccounts(), name == null || name.isBlank() ? id : name,
                "/oauth2/authorization/" + id);
    }

    /** Whether the sign-in page offers the provider. */
    public boolean enabled() {
        return enabled;
    }

    /** Whether local accounts sign in with a password (the form is shown). */
    public boolean localAccounts() {
        return localAccounts;
    }

    /** The provider's name for the button ("Sign in with …"): the registration's client-name. */
    public String providerName() {
        return providerName;
    }

    /** Where the browser starts the provider's sign-in (Spring's authorization request endpoint). */
    public String signInPath() {
        return signInPath;
    }
}
