package org.remediation.console.security;

import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * A person signed in through the provider, named by their console username (what the audit, teams and
 * {@code CurrentUser} use), with the console's roles; the ID token stays for RP-initiated logout.
 */
final class ConsoleOidcUser extends DefaultOidcUser {

    private final String username;

    ConsoleOidcUser(OidcUser signedIn, Collection<? extends GrantedAuthority> authorities, String username) {
        super(authorities, signedIn.getIdToken(), signedIn.getUserInfo());
        this.username = username;
    }

    @Override
    public String getName() {
        return username;
    }
}
