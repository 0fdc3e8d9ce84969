package org.remediation.console.cloud.gcp;

import org.remediation.console.base.identity.SystemActor;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Diagnoses the Google APIs once the console is up, in the background and as the system. */
@Component
class GcpStartupCheck {

    private final GcpDiagnostics diagnostics;

    GcpStartupCheck(GcpDiagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    @EventListener(ApplicationReadyEvent.class)
    void afterStartUp() {
        if (SystemActor.call(diagnostics::enabled)) {
            Thread.ofVirtual().name("gcp-diagnostics").start(() -> SystemActor.run(diagnostics::checkAndLog));
        }
    }
}
