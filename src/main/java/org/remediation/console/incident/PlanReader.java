package org.remediation.console.incident;

import org.remediation.console.criteria.CriteriaService;
import org.remediation.console.criteria.CriterionStatus;
import org.remediation.console.criteria.EscalationRuleView;
import org.remediation.console.criteria.EscalationService;
import org.springframework.beans.factory.ObjectProvider;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Assembles read models from the rows; used by this feature's services only. */
@Component
class PlanReader {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final PhaseRepository phases;
    private final TaskRepository tasks;
    private final CriterionRepository criteria;
    private final SignOffRepository signOffs;

    /** Lazy: escalation rules are read only for export, and the criteria feature reads phases through us. */
    private final ObjectProvider<EscalationService> escalationService;

    /** Lazy for the same reason: the one state of every criterion. */
    private final ObjectProvider<CriteriaService> criteriaService;

    PlanReader(PhaseRepository phases, TaskRepository tasks, CriterionRepository criteria, SignOffRepository signOffs,
               ObjectProvider<EscalationService> escalationService, ObjectProvider<CriteriaService> criteriaService) {
        this.criteriaService = criteriaService;
        this.escalationService = escalationService;
        this.phases = phases;
        this.tasks = tasks;
        this.criteria = criteria;
        this.signOffs = signOffs;
    }

    List<PhaseState> phases(Incident incident) {
        List<Phase> rows = phases.findByIncidentIdOrderBySortOrder(incident.id());
        Map<String, Phase> byKey = new HashMap<>();
        rows.forEach(p -> byKey.put(p.key(), p));
        List<PhaseState> out = new ArrayList<>();
        for (Phase p : rows) {
            out.add(state(incident, p, byKey));
        }
        return out;
    }

    PhaseState phase(Incident incident, Phase phase) {
        Map<String, Phase> byKey = new HashMap<>();
        phases.findByIncidentIdOrderBySortOrder(incident.id()).forEach(p -> byKey.put(p.key(), p));
        return state(incident, phase, byKey);
    }

    private PhaseState state(Incident incident, Phase p, Map<String, Phase> byKey) {
        List<PhaseState.Dependency> deps = new ArrayList<>();
        for (String key : p.dependsOn()) {
            Phase dep = byKey.get(key);
            if (dep != null) {
                deps.add(new PhaseState.Dependency(dep.key(), dep.title(), dep.status()));
            }
        }
        @Nullable SignOffRecord last = signOffs.findByPhaseIdOrderBySignedAtDesc(p.id()).stream().findFirst()
                .map(SignOff::record).orElse(null);
        return new PhaseState(p.id(), incident.key(), p.sortOrder(), p.key(), p.title(), p.priority(), p.ownerTeam(),
                p.supportingTeams(), p.windowStart(), p.windowEnd(), deps, p.rollbackText(), p.escalationText(),
                validation(p.validationText()), p.status(), p.statusBy(), p.statusAt(),
                tasks.findByPhaseIdOrderBySortOrderAscIdAsc(p.id()).stream().map(Task::state).toList(),
                criteria(incident, p), last);
    }

    /** The plan's criteria of the phase, each with its state as the criteria feature holds it. */
    private List<CriterionState> criteria(Incident incident, Phase p) {
        List<Criterion> rows = criteria.findByPhaseIdOrderBySortOrder(p.id());
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, CriterionStatus> states = new HashMap<>();
        criteriaService.getObject().ofPhase(incident.key(), p.key())
                .forEach(s -> states.put(s.owner().criterionKey(), s));
        return rows.stream().map(c -> {
            Runbook.Criterion d = c.definition();
            return new CriterionState(incident.key(), p.key(), d.key(), d.text(), d.probe(), d.measure(),
                    states.get(d.key()));
        }).toList();
    }

    static List<String> validation(String json) {
        return JSON.readValue(json, new TypeReference<List<String>>() { });
    }

    static String validationJson(List<String> steps) {
        return JSON.writeValueAsString(steps);
    }

    /** The incident's plan as a runbook (what export writes). */
    Runbook runbook(Incident incident, String businessImpact) {
        EscalationService escalations = escalationService.getObject();
        List<Runbook.Phase> out = new ArrayList<>();
        for (Phase p : phases.findByIncidentIdOrderBySortOrder(incident.id())) {
            out.add(new Runbook.Phase(p.key(), p.title(), p.priority(), p.ownerTeam(), p.supportingTeams(),
                    p.windowStart(), p.windowEnd(), p.dependsOn(), p.rollbackText(), p.escalationText(),
                    validation(p.validationText()),
                    tasks.findByPhaseIdOrderBySortOrderAscIdAsc(p.id()).stream().map(Task::definition).toList(),
                    criteria.findByPhaseIdOrderBySortOrder(p.id()).stream().map(Criterion::definition).toList(),
                    escalations.rules(incident.key(), p.key()).stream().map(EscalationRuleView::text).toList()));
        }
        // KPIs as the criteria feature holds them (label and canonical measure), whatever opened the incident.
        List<Runbook.Kpi> kpis = criteriaService.getObject().ofPhase(incident.key(), "").stream()
                .filter(s -> !s.manual()).map(s -> new Runbook.Kpi(s.owner().criterionKey(), s.label(), s.text()))
                .toList();
        return new Runbook(incident.title(), incident.severity(), businessImpact, out, kpis);
    }
}
