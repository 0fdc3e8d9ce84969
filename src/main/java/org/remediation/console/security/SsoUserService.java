package org.remediation.console.security;

import java.util.Map;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * The step after Spring has checked the ID token (signature, issuer, audience, expiry, nonce): the claims
 * become a console account through {@link ClaimMapping} and {@link SsoAccounts}, or the sign-in is refused
 * with a message the sign-in page shows.
 */
final class SsoUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {

    /** The OAuth2 error code of a refusal by the console (as opposed to a protocol failure). */
    static final String REFUSED = "console_refused";

    private final OidcUserService delegate = new OidcUserService();
    private final ClaimMapping mapping;
    private final SsoAccounts accounts;

    SsoUserService(ClaimMapping mapping, SsoAccounts accounts) {
        this.mapping = mapping;
        this.accounts = accounts;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser user = delegate.loadUser(request);
        String issuer = String.valueOf(user.getIssuer());
        String subject = user.getSubject();
        Map<String, Object> claims = user.getClaims();
        try {
            SsoAccounts.Admitted admitted = accounts.signIn(issuer, subject, mapping.map(claims), mapping.managedTeams());
            return new ConsoleOidcUser(user, admitted.roles().stream()
                    .map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).toList(), admitted.username());
        } catch (SsoRefusal refusal) {
            accounts.refused(issuer, subject, mapping.claimedName(claims), refusal);
            throw new OAuth2AuthenticationException(new OAuth2Error(REFUSED, refusal.getMessage(), null),
                    refusal.getMessage());
        }
    }
}
