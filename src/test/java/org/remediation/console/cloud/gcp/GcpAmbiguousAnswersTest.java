package org.remediation.console.cloud.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.remediation.console.cloud.gcp.GcpGatewayTest.BACKEND;
import static org.remediation.console.cloud.gcp.GcpGatewayTest.CONNECTOR;
import static org.remediation.console.cloud.gcp.GcpGatewayTest.HEALTH_CHECK;
import static org.remediation.console.cloud.gcp.GcpGatewayTest.SQL;
import static org.remediation.console.cloud.gcp.GcpGatewayTest.awaitDone;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.remediation.console.cloud.Attributes;
import org.remediation.console.cloud.CloudChange;
import org.remediation.console.cloud.CloudException;
import org.remediation.console.cloud.CloudException.Kind;
import org.remediation.console.cloud.OperationHandle;
import org.remediation.console.cloud.OperationStatus;
import org.remediation.console.cloud.ResourceRef;
import org.remediation.console.cloud.gcp.fake.FakeGoogle;
import org.remediation.console.cloud.gcp.fake.Faults.Fault;

/**
 * Answers that are easy to misread: a busy instance, a lost answer to an accepted change, an
 * internal error, credentials that are missing or name no quota project. Each over the wire.
 */
class GcpAmbiguousAnswersTest {

    static final String SQL_PATH = "/v1/projects/netra-staging/instances/netra-staging-db";

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

    private CloudChange change(ResourceRef ref, Map<String, String> desired) {
        return new CloudChange(ref, desired, gateway.read(ref).fingerprint());
    }

    @Test
    void aMissingQuotaProjectSaysHowToSetOneNotToEnableTheApi() {
        google.faults().inject("GET " + SQL_PATH, Fault.quotaProjectMissing("sqladmin.googleapis.com"));
        CloudException e = catchThrowableOfType(CloudException.class, () -> gateway.read(SQL));
        assertThat(e.kind()).isEqualTo(Kind.CREDENTIALS);
        assertThat(e.getMessage()).contains("gcloud auth application-default set-quota-project netra-staging")
                .doesNotContain("services enable");
        assertThat(google.faults().count("GET " + SQL_PATH)).as("not retried").isEqualTo(1);

        google.faults().inject("GetService", Fault.quotaProjectMissing("run.googleapis.com"));
        assertThat(catchThrowableOfType(CloudException.class, () -> gateway.read(BACKEND)).kind()).isEqualTo(Kind.CREDENTIALS);
    }

    @Test
    void missingApplicationDefaultCredentialsAreNamedAndNeverRetried(@TempDir Path home) throws Exception {
        Files.createDirectories(home.resolve(".config/gcloud"));
        String saved = System.getProperty("user.home");
        // google-auth looks for gcloud's credentials file under user.home; an empty home has none
        System.setProperty("user.home", home.toString());
        List<Duration> pauses = new java.util.concurrent.CopyOnWriteArrayList<>();
        GcpProperties props = google.properties();
        GcpProperties noLoopback = new GcpProperties(props.project(), props.regions(), props.resources(),
                new GcpProperties.Endpoints(props.endpoints().vpcAccess(), props.endpoints().vpcAccessRest(),
                        "https://sqladmin.googleapis.com/", props.endpoints().run(), props.endpoints().compute(),
                        props.endpoints().redis(), props.endpoints().monitoring()),
                props.polling(), props.retry(), props.callTimeout());
        try (GcpCloudGateway withoutCredentials = new GcpCloudGateway(noLoopback, Clock.systemUTC(), pauses::add)) {
            CloudException e = catchThrowableOfType(CloudException.class, () -> withoutCredentials.read(SQL));
            assertThat(e.kind()).isEqualTo(Kind.CREDENTIALS);
            assertThat(e.getMessage()).contains("GOOGLE_APPLICATION_CREDENTIALS").contains("application-default login");
            assertThat(pauses).as("not retried as if Google were unreachable").isEmpty();
        } finally {
            System.setProperty("user.home", saved);
        }
    }

    @Test
    void anInternalErrorIsRetriedForAReadButMakesAChangesOutcomeUnknown() {
        google.faults().inject("GET " + SQL_PATH, Fault.internal());
        assertThat(gateway.read(SQL).require(Attributes.STATE)).isEqualTo("RUNNABLE");
        assertThat(google.faults().count("GET " + SQL_PATH)).isEqualTo(2);

        google.faults().inject("UpdateService", Fault.internal());
        CloudException e = catchThrowableOfType(CloudException.class,
                () -> gateway.apply(change(BACKEND, Map.of(Attributes.MEMORY, "1Gi"))));
        assertThat(e.kind()).isEqualTo(Kind.OUTCOME_UNKNOWN);
        assertThat(e.getMessage()).doesNotContain("invalid");
        assertThat(google.faults().count("UpdateService")).as("sent once").isEqualTo(1);
    }

    @Test
    void aBusyInstanceIsBusyAndNamesTheOperationInTheWay() {
        String backup = google.sqlAdmin().startOperation("netra-staging-db", "BACKUP_VOLUME");
        CloudException e = catchThrowableOfType(CloudException.class,
                () -> gateway.apply(change(SQL, Map.of(Attributes.TIER, "db-custom-4-15360"))));
        assertThat(e.kind()).isEqualTo(Kind.BUSY);
        assertThat(e.getMessage()).contains("another operation was already in progress");
        Optional<OperationStatus> running = gateway.runningOperation(SQL);
        assertThat(running).hasValueSatisfying(op -> assertThat(op.message()).contains(backup).contains("BACKUP_VOLUME"));

        google.sqlAdmin().finishOperation(backup);
        assertThat(gateway.runningOperation(SQL)).isEmpty();
        OperationStatus done = awaitDone(gateway, gateway.apply(change(SQL, Map.of(Attributes.TIER, "db-custom-4-15360"))));
        assertThat(done.succeeded()).isTrue();
    }

    static Stream<Arguments> changes() {
        return Stream.of(
                Arguments.of(CONNECTOR, "PATCH /v1/" + FakeGoogle.CONNECTOR, Map.of(Attributes.MIN_INSTANCES, "3",
                        Attributes.MAX_INSTANCES, "4")),
                Arguments.of(SQL, "PATCH " + SQL_PATH, Map.of(Attributes.TIER, "db-custom-4-15360")),
                Arguments.of(BACKEND, "UpdateService", Map.of(Attributes.MEMORY, "1Gi")),
                Arguments.of(HEALTH_CHECK, "PATCH /compute/v1/projects/netra-staging/global/healthChecks/netra-backend-hc",
                        Map.of(Attributes.HEALTHY_THRESHOLD, "3")));
    }

    @ParameterizedTest
    @MethodSource("changes")
    void aChangeWhoseAnswerWasLostIsFoundAgainAmongTheResourcesOperations(ResourceRef ref, String request,
                                                                          Map<String, String> desired) {
        assertThat(gateway.runningOperation(ref)).isEmpty();
        google.faults().loseAnswer(request, Fault.internal(), 1);
        CloudException e = catchThrowableOfType(CloudException.class, () -> gateway.apply(change(ref, desired)));
        assertThat(e.kind()).isEqualTo(Kind.OUTCOME_UNKNOWN);

        OperationStatus found = gateway.runningOperation(ref).orElseThrow(
                () -> new AssertionError("the accepted change's operation is not listed"));
        assertThat(awaitDone(gateway, new OperationHandle(found.id(), ref, java.time.Instant.now())).succeeded()).isTrue();
        desired.forEach((k, v) -> assertThat(gateway.read(ref).require(k)).isEqualTo(v));
        assertThat(gateway.runningOperation(ref)).isEmpty();
    }

    @Test
    void computeStartsAChangeSentTwiceWithOneRequestIdOnlyOnce() {
        String requestId = UUID.randomUUID().toString();
        CloudChange change = new CloudChange(HEALTH_CHECK, Map.of(Attributes.HEALTHY_THRESHOLD, "4"),
                gateway.read(HEALTH_CHECK).fingerprint(), requestId);
        google.faults().loseAnswer("PATCH /compute/v1/", Fault.unavailable(), 1);
        assertThat(catchThrowableOfType(CloudException.class, () -> gateway.apply(change)).kind())
                .isEqualTo(Kind.OUTCOME_UNKNOWN);
        OperationHandle again = gateway.apply(change);
        assertThat(google.compute().startedChanges()).isEqualTo(1);
        assertThat(gateway.runningOperation(HEALTH_CHECK)).hasValueSatisfying(op -> assertThat(op.id()).isEqualTo(again.id()));
        assertThat(awaitDone(gateway, again).succeeded()).isTrue();
        assertThat(gateway.read(HEALTH_CHECK).require(Attributes.HEALTHY_THRESHOLD)).isEqualTo("4");
    }
}
