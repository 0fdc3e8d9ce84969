package org.remediation.console.cloud.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.remediation.console.cloud.CloudException;
import org.remediation.console.cloud.CloudException.Kind;

class GcpCallsTest {

    final List<Duration> pauses = new ArrayList<>();
    final GcpCalls calls = new GcpCalls(new GcpProperties.Retry(4, Duration.ofMillis(100), Duration.ofMillis(250), 2.0),
            "p", pauses::add);

    @RepeatedTest(20)
    void backoffIsExponentialCappedAndJittered() {
        assertThat(calls.backoff(1)).isBetween(Duration.ZERO, Duration.ofMillis(100));
        assertThat(calls.backoff(2)).isBetween(Duration.ZERO, Duration.ofMillis(200));
        assertThat(calls.backoff(3)).isBetween(Duration.ZERO, Duration.ofMillis(250));
        assertThat(calls.backoff(10)).isBetween(Duration.ZERO, Duration.ofMillis(250));
    }

    @Test
    void retriesRateLimitsAndOutagesAtMostMaxAttemptsTimes() {
        AtomicInteger attempts = new AtomicInteger();
        CloudException e = catchThrowableOfType(CloudException.class, () -> calls.call("x.googleapis.com", () -> {
            attempts.incrementAndGet();
            throw new CloudException(Kind.RATE_LIMITED, "slow down");
        }));
        assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(attempts).hasValue(4);
        assertThat(pauses).hasSize(3);
    }

    @Test
    void neverRetriesATimeoutOrAConflict() {
        AtomicInteger attempts = new AtomicInteger();
        CloudException e = catchThrowableOfType(CloudException.class, () -> calls.call("x.googleapis.com", () -> {
            attempts.incrementAndGet();
            throw new SocketTimeoutException("Read timed out");
        }));
        assertThat(e.kind()).isEqualTo(Kind.DEADLINE_EXCEEDED);
        assertThat(calls.call("x", () -> "fine")).isEqualTo("fine");
        catchThrowableOfType(CloudException.class, () -> calls.call("x", () -> {
            attempts.incrementAndGet();
            throw new CloudException(Kind.CONFLICT, "changed");
        }));
        assertThat(attempts).hasValue(2);
        assertThat(pauses).isEmpty();
    }

    @Test
    void loopbackEndpointsAreRecognised() {
        assertThat(GcpProperties.Endpoints.isLoopback("127.0.0.1:9000")).isTrue();
        assertThat(GcpProperties.Endpoints.isLoopback("http://localhost:9000/")).isTrue();
        assertThat(GcpProperties.Endpoints.isLoopback("https://sqladmin.googleapis.com/")).isFalse();
        assertThat(GcpProperties.Endpoints.isLoopback("vpcaccess.googleapis.com:443")).isFalse();
        assertThat(GcpProperties.Endpoints.isLoopback("")).isFalse();
    }

    @Test
    void unknownPermissionsFallBackToTheServicesViewerOrAdminRole() {
        assertThat(PermissionRoles.grantingRole("compute.backendServices.update")).isEqualTo("roles/compute.loadBalancerAdmin");
        assertThat(PermissionRoles.grantingRole("compute.urlMaps.get")).isEqualTo("roles/compute.viewer");
        assertThat(PermissionRoles.grantingRole("run.services.update")).isEqualTo("roles/run.developer");
    }
}
