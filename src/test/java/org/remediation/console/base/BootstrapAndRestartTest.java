package org.remediation.console.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.remediation.console.ConsoleApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** Whole-application starts: the H2 file survives a restart; no admin means no start. */
class BootstrapAndRestartTest {

    @TempDir
    Path dataDir;

    @Test
    void restartingOnTheSameH2FileKeepsUsersAndAuditEvents() {
        String url = "jdbc:h2:file:" + dataDir.resolve("console") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
        long users;
        long events;
        try (ConfigurableApplicationContext first = start("--spring.datasource.url=" + url)) {
            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            jdbc.update("insert into app_user (username, display_name, password_hash, created_at) "
                    + "values ('survivor', 'S', 'x', current_timestamp)");
            users = jdbc.queryForObject("select count(*) from app_user", Long.class);
            events = jdbc.queryForObject("select count(*) from audit_event", Long.class);
            assertThat(events).isPositive();
        }
        assertThat(Files.exists(dataDir.resolve("console.mv.db"))).isTrue();
        try (ConfigurableApplicationContext second = start("--spring.datasource.url=" + url)) {
            JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("select count(*) from app_user", Long.class)).isEqualTo(users);
            assertThat(jdbc.queryForObject("select count(*) from app_user where username = 'survivor'", Long.class))
                    .isEqualTo(1);
            assertThat(jdbc.queryForObject("select count(*) from audit_event", Long.class))
                    .isGreaterThanOrEqualTo(events);
        }
    }

    @Test
    void withoutDemoUsersAndWithoutAnAdminTheConsoleRefusesToStart() {
        assertThatThrownBy(() -> start("--spring.datasource.url=" + memoryUrl(), "--console.demo.enabled=false",
                "--console.security.admin-username=", "--console.security.admin-password="))
                .hasMessageContaining("CONSOLE_ADMIN_USERNAME").hasMessageContaining("CONSOLE_ADMIN_PASSWORD");
    }

    @Test
    void anInitialAdminFromTheEnvironmentIsCreatedOnce() {
        try (ConfigurableApplicationContext ctx = start("--spring.datasource.url=" + memoryUrl(),
                "--console.demo.enabled=false", "--console.security.admin-username=root-admin",
                "--console.security.admin-password=Initial-admin-pass-1")) {
            JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForList("select username from app_user", String.class)).containsExactly("root-admin");
            assertThat(jdbc.queryForObject("select count(*) from app_user_role where role = 'ADMIN'", Long.class))
                    .isEqualTo(1);
        }
    }

    @Test
    void aWeakInitialAdminPasswordIsRefusedWithAClearMessage() {
        assertThatThrownBy(() -> start("--spring.datasource.url=" + memoryUrl(), "--console.demo.enabled=false",
                "--console.security.admin-username=root-admin", "--console.security.admin-password=short"))
                .hasMessageContaining("password");
    }

    private static String memoryUrl() {
        return "jdbc:h2:mem:boot-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1";
    }

    private static ConfigurableApplicationContext start(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--server.port=0";
        all[args.length + 1] = "--spring.profiles.active=default";
        return new SpringApplicationBuilder(ConsoleApplication.class).run(all);
    }
}
