package org.remediation.console.criteria;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.remediation.console.support.WebhookReceiver;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * One shared Spring context for criteria tests: the periodic round is pushed out of the way (tests
 * call it by hand with a controlled clock), the probe fixture stands in for the probe engine and
 * notifications go to the shared loopback {@link WebhookReceiver}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = {"console.criteria.reevaluate-interval=1h", "console.criteria.result-round-interval=1h"})
@Import(CriteriaTestConfig.class)
@ContextConfiguration(initializers = WebhookReceiver.Routes.class)
public @interface CriteriaSpringTest {
}
