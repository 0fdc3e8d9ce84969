package org.remediation.console.probe;

import java.time.Instant;
import org.remediation.console.support.MutableClock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** A hand-moved clock for the tests of EXTERNAL targets, so staleness is decided by the test, not by waiting. */
@TestConfiguration(proxyBeanMethods = false)
class ExternalTestConfig {

    @Bean
    @Primary
    MutableClock externalTestClock() {
        return new MutableClock(Instant.parse("2026-12-01T06:00:00Z"));
    }
}
