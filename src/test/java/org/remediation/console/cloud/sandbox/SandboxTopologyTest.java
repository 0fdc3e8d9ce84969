package org.remediation.console.cloud.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.remediation.console.cloud.Attributes;
import org.remediation.console.cloud.CloudChange;
import org.remediation.console.cloud.CloudException;
import org.remediation.console.cloud.CloudGateway;
import org.remediation.console.cloud.ResourceRef;
import org.remediation.console.cloud.Topology;
import org.remediation.console.remediation.SandboxTestSettings;
import org.remediation.console.security.Role;
import org.remediation.console.support.As;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The sandbox's #1278 topology: every staging service's egress goes through staging-connector. */
@SpringBootTest
@SandboxTestSettings
class SandboxTopologyTest {

    @Autowired
    CloudGateway gateway;
    @Autowired
    SandboxAdminService admin;
    @Autowired
    SandboxStore store;
    @Autowired
    SandboxSeeder seeder;
    @Autowired
    SandboxProperties properties;

    @BeforeEach
    void outageState() {
        As.user("admin", Role.ADMIN, () -> {
            admin.faults().forEach(f -> admin.clearFault(f.target()));
            admin.resetTopology();
        });
    }

    @Test
    void everyStagingServiceUsesTheStagingConnector() {
        Topology topology = gateway.topology();

        assertThat(topology.servicesUsing(SandboxTopology.CONNECTOR)).containsExactlyInAnyOrder(
                SandboxTopology.FRONTEND, SandboxTopology.AUTH, SandboxTopology.BACKEND);
        assertThat(topology.linkOf(SandboxTopology.BACKEND)).get().extracting(Topology.ConnectorLink::egress)
                .isEqualTo("PRIVATE_RANGES_ONLY");
        assertThat(topology.unread()).isEmpty();
    }

    @Test
    void aServiceCannotBeMovedToAConnectorThatDoesNotExist() {
        var live = gateway.read(SandboxTopology.BACKEND);

        assertThatThrownBy(() -> gateway.apply(new CloudChange(SandboxTopology.BACKEND,
                Map.of(Attributes.VPC_CONNECTOR, "no-such-connector"), live.fingerprint())))
                .isInstanceOf(CloudException.class).hasMessageContaining("not ready yet or does not exist");
    }

    @Test
    void deletingAConnectorInUseIsAllowedAsAtGoogleAndCutsTheServicesEgress() throws InterruptedException {
        EndpointSimulator simulator = new EndpointSimulator(store, properties);
        var live = gateway.read(SandboxTopology.CONNECTOR);

        var deleting = gateway.delete(SandboxTopology.CONNECTOR, live.fingerprint());
        assertThat(gateway.read(SandboxTopology.CONNECTOR).get(Attributes.STATE)).contains("DELETING");
        while (!gateway.poll(deleting).done()) {
            Thread.sleep(50);
        }

        assertThatThrownBy(() -> gateway.read(SandboxTopology.CONNECTOR)).isInstanceOf(CloudException.class);
        assertThat(gateway.topology().servicesUsing(SandboxTopology.CONNECTOR)).as("they still name it").hasSize(3);
        assertThat(simulator.call("backend").status()).isEqualTo(503);
        assertThat(simulator.call("frontend").status()).as("no connector needed").isEqualTo(200);
    }

    @Test
    void servicesStoredBeforeTheTopologyExistedGetTheirConnectorOnStart() {
        ResourceRef auth = SandboxTopology.AUTH;
        Map<String, String> old = new TreeMap<>(gateway.read(auth).attributes());
        old.remove(Attributes.VPC_CONNECTOR);
        old.remove(Attributes.VPC_EGRESS);
        store.replaceResource(auth, old);

        seeder.seed();

        assertThat(gateway.read(auth).get(Attributes.VPC_CONNECTOR)).contains("staging-connector");
    }
}
