package org.remediation.console.incident;

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
        return incidents.find(incidentKey).map(i -> i.severity().name());
    }
}
