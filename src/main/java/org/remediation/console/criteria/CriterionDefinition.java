package org.remediation.console.criteria;

/**
 * A criterion as written in a runbook: a key unique within its phase (or among the incident's
 * KPIs), a label for people, and the text form ({@code manual: …} for a manual one).
 */
public record CriterionDefinition(String key, String label, String text) {
}
