package org.remediation.console.incident;

import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.remediation.console.criteria.CriteriaService;
import org.remediation.console.criteria.CriterionDefinition;
import org.remediation.console.criteria.CriterionStateChanged;
import org.remediation.console.criteria.EscalationService;
import org.remediation.console.criteria.PhaseOwners;
import org.remediation.console.criteria.PhaseTimes;
import org.springframework.beans.factory.ObjectProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands a plan's criteria to the criteria feature, which holds their one state: defines every
 * criterion (measured ones from their measure, manual ones as {@code manual: <text>}), the
 * runbook's KPIs and the phases' escalation rules when an incident opens; when a criterion changes state, moves the phase
 * to or from "awaiting sign-off" and tells open boards; tells the escalation rules when phases run
 * and manual confirmation which team owns a phase.
 */
@Component
class MeasuredCriteria implements PhaseTimes, PhaseOwners {

    private static final Logger log = LoggerFactory.getLogger(MeasuredCriteria.class);

    private final IncidentRepository incidents;
    private final PhaseRepository phases;
    private final CriteriaService criteriaService;
    private final EscalationService escalations;
    /** Lazy: the progress rules consult the sign-off gate, which reads criteria through the plan reader. */
    private final ObjectProvider<PhaseProgress> progress;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate newTransaction;

    MeasuredCriteria(IncidentRepository incidents, PhaseRepository phases, CriteriaService criteriaService,
                     EscalationService escalations, ObjectProvider<PhaseProgress> progress,
                     ApplicationEventPublisher events, PlatformTransactionManager transactions) {
        this.incidents = incidents;
        this.phases = phases;
        this.criteriaService = criteriaService;
        this.escalations = escalations;
        this.progress = progress;
        this.events = events;
        this.newTransaction = new TransactionTemplate(transactions);
        // State changes arrive after the publisher's commit; our writes need a transaction of their own.
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** See {@link CriteriaService#missingProbes}. */
    Optional<String> missingProbes(String measure) {
        return criteriaService.missingProbes(measure);
    }

    /**
     * Called in the transaction that opens the incident, as its caller (the commander importing the
     * runbook, or the system seeding the demo): defines its criteria and KPIs.
     */
    void define(Incident incident, Runbook runbook) {
        for (Runbook.Phase phase : runbook.phases()) {
            if (!phase.criteria().isEmpty()) {
                criteriaService.defineCriteria(incident.key(), phase.key(),
                        phase.criteria().stream().map(MeasuredCriteria::definition).toList());
            }
            if (!phase.escalationRules().isEmpty()) {
                escalations.defineRules(incident.key(), phase.key(), phase.escalationRules());
            }
        }
        if (!runbook.kpis().isEmpty()) {
            criteriaService.defineCriteria(incident.key(), null, runbook.kpis().stream()
                    .map(k -> new CriterionDefinition(k.key(), k.text(), k.measure())).toList());
        }
    }

    /** A plan criterion in the criteria grammar: its measure, or {@code manual: <text>}. */
    static CriterionDefinition definition(Runbook.Criterion c) {
        return new CriterionDefinition(c.key(), c.text(), c.measure() != null ? c.measure() : "manual: " + c.text());
    }

    /** A criterion of a phase changed state: the phase may now be ready for sign-off, or no longer. */
    @TransactionalEventListener(fallbackExecution = true)
    void onCriterionChanged(CriterionStateChanged change) {
        if (change.owner().isKpi()) {
            return;
        }
        try {
            newTransaction.executeWithoutResult(tx -> incidents.findByKey(change.owner().incidentKey())
                    .ifPresent(incident -> phases.findByIncidentIdOrderBySortOrder(incident.id()).stream()
                            .filter(p -> p.key().equals(change.owner().phaseKey())).findFirst()
                            .ifPresent(phase -> {
                                progress.getObject().recompute(incident, phase);
                                events.publishEvent(new IncidentChanged(incident.key(), phase.id()));
                            })));
        } catch (RuntimeException e) {
            log.warn("Could not update the phase of criterion {}: {}", change.owner(), e.toString());
        }
    }

    @Override
    public Optional<PhaseOwner> owner(String incidentKey, String phaseKey) {
        return incidents.findByKey(incidentKey).flatMap(incident ->
                phases.findByIncidentIdOrderBySortOrder(incident.id()).stream()
                        .filter(p -> p.key().equals(phaseKey)).findFirst()
                        .map(p -> new PhaseOwner(p.ownerTeam(), p.status() == PhaseStatus.SIGNED_OFF)));
    }

    @Override
    public Optional<PhaseTiming> timing(String incidentKey, String phaseKey) {
        return newTransaction.execute(tx -> incidents.findByKey(incidentKey).flatMap(incident ->
                phases.findByIncidentIdOrderBySortOrder(incident.id()).stream()
                        .filter(p -> p.key().equals(phaseKey)).findFirst()
                        .map(p -> new PhaseTiming(incident.startedAt().plusSeconds(p.windowStart() * 60L),
                                incident.startedAt().plusSeconds(p.windowEnd() * 60L),
                                p.status() == PhaseStatus.SIGNED_OFF ? p.statusAt() : null))));
    }
}
