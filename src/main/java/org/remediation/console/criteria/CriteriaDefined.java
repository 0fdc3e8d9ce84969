package org.remediation.console.criteria;

/** Published on LiveEvents when a phase's criteria (or an incident's KPIs, empty phase) were redefined. */
public record CriteriaDefined(String incidentKey, String phaseKey) {
}
