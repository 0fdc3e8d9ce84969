package org.remediation.console.criteria;

/**
 * Where a criterion belongs: a phase of an incident, or the incident itself (a KPI, with an empty
 * {@code phaseKey}).
 */
public record CriterionOwner(String incidentKey, String phaseKey, String criterionKey) {

    public static CriterionOwner kpi(String incidentKey, String criterionKey) {
        return new CriterionOwner(incidentKey, "", criterionKey);
    }

    public static CriterionOwner phase(String incidentKey, String phaseKey, String criterionKey) {
        return new CriterionOwner(incidentKey, phaseKey, criterionKey);
    }

    public boolean isKpi() {
        return phaseKey.isEmpty();
    }

    @Override
    public String toString() {
        return incidentKey + (isKpi() ? "" : "/" + phaseKey) + "/" + criterionKey;
    }
}
