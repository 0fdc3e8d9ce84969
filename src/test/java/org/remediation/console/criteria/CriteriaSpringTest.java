package org.remediation.console.criteria;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * One shared Spring context for criteria tests: the periodic round is pushed out of the way (tests
 * call it by hand with a controlled clock) and the probe fixture stands in for the probe engine.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = {"console.criteria.reevaluate-interval=1h",
        "console.criteria.webhook-url=http://127.0.0.1:${criteria.test.webhook-port}/hook"})
@Import(CriteriaTestConfig.class)
public @interface CriteriaSpringTest {
}
