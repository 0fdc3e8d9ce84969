package org.remediation.console.criteria;

import org.remediation.console.base.LiveUpdate;

/** Live update when a phase's criteria (or an incident's KPIs, empty phase) were redefined. */
public record CriteriaDefined(String incidentKey, String phaseKey) implements LiveUpdate {
}
