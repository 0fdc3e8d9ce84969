package org.remediation.console.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.remediation.console.base.TimelineNote;
import org.remediation.console.security.Role;
import org.remediation.console.support.As;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;

/** The running engine: the scheduler probes a real loopback target, records, persists and reports. */
// its own context (scheduler on), closed afterwards so no background probing outlives the class
@SpringBootTest(properties = {"console.probes.scheduler.enabled=true",
        "console.probes.notifications.webhooks.it=http://127.0.0.1:9/never-called"})
@DirtiesContext
class ProbeEngineIntegrationTest {

    static HttpServer server;
    static final AtomicInteger status = new AtomicInteger(200);

    @Autowired
    ProbeTargetService targets;
    @Autowired
    ProbeStatistics statistics;
    @Autowired
    ResultWriter writer;
    @Autowired
    RollupJob rollups;
    @Autowired
    MeterRegistry registry;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Notes notes;
    @Autowired
    SchedulerLifecycle lifecycle;

    @TestConfiguration
    static class Notes {
        final List<TimelineNote> seen = new CopyOnWriteArrayList<>();

        @EventListener
        void on(TimelineNote note) {
            seen.add(note);
        }
    }

    @BeforeAll
    static void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(Loopback.LOCAL, 0), 10);
        server.createContext("/health", ex -> {
            ex.sendResponseHeaders(status.get(), -1);
            ex.close();
        });
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    @Test
    void scheduledTargetIsProbedRecordedPersistedAndMeasured() {
        String key = "it-" + UUID.randomUUID().toString().substring(0, 8);
        As.user("admin", Role.ADMIN, () -> targets.create(new TargetDraft(key, "Loopback", "HTTP",
                Map.of("url", "http://127.0.0.1:" + server.getAddress().getPort() + "/health"), Duration.ofSeconds(1),
                Duration.ofMillis(500), true, "it", null)));
        // The pre-0008 probe webhook setting above is translated into a route at start and audited, its path redacted.
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'notify.routes.configured'"
                + " and details like '%console.probes.notifications.webhooks.it%' and details like '%groups=it%'"
                + " and details not like '%never-called%'", Long.class)).isPositive();
        await().atMost(Duration.ofSeconds(15)).until(() -> statistics.state(key) == HealthState.UP);

        status.set(503);
        await().atMost(Duration.ofSeconds(20)).until(() -> statistics.state(key) == HealthState.DOWN);
        assertThat(statistics.stateChanges(key, 10)).extracting(StateChange::to)
                .startsWith(HealthState.DOWN, HealthState.DEGRADED, HealthState.UP);
        // The note is raised by the result pipeline just after the state changes: allow it a moment.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(notes.seen).anySatisfy(n -> {
            assertThat(n.category()).isEqualTo("probe.state");
            assertThat(n.facts()).containsEntry("target", key).containsEntry("to", "DOWN");
        }));

        writer.flush();
        assertThat(jdbc.queryForObject("select count(*) from probe_result where target_key = ?", Long.class, key))
                .isGreaterThanOrEqualTo(4);
        assertThat(jdbc.queryForObject("select count(*) from probe_state_change where target_key = ?", Long.class, key))
                .isGreaterThanOrEqualTo(3);
        assertThat(registry.find("console.probe.up").tag("target", key).gauge().value()).isEqualTo(0.0);
        assertThat(registry.find("console.probe.duration").tag("target", key).functionTimer().count()).isGreaterThanOrEqualTo(4);
        assertThat(registry.find("console.probe.duration").tag("target", key).functionTimer().totalTime(java.util.concurrent.TimeUnit.MILLISECONDS)).isPositive();

        As.user("admin", Role.ADMIN, () -> targets.setEnabled(key, false));
        assertThat(lifecycle.scheduler().isScheduled(key)).isFalse();
        status.set(200);
    }
}
