package org.remediation.console.cloud.gcp;

import com.google.cloud.compute.v1.GRPCHealthCheck;
import com.google.cloud.compute.v1.HTTP2HealthCheck;
import com.google.cloud.compute.v1.HTTPHealthCheck;
import com.google.cloud.compute.v1.HTTPSHealthCheck;
import com.google.cloud.compute.v1.HealthCheck;
import com.google.cloud.compute.v1.SSLHealthCheck;
import com.google.cloud.compute.v1.TCPHealthCheck;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.remediation.console.cloud.Attributes;
import org.remediation.console.cloud.CloudException;

/**
 * A health check's port and request path live in the sub-object of its protocol
 * ({@code httpHealthCheck}, {@code tcpHealthCheck}, …; https://cloud.google.com/compute/docs/reference/rest/v1/healthChecks):
 * reading picks the one matching {@code type}, a patch sets only that one (PATCH is a JSON merge
 * patch, so the sub-object's other fields stay).
 */
final class HealthCheckTarget {

    @Nullable Integer port;
    @Nullable String requestPath;

    boolean changes() {
        return port != null || requestPath != null;
    }

    static void read(HealthCheck hc, Map<String, String> a) {
        switch (hc.getType()) {
            case "HTTP" -> put(a, hc.getHttpHealthCheck().hasPort(), hc.getHttpHealthCheck().getPort(),
                    hc.getHttpHealthCheck().hasRequestPath() ? hc.getHttpHealthCheck().getRequestPath() : "/");
            case "HTTPS" -> put(a, hc.getHttpsHealthCheck().hasPort(), hc.getHttpsHealthCheck().getPort(),
                    hc.getHttpsHealthCheck().hasRequestPath() ? hc.getHttpsHealthCheck().getRequestPath() : "/");
            case "HTTP2" -> put(a, hc.getHttp2HealthCheck().hasPort(), hc.getHttp2HealthCheck().getPort(),
                    hc.getHttp2HealthCheck().hasRequestPath() ? hc.getHttp2HealthCheck().getRequestPath() : "/");
            case "TCP" -> put(a, hc.getTcpHealthCheck().hasPort(), hc.getTcpHealthCheck().getPort(), null);
            case "SSL" -> put(a, hc.getSslHealthCheck().hasPort(), hc.getSslHealthCheck().getPort(), null);
            case "GRPC" -> put(a, hc.getGrpcHealthCheck().hasPort(), hc.getGrpcHealthCheck().getPort(), null);
            default -> { } // a type this console does not know: no port or path to show
        }
    }

    /** The path defaults to "/" when unset (HTTPHealthCheck.requestPath's documented default). */
    private static void put(Map<String, String> a, boolean hasPort, int port, @Nullable String path) {
        if (hasPort) {
            a.put(Attributes.PORT, Integer.toString(port));
        }
        if (path != null) {
            a.put(Attributes.REQUEST_PATH, path);
        }
    }

    void into(String type, HealthCheck.Builder patch) {
        switch (type) {
            case "HTTP" -> {
                HTTPHealthCheck.Builder b = HTTPHealthCheck.newBuilder();
                if (port != null) {
                    b.setPort(port);
                }
                if (requestPath != null) {
                    b.setRequestPath(requestPath);
                }
                patch.setHttpHealthCheck(b);
            }
            case "HTTPS" -> {
                HTTPSHealthCheck.Builder b = HTTPSHealthCheck.newBuilder();
                if (port != null) {
                    b.setPort(port);
                }
                if (requestPath != null) {
                    b.setRequestPath(requestPath);
                }
                patch.setHttpsHealthCheck(b);
            }
            case "HTTP2" -> {
                HTTP2HealthCheck.Builder b = HTTP2HealthCheck.newBuilder();
                if (port != null) {
                    b.setPort(port);
                }
                if (requestPath != null) {
                    b.setRequestPath(requestPath);
                }
                patch.setHttp2HealthCheck(b);
            }
            case "TCP", "SSL", "GRPC" -> {
                if (requestPath != null) {
                    throw new CloudException(CloudException.Kind.INVALID_ARGUMENT,
                            "A " + type + " health check has no request path; only HTTP, HTTPS and HTTP/2 checks do.");
                }
                if (port != null && type.equals("TCP")) {
                    patch.setTcpHealthCheck(TCPHealthCheck.newBuilder().setPort(port));
                } else if (port != null && type.equals("SSL")) {
                    patch.setSslHealthCheck(SSLHealthCheck.newBuilder().setPort(port));
                } else if (port != null) {
                    patch.setGrpcHealthCheck(GRPCHealthCheck.newBuilder().setPort(port));
                }
            }
            default -> throw new CloudException(CloudException.Kind.INVALID_ARGUMENT,
                    "This console cannot change the port or path of a " + type + " health check.");
        }
    }
}
