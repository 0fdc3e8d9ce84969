package org.remediation.console.cloud.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import org.remediation.console.cloud.CloudReading;
import org.remediation.console.cloud.CloudResourceReader;
import org.remediation.console.cloud.OperationHandle;
import org.remediation.console.cloud.OperationStatus;
import org.remediation.console.cloud.ResourceRef;
import org.remediation.console.cloud.ResourceState;
import org.remediation.console.cloud.gcp.fake.FakeGoogle;

/** Read, apply and poll for every resource kind through Google's real clients, over the wire to the fakes. */
class GcpGatewayTest {

    static final ResourceRef CONNECTOR = ResourceRef.parse("VPC_CONNECTOR/us-central1/staging-connector");
    static final ResourceRef SQL = ResourceRef.parse("SQL_INSTANCE/us-central1/netra-staging-db");
    static final ResourceRef BACKEND = ResourceRef.parse("RUN_SERVICE/us-central1/netra-backend");
    static final ResourceRef HEALTH_CHECK = ResourceRef.parse("HEALTH_CHECK/global/netra-backend-hc");
    static final ResourceRef BACKEND_SERVICE = ResourceRef.parse("BACKEND_SERVICE/global/netra-backend-bs");
    static final ResourceRef CERT = ResourceRef.parse("SSL_CERTIFICATE/global/netra-staging-cert");

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

    static OperationStatus awaitDone(GcpCloudGateway gateway, OperationHandle handle) {
        try {
            OperationStatus status = gateway.awaitOperation(handle);
            assertThat(status.done()).as("operation " + handle.id() + " finished").isTrue();
            return status;
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    OperationStatus change(ResourceRef ref, Map<String, String> desired) {
        String fingerprint = gateway.read(ref).fingerprint();
        return awaitDone(gateway, gateway.apply(new CloudChange(ref, desired, fingerprint)));
    }

    @Test
    void listsTheConfiguredResources() {
        assertThat(gateway.resources()).extracting(ResourceRef::toString).containsExactly(
                "VPC_CONNECTOR/us-central1/staging-connector", "SQL_INSTANCE/us-central1/netra-staging-db",
                "RUN_SERVICE/us-central1/netra-frontend", "RUN_SERVICE/us-central1/netra-auth",
                "RUN_SERVICE/us-central1/netra-backend", "HEALTH_CHECK/global/netra-backend-hc",
                "BACKEND_SERVICE/global/netra-backend-bs", "SSL_CERTIFICATE/global/netra-staging-cert",
                "REDIS_INSTANCE/us-central1/netra-staging-redis");
    }

    @Test
    void readsEveryKindAsTheSandboxsFlatAttributes() {
        assertThat(gateway.read(CONNECTOR).attributes()).containsEntry(Attributes.STATE, "READY")
                .containsEntry(Attributes.MIN_INSTANCES, "2").containsEntry(Attributes.MAX_INSTANCES, "3")
                .containsEntry(Attributes.MACHINE_TYPE, "e2-micro").containsEntry(Attributes.IP_CIDR_RANGE, "10.8.0.0/28")
                .containsEntry(Attributes.NETWORK, "default");
        assertThat(gateway.read(SQL).attributes()).containsEntry(Attributes.STATE, "RUNNABLE")
                .containsEntry(Attributes.TIER, "db-custom-2-7680").containsEntry("flags.max_connections", "100")
                .containsEntry(Attributes.DATABASE_VERSION, "POSTGRES_15");
        assertThat(gateway.read(BACKEND).attributes()).containsEntry(Attributes.STATE, "READY")
                .containsEntry(Attributes.MEMORY, "512Mi").containsEntry(Attributes.CPU, "1")
                .containsEntry(Attributes.TIMEOUT_SECONDS, "300").containsEntry(Attributes.MIN_INSTANCES, "0")
                .containsEntry(Attributes.MAX_INSTANCES, "10")
                .containsEntry(Attributes.LATEST_READY_REVISION, "netra-backend-00002-def")
                .containsEntry(Attributes.REVISIONS, "netra-backend-00001-abc,netra-backend-00002-def")
                .containsEntry(Attributes.TRAFFIC, "LATEST=100").containsEntry(Attributes.RECONCILING, "false");
        assertThat(gateway.read(HEALTH_CHECK).attributes()).containsEntry(Attributes.CHECK_INTERVAL_SECONDS, "5")
                .containsEntry(Attributes.CHECK_TIMEOUT_SECONDS, "5").containsEntry(Attributes.HEALTHY_THRESHOLD, "2")
                .containsEntry(Attributes.UNHEALTHY_THRESHOLD, "2");
        assertThat(gateway.read(BACKEND_SERVICE).attributes()).containsEntry(Attributes.HEALTH_CHECKS, "netra-backend-hc")
                .containsEntry(Attributes.BACKEND_TIMEOUT_SECONDS, "30");
        ResourceState cert = gateway.read(CERT);
        assertThat(cert.attributes()).containsEntry(Attributes.MANAGED_STATUS, "ACTIVE")
                .containsEntry(Attributes.DOMAINS, "staging.netrasystems.ai")
                .containsEntry(Attributes.EXPIRE_TIME, "2027-01-24T08:00:00Z");
        assertThat(cert.readAt()).isEqualTo(clock.instant());
    }

    @Test
    void scalesTheConnectorWithTheRestPatchAndPollsItsOperation() {
        String before = gateway.read(CONNECTOR).fingerprint();
        OperationHandle handle = gateway.apply(new CloudChange(CONNECTOR,
                Map.of(Attributes.MIN_INSTANCES, "3", Attributes.MAX_INSTANCES, "10"), before));
        assertThat(handle.id()).startsWith("vpcaccess/us-central1/projects/netra-staging/locations/us-central1/operations/");
        assertThat(gateway.read(CONNECTOR).require(Attributes.STATE)).isEqualTo("UPDATING");
        assertThat(gateway.poll(handle).done()).isFalse();
        assertThat(awaitDone(gateway, handle).succeeded()).isTrue();
        assertThat(gateway.read(CONNECTOR).attributes()).containsEntry(Attributes.STATE, "READY")
                .containsEntry(Attributes.MIN_INSTANCES, "3").containsEntry(Attributes.MAX_INSTANCES, "10")
                .containsEntry(Attributes.MACHINE_TYPE, "e2-micro");
        assertThat(google.faults().requests()).anyMatch(r -> r.startsWith("PATCH /v1/" + FakeGoogle.CONNECTOR));
    }

    @Test
    void googleRejectsAConnectorScaleOutsideItsLimitsAsInvalid() {
        String fp = gateway.read(CONNECTOR).fingerprint();
        assertThatThrownBy(() -> gateway.apply(new CloudChange(CONNECTOR,
                Map.of(Attributes.MIN_INSTANCES, "5", Attributes.MAX_INSTANCES, "50"), fp)))
                .isInstanceOfSatisfying(CloudException.class, e -> {
                    assertThat(e.kind()).isEqualTo(CloudException.Kind.INVALID_ARGUMENT);
                    assertThat(e.getMessage()).contains("max_instances must be between 3 and 10");
                });
    }

    @Test
    void changesSqlTierAndOneFlagSendingTheWholeFlagList() {
        int gzippedBefore = org.remediation.console.cloud.gcp.fake.HttpJson.gzippedBodies();
        assertThat(change(SQL, Map.of("flags.log_min_duration_statement", "500")).succeeded()).isTrue();
        assertThat(change(SQL, Map.of(Attributes.TIER, "db-custom-4-15360", "flags.max_connections", "500"))
                .succeeded()).isTrue();
        assertThat(gateway.read(SQL).attributes()).containsEntry(Attributes.TIER, "db-custom-4-15360")
                .containsEntry("flags.max_connections", "500").containsEntry("flags.log_min_duration_statement", "500")
                .containsEntry(Attributes.STATE, "RUNNABLE");
        assertThat(google.sqlAdmin().get("netra-staging-db").getAsJsonObject("settings")
                .getAsJsonArray("databaseFlags")).hasSize(2);
        assertThat(org.remediation.console.cloud.gcp.fake.HttpJson.gzippedBodies())
                .as("the discovery client gzips its PATCH bodies").isGreaterThan(gzippedBefore);
    }

    @Test
    void exposesCloudSqlFlagAndTierListsForValidation() {
        SqlFlag flag = gateway.sqlFlag(SQL, "max_connections").orElseThrow();
        assertThat(flag.requiresRestart()).isTrue();
        assertThat(flag.minValue()).isEqualTo(14L);
        assertThat(flag.maxValue()).isEqualTo(262143L);
        assertThat(flag.problemWith("5")).isEqualTo("max_connections must be between 14 and 262143");
        assertThat(flag.problemWith("500")).isNull();
        assertThat(gateway.sqlFlag(SQL, "no_such_flag")).isEmpty();
        assertThat(gateway.sqlTiers()).contains("db-custom-2-7680", "db-custom-4-15360");
    }

    @Test
    void sqlChangesAreCheckedAgainstGooglesFlagAndTierListsBeforePatching() {
        String fp = gateway.read(SQL).fingerprint();
        assertThatThrownBy(() -> gateway.apply(new CloudChange(SQL, Map.of("flags.max_connections", "5",
                "flags.no_such_flag", "1", Attributes.TIER, "db-custom-3-1000"), fp)))
                .isInstanceOfSatisfying(CloudException.class, e -> {
                    assertThat(e.kind()).isEqualTo(CloudException.Kind.INVALID_ARGUMENT);
                    assertThat(e.getMessage()).contains("max_connections must be between 14 and 262143",
                            "no flag no_such_flag for POSTGRES_15", "tier db-custom-3-1000 is not offered");
                });
        assertThat(google.faults().count("PATCH /v1/projects/netra-staging/instances")).isZero();
    }

    @Test
    void cloudRunResourceChangeCreatesANewRevisionAndTrafficCanGoBack() {
        assertThat(change(BACKEND, Map.of(Attributes.MEMORY, "1Gi", Attributes.CPU, "2",
                Attributes.TIMEOUT_SECONDS, "600", Attributes.MAX_INSTANCES, "20")).succeeded()).isTrue();
        ResourceState after = gateway.read(BACKEND);
        assertThat(after.attributes()).containsEntry(Attributes.MEMORY, "1Gi").containsEntry(Attributes.CPU, "2")
                .containsEntry(Attributes.TIMEOUT_SECONDS, "600").containsEntry(Attributes.MAX_INSTANCES, "20")
                .containsEntry(Attributes.RECONCILING, "false");
        assertThat(after.require(Attributes.LATEST_READY_REVISION)).startsWith("netra-backend-00003-");
        assertThat(after.require(Attributes.REVISIONS).split(",")).hasSize(3);

        assertThat(change(BACKEND, Map.of(Attributes.TRAFFIC, "netra-backend-00002-def=100")).succeeded()).isTrue();
        ResourceState rolledBack = gateway.read(BACKEND);
        assertThat(rolledBack.require(Attributes.TRAFFIC)).isEqualTo("netra-backend-00002-def=100");
        assertThat(rolledBack.require(Attributes.REVISIONS).split(",")).as("traffic makes no revision").hasSize(3);
    }

    @Test
    void patchesHealthCheckAndBackendServiceWithItsFingerprint() {
        int overriddenBefore = org.remediation.console.cloud.gcp.fake.HttpJson.overriddenPatches();
        assertThat(change(HEALTH_CHECK, Map.of(Attributes.CHECK_INTERVAL_SECONDS, "10",
                Attributes.UNHEALTHY_THRESHOLD, "3")).succeeded()).isTrue();
        assertThat(gateway.read(HEALTH_CHECK).attributes()).containsEntry(Attributes.CHECK_INTERVAL_SECONDS, "10")
                .containsEntry(Attributes.UNHEALTHY_THRESHOLD, "3").containsEntry(Attributes.CHECK_TIMEOUT_SECONDS, "5");
        String fingerprintBefore = google.compute().backendService("netra-backend-bs").getFingerprint();
        assertThat(change(BACKEND_SERVICE, Map.of(Attributes.BACKEND_TIMEOUT_SECONDS, "60")).succeeded()).isTrue();
        assertThat(gateway.read(BACKEND_SERVICE).attributes()).containsEntry(Attributes.BACKEND_TIMEOUT_SECONDS, "60")
                .containsEntry(Attributes.HEALTH_CHECKS, "netra-backend-hc");
        assertThat(google.compute().backendService("netra-backend-bs").getFingerprint()).isNotEqualTo(fingerprintBefore);
        assertThat(org.remediation.console.cloud.gcp.fake.HttpJson.overriddenPatches())
                .as("Compute's HTTP/JSON client sends PATCH as POST + X-HTTP-Method-Override").isGreaterThan(overriddenBefore);
    }

    @Test
    void regionalHealthChecksUseTheRegionalClientAndOperations() {
        google.compute().putHealthCheck("regions/us-central1", com.google.cloud.compute.v1.HealthCheck.newBuilder()
                .setName("netra-internal-hc").setType("TCP").setCheckIntervalSec(5).setTimeoutSec(5)
                .setHealthyThreshold(2).setUnhealthyThreshold(2).build());
        ResourceRef regional = ResourceRef.parse("HEALTH_CHECK/us-central1/netra-internal-hc");
        OperationHandle handle = gateway.apply(new CloudChange(regional, Map.of(Attributes.CHECK_TIMEOUT_SECONDS, "3"),
                gateway.read(regional).fingerprint()));
        assertThat(handle.id()).startsWith("compute/us-central1/");
        assertThat(awaitDone(gateway, handle).succeeded()).isTrue();
        assertThat(google.compute().healthCheck("regions/us-central1", "netra-internal-hc").getTimeoutSec()).isEqualTo(3);
        assertThat(google.compute().healthCheck("global", "netra-backend-hc").getTimeoutSec()).isEqualTo(5);
    }

    @Test
    void nonNumericValuesAndForeignOperationIdsAreTypedErrors() {
        String fp = gateway.read(HEALTH_CHECK).fingerprint();
        assertThatThrownBy(() -> gateway.apply(new CloudChange(HEALTH_CHECK, Map.of(Attributes.HEALTHY_THRESHOLD, "two"), fp)))
                .isInstanceOfSatisfying(CloudException.class,
                        e -> assertThat(e.kind()).isEqualTo(CloudException.Kind.INVALID_ARGUMENT));
        assertThatThrownBy(() -> gateway.poll(new OperationHandle("sandbox-op-1", HEALTH_CHECK, clock.instant())))
                .isInstanceOfSatisfying(CloudException.class,
                        e -> assertThat(e.kind()).isEqualTo(CloudException.Kind.NOT_FOUND));
    }

    @Test
    void certificatesAreReadOnly() {
        String fp = gateway.read(CERT).fingerprint();
        assertThatThrownBy(() -> gateway.apply(new CloudChange(CERT, Map.of(Attributes.MANAGED_STATUS, "ACTIVE"), fp)))
                .isInstanceOfSatisfying(CloudException.class,
                        e -> assertThat(e.kind()).isEqualTo(CloudException.Kind.INVALID_ARGUMENT));
    }

    @Test
    void refusesAChangePreviewedAgainstAnOlderStateWithoutCallingGoogle() {
        String stale = gateway.read(HEALTH_CHECK).fingerprint();
        change(HEALTH_CHECK, Map.of(Attributes.HEALTHY_THRESHOLD, "3"));
        long patches = google.faults().count("PATCH /compute/v1/");
        assertThatThrownBy(() -> gateway.apply(new CloudChange(HEALTH_CHECK,
                Map.of(Attributes.UNHEALTHY_THRESHOLD, "5"), stale)))
                .isInstanceOfSatisfying(CloudException.class, e -> {
                    assertThat(e.kind()).isEqualTo(CloudException.Kind.CONFLICT);
                    assertThat(e.getMessage()).contains("Preview again");
                });
        assertThat(google.faults().count("PATCH /compute/v1/")).isEqualTo(patches);
    }

    @Test
    void theResourceReaderMeasuresGoogleResourcesLikeSandboxOnes() {
        CloudResourceReader reader = new CloudResourceReader(gateway, clock);
        CloudReading cert = reader.read(CERT);
        assertThat(cert.healthy()).isTrue();
        assertThat(cert.measurement(CloudResourceReader.DAYS_TO_EXPIRY)).contains(60.0);
        CloudReading connector = reader.read(CONNECTOR);
        assertThat(connector.label(Attributes.STATE)).contains("READY");
        assertThat(connector.measurement(Attributes.MAX_INSTANCES)).contains(3.0);
        assertThat(reader.read(BACKEND).label(Attributes.LATEST_READY_REVISION)).contains("netra-backend-00002-def");
        assertThat(reader.read(SQL).label(Attributes.TIER)).contains("db-custom-2-7680");
    }

    @Test
    void anOperationCanBePolledByANewGatewayAfterARestart() {
        OperationHandle handle = gateway.apply(new CloudChange(SQL, Map.of(Attributes.TIER, "db-custom-4-15360"),
                gateway.read(SQL).fingerprint()));
        gateway.close();
        gateway = google.gateway(clock);
        assertThat(awaitDone(gateway, new OperationHandle(handle.id(), handle.ref(), handle.startedAt())).succeeded())
                .isTrue();
        assertThat(gateway.read(SQL).require(Attributes.TIER)).isEqualTo("db-custom-4-15360");
    }
}
