package org.remediation.console.support;

import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/** Which database a test context runs on (H2 by default, PostgreSQL in the postgres suite). */
public final class Database {

    private Database() {
    }

    public static boolean isPostgres(DataSource dataSource) {
        return Boolean.TRUE.equals(new JdbcTemplate(dataSource).execute((java.sql.Connection c) ->
                c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres")));
    }
}
