package org.remediation.console.drills;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.remediation.console.probe.HealthState;
import org.remediation.console.probe.Outcome;
import org.remediation.console.probe.ProbeResult;
import org.remediation.console.probe.ProbeStatistics;
import org.remediation.console.probe.ProbeTargetService;
import org.remediation.console.probe.StateChange;
import org.remediation.console.probe.TargetDraft;
import org.remediation.console.security.Role;
import org.remediation.console.support.As;
import org.remediation.console.support.Prerequisites;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Drill: a Redis that is a probe target stops. Its probe goes DOWN (through DEGRADED, after the
 * hysteresis count) with an error that says what happened; a healthy target next to it stays UP.
 */
@SpringBootTest(properties = "console.probes.scheduler.enabled=true")
@DirtiesContext
class RedisStopDrillTest {

    @Autowired
    ProbeTargetService targets;
    @Autowired
    ProbeStatistics statistics;

    @Test
    void aStoppedRedisGoesDownWithAClearErrorAndNothingElseIsAffected() throws Exception {
        Prerequisites.require(Files.isExecutable(Path.of("/usr/bin/redis-server")) ? null
                : "redis-server (/usr/bin/redis-server; Debian: apt-get install redis-server)", "the Redis stop drill");
        int port = Ports.free();
        Process redis = new ProcessBuilder("/usr/bin/redis-server", "--port", String.valueOf(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        http.createContext("/health", ex -> {
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        http.start();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String redisKey = "drill-redis-" + suffix;
        String httpKey = "drill-http-" + suffix;
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> listening(port));
            As.user("admin", Role.ADMIN, () -> {
                targets.create(new TargetDraft(redisKey, "Drill Redis", "REDIS",
                        Map.of("host", "127.0.0.1", "port", String.valueOf(port)), Duration.ofSeconds(1), Duration.ofMillis(500),
                        true, "redis", null));
                return targets.create(new TargetDraft(httpKey, "Drill neighbour", "HTTP",
                        Map.of("url", "http://127.0.0.1:" + http.getAddress().getPort() + "/health"), Duration.ofSeconds(1),
                        Duration.ofMillis(500), true, "backend", null));
            });
            await().atMost(Duration.ofSeconds(20)).until(() -> statistics.state(redisKey) == HealthState.UP
                    && statistics.state(httpKey) == HealthState.UP);

            redis.destroy();
            assertThat(redis.waitFor(10, TimeUnit.SECONDS)).isTrue();
            await().atMost(Duration.ofSeconds(30)).until(() -> statistics.state(redisKey) == HealthState.DOWN);

            List<StateChange> changes = statistics.stateChanges(redisKey, 10);
            assertThat(changes).extracting(StateChange::to).startsWith(HealthState.DOWN, HealthState.DEGRADED, HealthState.UP);
            ProbeResult last = statistics.status(redisKey).orElseThrow().last();
            assertThat(last).isNotNull();
            assertThat(last.error()).as("the error a responder reads").isNotBlank()
                    .containsIgnoringCase("refused");
            long failuresBeforeDown = statistics.recentResults(redisKey, 50).stream()
                    .filter(r -> r.startedAt().isAfter(changes.get(2).at()) && !r.startedAt().isAfter(changes.get(0).at()))
                    .filter(r -> r.outcome() != Outcome.UP).count();
            assertThat(failuresBeforeDown).as("failed runs until DOWN (hysteresis)").isGreaterThanOrEqualTo(3);

            // The neighbour kept being probed and never left UP.
            assertThat(statistics.state(httpKey)).isEqualTo(HealthState.UP);
            assertThat(statistics.stateChanges(httpKey, 10)).extracting(StateChange::to).containsOnly(HealthState.UP);
            assertThat(statistics.recentResults(httpKey, 50))
                    .filteredOn(r -> r.startedAt().isAfter(changes.get(0).at().minusSeconds(3))).isNotEmpty()
                    .allSatisfy(r -> assertThat(r.outcome()).isEqualTo(Outcome.UP));
        } finally {
            As.user("admin", Role.ADMIN, () -> List.of(redisKey, httpKey).forEach(key -> {
                if (targets.find(key).isPresent()) {
                    targets.setEnabled(key, false);
                }
            }));
            redis.destroyForcibly();
            http.stop(0);
        }
    }

    private static boolean listening(int port) {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
