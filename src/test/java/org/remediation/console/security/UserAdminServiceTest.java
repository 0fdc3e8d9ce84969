package org.remediation.console.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.remediation.console.audit.AuditFilter;
import org.remediation.console.audit.AuditService;
import org.remediation.console.base.InvalidInputException;
import org.remediation.console.support.As;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

@SpringBootTest
class UserAdminServiceTest {

    @Autowired
    UserAdminService admin;
    @Autowired
    AuditService audit;
    @Autowired
    JdbcTemplate jdbc;

    static Stream<Arguments> nonAdminRolesTimesOperations() {
        Stream.Builder<Arguments> rows = Stream.builder();
        for (Role role : Role.values()) {
            if (role == Role.ADMIN) {
                continue;
            }
            rows.add(Arguments.of(role, "listUsers", (Consumer<UserAdminService>) UserAdminService::listUsers));
            rows.add(Arguments.of(role, "createUser", (Consumer<UserAdminService>) s ->
                    s.createUser("intruder" + role.ordinal(), "X", "Intruder-pass-123", Set.of(Role.ADMIN))));
            rows.add(Arguments.of(role, "updateUser", (Consumer<UserAdminService>) s ->
                    s.updateUser("viewer", "X", Set.of(Role.ADMIN))));
            rows.add(Arguments.of(role, "setEnabled", (Consumer<UserAdminService>) s -> s.setEnabled("admin", false)));
            rows.add(Arguments.of(role, "resetPassword", (Consumer<UserAdminService>) s ->
                    s.resetPassword("admin", "Hijacked-pass-123")));
            rows.add(Arguments.of(role, "createTeam", (Consumer<UserAdminService>) s -> s.createTeam("Rogue")));
            rows.add(Arguments.of(role, "updateTeam", (Consumer<UserAdminService>) s ->
                    s.updateTeam("QA", Set.of("viewer"), "viewer")));
        }
        return rows.build();
    }

    @ParameterizedTest(name = "{0} may not {1}")
    @MethodSource("nonAdminRolesTimesOperations")
    void onlyAdminsMayAdministerUsersAndTeams(Role role, String operation, Consumer<UserAdminService> call) {
        long auditBefore = auditCount();
        assertThatThrownBy(() -> As.user("someone", role, () -> call.accept(admin)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(auditCount()).isEqualTo(auditBefore);
    }

    @Test
    void anAdminCreatesAUserWhoIsAudited() {
        String name = "u" + UUID.randomUUID().toString().substring(0, 8);
        UserSummary created = As.user("admin", Role.ADMIN, () ->
                admin.createUser(name, "Una User", "Correct-horse-42", Set.of(Role.RESPONDER)));
        assertThat(created.roles()).containsExactly(Role.RESPONDER);
        assertThat(As.user("admin", Role.ADMIN, () -> audit.find(new AuditFilter("admin", "user.created",
                "user:" + name, null, null), 0, 10))).hasSize(1);
        String hash = jdbc.queryForObject("select password_hash from app_user where username = ?", String.class, name);
        assertThat(hash).startsWith("{bcrypt}").doesNotContain("Correct-horse-42");
    }

    @Test
    void badUserInputWritesNothing() {
        String[][] cases = {
                {"", "Name", "Valid-pass-1234", "username"},
                {"Bad Name", "Name", "Valid-pass-1234", "username"},
                {"ab", "Name", "Valid-pass-1234", "username"},
                {"9lives", "Name", "Valid-pass-1234", "username"},
                {"goodname", "", "Valid-pass-1234", "displayName"},
                {"goodname", "Name", "short1", "password"},
                {"goodname", "Name", "onlylettersssss", "password"},
                {"goodname", "Name", "goodname-12345", "password"},
                {"goodname", "Name", "password1234", "password"},
                // bcrypt reads 72 bytes: 73 ASCII characters, or 37 two-byte letters (74 bytes), are refused, not a 500
                {"goodname", "Name", "Valid-pass-1234" + "x".repeat(58), "password"},
                {"goodname", "Name", "1" + "é".repeat(37), "password"},
                {"viewer", "Name", "Valid-pass-1234", "username"},
        };
        for (String[] c : cases) {
            long users = userCount();
            long events = auditCount();
            assertThatThrownBy(() -> As.user("admin", Role.ADMIN, () -> admin.createUser(c[0], c[1], c[2],
                    Set.of(Role.VIEWER)))).as("case %s", String.join("|", c))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.names(c[3])).isTrue());
            assertThat(userCount()).isEqualTo(users);
            assertThat(auditCount()).isEqualTo(events);
        }
        assertThatThrownBy(() -> As.user("admin", Role.ADMIN, () -> admin.createUser("noroles", "N",
                "Valid-pass-1234", Set.of()))).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.names("roles")).isTrue());
    }

    @Test
    void aTeamLeadMustBeAMemberAndNothingIsWrittenOtherwise() {
        TeamSummary before = As.user("admin", Role.ADMIN, () -> admin.listTeams()).stream()
                .filter(t -> t.name().equals("QA")).findFirst().orElseThrow();
        assertThatThrownBy(() -> As.user("admin", Role.ADMIN, () -> admin.updateTeam("QA", Set.of("viewer"),
                "operator"))).isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.names("lead")).isTrue();
                    assertThat(e.getMessage()).contains("must be a member");
                });
        assertThatThrownBy(() -> As.user("admin", Role.ADMIN, () -> admin.updateTeam("QA", Set.of("nobody-here"),
                null))).isInstanceOf(InvalidInputException.class);
        TeamSummary after = As.user("admin", Role.ADMIN, () -> admin.listTeams()).stream()
                .filter(t -> t.name().equals("QA")).findFirst().orElseThrow();
        assertThat(after).isEqualTo(before);
        assertThatThrownBy(() -> As.user("admin", Role.ADMIN, () -> admin.createTeam("Infrastructure")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.getMessage()).contains("already"));
        assertThatThrownBy(() -> As.user("admin", Role.ADMIN, () -> admin.createTeam("  ")))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void reporterIsAServiceAccountsRoleOnlyAndServiceAccountsCannotSignIn() {
        String name = "rep" + UUID.randomUUID().toString().substring(0, 8);
        assertThatThrownBy(() -> As.user("admin", Role.ADMIN, () -> admin.createUser(name, "A person", "Correct-horse-battery-7",
                Set.of(Role.REPORTER)))).isInstanceOf(InvalidInputException.class).hasMessageContaining("Service accounts");
        assertThatThrownBy(() -> As.user("admin", Role.ADMIN, () -> admin.createServiceAccount(name, "CI",
                Set.of(Role.REPORTER, Role.OPERATOR)))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("give it no other role");
        UserSummary account = As.user("admin", Role.ADMIN, () -> admin.createServiceAccount(name, "CI", Set.of(Role.REPORTER)));
        assertThat(account.kind()).isEqualTo(AccountKind.SERVICE);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'user.created' and subject = ?"
                + " and details like '%SERVICE%'", Long.class, "user:" + name)).isEqualTo(1);
    }

    @Test
    void anAdminCannotDisableThemselves() {
        assertThatThrownBy(() -> As.user("admin", Role.ADMIN, () -> admin.setEnabled("admin", false)))
                .isInstanceOf(InvalidInputException.class);
    }

    private long userCount() {
        return jdbc.queryForObject("select count(*) from app_user", Long.class);
    }

    private long auditCount() {
        return jdbc.queryForObject("select count(*) from audit_event", Long.class);
    }
}
