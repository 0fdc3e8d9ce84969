package org.remediation.console.cloud.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.cloud.vpcaccess.v1.Connector;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.remediation.console.cloud.Attributes;
import org.remediation.console.cloud.CloudChange;
import org.remediation.console.cloud.CloudException;
import org.remediation.console.cloud.ResourceRef;
import org.remediation.console.cloud.ResourceState;
import org.remediation.console.cloud.Topology;
import org.remediation.console.cloud.gcp.fake.FakeGoogle;
import org.remediation.console.cloud.gcp.fake.Faults;

/** Which services use which connector, read from Cloud Run's {@code template.vpc_access} over the wire. */
class GcpTopologyTest {

    static final ResourceRef CONNECTOR = ResourceRef.parse("VPC_CONNECTOR/us-central1/staging-connector");
    static final ResourceRef BACKEND = ResourceRef.parse("RUN_SERVICE/us-central1/netra-backend");

    final Clock clock = Clock.fixed(Instant.parse("2026-11-25T08:00:00Z"), ZoneOffset.UTC);
    FakeGoogle google;
    GcpCloudGateway gateway;

    @BeforeEach
    void start() {
        google = FakeGoogle.start(Instant.parse("2027-01-24T08:00:00Z"));
        gateway = google.gateway(clock);
    }

    @AfterEach
    void stop() {
        gateway.close();
        google.close();
    }

    @Test
    void aServiceReportsItsConnectorAndEgress() {
        ResourceState backend = gateway.read(BACKEND);

        assertThat(backend.get(Attributes.VPC_CONNECTOR)).contains("staging-connector");
        assertThat(backend.get(Attributes.VPC_EGRESS)).contains("PRIVATE_RANGES_ONLY");
    }

    @Test
    void aServiceTheConsoleWasNotConfiguredToShowStillCountsAsAUserOfTheConnector() {
        // Google deletes a connector in use; connector-delete must see every service in the region
        google.addUnconfiguredService("netra-worker");
        assertThat(gateway.resources()).extracting(ResourceRef::name).doesNotContain("netra-worker");
        assertThat(gateway.topology().servicesUsing(CONNECTOR)).extracting(ResourceRef::name).contains("netra-worker");
    }

    @Test
    void topologyLinksEveryStagingServiceToTheConnector() {
        Topology topology = gateway.topology();

        assertThat(topology.servicesUsing(CONNECTOR)).extracting(ResourceRef::name)
                .containsExactlyInAnyOrderElementsOf(FakeGoogle.RUN_SERVICES);
        assertThat(topology.linkOf(BACKEND)).get().extracting(Topology.ConnectorLink::egress)
                .isEqualTo("PRIVATE_RANGES_ONLY");
        assertThat(topology.unread()).isEmpty();
    }

    @Test
    void anUnreadableServiceIsListedNotDropped() {
        google.faults().inject("GetService " + FakeGoogle.LOCATION + "/services/netra-auth",
                Faults.Fault.permissionDenied("run.services.get"), 5);

        Topology topology = gateway.topology();

        assertThat(topology.unread()).extracting(ResourceRef::name).containsExactly("netra-auth");
        assertThat(topology.servicesUsing(CONNECTOR)).extracting(ResourceRef::name)
                .containsExactlyInAnyOrder("netra-frontend", "netra-backend");
    }

    @Test
    void movingAServiceToAnotherConnectorSendsTheFullNameAndCreatesARevision() {
        google.vpcAccess().put(Connector.newBuilder().setName(FakeGoogle.LOCATION + "/connectors/staging-connector-2")
                .setNetwork("default").setIpCidrRange("10.166.240.0/28").setState(Connector.State.READY)
                .setMachineType("e2-micro").setMinInstances(2).setMaxInstances(3).build());
        ResourceState before = gateway.read(BACKEND);

        GcpGatewayTest.awaitDone(gateway, gateway.apply(new CloudChange(BACKEND,
                Map.of(Attributes.VPC_CONNECTOR, "staging-connector-2"), before.fingerprint())));

        assertThat(google.run().get(FakeGoogle.LOCATION + "/services/netra-backend").getTemplate().getVpcAccess()
                .getConnector()).isEqualTo(FakeGoogle.LOCATION + "/connectors/staging-connector-2");
        ResourceState after = gateway.read(BACKEND);
        assertThat(after.get(Attributes.VPC_CONNECTOR)).contains("staging-connector-2");
        assertThat(after.get(Attributes.VPC_EGRESS)).contains("PRIVATE_RANGES_ONLY");
        assertThat(after.require(Attributes.LATEST_READY_REVISION)).isNotEqualTo(before.require(Attributes.LATEST_READY_REVISION));
    }

    @Test
    void aMissingConnectorIsRefused() {
        ResourceState before = gateway.read(BACKEND);

        assertThatThrownBy(() -> gateway.apply(new CloudChange(BACKEND, Map.of(Attributes.VPC_CONNECTOR, "no-such-connector"),
                before.fingerprint()))).isInstanceOf(CloudException.class).hasMessageContaining("no-such-connector");
    }
}
