package org.remediation.console.cloud.gcp;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import java.time.Duration;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.remediation.console.cloud.Attributes;
import org.remediation.console.cloud.CloudGateway;
import org.remediation.console.cloud.ResourceRef;
import org.remediation.console.cloud.gcp.fake.FakeGoogle;
import org.remediation.console.cloud.gcp.fake.Faults.Fault;
import org.remediation.console.cloud.gcp.ui.GcpDiagnosticsView;
import org.remediation.console.security.Role;
import org.remediation.console.support.As;
import org.remediation.console.support.KaribuTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The whole console with console.cloud.provider=gcp, pointed at the fake Google servers. */
class GcpConsoleIntegrationTest extends KaribuTest {

    static final FakeGoogle GOOGLE = FakeGoogle.start();

    @DynamicPropertySource
    static void google(DynamicPropertyRegistry registry) {
        GOOGLE.springProperties().forEach((k, v) -> registry.add(k, () -> v));
    }

    @Autowired
    CloudGateway gateway;
    @Autowired
    GcpDiagnostics diagnostics;

    @BeforeEach
    void startUpCheckHasRun() {
        // the start-up check runs in the background; let it finish before injecting faults
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> asAdmin(diagnostics::latest) != null);
        GOOGLE.faults().clear();
    }

    static <T> T asAdmin(Supplier<T> call) {
        return As.user("admin", Role.ADMIN, call);
    }

    @Test
    void theConsolesCloudIsGoogleWithTheConfiguredResources() {
        assertThat(gateway).isInstanceOf(GcpCloudGateway.class);
        assertThat(gateway.name()).isEqualTo("gcp");
        assertThat(gateway.resources()).hasSize(9);
        assertThat(gateway.read(ResourceRef.parse("VPC_CONNECTOR/us-central1/staging-connector"))
                .require(Attributes.MACHINE_TYPE)).isEqualTo("e2-micro");
    }

    @Test
    void diagnosticsReportEveryApiReachableWithItsPermissions() {
        GcpDiagnosisReport report = asAdmin(diagnostics::runNow);
        assertThat(report.enabled()).isTrue();
        assertThat(report.credentials()).contains("none");
        assertThat(report.apis()).extracting(ApiDiagnosis::api).containsExactly("vpcaccess.googleapis.com",
                "sqladmin.googleapis.com", "run.googleapis.com", "compute.googleapis.com", "redis.googleapis.com",
                "monitoring.googleapis.com");
        assertThat(report.apis()).allSatisfy(a -> assertThat(a.status()).isEqualTo(ApiDiagnosis.Status.OK));
        assertThat(report.allOk()).isTrue();
    }

    @Test
    void diagnosticsNameMissingPermissionsDisabledApisAndUnreachableOnes() {
        GOOGLE.faults().inject("GetConnector", Fault.permissionDenied("vpcaccess.connectors.get"));
        GOOGLE.faults().inject("GET /v1/projects/netra-staging/instances", Fault.serviceDisabled("sqladmin.googleapis.com"), 20);
        GOOGLE.faults().inject("GET /compute/v1/projects/netra-staging/global/sslCertificates", Fault.unavailable(), 20);
        GOOGLE.run().denyPermission("run.services.update");
        GOOGLE.faults().inject("GetInstance", Fault.permissionDenied("redis.instances.get"));
        try {
            GcpDiagnosisReport report = asAdmin(diagnostics::runNow);
            assertThat(report.apis().get(0).status()).isEqualTo(ApiDiagnosis.Status.MISSING_PERMISSIONS);
            assertThat(report.apis().get(0).missing()).containsExactly(
                    new ApiDiagnosis.MissingPermission("vpcaccess.connectors.get", "roles/vpcaccess.viewer"));
            assertThat(report.apis().get(1).status()).isEqualTo(ApiDiagnosis.Status.DISABLED);
            assertThat(report.apis().get(1).notes()).anyMatch(n -> n.contains("gcloud services enable sqladmin.googleapis.com"));
            assertThat(report.apis().get(2).missing()).contains(
                    new ApiDiagnosis.MissingPermission("run.services.update", "roles/run.developer"));
            assertThat(report.apis().get(3).status()).isEqualTo(ApiDiagnosis.Status.UNREACHABLE);
            assertThat(report.apis().get(4).missing()).containsExactly(
                    new ApiDiagnosis.MissingPermission("redis.instances.get", "roles/redis.viewer"));
            assertThat(report.allOk()).isFalse();
        } finally {
            GOOGLE.faults().clear();
            GOOGLE.run().allowAll();
        }
    }

    @Test
    void diagnosticsNameAMissingPermissionToListOperationsWhichBusyAndLostAnswersNeed() {
        GOOGLE.faults().inject("ListOperations", Fault.permissionDenied("run.operations.list"), 5);
        try {
            GcpDiagnosisReport report = asAdmin(diagnostics::runNow);
            ApiDiagnosis run = report.apis().stream().filter(a -> a.api().equals("run.googleapis.com")).findFirst().orElseThrow();
            assertThat(run.status()).isEqualTo(ApiDiagnosis.Status.MISSING_PERMISSIONS);
            assertThat(run.missing()).extracting(ApiDiagnosis.MissingPermission::permission).contains("run.operations.list");
        } finally {
            GOOGLE.faults().clear();
        }
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = "ADMIN", mode = EnumSource.Mode.EXCLUDE)
    void onlyAdminsMayRunOrReadDiagnostics(Role role) {
        assertThatThrownBy(() -> As.user("someone", role, diagnostics::runNow)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> As.user("someone", role, diagnostics::latest)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void theDiagnosticsPageShowsEveryApiAndRunsChecksOnDemand() {
        login("admin", Role.ADMIN);
        navigate("admin/google-cloud");
        _get(GcpDiagnosticsView.class);
        @SuppressWarnings("unchecked")
        Grid<ApiDiagnosis> apis = _get(Grid.class, spec -> spec.withId("gcp-apis"));
        assertThat(GridKt._size(apis)).isEqualTo(6);
        GOOGLE.faults().inject("GetConnector", Fault.permissionDenied("vpcaccess.connectors.get"));
        _click(_get(Button.class, spec -> spec.withId("gcp-run-checks")));
        // the grid follows the report's live event, delivered through ui.access: let queued UI work run
        com.github.mvysny.kaributesting.v10.MockVaadin.clientRoundtrip(false);
        assertThat(GridKt._get(apis, 0).status()).isEqualTo(ApiDiagnosis.Status.MISSING_PERMISSIONS);
        assertThat(_get(Paragraph.class, spec -> spec.withId("gcp-summary")).getText()).contains("action needed");
    }
}
