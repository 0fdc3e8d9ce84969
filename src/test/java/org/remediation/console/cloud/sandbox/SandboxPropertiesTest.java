package org.remediation.console.cloud.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class SandboxPropertiesTest {

    @Test
    void faultsAreConfiguredPerResourceOrOperationKind() {
        Binder binder = new Binder(new MapConfigurationPropertySource(Map.of(
                "console.sandbox.operation-duration", "2s",
                "console.sandbox.faults.[VPC_CONNECTOR/us-central1/staging-connector]", "FAIL",
                "console.sandbox.faults.[sql.patch]", "rate-limit")));
        SandboxProperties p = binder.bind("console.sandbox", SandboxProperties.class).get();
        assertThat(p.operationDuration()).isEqualTo(Duration.ofSeconds(2));
        assertThat(p.seed()).isEqualTo(1278);
        assertThat(p.faults()).containsEntry("VPC_CONNECTOR/us-central1/staging-connector", Fault.FAIL)
                .containsEntry("sql.patch", Fault.RATE_LIMIT);
    }
}
