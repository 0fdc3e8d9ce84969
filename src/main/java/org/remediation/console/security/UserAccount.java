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
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

@Entity
@Table(name = "app_user")
class UserAccount {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(nullable = false, unique = true)
    private String username = "";

    @Column(name = "display_name", nullable = false)
    private String displayName = "";

    @Column(name = "password_hash", nullable = false)
    private String passwordHash = "";

    private boolean enabled = true;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AccountKind kind = AccountKind.PERSON;

    /** The OpenID provider's issuer and subject for an SSO account; both null for a local account. */
    @Column(name = "sso_issuer")
    private @Nullable String ssoIssuer;

    @Column(name = "sso_subject")
    private @Nullable String ssoSubject;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt = Instant.EPOCH;

    @Version
    private long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "app_user_role", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "role")
    @Enumerated(EnumType.STRING)
    private Set<Role> roles = new HashSet<>();

    protected UserAccount() {
    }

    UserAccount(String username, String displayName, String passwordHash, Set<Role> roles, Instant createdAt) {
        this.username = username;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.roles = new HashSet<>(roles);
        this.createdAt = createdAt;
    }

    /** A password hash no encoder accepts: an SSO account signs in only through its provider. */
    static final String NO_LOCAL_PASSWORD = "{sso}no-local-password";

    static UserAccount linked(String issuer, String subject, String username, String displayName, Set<Role> roles,
                              Instant createdAt) {
        UserAccount account = new UserAccount(username, displayName, NO_LOCAL_PASSWORD, roles, createdAt);
        account.ssoIssuer = issuer;
        account.ssoSubject = subject;
        return account;
    }

    @Nullable Long getId() { return id; }
    boolean isSso() { return ssoSubject != null; }
    String getUsername() { return username; }
    String getDisplayName() { return displayName; }
    String getPasswordHash() { return passwordHash; }
    boolean isEnabled() { return enabled; }
    AccountKind getKind() { return kind; }
    boolean isService() { return kind == AccountKind.SERVICE; }
    Instant getCreatedAt() { return createdAt; }
    Set<Role> getRoles() { return roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles); }

    void setDisplayName(String displayName) { this.displayName = displayName; }
    void setPasswordHash(String passwordHash) { this.passwordHash = passwordHash; }
    void setEnabled(boolean enabled) { this.enabled = enabled; }
    void setRoles(Set<Role> roles) { this.roles = new HashSet<>(roles); }
    void setKind(AccountKind kind) { this.kind = kind; }

    UserSummary summary() {
        return new UserSummary(username, displayName, enabled, getRoles(), kind);
    }
}
