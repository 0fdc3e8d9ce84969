package org.remediation.console.cloud.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CapacityModelTest {

    @Test
    void theOutageConnectorIsSaturatedAndAScaleUpHealsIt() {
        double outage = CapacityModel.connectorUtilisation(3, "e2-micro", 1500);
        assertThat(outage).isGreaterThan(1.0);
        CapacityModel.Condition sick = CapacityModel.behindConnector(outage);
        assertThat(sick.latencyMs()).isGreaterThanOrEqualTo(2000);
        assertThat(sick.errorRate()).isGreaterThan(0.3);
        assertThat(sick.healthy()).isFalse();

        assertThat(CapacityModel.behindConnector(CapacityModel.connectorUtilisation(10, "e2-micro", 1500)).healthy()).isTrue();
        assertThat(CapacityModel.behindConnector(CapacityModel.connectorUtilisation(3, "e2-standard-4", 1500)).healthy()).isTrue();
        assertThat(CapacityModel.behindConnector(CapacityModel.connectorUtilisation(5, "e2-micro", 1500)).healthy()).isFalse();
    }

    @Test
    void theDatabaseSuffersWithTheConnectorAndWithTooFewConnections() {
        double saturated = CapacityModel.connectorUtilisation(3, "e2-micro", 1500);
        double healthy = CapacityModel.connectorUtilisation(10, "e2-micro", 1500);
        assertThat(CapacityModel.database(saturated, 100, 2).healthy()).isFalse();
        assertThat(CapacityModel.database(healthy, 100, 2).healthy()).isTrue();
        assertThat(CapacityModel.database(healthy, 50, 2).healthy()).isFalse();
        assertThat(CapacityModel.database(healthy, 100, 1).latencyMs())
                .isGreaterThan(CapacityModel.database(healthy, 100, 4).latencyMs());
        assertThat(CapacityModel.vcpus("db-custom-4-15360")).isEqualTo(4);
        assertThat(CapacityModel.vcpus("db-f1-micro")).isEqualTo(1);
    }

    @Test
    void frontendAndAuthStayHealthy() {
        assertThat(CapacityModel.direct().healthy()).isTrue();
    }

    @Test
    void theSameSeedGivesTheSameEndpointResponses() {
        SandboxProperties props = new SandboxProperties(Duration.ofSeconds(1), 42, 1500, Duration.ofSeconds(8), Map.of(), 0, 0,
                java.nio.file.Path.of("sandbox-ca.pem"));
        EndpointSimulator a = new EndpointSimulator(null, props);
        EndpointSimulator b = new EndpointSimulator(null, props);
        CapacityModel.Condition sick = CapacityModel.behindConnector(2.5);
        for (int i = 0; i < 50; i++) {
            assertThat(a.draw("backend", sick, 2.5)).isEqualTo(b.draw("backend", sick, 2.5));
        }
        long failures = java.util.stream.IntStream.range(0, 1000).filter(i -> a.draw("backend", sick, 2.5).status() == 503).count();
        assertThat(failures).isBetween(500L, 850L);
    }
}
