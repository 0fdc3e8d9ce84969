package org.remediation.console.drills;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.remediation.console.ConsoleApplication;
import org.remediation.console.probe.HealthState;
import org.remediation.console.probe.ProbeResult;
import org.remediation.console.probe.ProbeStatistics;
import org.remediation.console.probe.ProbeTargetService;
import org.remediation.console.probe.TargetDraft;
import org.remediation.console.security.Role;
import org.remediation.console.security.UserAdminService;
import org.remediation.console.support.As;
import org.remediation.console.support.Prerequisites;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Drill: the console's PostgreSQL is stopped for a few seconds while probes run and users work,
 * then started again. The console reconnects by itself (no restart): services work again, and every
 * probe result taken during the outage reaches the database after the reconnect — none is dropped,
 * none is invented as "up".
 */
class PostgresRestartDrillTest {

    @Test
    void theConsoleReconnectsAndProbeResultsOfTheOutageAreWrittenAfterwards() throws Exception {
        Prerequisites.require(PrivatePostgres.missing(), "the PostgreSQL restart drill");
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        http.createContext("/health", ex -> {
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        http.start();
        String key = "drill-pg-neighbour";
        try (PrivatePostgres pg = PrivatePostgres.create();
             ConfigurableApplicationContext console = new SpringApplicationBuilder(ConsoleApplication.class).run(
                     "--spring.profiles.active=postgres", "--spring.datasource.url=" + pg.url("console"),
                     "--spring.datasource.username=postgres", "--spring.datasource.password=",
                     "--spring.datasource.hikari.connection-timeout=2000", "--console.demo.enabled=true",
                     "--console.probes.scheduler.enabled=true", "--server.port=0", "--server.address=127.0.0.1")) {
            ProbeTargetService targets = console.getBean(ProbeTargetService.class);
            ProbeStatistics statistics = console.getBean(ProbeStatistics.class);
            JdbcTemplate jdbc = console.getBean(JdbcTemplate.class);
            As.user("admin", Role.ADMIN, () -> targets.create(new TargetDraft(key, "Drill neighbour", "HTTP",
                    Map.of("url", "http://127.0.0.1:" + http.getAddress().getPort() + "/health"), Duration.ofSeconds(1),
                    Duration.ofMillis(500), true, "backend", null)));
            await().atMost(Duration.ofSeconds(30)).until(() -> statistics.state(key) == HealthState.UP
                    && count(jdbc, key, Instant.EPOCH, Instant.now()) > 0);

            Instant down = Instant.now();
            pg.stop();
            Throwable duringOutage = catchThrowable(() -> As.user("viewer", Role.VIEWER, targets::list));
            assertThat(duringOutage).as("a user's call while the database is down fails clearly")
                    .isInstanceOfAny(DataAccessException.class, TransactionException.class);
            // Probes keep running while the database is away (bounded wait). They run slower than their
            // 1 s interval then: result listeners that write to the database wait for Hikari's timeout.
            await().atMost(Duration.ofSeconds(40)).until(() -> taken(statistics, key, down, Instant.now()).size() >= 2);
            pg.start();
            Instant up = Instant.now();

            // Reconnects by itself: a read and an audited write succeed again.
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() ->
                    !As.user("viewer", Role.VIEWER, targets::list).isEmpty());
            String team = "Drill Team " + System.nanoTime() % 100000;
            As.user("admin", Role.ADMIN, () -> console.getBean(UserAdminService.class).createTeam(team));
            assertThat(jdbc.queryForObject("select count(*) from audit_event where subject = ?", Long.class, "team:" + team))
                    .isEqualTo(1);

            // Nothing lost: every result taken during the outage is in the table after the next flush.
            List<ProbeResult> taken = taken(statistics, key, down, up);
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> count(jdbc, key, down, up) >= taken.size());
            assertThat(count(jdbc, key, down, up)).isEqualTo(taken.size());
            assertThat(statistics.state(key)).isEqualTo(HealthState.UP);
            System.out.printf("PostgreSQL restart drill (%s): down %s → up %s; %d results taken meanwhile, all written after reconnect%n",
                    pg.bin, down, up, taken.size());
        } finally {
            http.stop(0);
        }
    }

    private static List<ProbeResult> taken(ProbeStatistics statistics, String key, Instant from, Instant to) {
        return statistics.recentResults(key, 500).stream()
                .filter(r -> !r.startedAt().isBefore(from) && r.startedAt().isBefore(to)).toList();
    }

    private static long count(JdbcTemplate jdbc, String key, Instant from, Instant to) {
        return jdbc.queryForObject("select count(*) from probe_result where target_key = ? and started_at >= ? and started_at < ?",
                Long.class, key, Timestamp.from(from), Timestamp.from(to));
    }
}
