package org.remediation.console.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DefaultOAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns a bearer token into the person (or service account) it acts for. Checked on every request, so
 * a revoked token, a disabled owner or a role taken from the owner counts at once: the authorities are
 * the token's roles intersected with the owner's current ones.
 */
@Component
class TokenIntrospector implements OpaqueTokenIntrospector {

    static final String TOKEN_ID = "token_id";
    static final String TOKEN_NAME = "token_name";
    /** Last use is written at most this often: not one database write per API call. */
    private static final Duration LAST_USE_PRECISION = Duration.ofMinutes(1);

    private final ApiTokenRepository tokens;
    private final TokenUseAudit useAudit;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final boolean localAccounts;

    TokenIntrospector(ApiTokenRepository tokens, TokenUseAudit useAudit, Clock clock, PlatformTransactionManager txm,
                      SsoProperties sso) {
        this.localAccounts = sso.localAccounts();
        this.tokens = tokens;
        this.useAudit = useAudit;
        this.clock = clock;
        this.tx = new TransactionTemplate(txm);
    }

    @Override
    public OAuth2AuthenticatedPrincipal introspect(String value) {
        if (!TokenSecret.wellFormed(value)) {
            throw new BadOpaqueTokenException("This is not a console API token (they start with 'rcp_').");
        }
        Instant now = clock.instant();
        Refused refused = new Refused();
        OAuth2AuthenticatedPrincipal principal = tx.execute(s -> principalOf(TokenSecret.hashOf(value), now, refused));
        if (principal == null) {
            if (refused.tokenId != null) {
                useAudit.denied(refused.tokenId, refused.owner, refused.reason);
            }
            throw new BadOpaqueTokenException(refused.reason);
        }
        return principal;
    }

    private @Nullable OAuth2AuthenticatedPrincipal principalOf(String hash, Instant now, Refused refused) {
        ApiToken token = tokens.findByTokenHash(hash).orElse(null);
        if (token == null) {
            refused.reason = "Unknown token: it may have been mistyped or deleted.";
            return null;
        }
        String why = token.refusal(now);
        Set<Role> roles = token.effectiveRoles();
        UserAccount owner = token.getOwner();
        if (why == null && !localAccounts && !owner.isService() && !owner.isSso()) {
            // as for passwords: a local person's access must not outlive the switch to single sign-on
            why = "local accounts are switched off (console.sso.local-accounts=false) and '" + owner.getUsername()
                    + "' is one";
        }
        if (why == null && roles.isEmpty()) {
            why = "its owner no longer holds any of its roles " + token.getRoles();
        }
        if (why != null) {
            refused.tokenId = token.getId();
            refused.owner = token.getOwner().getUsername();
            refused.reason = "The token '" + token.getName() + "' is refused: " + why + ".";
            return null;
        }
        Instant lastUse = token.getLastUsedAt();
        if (lastUse == null || !now.isBefore(lastUse.plus(LAST_USE_PRECISION))) {
            // a bulk update, not the entity: parallel calls with one token must not collide on its version
            tokens.markUsed(token.getId(), now, now.minus(LAST_USE_PRECISION));
        }
        List<GrantedAuthority> authorities = new java.util.ArrayList<>(roles.stream()
                .map(r -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + r.name())).toList());
        if (token.getOwner().isService()) {
            authorities.add(new SimpleGrantedAuthority(ConsoleUserDetailsService.SERVICE_ACCOUNT));
        }
        return new DefaultOAuth2AuthenticatedPrincipal(token.getOwner().getUsername(),
                Map.of(TOKEN_ID, java.util.Objects.requireNonNull(token.getId()), TOKEN_NAME, token.getName()), authorities);
    }

    private static final class Refused {
        @Nullable Long tokenId;
        String owner = "";
        String reason = "";
    }
}
