package org.remediation.console.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** One anchor file per database location, written whole, read back. */
class AuditAnchorsTest {

    @Test
    void theSameDatabaseNamedTwoWaysHasOneAnchorAndParametersDoNotCount() {
        String absolute = Path.of("data/console").toAbsolutePath().toString();
        assertThat(AuditAnchors.databaseId("jdbc:h2:file:./data/console;MODE=PostgreSQL"))
                .isEqualTo(AuditAnchors.databaseId("jdbc:h2:file:" + absolute + ";WRITE_DELAY=0"));
        assertThat(AuditAnchors.databaseId("jdbc:postgresql://db:5432/console?password=x"))
                .isEqualTo(AuditAnchors.databaseId("jdbc:postgresql://db:5432/console"))
                .isNotEqualTo(AuditAnchors.databaseId("jdbc:postgresql://db:5432/other"));
    }

    @Test
    void anAnchorIsWrittenAndReadBack(@TempDir Path dir) {
        AuditAnchors anchors = new AuditAnchors(new AuditProperties(null, null, dir.toString(), Duration.ofMinutes(5), null),
                new DriverManagerDataSource("jdbc:h2:mem:anchors-test;DB_CLOSE_DELAY=-1"));
        assertThat(anchors.latest()).isEmpty();
        AuditAnchors.Anchor a = new AuditAnchors.Anchor(12, "f".repeat(64), 1, Instant.parse("2026-11-30T20:00:00Z"));
        anchors.write(a);
        assertThat(anchors.file()).startsWith(dir);
        assertThat(anchors.latest()).contains(a);
    }

    @Test
    void anEmptyTrailAtAnAnchoredLocationIsANewDatabaseAndItsOldAnchorIsSetAside(@TempDir Path dir) throws Exception {
        DriverManagerDataSource ds = new DriverManagerDataSource("jdbc:h2:mem:anchors-reset;MODE=PostgreSQL;"
                + "DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        org.flywaydb.core.Flyway.configure().dataSource(ds)
                .locations("classpath:db/migration/common", "classpath:db/migration/h2").load().migrate();
        AuditProperties properties = new AuditProperties(AuditKeysTest.A, null, dir.toString(), Duration.ofMinutes(5), null);
        AuditAnchors anchors = new AuditAnchors(properties, ds);
        anchors.write(new AuditAnchors.Anchor(500, "e".repeat(64), 1, Instant.parse("2026-11-30T20:00:00Z")));
        var jdbc = new org.springframework.jdbc.core.JdbcTemplate(ds);
        new AuditStartup(new AuditKeySource(properties), anchors, new AuditStore(jdbc), jdbc, java.time.Clock.systemUTC(),
                properties).run(null);
        assertThat(anchors.latest()).isEmpty();
        try (var files = java.nio.file.Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).singleElement().asString().contains(".replaced-");
        }
    }
}
