package org.remediation.console.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.remediation.console.base.LiveEvents;
import org.remediation.console.base.LiveUpdate;
import org.remediation.console.notify.Notifier;
import org.remediation.console.notify.NotifyProperties;
import org.remediation.console.support.WebhookReceiver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** A state change while the database is down: the failing timeline listener does not stop the webhook or the live update. */
class ResultPipelineListenerFailureTest {

    @Test
    void aFailingListenerDoesNotSwallowTheWebhook() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            ProbeProperties properties = new ProbeProperties(new ProbeProperties.Scheduler(false, 1, Duration.ofMillis(10)),
                    Duration.ofHours(24), Duration.ofDays(30), 500, 1, 1, Duration.ofMinutes(60));
            Notifier notifier = Notifier.of(new NotifyProperties(List.of(new NotifyProperties.Route(receiver.url("/hook").toString(),
                    "slack", List.of("probe"), List.of("backend"), List.of(), List.of(), false)),
                    new NotifyProperties.Retry(1, Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofSeconds(5))));
            // A database nobody can reach: the writer holds what it cannot write.
            JdbcTemplate unreachable = new JdbcTemplate(new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:" + Loopback.closedPort() + "/none"));
            ResultWriter writer = new ResultWriter(unreachable, properties,
                    new org.springframework.jdbc.datasource.DataSourceTransactionManager(unreachable.getDataSource()));
            LiveEvents live = new LiveEvents();
            List<Object> seenLive = new CopyOnWriteArrayList<>();
            live.subscribe(ProbeStateChanged.class, seenLive::add);
            ProbeStatistics statistics = new ProbeStatistics(properties, Clock.systemUTC());
            ResultPipeline pipeline = new ResultPipeline(statistics, writer,
                    new ProbeMetrics(new SimpleMeterRegistry(), statistics), event -> {
                        if (event instanceof LiveUpdate update) {
                            live.onLiveUpdate(update); // browsers need no database
                        } else {
                            throw new IllegalStateException("Could not open JPA EntityManager for transaction (test)");
                        }
                    }, notifier, ProbePartitions.single(), live);
            ProbeTarget target = new ProbeTarget("api", "API", ProbeKind.HTTP, Map.of(), Duration.ofSeconds(10),
                    Duration.ofSeconds(1), true, "backend", null, 0);

            assertThatCode(() -> pipeline.accept(target, new ProbeResult("api", Instant.now(), Duration.ofMillis(3),
                    Outcome.DOWN, "connect", "Connection refused", Map.of()))).doesNotThrowAnyException();

            assertThat(receiver.await(b -> b.contains("API"), Duration.ofSeconds(10))).isPresent();
            assertThat(receiver.bodies()).hasSize(1);
            assertThat(seenLive).hasSize(1);
            assertThat(writer.held()).as("the result and the state change wait for the database").isEqualTo(2);
        }
    }
}
