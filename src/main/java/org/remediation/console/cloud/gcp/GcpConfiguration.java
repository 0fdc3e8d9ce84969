package org.remediation.console.cloud.gcp;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Makes Google Cloud the console's cloud when {@code console.cloud.provider=gcp}. The sandbox stays
 * the default; {@code @Primary} lets both beans coexist should the sandbox be registered too.
 */
@Configuration(proxyBeanMethods = false)
class GcpConfiguration {

    @Bean(destroyMethod = "close")
    @Primary
    @ConditionalOnProperty(name = "console.cloud.provider", havingValue = "gcp")
    GcpCloudGateway gcpCloudGateway(GcpProperties properties, Clock clock) {
        return new GcpCloudGateway(properties, clock);
    }

    /** Cloud Monitoring reads for GCP_METRIC probes. */
    @Bean
    @Primary
    @ConditionalOnProperty(name = "console.cloud.provider", havingValue = "gcp")
    org.remediation.console.cloud.CloudMetrics gcpMetrics() {
        return new org.remediation.console.cloud.CloudMetrics() {
            @Override
            public String name() {
                return "gcp";
            }

            @Override
            public org.remediation.console.cloud.MetricAnswer read(org.remediation.console.cloud.MetricQuery query) {
                throw new org.remediation.console.cloud.CloudException(org.remediation.console.cloud.CloudException.Kind.UNAVAILABLE,
                        "Cloud Monitoring reads are being built (issue 18).");
            }
        };
    }
}
