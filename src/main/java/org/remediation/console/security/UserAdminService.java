package org.remediation.console.security;

import org.remediation.console.base.identity.CurrentUser;
import org.remediation.console.base.identity.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.remediation.console.audit.AuditService;
import org.remediation.console.base.InvalidInputException;
import org.remediation.console.base.Problems;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Users and teams, for administrators. Every change is validated first and audited. */
@Service
@RolesAllowed(Roles.ADMIN)
public class UserAdminService {

    private final UserRepository users;
    private final TeamRepository teams;
    private final PasswordEncoder encoder;
    private final AuditService audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final ApiTokenService tokens;

    UserAdminService(UserRepository users, TeamRepository teams, PasswordEncoder encoder, AuditService audit,
                     Clock clock, ApplicationEventPublisher events, ApiTokenService tokens) {
        this.events = events;
        this.tokens = tokens;
        this.users = users;
        this.teams = teams;
        this.encoder = encoder;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<UserSummary> listUsers() {
        return users.findAllByOrderByUsername().stream().map(UserAccount::summary).toList();
    }

    @Transactional(readOnly = true)
    public List<TeamSummary> listTeams() {
        return teams.findAllByOrderByName().stream().map(Team::summary).toList();
    }

    @Transactional
    public UserSummary createUser(@Nullable String username, @Nullable String displayName, @Nullable String password,
                                  @Nullable Set<Role> roles) {
        Problems p = new Problems();
        AccountRules.username(p, username);
        AccountRules.displayName(p, displayName);
        AccountRules.password(p, password, username);
        AccountRules.roles(p, roles);
        AccountRules.personRoles(p, roles);
        if (p.isEmpty() && users.existsByUsername(username)) {
            p.add("username", "A user named '" + username + "' already exists.");
        }
        p.throwIfAny();
        UserAccount account = users.save(new UserAccount(username, displayName.strip(), encoder.encode(password),
                roles, clock.instant()));
        audit.record("user.created", "user:" + username, Map.of("roles", new TreeSet<>(roles).toString(),
                "displayName", account.getDisplayName()));
        return account.summary();
    }

    /**
     * A service account (CI, the Prometheus scrape): it never signs in, it acts only through tokens an admin
     * creates for it. Its password is random and thrown away.
     */
    @Transactional
    public UserSummary createServiceAccount(@Nullable String username, @Nullable String displayName,
                                            @Nullable Set<Role> roles) {
        Problems p = new Problems();
        AccountRules.username(p, username);
        AccountRules.displayName(p, displayName);
        AccountRules.roles(p, roles);
        if (p.isEmpty() && users.existsByUsername(username)) {
            p.add("username", "A user named '" + username + "' already exists.");
        }
        p.throwIfAny();
        UserAccount account = new UserAccount(username, displayName.strip(),
                encoder.encode(TokenSecret.generate().value()), roles, clock.instant());
        account.setKind(AccountKind.SERVICE);
        users.save(account);
        audit.record("user.created", "user:" + username, Map.of("roles", new TreeSet<>(roles).toString(),
                "displayName", account.getDisplayName(), "kind", "SERVICE"));
        return account.summary();
    }

    @Transactional
    public UserSummary updateUser(String username, @Nullable String displayName, @Nullable Set<Role> roles) {
        UserAccount account = find(username);
        Problems p = new Problems();
        AccountRules.displayName(p, displayName);
        AccountRules.roles(p, roles);
        if (!account.isService()) {
            AccountRules.personRoles(p, roles);
        }
        if (roles != null && !roles.contains(Role.ADMIN) && account.getRoles().contains(Role.ADMIN)) {
            p.check(!username.equals(CurrentUser.usernameOr("")), "roles", "You cannot remove your own ADMIN role.");
        }
        p.throwIfAny();
        Map<String, String> details = new LinkedHashMap<>();
        details.put("rolesBefore", new TreeSet<>(account.getRoles()).toString());
        details.put("rolesAfter", new TreeSet<>(roles).toString());
        details.put("displayName", displayName.strip());
        boolean lostARole = !roles.containsAll(account.getRoles());
        account.setDisplayName(displayName.strip());
        account.setRoles(roles);
        audit.record("user.updated", "user:" + username, details);
        if (lostARole) {
            events.publishEvent(new AccessRevoked(username, "role removed: " + details.get("rolesBefore") + " → "
                    + details.get("rolesAfter")));
        }
        return account.summary();
    }

    @Transactional
    public void setEnabled(String username, boolean enabled) {
        UserAccount account = find(username);
        if (!enabled && username.equals(CurrentUser.usernameOr(""))) {
            throw new InvalidInputException("enabled", "You cannot disable your own account.");
        }
        account.setEnabled(enabled);
        audit.record(enabled ? "user.enabled" : "user.disabled", "user:" + username, Map.of());
        if (!enabled) {
            tokens.revokeAllOf(username, "owner disabled");
            events.publishEvent(new AccessRevoked(username, "account disabled"));
        }
    }

    @Transactional
    public void resetPassword(String username, @Nullable String newPassword) {
        UserAccount account = find(username);
        Problems p = new Problems();
        p.check(!account.isSso(), "password", "'" + username + "' signs in through single sign-on and has no "
                + "local password; disable the account to shut it out.");
        AccountRules.password(p, newPassword, username);
        p.throwIfAny();
        account.setPasswordHash(encoder.encode(newPassword));
        audit.record("user.password-reset", "user:" + username, Map.of());
        events.publishEvent(new AccessRevoked(username, "password reset"));
    }

    @Transactional
    public TeamSummary createTeam(@Nullable String name) {
        Problems p = new Problems();
        AccountRules.teamName(p, name);
        if (p.isEmpty() && teams.findByName(name.strip()).isPresent()) {
            p.add("name", "A team named '" + name.strip() + "' already exists.");
        }
        p.throwIfAny();
        Team team = teams.save(new Team(name.strip()));
        audit.record("team.created", "team:" + team.getName(), Map.of());
        return team.summary();
    }

    /** Replaces a team's members and lead; the lead must be one of the members. */
    @Transactional
    public TeamSummary updateTeam(String name, Set<String> memberUsernames, @Nullable String leadUsername) {
        Team team = teams.findByName(name).orElseThrow(() -> new InvalidInputException("name",
                "There is no team named '" + name + "'."));
        Problems p = new Problems();
        Set<UserAccount> members = new java.util.HashSet<>();
        for (String member : memberUsernames) {
            users.findByUsername(member).ifPresentOrElse(members::add,
                    () -> p.add("members", "There is no user named '" + member + "'."));
        }
        boolean hasLead = leadUsername != null && !leadUsername.isBlank();
        p.check(!hasLead || memberUsernames.contains(leadUsername), "lead",
                "The lead must be a member of the team: add '" + leadUsername + "' to the members first.");
        p.throwIfAny();
        TeamSummary before = team.summary();
        UserAccount lead = hasLead ? members.stream().filter(u -> u.getUsername().equals(leadUsername)).findFirst()
                .orElseThrow() : null;
        team.setMembersAndLead(members, lead);
        TeamSummary after = team.summary();
        audit.record("team.updated", "team:" + name, Map.of("membersBefore", before.members().toString(),
                "membersAfter", after.members().toString(), "leadBefore", String.valueOf(before.lead()),
                "leadAfter", String.valueOf(after.lead())));
        return after;
    }

    private UserAccount find(String username) {
        return users.findByUsername(username).orElseThrow(() -> new InvalidInputException("username",
                "There is no user named '" + username + "'."));
    }
}
