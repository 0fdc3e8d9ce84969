package org.remediation.console.cloud.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.cloud.redis.v1.Instance;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.remediation.console.cloud.Attributes;
import org.remediation.console.cloud.CloudChange;
import org.remediation.console.cloud.CloudException;
import org.remediation.console.cloud.CloudException.Kind;
import org.remediation.console.cloud.CloudReading;
import org.remediation.console.cloud.CloudResourceReader;
import org.remediation.console.cloud.ResourceRef;
import org.remediation.console.cloud.gcp.fake.FakeGoogle;
import org.remediation.console.cloud.gcp.fake.Faults.Fault;

/** Memorystore for Redis through Google's CloudRedisClient, over gRPC to the fake: read-only state and its errors. */
class GcpRedisTest {

    static final ResourceRef REDIS = ResourceRef.parse("REDIS_INSTANCE/us-central1/netra-staging-redis");
    static final ResourceRef CONNECTOR = ResourceRef.parse("VPC_CONNECTOR/us-central1/staging-connector");
    static final String GET = "GetInstance " + FakeGoogle.REDIS;

    final Clock clock = Clock.fixed(Instant.parse("2026-11-25T08:00:00Z"), ZoneOffset.UTC);
    FakeGoogle google;
    GcpCloudGateway gateway;

    @BeforeEach
    void start() {
        google = FakeGoogle.start();
        gateway = google.gateway(clock);
    }

    @AfterEach
    void stop() {
        gateway.close();
        google.close();
    }

    CloudException readFails(ResourceRef ref) {
        return catchThrowableOfType(CloudException.class, () -> gateway.read(ref));
    }

    @Test
    void readsTheInstancesStateAndWhereItListens() {
        assertThat(gateway.resources()).contains(REDIS);
        assertThat(gateway.read(REDIS).attributes()).containsEntry(Attributes.STATE, "READY")
                .containsEntry(Attributes.HOST, "10.166.204.83").containsEntry(Attributes.PORT, "6379")
                .containsEntry(Attributes.AUTHORIZED_NETWORK, "projects/netra-staging/global/networks/default")
                .containsEntry(Attributes.NETWORK, "default").containsEntry(Attributes.CONNECT_MODE, "DIRECT_PEERING")
                .containsEntry(Attributes.TIER, "BASIC").containsEntry(Attributes.MEMORY_SIZE_GB, "1")
                .containsEntry(Attributes.REDIS_VERSION, "REDIS_7_0")
                .containsEntry(Attributes.RESERVED_IP_RANGE, "10.166.204.80/29");
        assertThat(google.faults().count(GET)).as("one GetInstance over the wire").isEqualTo(1);
        assertThat(gateway.redis.list("us-central1")).containsExactly("netra-staging-redis");
    }

    @Test
    void theInstancesNetworkComparesWithTheConnectorsNetwork() {
        assertThat(gateway.read(REDIS).require(Attributes.NETWORK))
                .isEqualTo(gateway.read(CONNECTOR).require(Attributes.NETWORK));
        google.redis().put(google.redis().get(FakeGoogle.REDIS).toBuilder()
                .setAuthorizedNetwork("projects/netra-staging/global/networks/redis-vpc").build());
        assertThat(gateway.read(REDIS).require(Attributes.NETWORK))
                .isNotEqualTo(gateway.read(CONNECTOR).require(Attributes.NETWORK)).isEqualTo("redis-vpc");
    }

    @Test
    void anyChangeIsRefusedAsReadOnlyWithoutCallingGoogle() {
        String fp = gateway.read(REDIS).fingerprint();
        long calls = google.faults().requests().size();
        CloudException e = catchThrowableOfType(CloudException.class, () -> gateway.apply(new CloudChange(REDIS,
                Map.of(Attributes.MEMORY_SIZE_GB, "5"), fp)));
        assertThat(e.kind()).isEqualTo(Kind.INVALID_ARGUMENT);
        assertThat(e.getMessage()).contains("read-only", REDIS.toString());
        assertThat(google.faults().requests()).as("nothing read or sent").hasSize((int) calls);
        assertThat(google.redis().get(FakeGoogle.REDIS).getMemorySizeGb()).isEqualTo(1);
    }

    @Test
    void anUnknownInstanceIsNotFound() {
        CloudException e = readFails(ResourceRef.parse("REDIS_INSTANCE/us-central1/no-such-redis"));
        assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND);
        assertThat(e.getMessage()).contains("projects/netra-staging/locations/us-central1/instances/no-such-redis");
    }

    @Test
    void aMissingPermissionNamesTheViewerRole() {
        google.faults().inject(GET, Fault.permissionDenied("redis.instances.get"));
        CloudException e = readFails(REDIS);
        assertThat(e.kind()).isEqualTo(Kind.PERMISSION_DENIED);
        assertThat(e.missingPermission()).isEqualTo("redis.instances.get");
        assertThat(e.grantingRole()).isEqualTo("roles/redis.viewer");
        assertThat(e.getMessage()).contains("redis.instances.get", "roles/redis.viewer");
    }

    @Test
    void aDisabledApiNamesTheCommandThatEnablesIt() {
        google.faults().inject(GET, Fault.serviceDisabled("redis.googleapis.com"));
        CloudException e = readFails(REDIS);
        assertThat(e.kind()).isEqualTo(Kind.SERVICE_DISABLED);
        assertThat(e.getMessage()).contains("gcloud services enable redis.googleapis.com --project=netra-staging");
    }

    @Test
    void unavailableIsRetriedBoundedAndATimeoutIsNotRetried() {
        google.faults().inject(GET, Fault.unavailable());
        assertThat(gateway.read(REDIS).require(Attributes.HOST)).isEqualTo("10.166.204.83");
        assertThat(google.faults().count(GET)).isEqualTo(2);

        google.faults().inject(GET, Fault.unavailable(), 10);
        assertThat(readFails(REDIS).kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(google.faults().count(GET)).as("3 more attempts, then reported").isEqualTo(5);
        google.faults().clear();

        gateway.close();
        gateway = new GcpCloudGateway(google.properties(Duration.ofMillis(400)), clock);
        google.faults().inject(GET, Fault.slow(Duration.ofMillis(1500)));
        assertThat(readFails(REDIS).kind()).isEqualTo(Kind.DEADLINE_EXCEEDED);
        assertThat(google.faults().count(GET)).as("not retried").isEqualTo(6);
    }

    @Test
    void theResourceReaderMeasuresItAndCallsAnythingButReadyUnhealthy() {
        CloudResourceReader reader = new CloudResourceReader(gateway, clock);
        CloudReading ready = reader.read(REDIS);
        assertThat(ready.healthy()).isTrue();
        assertThat(ready.summary()).isEqualTo("READY, 10.166.204.83:6379 on network default (DIRECT_PEERING)");
        assertThat(ready.measurement(CloudResourceReader.PORT)).contains(6379.0);
        assertThat(ready.label(Attributes.HOST)).contains("10.166.204.83");
        assertThat(ready.label(Attributes.NETWORK)).contains("default");

        google.redis().put(google.redis().get(FakeGoogle.REDIS).toBuilder().setState(Instance.State.REPAIRING).build());
        CloudReading repairing = reader.read(REDIS);
        assertThat(repairing.healthy()).isFalse();
        assertThat(repairing.label(Attributes.STATE)).contains("REPAIRING");
    }

    @Test
    void diagnosticsReadEachInstanceAndNameTheMissingPermission() {
        ApiDiagnosis ok = redisDiagnosis(gateway);
        assertThat(ok.status()).isEqualTo(ApiDiagnosis.Status.OK);
        assertThat(ok.title()).contains("Memorystore for Redis");

        google.faults().inject(GET, Fault.permissionDenied("redis.instances.get"));
        ApiDiagnosis denied = redisDiagnosis(gateway);
        assertThat(denied.status()).isEqualTo(ApiDiagnosis.Status.MISSING_PERMISSIONS);
        assertThat(denied.missing()).containsExactly(
                new ApiDiagnosis.MissingPermission("redis.instances.get", "roles/redis.viewer"));

        google.faults().inject("ListInstances", Fault.serviceDisabled("redis.googleapis.com"));
        assertThat(redisDiagnosis(gateway).status()).isEqualTo(ApiDiagnosis.Status.DISABLED);
    }

    @Test
    void diagnosticsLeaveMemorystoreUncheckedWhenNoInstanceIsConfigured() {
        GcpProperties p = google.properties();
        GcpProperties.Resources r = p.resources();
        GcpProperties none = new GcpProperties(p.project(), p.regions(), new GcpProperties.Resources(r.connectors(),
                r.sqlInstances(), r.runServices(), r.healthChecks(), r.backendServices(), r.sslCertificates(), List.of()),
                p.endpoints(), p.polling(), p.retry(), p.callTimeout());
        try (GcpCloudGateway without = new GcpCloudGateway(none, clock)) {
            long before = google.faults().count("Instance");
            assertThat(redisDiagnosis(without).status()).isEqualTo(ApiDiagnosis.Status.NOT_CHECKED);
            assertThat(google.faults().count("Instance")).as("no Memorystore call").isEqualTo(before);
        }
    }

    ApiDiagnosis redisDiagnosis(GcpCloudGateway g) {
        return GcpProbes.diagnose(g, clock.instant()).apis().stream()
                .filter(a -> a.api().equals(RedisAdapter.API)).findFirst().orElseThrow();
    }
}
