package org.remediation.console.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.remediation.console.base.Problems;
import org.remediation.console.cloud.gcp.GcpCloudGateway;
import org.remediation.console.cloud.gcp.fake.Faults.Fault;
import org.remediation.console.cloud.gcp.fake.FakeGoogle;

/** The cloud-resource probe over the Google adapter, on the wire to the fake Google servers. */
class CloudResourceProbeTest extends ProbeContract {

    static final String CONNECTOR = "VPC_CONNECTOR/us-central1/staging-connector";
    static final FakeGoogle GOOGLE = FakeGoogle.start();
    static final GcpCloudGateway GATEWAY = GOOGLE.gateway(Clock.systemUTC());

    @AfterAll
    static void stop() throws Exception {
        GATEWAY.close();
        GOOGLE.close();
    }

    @Override
    Probe probe() {
        return new CloudResourceProbe(GATEWAY);
    }

    @Override
    Map<String, String> healthy() {
        return Map.of("resource", CONNECTOR);
    }

    @Override
    Map<String, String> unreachable() {
        GOOGLE.faults().inject("GetConnector", Fault.permissionDenied("vpcaccess.connectors.get"));
        return Map.of("resource", CONNECTOR);
    }

    @Override
    Map<String, String> hung() {
        GOOGLE.faults().inject("GetConnector", Fault.slow(Duration.ofSeconds(20)));
        return Map.of("resource", CONNECTOR);
    }

    @Test
    void aConnectorReportsItsStateAndInstanceCounts() {
        ProbeResult r = run(healthy());
        assertThat(r.measurements()).containsEntry("state", "READY").containsKeys("minInstances", "maxInstances");
    }

    @Test
    void aCertificateReportsDaysToExpiry() {
        ProbeResult r = run(Map.of("resource", "SSL_CERTIFICATE/global/netra-staging-cert"));
        assertThat(r.outcome()).as(r.error()).isEqualTo(Outcome.UP);
        assertThat(r.measurements()).containsKey("daysToExpiry").containsEntry("managedStatus", "ACTIVE");
    }

    @Test
    void aRedisInstanceReportsItsHostPortAndNetwork() {
        ProbeResult r = run(Map.of("resource", "REDIS_INSTANCE/us-central1/netra-staging-redis"));
        assertThat(r.outcome()).as(r.error()).isEqualTo(Outcome.UP);
        assertThat(r.measurements()).containsEntry("state", "READY").containsEntry("host", "10.166.204.83")
                .containsEntry("network", "default").containsKey("port");
    }

    @Test
    void aMissingPermissionIsNamedInTheError() {
        ProbeResult r = run(unreachable());
        assertThat(r.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(r.error()).contains("vpcaccess.connectors.get");
    }

    @Test
    void anUnknownOrMalformedResourceIsRejectedByName() {
        Problems unknown = new Problems();
        probe().validate(Map.of("resource", "VPC_CONNECTOR/us-central1/nope"), unknown);
        assertThat(unknown.list()).singleElement().satisfies(p -> assertThat(p.message()).contains("no resource"));
        Problems malformed = new Problems();
        probe().validate(Map.of("resource", "connector"), malformed);
        assertThat(malformed.list()).singleElement().satisfies(p -> assertThat(p.message()).contains("KIND/location/name"));
    }
}
