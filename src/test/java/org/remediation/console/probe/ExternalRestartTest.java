package org.remediation.console.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.remediation.console.ConsoleApplication;
import org.remediation.console.security.Role;
import org.remediation.console.support.As;
import org.remediation.console.support.MutableClock;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The staleness of an EXTERNAL target across a real restart, with the real scheduler: a result pushed,
 * the console stopped, started again on the same database after longer than staleAfter. The restarted
 * trigger must record the silence (stale failures, then DOWN) counting from the push before the
 * restart, not from the start.
 */
class ExternalRestartTest {

    static final Instant T0 = Instant.parse("2026-12-01T06:00:00Z");
    /** Where the next context's clock starts. */
    static volatile Instant startAt = T0;

    @TempDir
    Path dir;

    @Test
    void aRestartDoesNotMakeASilentTargetFresh() {
        String url = "jdbc:h2:file:" + dir.resolve("console").toAbsolutePath()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        startAt = T0;
        try (ConfigurableApplicationContext ctx = start(url)) {
            As.user("admin", Role.ADMIN, () -> ctx.getBean(ProbeTargetService.class).create(new TargetDraft("nightly", "Nightly",
                    "EXTERNAL", Map.of("staleAfter", "2m", "reporter", "ci-smoke"), Duration.ofSeconds(1), Duration.ofMillis(500), true, "ci", null)));
            ctx.getBean(MutableClock.class).advance(Duration.ofSeconds(30));
            As.user("ci-smoke", Role.REPORTER, () -> ctx.getBean(ExternalResultService.class).push("nightly",
                    ExternalResult.of(true)));
            assertThat(ctx.getBean(ProbeStatistics.class).status("nightly").orElseThrow().last().outcome()).isEqualTo(Outcome.UP);
        }
        startAt = T0.plus(Duration.ofMinutes(3));
        try (ConfigurableApplicationContext ctx = start(url)) {
            MutableClock clock = ctx.getBean(MutableClock.class);
            ProbeStatistics statistics = ctx.getBean(ProbeStatistics.class);
            // at most 40 s of the clock pass: a staleness counted from the restart (2 min) could not show
            await().pollInterval(Duration.ofMillis(500)).atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                clock.advance(Duration.ofSeconds(1)); // one interval per poll: the trigger marks each
                TargetStatus s = statistics.status("nightly").orElseThrow();
                assertThat(s.last().errorClass()).isEqualTo("stale");
                assertThat(s.state()).isEqualTo(HealthState.DOWN);
            });
            assertThat(statistics.status("nightly").orElseThrow().last().error())
                    .isEqualTo("No result pushed within 2m (latest " + T0.plusSeconds(30) + ")");
        }
    }

    private static ConfigurableApplicationContext start(String url) {
        return new SpringApplicationBuilder(ConsoleApplication.class, Clock.class).run("--spring.datasource.url=" + url,
                "--spring.datasource.username=sa", "--spring.datasource.password=", "--spring.flyway.user=sa",
                "--spring.flyway.password=", "--server.port=0", "--spring.flyway.callback-locations=",
                "--console.probes.scheduler.enabled=true");
    }

    static class Clock {
        @Bean
        @Primary
        MutableClock externalRestartClock() {
            return new MutableClock(startAt);
        }
    }
}
