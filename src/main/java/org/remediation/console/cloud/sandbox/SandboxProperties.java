package org.remediation.console.cloud.sandbox;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The sandbox cloud (active when {@code console.cloud.provider=sandbox}, the default).
 *
 * @param operationDuration how long a simulated operation takes from start to done; tests set it short
 * @param seed seed of the random source behind the simulated endpoints' latency jitter and errors, so
 *     runs are repeatable
 * @param demoLoadMbps the fixed demo traffic the VPC connector must carry; with the #1278 connector
 *     (3 × e2-micro) it is saturated, after a scale-up it is not
 * @param maxEndpointDelay upper bound on the simulated latency of one endpoint call
 * @param faults faults injected at start-up, by target: a resource ({@code [VPC_CONNECTOR/us-central1/staging-connector]})
 *     or an operation kind ({@code connector.update}) mapped to FAIL, HANG, RATE_LIMIT or PERMISSION_DENIED
 * @param dnsPort UDP port of the DNS stand-in on 127.0.0.1 (answers {@code staging.netrasystems.ai}); 0 picks
 *     a free port (tests); the demo target {@code dns-staging} expects the default
 * @param tlsPort TCP port of the TLS stand-in on 127.0.0.1 (a certificate for {@code staging.netrasystems.ai});
 *     0 picks a free port (tests); the demo target {@code tls-staging} expects the default
 * @param tlsCaFile where the TLS stand-in writes the PEM of the CA it generates at start, so the TLS probe
 *     can trust it ({@code caFile}); the demo target {@code tls-staging} expects the default
 */
@ConfigurationProperties("console.sandbox")
public record SandboxProperties(@DefaultValue("6s") Duration operationDuration,
                                @DefaultValue("1278") long seed,
                                @DefaultValue("1500") int demoLoadMbps,
                                @DefaultValue("8s") Duration maxEndpointDelay,
                                Map<String, Fault> faults,
                                @DefaultValue("10053") int dnsPort,
                                @DefaultValue("10443") int tlsPort,
                                @DefaultValue("data/sandbox-ca.pem") Path tlsCaFile) {

    public SandboxProperties {
        faults = faults == null ? Map.of() : Map.copyOf(faults);
    }
}
