package org.remediation.console.cloud.sandbox;

import java.time.Clock;
import org.remediation.console.cloud.CloudGateway;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/** Makes the sandbox the console's cloud when {@code console.cloud.provider=sandbox} (the default). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "console.cloud.provider", havingValue = "sandbox", matchIfMissing = true)
class SandboxConfiguration {

    @Bean
    CloudGateway sandboxCloudGateway(SandboxStore store, Clock clock, SandboxProperties properties,
                                     PlatformTransactionManager txm) {
        return new SandboxCloudGateway(store, clock, properties, txm);
    }

    @Bean
    org.remediation.console.cloud.CloudMetrics sandboxMetrics(SandboxStore store, EndpointSimulator simulator,
                                                              SandboxProperties properties) {
        return new SandboxMetrics(new SandboxSeries(store, simulator, properties.demoLoadMbps()));
    }

    @Bean
    SandboxSeeder sandboxSeeder(SandboxStore store, Clock clock, SandboxProperties properties,
                                org.remediation.console.audit.AuditService audit, PlatformTransactionManager txm,
                                org.remediation.console.base.cluster.Cluster cluster) {
        return new SandboxSeeder(store, clock, properties, audit, txm, cluster);
    }

    @Bean
    SandboxAdminService sandboxAdminService(SandboxStore store, Clock clock,
                                            org.remediation.console.audit.AuditService audit,
                                            org.springframework.context.ApplicationEventPublisher events, SandboxSeeder seeder) {
        return new SandboxAdminService(store, clock, audit, events, seeder);
    }

    @Bean
    EndpointSimulator endpointSimulator(SandboxStore store, SandboxProperties properties) {
        return new EndpointSimulator(store, properties);
    }

    /** The DNS stand-in for the staging host name, on 127.0.0.1 only, with the sandbox only. */
    @Bean
    DnsStandIn sandboxDnsStandIn(EndpointSimulator simulator, SandboxProperties properties) {
        return new DnsStandIn(simulator, properties.dnsPort());
    }

    /** The TLS stand-in with a certificate generated at start, on 127.0.0.1 only, with the sandbox only. */
    @Bean
    TlsStandIn sandboxTlsStandIn(EndpointSimulator simulator, SandboxProperties properties, Clock clock) {
        return new TlsStandIn(simulator, properties.tlsPort(), properties.tlsCaFile(), clock);
    }
}
