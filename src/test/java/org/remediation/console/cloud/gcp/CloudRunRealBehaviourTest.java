package org.remediation.console.cloud.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.remediation.console.cloud.Attributes.*;

import com.google.cloud.run.v2.Container;
import com.google.cloud.run.v2.EnvVar;
import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.remediation.console.cloud.CloudChange;
import org.remediation.console.cloud.CloudException;
import org.remediation.console.cloud.OperationStatus;
import org.remediation.console.cloud.ResourceRef;
import org.remediation.console.cloud.ResourceState;
import org.remediation.console.cloud.gcp.fake.FakeGoogle;
import org.remediation.console.remediation.ActionCatalog;
import org.remediation.console.remediation.ActionKind;
import org.remediation.console.remediation.DiffRow;
import org.remediation.console.remediation.Preview;
import org.remediation.console.remediation.RemediationAction;

/**
 * Cloud Run as it really behaves, over the wire to the fake: Console-named revisions, pinned traffic,
 * tags, traffic_statuses, environment variables from Secret Manager, startup probes.
 */
class CloudRunRealBehaviourTest {

    static final ResourceRef FRONTEND = ResourceRef.parse("RUN_SERVICE/us-central1/netra-frontend");
    static final String FRONTEND_NAME = FakeGoogle.LOCATION + "/services/netra-frontend";

    FakeGoogle google;
    GcpCloudGateway gateway;

    @BeforeEach
    void start() {
        google = FakeGoogle.start();
        gateway = google.gateway(Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        gateway.close();
        google.close();
    }

    OperationStatus change(Map<String, String> desired) {
        return GcpGatewayTest.awaitDone(gateway, gateway.apply(new CloudChange(FRONTEND, desired,
                gateway.read(FRONTEND).fingerprint())));
    }

    @Test
    void aTemplateChangeOnAConsoleDeployedServiceGetsAFreshRevisionName() {
        assertThat(google.run().get(FRONTEND_NAME).getTemplate().getRevision()).isEqualTo("netra-frontend-00002-def");
        assertThat(change(Map.of(MEMORY, "1Gi")).succeeded()).isTrue();
        ResourceState after = gateway.read(FRONTEND);
        assertThat(after.require(LATEST_READY_REVISION)).startsWith("netra-frontend-00003-");
        assertThat(after.require(LATEST_CREATED_REVISION)).isEqualTo(after.require(LATEST_READY_REVISION));
        assertThat(after.require(SERVING)).isEqualTo(after.require(LATEST_READY_REVISION) + "=100");
    }

    @Test
    void theFakeRefusesAnExistingRevisionNameWithADifferentConfigurationAsCloudRunDoes() {
        var service = google.run().get(FRONTEND_NAME);
        var changed = service.toBuilder();
        changed.getTemplateBuilder().getContainersBuilder(0).getResourcesBuilder().putLimits("memory", "1Gi");
        try (GcpClients clients = new GcpClients(google.properties())) {
            assertThatThrownBy(() -> clients.runServices.get().updateServiceAsync(changed.build()).get())
                    .hasMessageContaining("ALREADY_EXISTS")
                    .hasMessageContaining("Revision named 'netra-frontend-00002-def' with different configuration already exists");
        }
    }

    @Test
    void aTrafficChangeKeepsTheRevisionNameTheTagsAndMakesNoRevision() {
        assertThat(change(Map.of(TRAFFIC, "netra-frontend-00001-abc=100")).succeeded()).isTrue();
        ResourceState after = gateway.read(FRONTEND);
        assertThat(after.require(REVISIONS).split(",")).hasSize(2);
        assertThat(after.require(TRAFFIC_TAGS)).isEqualTo("stable=netra-frontend-00001-abc");
        assertThat(after.require(SERVING)).isEqualTo("netra-frontend-00001-abc=100");
        assertThat(google.run().get(FRONTEND_NAME).getTemplate().getRevision()).isEqualTo("netra-frontend-00002-def");
    }

    @Test
    void pinnedTrafficStaysOnItsRevisionWhenTheTemplateChangesAndServingSaysSo() {
        change(Map.of(TRAFFIC, "netra-frontend-00002-def=100"));
        assertThat(change(Map.of(CPU, "2")).succeeded()).isTrue();
        ResourceState after = gateway.read(FRONTEND);
        assertThat(after.require(LATEST_READY_REVISION)).startsWith("netra-frontend-00003-");
        assertThat(after.require(TRAFFIC)).isEqualTo("netra-frontend-00002-def=100");
        assertThat(after.require(SERVING)).as("the new revision gets 0 %").isEqualTo("netra-frontend-00002-def=100");

        assertThat(change(Map.of(MEMORY, "1Gi", TRAFFIC, "LATEST=100")).succeeded()).isTrue();
        ResourceState sent = gateway.read(FRONTEND);
        assertThat(sent.require(SERVING)).isEqualTo(sent.require(LATEST_READY_REVISION) + "=100");
        assertThat(sent.require(TRAFFIC_TAGS)).isEqualTo("stable=netra-frontend-00001-abc");
    }

    @Test
    void environmentVariablesAreReadMaskedAndSecretReferencesSurviveAChange() {
        ResourceState live = gateway.read(FRONTEND);
        assertThat(live.require(ENV_PREFIX + "ENVIRONMENT")).isEqualTo("staging");
        assertThat(live.require(ENV_PREFIX + "REDIS_AUTH_TOKEN")).startsWith("masked:");
        assertThat(live.attributes().toString()).doesNotContain("plain-secret-in-env");
        assertThat(live.require(ENV_SECRET_PREFIX + "DB_PASSWORD")).isEqualTo("netra-db-password:latest");

        Map<String, String> env = new TreeMap<>();
        env.put(ENV_PREFIX + "REDIS_AUTH_TOKEN", live.require(ENV_PREFIX + "REDIS_AUTH_TOKEN"));
        env.put(ENV_PREFIX + "DB_CONNECTION_TIMEOUT", "600");
        assertThat(change(env).succeeded()).isTrue();

        Container c = google.run().get(FRONTEND_NAME).getTemplate().getContainers(0);
        assertThat(c.getEnvList()).extracting(EnvVar::getName).containsExactly("REDIS_AUTH_TOKEN", "DB_PASSWORD",
                "DB_CONNECTION_TIMEOUT");
        assertThat(c.getEnv(0).getValue()).as("a masked value keeps the real one").isEqualTo("plain-secret-in-env");
        assertThat(c.getEnv(1).getValueSource().getSecretKeyRef().getSecret()).isEqualTo("netra-db-password");
    }

    @Test
    void aMaskedValueThatNoLongerMatchesIsRefused() {
        assertThatThrownBy(() -> change(Map.of(ENV_PREFIX + "REDIS_AUTH_TOKEN", "masked:00000000")))
                .isInstanceOfSatisfying(CloudException.class, e -> assertThat(e.kind()).isEqualTo(CloudException.Kind.CONFLICT));
    }

    @Test
    void theStartupProbeIsReadAndReplaced() {
        ResourceState live = gateway.read(FRONTEND);
        assertThat(live.attributes()).containsEntry(PROBE_TYPE, "TCP").containsEntry(PROBE_PORT, "8080")
                .containsEntry(PROBE_PERIOD, "240").containsEntry(PROBE_FAILURE_THRESHOLD, "1");
        assertThat(change(Map.of(PROBE_TYPE, "HTTP", PROBE_PATH, "/health/basic", PROBE_PORT, "8000",
                PROBE_INITIAL_DELAY, "30", PROBE_PERIOD, "10", PROBE_TIMEOUT, "5", PROBE_FAILURE_THRESHOLD, "10"))
                .succeeded()).isTrue();
        var probe = google.run().get(FRONTEND_NAME).getTemplate().getContainers(0).getStartupProbe();
        assertThat(probe.getHttpGet().getPath()).isEqualTo("/health/basic");
        assertThat(probe.getHttpGet().getPort()).isEqualTo(8000);
        assertThat(probe.hasTcpSocket()).isFalse();
        assertThat(probe.getInitialDelaySeconds()).isEqualTo(30);
        assertThat(probe.getFailureThreshold()).isEqualTo(10);
    }

    @Test
    void afterTrafficWasPinnedARunResourcesChangeIsPreviewedAndVerifiedOnWhatServes() {
        RemediationAction traffic = ActionCatalog.standard().get(ActionKind.RUN_TRAFFIC);
        RemediationAction resources = ActionCatalog.standard().get(ActionKind.RUN_RESOURCES);
        ResourceState live = gateway.read(FRONTEND);
        run(traffic, live, traffic.validate(Map.of("revision", "netra-frontend-00002-def"), live));

        ResourceState pinned = gateway.read(FRONTEND);
        Map<String, String> desired = resources.validate(Map.of(MEMORY, "1Gi"), pinned);
        Preview preview = resources.preview(pinned, desired, gateway.project());
        assertThat(preview.diff()).contains(new DiffRow(SERVING, "netra-frontend-00002-def=100",
                "netra-frontend-00002-def=100,(new revision)=0"));
        ResourceState after = run(resources, pinned, desired);
        assertThat(after.require(SERVING)).isEqualTo("netra-frontend-00002-def=100");
        assertThat(resources.verify(after, desired)).isEmpty();

        Map<String, String> all = resources.validate(Map.of(MEMORY, "2Gi", "sendAllTraffic", "true"), after);
        ResourceState moved = run(resources, after, all);
        assertThat(moved.require(SERVING)).isEqualTo(moved.require(LATEST_READY_REVISION) + "=100");
        assertThat(moved.require(TRAFFIC_TAGS)).isEqualTo("stable=netra-frontend-00001-abc");
        assertThat(resources.verify(moved, all)).isEmpty();
    }

    private ResourceState run(RemediationAction action, ResourceState live, Map<String, String> desired) {
        assertThat(GcpGatewayTest.awaitDone(gateway, action.apply(gateway, action.preview(live, desired, gateway.project()), java.util.UUID.randomUUID().toString())).succeeded()).isTrue();
        return gateway.read(FRONTEND);
    }
}
