package org.remediation.console.incident;

import org.remediation.console.base.LiveUpdate;
import org.jspecify.annotations.Nullable;

/** Live event: something in this incident changed (phase id when one phase is concerned). */
public record IncidentChanged(String incidentKey, @Nullable Long phaseId) implements LiveUpdate {
}
