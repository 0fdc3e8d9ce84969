package org.remediation.console.audit;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Before anything is audited at start: the key is loaded (or generated), so a bad key file refuses the start. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class AuditStartup implements ApplicationRunner {

    private final AuditKeySource keys;

    AuditStartup(AuditKeySource keys) {
        this.keys = keys;
    }

    @Override
    public void run(ApplicationArguments args) {
        keys.keys();
    }
}
