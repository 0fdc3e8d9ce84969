package org.remediation.console.notify;

import java.util.Optional;

/**
 * The port through which {@link Notifier} learns an incident's severity when the notifying feature
 * does not know it (escalations know only the incident key). The incident feature implements it.
 */
public interface SeverityLookup {

    /** The severity ({@code P0}..{@code P3}) of the incident with this key, if there is one. */
    Optional<String> severity(String incidentKey);
}
