package org.remediation.console.cloud.gcp;

import java.time.Clock;
import org.remediation.console.cloud.CloudMetrics;
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

    /** Cloud Monitoring reads for GCP_METRIC probes (MonitoringAdapter). */
    @Bean
    @Primary
    @ConditionalOnProperty(name = "console.cloud.provider", havingValue = "gcp")
    CloudMetrics gcpMetrics(GcpCloudGateway gateway) {
        // the gateway owns the Monitoring client and closes it with the others
        return gateway.metrics();
    }
}
