package org.remediation.console.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.remediation.console.base.MigrationParityTestAccess;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** V0530: a chain written before keys existed is carried forward as key id 0 and still verifies, then grows keyed. */
class AuditUpgradeTest {

    @Test
    void plainChainOfThePreviousReleaseVerifiesAsKeyIdZeroOnH2() {
        upgrade("jdbc:h2:mem:audit_upgrade_" + UUID.randomUUID().toString().substring(0, 8)
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1", "sa", "h2");
    }

    @Test
    void plainChainOfThePreviousReleaseVerifiesAsKeyIdZeroOnPostgres() throws Exception {
        assumeTrue(MigrationParityTestAccess.postgresReachable(), "PostgreSQL on 127.0.0.1:5432 is needed for this test");
        String db = "audit_upgrade_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection admin = DriverManager.getConnection(MigrationParityTestAccess.PG + "postgres", "postgres", "")) {
            admin.createStatement().execute("create database " + db);
        }
        try {
            upgrade(MigrationParityTestAccess.PG + db, "postgres", "postgresql");
        } finally {
            try (Connection admin = DriverManager.getConnection(MigrationParityTestAccess.PG + "postgres", "postgres", "")) {
                admin.createStatement().execute("drop database if exists " + db + " with (force)");
            }
        }
    }

    private static void upgrade(String url, String user, String vendor) {
        try (SingleConnectionDataSource ds = new SingleConnectionDataSource(url, user, "", true)) {
            migrate(ds, vendor, "0523");
            JdbcTemplate jdbc = new JdbcTemplate(ds);
            String prev = AuditChain.GENESIS;
            Instant at = Instant.parse("2026-11-29T10:00:00.123Z");
            for (int seq = 1; seq <= 3; seq++) {
                String hash = AuditChain.hash(seq, at, "lead", "task.ticked", "task:" + seq, "{}", prev);
                jdbc.update("insert into audit_event (seq, occurred_at, actor, action, subject, details, prev_hash, hash)"
                        + " values (?, ?, 'lead', 'task.ticked', ?, '{}', ?, ?)", seq, OffsetDateTime.ofInstant(at, ZoneOffset.UTC),
                        "task:" + seq, prev, hash);
                prev = hash;
            }
            jdbc.update("update audit_head set last_seq = 3, last_hash = ? where id = 1", prev);

            migrate(ds, vendor, "latest");

            AuditStore store = new AuditStore(jdbc);
            assertThat(jdbc.queryForList("select key_id from audit_event order by seq", Integer.class)).containsExactly(0, 0, 0);
            ChainWalker walker = new ChainWalker(AuditChainTest.KEYS);
            store.streamAll(walker);
            assertThat(walker.result().valid()).as(walker.result().message()).isTrue();
            assertThat(walker.result().eventsChecked()).isEqualTo(3);
        }
    }

    private static void migrate(SingleConnectionDataSource ds, String vendor, String target) {
        Flyway.configure().dataSource(ds).target(target)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor).load().migrate();
    }
}
