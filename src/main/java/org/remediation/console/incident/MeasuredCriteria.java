package org.remediation.console.incident;

import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.remediation.console.criteria.CriteriaService;
import org.remediation.console.criteria.CriterionDefinition;
import org.remediation.console.criteria.CriterionState;
import org.remediation.console.criteria.CriterionStateChanged;
import org.remediation.console.criteria.EscalationService;
import org.remediation.console.criteria.PhaseEvidence;
import org.remediation.console.criteria.PhaseTimes;
import org.remediation.console.criteria.SeedKpis;
import org.springframework.beans.factory.ObjectProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Binds a plan's criteria to live probe data: defines the measured ones (and the phases'
 * escalation rules) in the criteria feature when an incident opens, mirrors their live state onto the checklist (so the board, the gate and
 * the status update see it), tells the escalation rules when phases run, and adds the measured
 * values to the sign-off gate's reasons.
 */
@Component
class MeasuredCriteria implements PhaseTimes, SignOffCheck {

    private static final Logger log = LoggerFactory.getLogger(MeasuredCriteria.class);

    /** The built-in #1278 template's title; incidents opened from it get the seeds' KPIs. */
    static final String TEMPLATE_1278_TITLE_PREFIX = "Issue #1278";

    private final IncidentRepository incidents;
    private final PhaseRepository phases;
    private final CriterionRepository criteria;
    private final CriteriaService criteriaService;
    private final EscalationService escalations;
    private final PhaseEvidence evidence;
    /** Lazy: the progress rules consult the sign-off gate, which consults this class. */
    private final ObjectProvider<PhaseProgress> progress;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate newTransaction;

    MeasuredCriteria(IncidentRepository incidents, PhaseRepository phases, CriterionRepository criteria,
                     CriteriaService criteriaService, EscalationService escalations, PhaseEvidence evidence, ObjectProvider<PhaseProgress> progress,
                     ApplicationEventPublisher events,
                     PlatformTransactionManager transactions) {
        this.incidents = incidents;
        this.phases = phases;
        this.criteria = criteria;
        this.criteriaService = criteriaService;
        this.escalations = escalations;
        this.evidence = evidence;
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
     * runbook, or the system seeding the demo): defines its measured criteria and KPIs.
     */
    void define(Incident incident, Runbook runbook) {
        for (Runbook.Phase phase : runbook.phases()) {
            List<CriterionDefinition> measured = phase.criteria().stream().filter(c -> c.measure() != null)
                    .map(c -> new CriterionDefinition(c.key(), c.text(), c.measure())).toList();
            if (!measured.isEmpty()) {
                criteriaService.defineCriteria(incident.key(), phase.key(), measured);
            }
            if (!phase.escalationRules().isEmpty()) {
                escalations.defineRules(incident.key(), phase.key(), phase.escalationRules());
            }
        }
        if (runbook.title().startsWith(TEMPLATE_1278_TITLE_PREFIX)) {
            criteriaService.defineCriteria(incident.key(), null, SeedKpis.ISSUE_1278);
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    void mirror(CriterionStateChanged change) {
        if (change.owner().isKpi()) {
            return;
        }
        try {
            copy(change);
        } catch (RuntimeException e) {
            log.warn("Could not mirror criterion {} onto the checklist: {}", change.owner(), e.toString());
        }
    }

    private void copy(CriterionStateChanged change) {
        newTransaction.executeWithoutResult(tx -> incidents.findByKey(change.owner().incidentKey())
                .ifPresent(incident -> phases.findByIncidentIdOrderBySortOrder(incident.id()).stream()
                        .filter(p -> p.key().equals(change.owner().phaseKey())).findFirst()
                        .ifPresent(phase -> criteria.findByPhaseIdOrderBySortOrder(phase.id()).stream()
                                .filter(c -> c.key().equals(change.owner().criterionKey()) && c.state().measured())
                                .findFirst().ifPresent(c -> {
                                    if (phase.status() == PhaseStatus.SIGNED_OFF) {
                                        return; // the signed-off checklist is frozen, evidence included
                                    }
                                    c.assess(change.to() == CriterionState.MET, change.valueText(), "probes",
                                            change.since());
                                    progress.getObject().recompute(incident, phase);
                                    events.publishEvent(new IncidentChanged(incident.key(), phase.id()));
                                }))));
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

    /** The measured criteria's own words: value, threshold and window of each one not met. */
    @Override
    public List<String> blockingReasons(PhaseState phase) {
        return evidence.blockingReasons(phase.incidentKey(), phase.key());
    }
}
