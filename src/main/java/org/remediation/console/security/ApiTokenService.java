package org.remediation.console.security;

import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.remediation.console.audit.AuditService;
import org.remediation.console.base.InvalidInputException;
import org.remediation.console.base.Problems;
import org.remediation.console.base.identity.CurrentUser;
import org.remediation.console.base.identity.Roles;
import org.remediation.console.base.identity.SignedIn;
import org.remediation.console.base.identity.SystemActor;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API tokens: every person creates their own (roles a subset of their own), admins create them for
 * service accounts. A token is shown once, stored hashed, revocable; create, revoke and refused use are
 * audited, naming the person who acted.
 */
@Service
@SignedIn
public class ApiTokenService {

    public static final Duration DEFAULT_VALIDITY = Duration.ofDays(30);
    public static final Duration MAX_VALIDITY = Duration.ofDays(365);
    public static final Duration MIN_VALIDITY = Duration.ofHours(1);

    private final ApiTokenRepository tokens;
    private final UserRepository users;
    private final AuditService audit;
    private final Clock clock;
    private final TokenUseAudit useAudit;

    ApiTokenService(ApiTokenRepository tokens, UserRepository users, AuditService audit, Clock clock,
                    TokenUseAudit useAudit) {
        this.tokens = tokens;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
        this.useAudit = useAudit;
    }

    /** The caller's own tokens, newest first, revoked and expired ones included. */
    @Transactional(readOnly = true)
    public List<ApiTokenSummary> myTokens() {
        Instant now = clock.instant();
        return tokens.findByOwnerUsernameOrderByCreatedAtDesc(CurrentUser.require()).stream()
                .map(t -> t.summary(now)).toList();
    }

    @Transactional(readOnly = true)
    @RolesAllowed(Roles.ADMIN)
    public List<ApiTokenSummary> allTokens() {
        Instant now = clock.instant();
        return tokens.findAllByOrderByCreatedAtDesc().stream().map(t -> t.summary(now)).toList();
    }

    /**
     * A personal token of the signed-in person. {@code validFor} null means {@link #DEFAULT_VALIDITY}; roles
     * must be ones the caller holds now. A token cannot mint tokens: create them signed in to the console.
     */
    @Transactional
    @RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.TEAM_LEAD, Roles.OPERATOR, Roles.COMMANDER, Roles.ADMIN})
    public NewApiToken createPersonal(@Nullable String name, @Nullable Duration validFor, @Nullable Set<Role> roles) {
        refuseTokenCaller();
        UserAccount owner = users.findByUsername(CurrentUser.require())
                .orElseThrow(() -> new AccessDeniedException("Your account no longer exists."));
        Set<Role> held = EnumSet.noneOf(Role.class);
        owner.getRoles().stream().filter(r -> CurrentUser.hasRole(r.name())).forEach(held::add);
        return create(owner, name, validFor, roles, held, "Your account");
    }

    /** A token for a service account (CI, the Prometheus scrape); its roles must be the account's. */
    @Transactional
    @RolesAllowed(Roles.ADMIN)
    public NewApiToken createForServiceAccount(String account, @Nullable String name, @Nullable Duration validFor,
                                               @Nullable Set<Role> roles) {
        refuseTokenCaller();
        UserAccount owner = users.findByUsername(account).orElseThrow(() -> new InvalidInputException("account",
                "There is no service account named '" + account + "'."));
        if (!owner.isService()) {
            throw new InvalidInputException("account", "'" + account + "' is a person: people create their own tokens "
                    + "under Account → API tokens.");
        }
        return create(owner, name, validFor, roles, owner.getRoles(), "The service account");
    }

    /** Revokes a token at once; its owner or an admin may. Revoking a revoked token changes nothing. */
    @Transactional
    @RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.TEAM_LEAD, Roles.OPERATOR, Roles.COMMANDER, Roles.ADMIN})
    public ApiTokenSummary revoke(long id) {
        String caller = CurrentUser.require();
        ApiToken token = tokens.findById(id).filter(t -> t.getOwner().getUsername().equals(caller)
                || CurrentUser.hasRole(Roles.ADMIN)).orElseThrow(() -> new InvalidInputException("token",
                "There is no token #" + id + " of yours."));
        if (!token.isRevoked()) {
            token.revoke(clock.instant(), caller, "revoked by " + caller);
            appendAs(caller, "token.revoked", token, Map.of());
        }
        return token.summary(clock.instant());
    }

    /** Every token of the owner, at once (account disabled): re-enabling the account does not revive them. */
    @Transactional
    void revokeAllOf(String username, String reason) {
        Instant now = clock.instant();
        for (ApiToken token : tokens.findByOwnerUsernameOrderByCreatedAtDesc(username)) {
            if (!token.isRevoked()) {
                token.revoke(now, CurrentUser.usernameOr(SystemActor.NAME), reason);
                appendAs(CurrentUser.usernameOr(SystemActor.NAME), "token.revoked", token, Map.of("reason", reason));
            }
        }
    }

    private NewApiToken create(UserAccount owner, @Nullable String name, @Nullable Duration validFor,
                               @Nullable Set<Role> roles, Set<Role> allowed, String whose) {
        Instant now = clock.instant();
        Problems p = new Problems();
        String cleanName = name == null ? "" : name.strip();
        p.check(!cleanName.isEmpty(), "name", "Name the token after what uses it, e.g. 'ci-smoke' or 'grafana'.");
        p.check(cleanName.length() <= 80, "name", "Use at most 80 characters.");
        p.check(cleanName.chars().noneMatch(Character::isISOControl), "name", "Use printable characters only.");
        p.check(tokens.findByOwnerUsernameOrderByCreatedAtDesc(owner.getUsername()).stream()
                        .noneMatch(t -> t.isActive(now) && t.getName().equals(cleanName)), "name",
                "An active token named '" + cleanName + "' exists: revoke it or choose another name.");
        Duration validity = validFor == null ? DEFAULT_VALIDITY : validFor;
        p.check(validity.compareTo(MIN_VALIDITY) >= 0, "expiry", "A token must be valid for at least an hour.");
        p.check(validity.compareTo(MAX_VALIDITY) <= 0, "expiry", "A token may be valid for at most a year (365 days).");
        p.check(roles != null && !roles.isEmpty(), "roles", "Give the token at least one role.");
        if (roles != null && !allowed.containsAll(roles)) {
            Set<Role> extra = new TreeSet<>(roles);
            extra.removeAll(allowed);
            p.add("roles", whose + " does not hold " + extra + ": a token's roles are a subset of its owner's.");
        }
        p.check(owner.isEnabled(), "account", "The account '" + owner.getUsername() + "' is disabled.");
        p.throwIfAny();
        TokenSecret secret = TokenSecret.generate();
        String creator = CurrentUser.require();
        ApiToken token = tokens.save(new ApiToken(owner, cleanName, secret, roles, now, creator, now.plus(validity)));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("roles", new TreeSet<>(roles).toString());
        details.put("expiresAt", token.getExpiresAt().toString());
        appendAs(creator, "token.created", token, details);
        return new NewApiToken(token.summary(now), secret.value());
    }

    /** Runs under the system identity so a viewer's own token is audited too, naming the viewer. */
    private void appendAs(String actor, String action, ApiToken token, Map<String, ?> extra) {
        Map<String, Object> details = new LinkedHashMap<>(extra);
        details.put("owner", token.getOwner().getUsername());
        details.put("name", token.getName());
        SystemActor.run(() -> audit.append(actor, action, "token:" + token.getId(), details));
    }

    private static void refuseTokenCaller() {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof BearerTokenAuthentication) {
            throw new AccessDeniedException("A token cannot create tokens: create them signed in to the console.");
        }
    }
}
