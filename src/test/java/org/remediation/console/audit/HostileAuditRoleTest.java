package org.remediation.console.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.remediation.console.support.Database;
import org.remediation.console.support.Prerequisites;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * Hostile (issue 16), PostgreSQL suite: the console's own database role tries what the owner of the
 * audit table could do: disable or drop the append-only trigger, update, delete, truncate. It must own
 * nothing ({@code .ci/run} runs the suite as a role made for it, migrations as {@code postgres}); run as
 * the owner (the README's one-user command), the test is skipped outside CI and fails in CI.
 */
@Tag("hostile")
@SpringBootTest
@WithMockUser(roles = "ADMIN")
class HostileAuditRoleTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    AuditService audit;

    private long ownSeq() {
        assumeTrue(Database.isPostgres(dataSource), "roles and the append-only trigger exist on PostgreSQL only");
        Boolean owner = jdbc.queryForObject("select (select tableowner = current_user from pg_tables where schemaname ="
                + " current_schema() and tablename = 'audit_event') or (select rolsuper from pg_roles where rolname ="
                + " current_user)", Boolean.class);
        Prerequisites.require(Boolean.TRUE.equals(owner) ? "a console role that does not own the tables (DATABASE_USER, with"
                + " DATABASE_MIGRATION_USER the owner), not " + jdbc.queryForObject("select current_user", String.class) : null,
                "the runtime-role test");
        return audit.append("tester", "test.role", "row", "{}").seq();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only",
            "ALTER TABLE audit_event DISABLE TRIGGER ALL",
            "DROP TRIGGER audit_event_append_only ON audit_event",
            "UPDATE audit_event SET actor = 'mallory' WHERE seq = %d",
            "DELETE FROM audit_event WHERE seq = %d",
            "TRUNCATE audit_event",
            "ALTER TABLE audit_event OWNER TO CURRENT_USER",
            "DELETE FROM flyway_schema_history"})
    void theConsolesRoleCannotRewriteTheAuditTrail(String attack) {
        long seq = ownSeq();
        assertThatThrownBy(() -> jdbc.execute(attack.formatted(seq)))
                .satisfies(e -> assertThat(messages(e)).containsAnyOf("must be owner", "permission denied"));
        assertThat(jdbc.queryForObject("select actor from audit_event where seq = ?", String.class, seq)).isEqualTo("tester");
        assertThat(audit.verify().valid()).isTrue();
    }

    @Test
    void theOwnerIsStillRefusedByTheAppendOnlyTrigger() throws Exception {
        long seq = ownSeq();
        String url = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getURL());
        String owner = System.getenv().getOrDefault("DATABASE_MIGRATION_USER", "postgres");
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, owner,
                System.getenv().getOrDefault("DATABASE_MIGRATION_PASSWORD", ""))) {
            assertThatThrownBy(() -> c.createStatement().executeUpdate("update audit_event set actor = 'mallory' where seq = " + seq))
                    .satisfies(e -> assertThat(messages(e)).contains("append-only"));
        }
    }

    @Test
    void itStillAppendsAndReadsEverywhere() {
        long seq = ownSeq();
        assertThat(audit.append("tester", "test.role", "second", "{}").seq()).isGreaterThan(seq);
        assertThat(jdbc.queryForObject("select count(*) from audit_event", Long.class)).isGreaterThanOrEqualTo(2);
    }

    /** Spring's translated exception may leave the database's own words to its cause. */
    static String messages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append(" | ");
        }
        return all.toString();
    }
}
