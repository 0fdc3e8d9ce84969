package org.remediation.console.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.remediation.console.audit.AuditService;
import org.remediation.console.base.identity.SystemActor;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthentication;
import org.springframework.stereotype.Component;

/**
 * Audits a refused use of a known token (revoked, expired, owner disabled, role missing) at most once a
 * minute per token: a script retrying a dead token in a loop must not bury the trail. Unknown tokens are
 * not audited (anyone can send garbage); they are answered 401 like the rest.
 */
@Component
public class TokenUseAudit {

    private static final Duration QUIET = Duration.ofMinutes(1);

    private final AuditService audit;
    private final Clock clock;
    private final Map<Long, Instant> lastAudited = new ConcurrentHashMap<>();

    TokenUseAudit(AuditService audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The calling token was refused by a role check (no-op for a session or no caller). Open to every
     * caller on purpose: it runs exactly when the caller lacks a role.
     */
    public void deniedForCurrentToken(String what) {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof BearerTokenAuthentication bearer
                && bearer.getTokenAttributes().get(TokenIntrospector.TOKEN_ID) instanceof Long id) {
            denied(id, bearer.getName(), "forbidden: " + what);
        }
    }

    void denied(long tokenId, String owner, String reason) {
        Instant now = clock.instant();
        Instant previous = lastAudited.get(tokenId);
        if (previous != null && now.isBefore(previous.plus(QUIET))) {
            return;
        }
        lastAudited.put(tokenId, now);
        SystemActor.run(() -> audit.append(SystemActor.NAME, "token.use-denied", "token:" + tokenId,
                Map.of("owner", owner, "reason", reason)));
    }
}
