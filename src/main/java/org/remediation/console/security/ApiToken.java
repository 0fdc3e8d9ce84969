package org.remediation.console.security;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** An API token: only its hash is kept; it acts with its roles intersected with its owner's current ones. */
@Entity
@Table(name = "api_token")
class ApiToken {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "user_id")
    private UserAccount owner;

    @Column(nullable = false)
    private String name = "";

    @Column(name = "token_hash", nullable = false, unique = true)
    private String tokenHash = "";

    @Column(nullable = false)
    private String prefix = "";

    @Column(name = "created_at", nullable = false)
    private Instant createdAt = Instant.EPOCH;

    @Column(name = "created_by", nullable = false)
    private String createdBy = "";

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt = Instant.EPOCH;

    @Column(name = "last_used_at")
    private @Nullable Instant lastUsedAt;

    @Column(name = "revoked_at")
    private @Nullable Instant revokedAt;

    @Column(name = "revoked_by")
    private @Nullable String revokedBy;

    @Column(name = "revoke_reason")
    private @Nullable String revokeReason;

    @Version
    private long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "api_token_role", joinColumns = @JoinColumn(name = "token_id"))
    @Column(name = "role")
    @Enumerated(EnumType.STRING)
    private Set<Role> roles = new HashSet<>();

    @SuppressWarnings("NullAway.Init")
    protected ApiToken() {
    }

    ApiToken(UserAccount owner, String name, TokenSecret secret, Set<Role> roles, Instant createdAt, String createdBy,
             Instant expiresAt) {
        this.owner = owner;
        this.name = name;
        this.tokenHash = secret.hash();
        this.prefix = secret.prefix();
        this.roles = new HashSet<>(roles);
        this.createdAt = createdAt;
        this.createdBy = createdBy;
        this.expiresAt = expiresAt;
    }

    @Nullable Long getId() { return id; }
    UserAccount getOwner() { return owner; }
    String getName() { return name; }
    Instant getExpiresAt() { return expiresAt; }
    @Nullable Instant getLastUsedAt() { return lastUsedAt; }
    boolean isRevoked() { return revokedAt != null; }
    Set<Role> getRoles() { return roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles); }

    boolean isActive(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }

    void revoke(Instant at, String by, String reason) {
        revokedAt = at;
        revokedBy = by;
        revokeReason = reason;
    }

    /** What is wrong with this token now, or null when it may act. */
    @Nullable String refusal(Instant now) {
        if (revokedAt != null) {
            return "revoked" + (revokeReason == null ? "" : " (" + revokeReason + ")");
        }
        if (!now.isBefore(expiresAt)) {
            return "expired at " + expiresAt;
        }
        if (!owner.isEnabled()) {
            return "owner '" + owner.getUsername() + "' is disabled";
        }
        return null;
    }

    /** Its own roles intersected with the owner's current ones: a role taken from the owner is gone from the token. */
    Set<Role> effectiveRoles() {
        Set<Role> effective = getRoles();
        effective.retainAll(owner.getRoles());
        return effective;
    }

    ApiTokenSummary summary(Instant now) {
        return new ApiTokenSummary(id == null ? 0 : id, owner.getUsername(), name, prefix, getRoles(), createdAt,
                createdBy, expiresAt, lastUsedAt, revokedAt, revokedBy, revokeReason, isActive(now));
    }
}
