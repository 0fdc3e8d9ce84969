package org.remediation.console.security;

import java.time.Clock;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.remediation.console.audit.AuditService;
import org.remediation.console.base.identity.SystemActor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Console accounts of people who sign in through the OpenID provider, linked by (issuer, subject). The
 * first sign-in creates the account; later ones bring roles, name and the mapped teams up to date with the
 * claims, audited only where something changed. A provider user never takes over an account that is not
 * linked to them (a local account of the same name), and a disabled account stays shut.
 * Runs before anyone is signed in: writes happen as the system, the audit names the person.
 */
@Component
class SsoAccounts {

    /** Who signed in, for the session. */
    record Admitted(String username, Set<Role> roles) {
    }

    private final UserRepository users;
    private final TeamRepository teams;
    private final AuditService audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SsoAccounts(UserRepository users, TeamRepository teams, AuditService audit, ApplicationEventPublisher events,
                Clock clock) {
        this.users = users;
        this.teams = teams;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** Throws {@link SsoRefusal} with nothing written; the caller audits the refusal. */
    @Transactional
    Admitted signIn(String issuer, String subject, ClaimMapping.Mapped claims, Set<String> managedTeams) {
        return SystemActor.call(() -> {
            Optional<UserAccount> linked = users.findBySsoIssuerAndSsoSubject(issuer, subject);
            UserAccount account = linked.isPresent() ? update(linked.get(), claims) : create(issuer, subject, claims);
            syncTeams(account, claims.teams(), managedTeams);
            return new Admitted(account.getUsername(), account.getRoles());
        });
    }

    /** The refusal's own record, in its own transaction (the sign-in's was rolled back). */
    @Transactional
    void refused(String issuer, String subject, String username, SsoRefusal refusal) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("origin", "sso");
        details.put("issuer", issuer);
        details.put("subject", subject);
        details.put("reason", refusal.reason());
        details.put("message", refusal.getMessage());
        SystemActor.run(() -> audit.append(LoginAuditor.shown(username), "login.refused",
                "user:" + LoginAuditor.shown(username), details));
    }

    private UserAccount create(String issuer, String subject, ClaimMapping.Mapped claims) {
        if (users.existsByUsername(claims.username())) {
            throw new SsoRefusal("collision", "The console already has an account named '" + claims.username()
                    + "' that is not linked to your sign-in at this provider, so it cannot be yours automatically. "
                    + "Ask an administrator.");
        }
        UserAccount account = users.save(UserAccount.linked(issuer, subject, claims.username(), claims.displayName(),
                claims.roles(), clock.instant()));
        audit.append(claims.username(), "user.created", "user:" + claims.username(), Map.of("origin", "sso",
                "issuer", issuer, "subject", subject, "roles", new TreeSet<>(claims.roles()).toString(),
                "groups", claims.groups().toString(), "displayName", claims.displayName()));
        return account;
    }

    private UserAccount update(UserAccount account, ClaimMapping.Mapped claims) {
        if (!account.isEnabled()) {
            throw new SsoRefusal("disabled", "Your console account '" + account.getUsername()
                    + "' is disabled. Ask an administrator.");
        }
        Set<Role> before = account.getRoles();
        boolean rolesChanged = !before.equals(claims.roles());
        boolean nameChanged = !account.getDisplayName().equals(claims.displayName());
        if (!rolesChanged && !nameChanged) {
            return account;
        }
        Map<String, String> details = new LinkedHashMap<>();
        details.put("origin", "sso");
        details.put("rolesBefore", new TreeSet<>(before).toString());
        details.put("rolesAfter", new TreeSet<>(claims.roles()).toString());
        details.put("displayName", claims.displayName());
        details.put("groups", claims.groups().toString());
        account.setRoles(claims.roles());
        account.setDisplayName(claims.displayName());
        audit.append(account.getUsername(), "user.updated", "user:" + account.getUsername(), details);
        if (!claims.roles().containsAll(before)) {
            // other sessions of this person still hold the old roles: end them, as an administrator's change does
            events.publishEvent(new AccessRevoked(account.getUsername(), "role removed at the identity provider: "
                    + details.get("rolesBefore") + " → " + details.get("rolesAfter")));
        }
        return account;
    }

    private void syncTeams(UserAccount account, Set<String> wanted, Set<String> managedTeams) {
        for (String name : managedTeams) {
            boolean want = wanted.contains(name);
            Optional<Team> existing = teams.findByName(name);
            if (existing.isEmpty() && !want) {
                continue;
            }
            Team team = existing.orElseGet(() -> {
                Team created = teams.save(new Team(name));
                audit.append(account.getUsername(), "team.created", "team:" + name, Map.of("origin", "sso"));
                return created;
            });
            if (team.getMembers().contains(account) == want) {
                continue;
            }
            TeamSummary before = team.summary();
            Set<UserAccount> members = new HashSet<>(team.getMembers());
            if (want) {
                members.add(account);
            } else {
                members.remove(account);
            }
            team.setMembersAndLead(members, team.getLead() == account && !want ? null : team.getLead());
            TeamSummary after = team.summary();
            audit.append(account.getUsername(), "team.updated", "team:" + name, Map.of("origin", "sso",
                    "membersBefore", before.members().toString(), "membersAfter", after.members().toString(),
                    "leadBefore", String.valueOf(before.lead()), "leadAfter", String.valueOf(after.lead())));
        }
    }
}
