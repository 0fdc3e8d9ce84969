package org.remediation.console.cloud.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.remediation.console.cloud.Attributes.MACHINE_TYPE;
import static org.remediation.console.cloud.Attributes.MAX_INSTANCES;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.remediation.console.cloud.ResourceRef;
import org.remediation.console.probe.HttpProbe;
import org.remediation.console.probe.Outcome;
import org.remediation.console.probe.ProbeRequest;
import org.remediation.console.probe.ProbeResult;
import org.remediation.console.support.Waits;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The load check's stand-in ({@code /sandbox/backend/load}): its concurrent capacity follows the
 * simulated connector, so "VPC connector handles 20+ concurrent connections" is red on the #1278
 * connector (3 × e2-micro) and green after a scale-up (10 × e2-micro).
 */
class SandboxLoadCheckTest {

    static final SandboxProperties FAST = new SandboxProperties(Duration.ofSeconds(1), 1278, 1500,
            Duration.ofMillis(300), Map.of(), 0, 0, Path.of("sandbox-ca.pem"));

    /** A store that holds only the connector, with the given size. */
    static SandboxStore connector(int maxInstances, String machineType) {
        return new SandboxStore(new JdbcTemplate()) {
            @Override
            Optional<Map<String, String>> resource(ResourceRef ref) {
                return ref.equals(SandboxTopology.CONNECTOR)
                        ? Optional.of(Map.of(MAX_INSTANCES, String.valueOf(maxInstances), MACHINE_TYPE, machineType))
                        : Optional.empty();
            }
        };
    }

    @Test
    void theCapacityFollowsTheConnector() {
        assertThat(CapacityModel.concurrentCapacity(3, "e2-micro", CapacityModel.connectorUtilisation(3, "e2-micro", 1500)))
                .isEqualTo(2);
        assertThat(CapacityModel.concurrentCapacity(10, "e2-micro", CapacityModel.connectorUtilisation(10, "e2-micro", 1500)))
                .isEqualTo(20);
        assertThat(CapacityModel.concurrentCapacity(10, "e2-standard-4",
                CapacityModel.connectorUtilisation(10, "e2-standard-4", 1500))).isEqualTo(80);
        assertThat(CapacityModel.concurrentCapacity(5, "e2-micro", CapacityModel.connectorUtilisation(5, "e2-micro", 1500)))
                .as("5 × e2-micro is still saturated").isLessThan(20);
    }

    @Test
    void aSaturatedConnectorServesTwoOfTwentyCallsHeldAtOnce() throws Exception {
        assertThat(twentyHeldAtOnce(new EndpointSimulator(connector(3, "e2-micro"), FAST))).isLessThanOrEqualTo(2);
    }

    @Test
    void aScaledConnectorServesAllTwentyCallsHeldAtOnce() throws Exception {
        assertThat(twentyHeldAtOnce(new EndpointSimulator(connector(10, "e2-micro"), FAST))).isEqualTo(20);
    }

    /** Twenty calls that each hold their place until all twenty have been admitted or refused. */
    private static int twentyHeldAtOnce(EndpointSimulator simulator) throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger decided = new AtomicInteger();
        List<Future<EndpointSimulator.Response>> calls = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 20; i++) {
                calls.add(pool.submit(() -> {
                    EndpointSimulator.Response r = simulator.load(ms -> {
                        decided.incrementAndGet();
                        Waits.hold(release);
                    });
                    if (r.latencyMs() == 0 && r.status() == 503) {
                        decided.incrementAndGet(); // refused at once
                    }
                    return r;
                }));
            }
            try {
                await().atMost(Duration.ofSeconds(10)).until(() -> decided.get() == 20 || calls.stream().allMatch(Future::isDone));
            } finally {
                release.countDown(); // else the pool's close() waits for the held calls
            }
            int ok = 0;
            for (int i = 0; i < calls.size(); i++) {
                ok += Waits.get(calls.get(i), "simulated call " + i).status() == 200 ? 1 : 0;
            }
            return ok;
        }
    }

    @Test
    void theHttpProbeWithConcurrencyTwentyIsRedOnTheOutageConnectorAndGreenAfterTheScaleUp() throws Exception {
        ProbeResult saturated = probeTwentyAtOnce(connector(3, "e2-micro"));
        assertThat(saturated.outcome()).isNotEqualTo(Outcome.UP);
        assertThat((int) saturated.measurements().get("concurrentSuccess")).isLessThan(20);

        ProbeResult scaled = probeTwentyAtOnce(connector(10, "e2-micro"));
        assertThat(scaled.outcome()).as(scaled.error()).isEqualTo(Outcome.UP);
        assertThat(scaled.measurements()).containsEntry("concurrent", 20).containsEntry("concurrentSuccess", 20);
    }

    /** The endpoint as SandboxEndpoints serves it, on a loopback server, probed like the demo target. */
    private static ProbeResult probeTwentyAtOnce(SandboxStore store) throws Exception {
        EndpointSimulator simulator = new EndpointSimulator(store, FAST);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/sandbox/backend/load", exchange -> {
            try {
                EndpointSimulator.Response r = simulator.load(Thread::sleep);
                byte[] body = ("{\"status\":" + r.status() + "}").getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(r.status(), body.length);
                exchange.getResponseBody().write(body);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                exchange.close();
            }
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/sandbox/backend/load";
            return new HttpProbe().run(new ProbeRequest("backend-load", Map.of("url", url, "concurrency", "20"),
                    Duration.ofSeconds(5), ref -> "", Clock.systemUTC()));
        } finally {
            server.stop(0);
        }
    }
}
