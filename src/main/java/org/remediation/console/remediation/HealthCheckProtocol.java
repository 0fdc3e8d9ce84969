package org.remediation.console.remediation;

import java.util.Locale;
import java.util.Optional;
import org.remediation.console.cloud.Attributes;
import org.remediation.console.cloud.ResourceState;

/**
 * A load-balancer health check's protocol (Compute's {@code HealthCheck.type}). gcloud updates each
 * with its own command ({@code gcloud compute health-checks update http|https|http2|tcp|ssl|grpc NAME},
 * https://cloud.google.com/sdk/gcloud/reference/compute/health-checks/update), and only HTTP, HTTPS
 * and HTTP/2 checks have a request path.
 */
enum HealthCheckProtocol {
    TCP, SSL, HTTP, HTTPS, HTTP2, GRPC;

    boolean hasRequestPath() {
        return this == HTTP || this == HTTPS || this == HTTP2;
    }

    /** gcloud's sub-command: {@code http2}, {@code tcp}, … */
    String gcloudWord() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<HealthCheckProtocol> of(ResourceState live) {
        String type = live.get(Attributes.PROTOCOL).orElse("");
        for (HealthCheckProtocol p : values()) {
            if (p.name().equals(type)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** {@code gcloud compute health-checks update <protocol> NAME --global|--region=R}, from the live check. */
    static GcloudLine update(ResourceState live) {
        HealthCheckProtocol protocol = of(live).orElseThrow(() -> new IllegalStateException(live.ref()
                + " reports no known protocol ('" + live.get(Attributes.PROTOCOL).orElse("") + "')"));
        return GcloudLine.command("compute", "health-checks", "update", protocol.gcloudWord()).name(live.ref().name())
                .location(live.ref());
    }
}
