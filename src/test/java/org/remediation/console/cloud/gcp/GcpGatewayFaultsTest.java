package org.remediation.console.cloud.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.remediation.console.cloud.gcp.GcpGatewayTest.BACKEND;
import static org.remediation.console.cloud.gcp.GcpGatewayTest.BACKEND_SERVICE;
import static org.remediation.console.cloud.gcp.GcpGatewayTest.CONNECTOR;
import static org.remediation.console.cloud.gcp.GcpGatewayTest.HEALTH_CHECK;
import static org.remediation.console.cloud.gcp.GcpGatewayTest.SQL;
import static org.remediation.console.cloud.gcp.GcpGatewayTest.awaitDone;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.remediation.console.cloud.Attributes;
import org.remediation.console.cloud.CloudChange;
import org.remediation.console.cloud.CloudException;
import org.remediation.console.cloud.CloudException.Kind;
import org.remediation.console.cloud.OperationStatus;
import org.remediation.console.cloud.ResourceRef;
import org.remediation.console.cloud.gcp.fake.FakeGoogle;
import org.remediation.console.cloud.gcp.fake.Faults.Fault;

/** Every error class injected at the wire, on gRPC, discovery-JSON and GAPIC-JSON clients alike. */
class GcpGatewayFaultsTest {

    static final String SQL_PATH = "/v1/projects/netra-staging/instances/netra-staging-db";
    static final String HC_PATH = "/compute/v1/projects/netra-staging/global/healthChecks/netra-backend-hc";
    static final String BS_PATH = "/compute/v1/projects/netra-staging/global/backendServices/netra-backend-bs";
    static final String RUN_NAME = FakeGoogle.LOCATION + "/services/netra-backend";

    final Clock clock = Clock.systemUTC();
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

    CloudException applyFails(ResourceRef ref, Map<String, String> desired) {
        String fp = gateway.read(ref).fingerprint();
        return catchThrowableOfType(CloudException.class, () -> gateway.apply(new CloudChange(ref, desired, fp)));
    }

    static Stream<Arguments> permissionDenied() {
        return Stream.of(
                Arguments.of("gRPC read", "GetConnector", "vpcaccess.connectors.get", "roles/vpcaccess.viewer", CONNECTOR, null),
                Arguments.of("REST patch", "PATCH /v1/" + FakeGoogle.CONNECTOR, "vpcaccess.connectors.update",
                        "roles/vpcaccess.admin", CONNECTOR, Map.of(Attributes.MIN_INSTANCES, "3", Attributes.MAX_INSTANCES, "4")),
                Arguments.of("discovery patch", "PATCH " + SQL_PATH, "cloudsql.instances.update", "roles/cloudsql.editor",
                        SQL, Map.of(Attributes.TIER, "db-custom-4-15360")),
                Arguments.of("gRPC update", "UpdateService", "run.services.update", "roles/run.developer", BACKEND,
                        Map.of(Attributes.MEMORY, "1Gi")),
                Arguments.of("GAPIC-JSON patch", "PATCH " + HC_PATH, "compute.healthChecks.update",
                        "roles/compute.loadBalancerAdmin", HEALTH_CHECK, Map.of(Attributes.HEALTHY_THRESHOLD, "3")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void permissionDenied(String label, String request, String permission, String role, ResourceRef ref,
                          Map<String, String> desired) {
        CloudException e;
        if (desired == null) {
            google.faults().inject(request, Fault.permissionDenied(permission));
            e = catchThrowableOfType(CloudException.class, () -> gateway.read(ref));
        } else {
            String fp = gateway.read(ref).fingerprint();
            google.faults().inject(request, Fault.permissionDenied(permission));
            e = catchThrowableOfType(CloudException.class, () -> gateway.apply(new CloudChange(ref, desired, fp)));
        }
        assertThat(e.kind()).isEqualTo(Kind.PERMISSION_DENIED);
        assertThat(e.missingPermission()).isEqualTo(permission);
        assertThat(e.grantingRole()).isEqualTo(role);
        assertThat(e.getMessage()).contains(permission, role);
    }

    @Test
    void serviceDisabledNamesTheApiToEnable() {
        google.faults().inject("GetService", Fault.serviceDisabled("run.googleapis.com"));
        CloudException e = catchThrowableOfType(CloudException.class, () -> gateway.read(BACKEND));
        assertThat(e.kind()).isEqualTo(Kind.SERVICE_DISABLED);
        assertThat(e.getMessage()).contains("gcloud services enable run.googleapis.com --project=netra-staging");

        google.faults().inject("GET " + SQL_PATH, Fault.serviceDisabled("sqladmin.googleapis.com"));
        assertThat(catchThrowableOfType(CloudException.class, () -> gateway.read(SQL)).getMessage())
                .contains("sqladmin.googleapis.com");
    }

    @Test
    void rateLimitedThenSuccessIsRetriedTransparently() {
        google.faults().inject("GetConnector", Fault.rateLimited());
        google.faults().inject("GET " + HC_PATH, Fault.rateLimited());
        google.faults().inject("GET " + SQL_PATH, Fault.unavailable());
        assertThat(gateway.read(CONNECTOR).require(Attributes.STATE)).isEqualTo("READY");
        assertThat(gateway.read(HEALTH_CHECK).require(Attributes.CHECK_INTERVAL_SECONDS)).isEqualTo("5");
        assertThat(gateway.read(SQL).require(Attributes.STATE)).isEqualTo("RUNNABLE");
        assertThat(google.faults().count("GetConnector")).isEqualTo(2);
        assertThat(google.faults().count("GET " + HC_PATH)).isEqualTo(2);
        assertThat(google.faults().count("GET " + SQL_PATH)).isEqualTo(2);
    }

    @Test
    void unavailableIsRetriedBoundedThenReported() {
        google.faults().inject("GET " + SQL_PATH, Fault.unavailable(), 10);
        google.faults().inject("GetService", Fault.unavailable(), 10);
        assertThat(catchThrowableOfType(CloudException.class, () -> gateway.read(SQL)).kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(catchThrowableOfType(CloudException.class, () -> gateway.read(BACKEND)).kind())
                .isEqualTo(Kind.UNAVAILABLE);
        assertThat(google.faults().count("GET " + SQL_PATH)).as("max attempts").isEqualTo(3);
        assertThat(google.faults().count("GetService")).isEqualTo(3);
    }

    @Test
    void aChangeWhoseAnswerIsLateIsAnUnknownOutcomeAndNeverSentTwice() {
        gateway.close();
        gateway = new GcpCloudGateway(google.properties(Duration.ofMillis(400)), clock);
        String fp = gateway.read(CONNECTOR).fingerprint();
        google.faults().inject("PATCH /v1/" + FakeGoogle.CONNECTOR, Fault.slow(Duration.ofMillis(1500)));
        CloudException e = catchThrowableOfType(CloudException.class, () -> gateway.apply(new CloudChange(CONNECTOR,
                Map.of(Attributes.MIN_INSTANCES, "3", Attributes.MAX_INSTANCES, "4"), fp)));
        assertThat(e.kind()).isEqualTo(Kind.OUTCOME_UNKNOWN);
        assertThat(e.getMessage()).contains("may or may not have been accepted");
        assertThat(google.faults().count("PATCH /v1/")).as("not retried").isEqualTo(1);

        google.faults().inject("UpdateService", Fault.slow(Duration.ofMillis(1500)));
        assertThat(applyFails(BACKEND, Map.of(Attributes.CPU, "2")).kind()).isEqualTo(Kind.OUTCOME_UNKNOWN);
        assertThat(google.faults().count("UpdateService")).isEqualTo(1);

        google.faults().inject("PATCH " + SQL_PATH, Fault.slow(Duration.ofMillis(1500)));
        assertThat(applyFails(SQL, Map.of(Attributes.TIER, "db-custom-4-15360")).kind()).isEqualTo(Kind.OUTCOME_UNKNOWN);
        google.faults().inject("PATCH " + HC_PATH, Fault.slow(Duration.ofMillis(1500)));
        assertThat(applyFails(HEALTH_CHECK, Map.of(Attributes.HEALTHY_THRESHOLD, "3")).kind())
                .isEqualTo(Kind.OUTCOME_UNKNOWN);
        assertThat(google.faults().count("PATCH " + SQL_PATH)).isEqualTo(1);
        assertThat(google.faults().count("PATCH " + HC_PATH)).isEqualTo(1);
    }

    @Test
    void aReadThatTimesOutIsReportedAsATimeout() {
        gateway.close();
        gateway = new GcpCloudGateway(google.properties(Duration.ofMillis(400)), clock);
        gateway.read(SQL);
        google.faults().inject("GET " + SQL_PATH, Fault.slow(Duration.ofMillis(1500)));
        CloudException e = catchThrowableOfType(CloudException.class, () -> gateway.read(SQL));
        assertThat(e.kind()).isEqualTo(Kind.DEADLINE_EXCEEDED);
        assertThat(google.faults().count("GET " + SQL_PATH)).as("a timed-out read is not retried").isEqualTo(2);
    }

    @Test
    void conflictsAskForANewPreview() {
        google.faults().inject("UpdateService", Fault.conflict());
        assertThat(applyFails(BACKEND, Map.of(Attributes.CPU, "2")).kind()).isEqualTo(Kind.CONFLICT);
        google.faults().inject("PATCH " + BS_PATH, Fault.preconditionFailed());
        CloudException e = applyFails(BACKEND_SERVICE, Map.of(Attributes.BACKEND_TIMEOUT_SECONDS, "60"));
        assertThat(e.kind()).isEqualTo(Kind.CONFLICT);
        assertThat(e.getMessage()).contains("Preview again");
        google.faults().inject("PATCH " + SQL_PATH, Fault.conflict());
        assertThat(applyFails(SQL, Map.of(Attributes.TIER, "db-custom-4-15360")).kind()).isEqualTo(Kind.CONFLICT);
        assertThat(google.faults().count("PATCH " + SQL_PATH)).as("never retried").isEqualTo(1);
    }

    static Stream<Arguments> operationEndsInError() {
        return Stream.of(
                Arguments.of(CONNECTOR, Map.of(Attributes.MIN_INSTANCES, "3", Attributes.MAX_INSTANCES, "10")),
                Arguments.of(SQL, Map.of(Attributes.TIER, "db-custom-4-15360")),
                Arguments.of(BACKEND, Map.of(Attributes.MEMORY, "1Gi")),
                Arguments.of(HEALTH_CHECK, Map.of(Attributes.HEALTHY_THRESHOLD, "3")));
    }

    @ParameterizedTest
    @MethodSource
    void operationEndsInError(ResourceRef ref, Map<String, String> desired) {
        String message = "Quota 'CONNECTOR_INSTANCES' exceeded in region us-central1";
        google.vpcAccess().failNextOperation(message);
        google.sqlAdmin().failNextOperation(message);
        google.run().failNextOperation(message);
        google.compute().failNextOperation(message);
        Map<String, String> before = gateway.read(ref).attributes();
        OperationStatus status = awaitDone(gateway, gateway.apply(new CloudChange(ref, desired,
                gateway.read(ref).fingerprint())));
        assertThat(status.failed()).isTrue();
        assertThat(status.error()).contains(message);
        Map<String, String> after = gateway.read(ref).attributes();
        desired.forEach((k, v) -> assertThat(after.get(k)).as(k + " unchanged").isEqualTo(before.get(k)));
    }
}
