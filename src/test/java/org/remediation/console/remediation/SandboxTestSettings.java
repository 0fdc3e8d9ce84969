package org.remediation.console.remediation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.remediation.console.support.WebhookReceiver;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

/**
 * One shared test setup for the remediation and sandbox tests (so Spring caches one context): short
 * operations, fast polling, a movable clock, a hand-set signal source, a loopback webhook receiver
 * a capture of timeline notes and cluster liveness set by the test.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@TestPropertySource(properties = {"console.sandbox.operation-duration=400ms", "console.remediation.poll-interval=50ms"})
@Import(SandboxTestSettings.Beans.class)
@ContextConfiguration(initializers = WebhookReceiver.Routes.class)
public @interface SandboxTestSettings {

    @TestConfiguration(proxyBeanMethods = false)
    class Beans {
        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock();
        }

        @Bean
        @org.springframework.context.annotation.Primary
        TestSignals testSignals() {
            return new TestSignals();
        }

        @Bean
        @Primary
        TestNodes testNodes() {
            return new TestNodes();
        }

        @Bean
        TimelineCapture timelineCapture() {
            return new TimelineCapture();
        }

    }
}
