package org.remediation.console.base.egress;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The egress policy from {@code console.egress.allow} and {@code console.egress.deny} (comma-separated blocks). */
@Configuration(proxyBeanMethods = false)
class EgressConfig {

    @Bean
    EgressPolicy egressPolicy(@Value("${console.egress.allow:}") String allow, @Value("${console.egress.deny:}") String deny) {
        return EgressPolicy.of(allow, deny);
    }
}
