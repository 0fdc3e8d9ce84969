package org.remediation.console.security;

import org.remediation.console.base.SettingException;
import org.remediation.console.base.identity.SystemActor;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.remediation.console.audit.AuditService;
import org.remediation.console.base.DemoProperties;
import org.remediation.console.base.Problems;
import org.remediation.console.base.cluster.Cluster;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * First start: demo users on the embedded default (printed once), otherwise the initial admin from
 * the environment. Refuses to start when the console would have nobody able to administer it, unless
 * single sign-on maps a group to ADMIN (then the first such person to sign in is the administrator; with
 * local accounts off there are no demo users and {@code CONSOLE_ADMIN_*} is not needed).
 */
@Component
@Order(0)
class UserBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(UserBootstrap.class);
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    /** Demo users, one per role; the team lead leads Infrastructure, the responder is a member. */
    static final Map<String, Role> DEMO_USERS = demoUsers();

    private final UserRepository users;
    private final TeamRepository teams;
    private final PasswordEncoder encoder;
    private final AuditService audit;
    private final DemoProperties demo;
    private final SecurityProperties security;
    private final SsoProperties sso;
    private final Clock clock;
    private final Cluster cluster;
    private final SecureRandom random = new SecureRandom();

    UserBootstrap(UserRepository users, TeamRepository teams, PasswordEncoder encoder, AuditService audit,
                  DemoProperties demo, SecurityProperties security, SsoProperties sso, Clock clock, Cluster cluster) {
        this.sso = sso;
        this.cluster = cluster;
        this.users = users;
        this.teams = teams;
        this.encoder = encoder;
        this.audit = audit;
        this.demo = demo;
        this.security = security;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        SystemActor.run(this::bootstrap);
    }

    private void bootstrap() {
        cluster.seedOneAtATime(); // consoles started together on an empty database: one creates the admin
        if (demo.enabled() && users.count() == 0 && sso.localAccounts()) { // without local accounts nobody could use them
            createDemoUsers();
        }
        if (users.existsEnabledWithRole(Role.ADMIN)) {
            return;
        }
        boolean adminFromEnvironment = security.adminUsername() != null && !security.adminUsername().isBlank();
        if (sso.enabled() && sso.mapsAdmin() && !(adminFromEnvironment && sso.localAccounts())) {
            // the first administrator is whoever signs in first with a group mapped to ADMIN (SsoSettings checked it)
            log.info("No administrator yet: the first person to sign in through single sign-on with a group mapped "
                    + "to ADMIN ({}) becomes one.", sso.roles().entrySet().stream()
                    .filter(e -> e.getValue().contains(Role.ADMIN)).map(java.util.Map.Entry::getKey).sorted().toList());
            return;
        }
        createInitialAdmin();
    }

    private void createDemoUsers() {
        StringBuilder banner = new StringBuilder("\n\n  Demo logins (shown once; set console.demo.password to choose one):\n");
        for (Map.Entry<String, Role> entry : DEMO_USERS.entrySet()) {
            String password = demo.password() != null && !demo.password().isBlank() ? demo.password() : randomPassword();
            String name = entry.getKey();
            users.save(new UserAccount(name, "Demo " + entry.getValue().name().toLowerCase().replace('_', ' '),
                    encoder.encode(password), Set.of(entry.getValue()), clock.instant()));
            audit.append(SystemActor.NAME, "user.created", "user:" + name, Map.of("roles", "[" + entry.getValue() + "]",
                    "demo", "true"));
            banner.append(String.format("    %-10s / %-20s %s%n", name, password, entry.getValue()));
        }
        UserAccount lead = users.findByUsername("lead").orElseThrow();
        UserAccount responder = users.findByUsername("responder").orElseThrow();
        teams.findByName("Infrastructure").ifPresent(t -> t.setMembersAndLead(Set.of(lead, responder), lead));
        audit.append(SystemActor.NAME, "team.updated", "team:Infrastructure", Map.of("membersAfter", "[lead, responder]",
                "leadAfter", "lead"));
        log.warn("{}", banner);
    }

    private void createInitialAdmin() {
        String username = security.adminUsername();
        String password = security.adminPassword();
        if (username == null || username.isBlank() || password == null || password.isBlank()) {
            throw new SettingException("CONSOLE_ADMIN_USERNAME", "the console has no administrator. Set CONSOLE_ADMIN_USERNAME "
                    + "and CONSOLE_ADMIN_PASSWORD (at least " + AccountRules.MIN_PASSWORD + " characters, letters and digits) "
                    + "for the first start, then remove them; or CONSOLE_DEMO_ENABLED=true for a demo with printed logins");
        }
        Problems p = new Problems();
        AccountRules.username(p, username);
        AccountRules.password(p, password, username);
        if (!p.isEmpty()) {
            throw new IllegalStateException("CONSOLE_ADMIN_USERNAME/CONSOLE_ADMIN_PASSWORD rejected: "
                    + String.join("; ", p.list().stream().map(Object::toString).toList()));
        }
        if (users.existsByUsername(username)) {
            throw new IllegalStateException("CONSOLE_ADMIN_USERNAME names the existing user '" + username
                    + "', who is not an enabled admin; choose another name or fix that user in the database.");
        }
        users.save(new UserAccount(username, "Administrator", encoder.encode(password), Set.of(Role.ADMIN),
                clock.instant()));
        audit.append(SystemActor.NAME, "user.created", "user:" + username, Map.of("roles", "[ADMIN]", "initialAdmin", "true"));
        log.info("Created the initial administrator '{}'.", username);
    }

    private String randomPassword() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 14; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.append(random.nextInt(10)).toString();
    }

    private static Map<String, Role> demoUsers() {
        Map<String, Role> demo = new LinkedHashMap<>();
        demo.put("viewer", Role.VIEWER);
        demo.put("responder", Role.RESPONDER);
        demo.put("lead", Role.TEAM_LEAD);
        demo.put("operator", Role.OPERATOR);
        demo.put("commander", Role.COMMANDER);
        demo.put("admin", Role.ADMIN);
        return demo;
    }
}
