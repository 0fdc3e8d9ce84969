package org.remediation.console.cloud.sandbox;

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
 */
@ConfigurationProperties("console.sandbox")
public record SandboxProperties(@DefaultValue("6s") Duration operationDuration,
                                @DefaultValue("1278") long seed,
                                @DefaultValue("1500") int demoLoadMbps,
                                @DefaultValue("8s") Duration maxEndpointDelay,
                                Map<String, Fault> faults) {

    public SandboxProperties {
        faults = faults == null ? Map.of() : Map.copyOf(faults);
    }
}
