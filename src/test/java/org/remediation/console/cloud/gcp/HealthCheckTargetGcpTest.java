package org.remediation.console.cloud.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.cloud.compute.v1.HealthCheck;
import com.google.cloud.compute.v1.TCPHealthCheck;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.remediation.console.base.InvalidInputException;
import org.remediation.console.cloud.Attributes;
import org.remediation.console.cloud.CloudChange;
import org.remediation.console.cloud.CloudException;
import org.remediation.console.cloud.ResourceRef;
import org.remediation.console.cloud.ResourceState;
import org.remediation.console.cloud.gcp.fake.FakeGoogle;
import org.remediation.console.remediation.ActionCatalog;
import org.remediation.console.remediation.ActionKind;
import org.remediation.console.remediation.Preview;
import org.remediation.console.remediation.RemediationAction;

/**
 * Health check port and path through the Compute client: the port and path live in the sub-object of
 * the check's protocol, a patch sets only that one, and Compute (the fake) refuses any other.
 */
class HealthCheckTargetGcpTest {

    static final ResourceRef HTTP_CHECK = ResourceRef.parse("HEALTH_CHECK/global/netra-backend-hc");
    static final ResourceRef TCP_CHECK = ResourceRef.parse("HEALTH_CHECK/global/netra-redis-hc");

    final RemediationAction action = ActionCatalog.standard().get(ActionKind.HEALTH_CHECK_TARGET);
    FakeGoogle google;
    GcpCloudGateway gateway;

    @BeforeEach
    void start() {
        google = FakeGoogle.start();
        gateway = google.gateway(Clock.systemUTC());
        google.compute().putHealthCheck("global", HealthCheck.newBuilder().setName(TCP_CHECK.name()).setType("TCP")
                .setCheckIntervalSec(5).setTimeoutSec(5).setHealthyThreshold(2).setUnhealthyThreshold(2)
                .setTcpHealthCheck(TCPHealthCheck.newBuilder().setPort(6379)).build());
    }

    @AfterEach
    void stop() {
        gateway.close();
        google.close();
    }

    @Test
    void theSeedsPathAndPortLandInTheHttpSubObject() {
        ResourceState live = gateway.read(HTTP_CHECK);
        assertThat(live.attributes()).containsEntry(Attributes.PROTOCOL, "HTTP").containsEntry(Attributes.PORT, "8080")
                .containsEntry(Attributes.REQUEST_PATH, "/health");
        Map<String, String> desired = action.validate(Map.of("requestPath", "/health/basic", "port", "8000"), live);
        Preview preview = action.preview(live, desired, gateway.project());
        assertThat(preview.gcloud()).isEqualTo("gcloud compute health-checks update http netra-backend-hc --global"
                + " --port=8000 --request-path=/health/basic --project=" + FakeGoogle.PROJECT);

        GcpGatewayTest.awaitDone(gateway, action.apply(gateway, preview, java.util.UUID.randomUUID().toString()));

        HealthCheck stored = google.compute().healthCheck("global", HTTP_CHECK.name());
        assertThat(stored.getType()).isEqualTo("HTTP");
        assertThat(stored.getHttpHealthCheck().getPort()).isEqualTo(8000);
        assertThat(stored.getHttpHealthCheck().getRequestPath()).isEqualTo("/health/basic");
        assertThat(stored.hasTcpHealthCheck() || stored.hasHttpsHealthCheck()).isFalse();
        assertThat(action.verify(gateway.read(HTTP_CHECK), desired)).isEmpty();
    }

    @Test
    void aTcpCheckChangesItsPortAndRefusesAPath() {
        ResourceState live = gateway.read(TCP_CHECK);
        assertThat(live.attributes()).containsEntry(Attributes.PROTOCOL, "TCP").containsEntry(Attributes.PORT, "6379")
                .doesNotContainKey(Attributes.REQUEST_PATH);
        assertThatThrownBy(() -> action.validate(Map.of("requestPath", "/health/basic"), live))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems().getFirst().message())
                        .contains("TCP health check").contains("Only HTTP, HTTPS and HTTP/2"));

        Map<String, String> desired = action.validate(Map.of("port", "6380"), live);
        Preview preview = action.preview(live, desired, gateway.project());
        assertThat(preview.gcloud()).startsWith("gcloud compute health-checks update tcp netra-redis-hc --global");
        GcpGatewayTest.awaitDone(gateway, action.apply(gateway, preview, java.util.UUID.randomUUID().toString()));
        assertThat(google.compute().healthCheck("global", TCP_CHECK.name()).getTcpHealthCheck().getPort()).isEqualTo(6380);
    }

    @Test
    void theAdapterSendsNoPathForATcpCheckEvenWhenAskedDirectly() {
        ResourceState live = gateway.read(TCP_CHECK);
        assertThatThrownBy(() -> gateway.apply(new CloudChange(TCP_CHECK, Map.of(Attributes.REQUEST_PATH, "/x"),
                live.fingerprint()))).isInstanceOfSatisfying(CloudException.class,
                        e -> assertThat(e.kind()).isEqualTo(CloudException.Kind.INVALID_ARGUMENT));
        assertThat(gateway.read(TCP_CHECK).fingerprint()).isEqualTo(live.fingerprint());
    }

    @Test
    void computeRefusesASubObjectThatIsNotTheChecksType() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        google.httpEndpoint() + "compute/v1/projects/" + FakeGoogle.PROJECT + "/global/healthChecks/"
                                + HTTP_CHECK.name())).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"tcpHealthCheck\":{\"port\":80}}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("resource.tcpHealthCheck");
        assertThat(google.compute().healthCheck("global", HTTP_CHECK.name()).hasTcpHealthCheck()).isFalse();
    }
}
