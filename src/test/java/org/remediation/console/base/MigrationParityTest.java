package org.remediation.console.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.TreeSet;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** The same migrations give H2 and PostgreSQL the same tables and columns. */
class MigrationParityTest {

    static final String PG = "jdbc:postgresql://127.0.0.1:5432/";

    @Test
    void emptyH2AndEmptyPostgresMigrateToTheSameSchema() throws SQLException {
        assumeTrue(postgresReachable(), "PostgreSQL on 127.0.0.1:5432 is needed for this comparison");
        String db = "parity_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection admin = DriverManager.getConnection(PG + "postgres", "postgres", "")) {
            admin.createStatement().execute("create database " + db);
        }
        try {
            TreeSet<String> h2 = migrateAndDescribe("jdbc:h2:mem:" + db
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1", "sa", "h2");
            TreeSet<String> pg = migrateAndDescribe(PG + db, "postgres", "postgresql");
            assertThat(h2).isNotEmpty().isEqualTo(pg);
        } finally {
            try (Connection admin = DriverManager.getConnection(PG + "postgres", "postgres", "")) {
                admin.createStatement().execute("drop database if exists " + db + " with (force)");
            }
        }
    }

    private static TreeSet<String> migrateAndDescribe(String url, String user, String vendor) {
        try (SingleConnectionDataSource ds = new SingleConnectionDataSource(url, user, "", true)) {
            Flyway.configure().dataSource(ds)
                    .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor).load().migrate();
            JdbcTemplate jdbc = new JdbcTemplate(ds);
            return new TreeSet<>(jdbc.query("select table_name, column_name, data_type from information_schema.columns "
                    + "where table_schema = 'public' and table_name <> 'flyway_schema_history'",
                    (rs, i) -> rs.getString(1).toLowerCase() + "." + rs.getString(2).toLowerCase() + ":"
                            + normalise(rs.getString(3))));
        }
    }

    /** H2 and PostgreSQL spell a few standard types differently in information_schema. */
    private static String normalise(String type) {
        String t = type.toLowerCase();
        if (t.startsWith("character varying")) {
            return "varchar";
        }
        if (t.startsWith("timestamp with time zone")) {
            return "timestamptz";
        }
        if (t.equals("double precision")) {
            return "double";
        }
        if (t.equals("character large object") || t.equals("text")) {
            return "text";
        }
        if (t.equals("binary large object") || t.equals("bytea")) {
            return "bytes";
        }
        return t;
    }

    static boolean postgresReachable() {
        try (Connection c = DriverManager.getConnection(PG + "postgres", "postgres", "")) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }
}
