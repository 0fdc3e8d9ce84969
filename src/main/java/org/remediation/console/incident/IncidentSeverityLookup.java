package org.remediation.console.incident;

import org.remediation.console.base.identity.SystemActor;
import java.util.Optional;
import org.remediation.console.notify.SeverityLookup;
import org.springframework.stereotype.Component;

/** Tells the notifier an incident's severity, so routes can match on it (e.g. only P0 and P1 page). */
@Component
class IncidentSeverityLookup implements SeverityLookup {

    private final IncidentService incidents;

    IncidentSeverityLookup(IncidentService incidents) {
        this.incidents = incidents;
    }

    @Override
    public Optional<String> severity(String incidentKey) {
        // Runs on the notifier's background thread, on no one's behalf.
        return SystemActor.call(() -> incidents.find(incidentKey).map(i -> i.severity().name()));
    }
}
