package org.remediation.console.criteria;

import org.remediation.console.base.identity.SignedIn;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.remediation.console.audit.AuditService;
import org.remediation.console.base.Problems;
import org.remediation.console.base.TimelineNote;
import org.remediation.console.base.identity.SystemActor;
import org.remediation.console.notify.Notification;
import org.remediation.console.notify.Notifier;
import org.remediation.console.base.identity.CurrentUser;
import org.remediation.console.base.identity.Roles;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.remediation.console.base.cluster.Cluster;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Escalation rules over time: edited by a COMMANDER, checked with the injected clock, and when one
 * fires: a banner on every open board, a timeline entry, an audit event and a notification (source
 * {@code escalation}, sent after commit).
 */
@Service
@SignedIn
public class EscalationService {

    private final EscalationStore store;
    private final CriteriaService criteria;
    private final ObjectProvider<PhaseTimes> phaseTimes;
    private final Notifier notifier;
    private final AuditService audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Cluster cluster;

    EscalationService(EscalationStore store, CriteriaService criteria, ObjectProvider<PhaseTimes> phaseTimes,
                      Notifier notifier, AuditService audit,
                      ApplicationEventPublisher events, Clock clock, Cluster cluster) {
        this.cluster = cluster;
        this.store = store;
        this.criteria = criteria;
        this.phaseTimes = phaseTimes;
        this.notifier = notifier;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** Replaces the rules of a phase ({@code phaseKey} null or empty: incident-level rules). */
    @RolesAllowed({Roles.COMMANDER, Roles.SYSTEM})
    @Transactional
    public List<EscalationRuleView> defineRules(String incidentKey, @Nullable String phaseKey, List<String> texts) {
        String phase = phaseKey == null ? "" : phaseKey.strip();
        Problems problems = new Problems();
        List<String> canonical = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            String field = "rules[" + i + "]";
            try {
                EscalationRule rule = EscalationRuleText.parse(texts.get(i));
                canonical.add(rule.text());
                if (phase.isEmpty() && !(rule instanceof EscalationRule.Regressed)) {
                    problems.add(field, "'" + texts.get(i) + "' needs a phase: put it under the phase it watches.");
                }
                String key = criterionKey(rule);
                if (key != null && criterion(incidentKey, phase, key).isEmpty()) {
                    problems.add(field, "There is no criterion '" + key + "' in "
                            + (phase.isEmpty() ? "the incident's KPIs" : "phase '" + phase + "'") + ".");
                }
            } catch (TextSyntaxException e) {
                problems.add(field, "'" + texts.get(i) + "' " + e.getMessage());
            }
        }
        problems.throwIfAny();
        store.replaceRules(incidentKey, phase, canonical, CurrentUser.require(), clock.instant());
        audit.record("escalation.rules.defined", CriteriaService.subject(incidentKey, phase), Map.of("rules", canonical));
        return store.rules(incidentKey, phase);
    }

    @Transactional(readOnly = true)
    public List<EscalationRuleView> rules(String incidentKey, @Nullable String phaseKey) {
        return store.rules(incidentKey, phaseKey == null ? "" : phaseKey);
    }

    /**
     * Checks every rule now; returns the escalations that fired in this check. Run by the ticker. A
     * firing already open is brought up to date: its current state when the condition still holds,
     * resolved when it no longer does (or its rule was removed), so no banner keeps saying what was
     * true an hour ago.
     */
    @Transactional
    @RolesAllowed(Roles.SYSTEM)
    public List<EscalationAlert> checkAll() {
        cluster.lockForTransaction(CriteriaEngine.ROUND_LOCK); // a former leader's check ends before this one reads
        Instant now = clock.instant();
        PhaseTimes times = phaseTimes.getIfAvailable(() -> (incident, phase) -> Optional.empty());
        List<EscalationAlert> fired = new ArrayList<>();
        Map<String, EscalationAlert> open = store.openByKey();
        Map<String, String> holding = new java.util.HashMap<>();
        List<EscalationRuleView> rules = store.allRules();
        for (EscalationRuleView rule : rules) {
            EscalationRule parsed = EscalationRuleText.parse(rule.text());
            Optional<PhaseTimes.PhaseTiming> timing = rule.phaseKey().isEmpty() ? Optional.empty()
                    : times.timing(rule.incidentKey(), rule.phaseKey());
            EscalationCheck.check(parsed, rule.phaseKey(), timing,
                            key -> criterion(rule.incidentKey(), rule.phaseKey(), key), now)
                    .ifPresent(f -> {
                        String firingKey = rule.incidentKey() + "|" + rule.phaseKey() + "|" + rule.text() + "|" + f.episode();
                        holding.put(firingKey, f.message());
                        if (store.insertFiring(firingKey, rule, f.message(), now)) {
                            store.firing(firingKey).ifPresent(a -> {
                                announce(a);
                                fired.add(a);
                            });
                        } else if (store.reopen(firingKey, f.message(), now)) {
                            store.firing(firingKey).ifPresent(this::reopened);
                        }
                    });
        }
        open.forEach((firingKey, alert) -> {
            String still = holding.get(firingKey);
            if (still == null && !ended(alert, rules, times)) {
                still = alert.currentMessage(); // e.g. the criterion lost its data: not a recovery
            }
            if (still != null) {
                store.stillTrue(alert.id(), still, now);
                if (!EscalationStore.clip(still).equals(alert.currentMessage())) { // as stored
                    store.firing(alert.id()).ifPresent(a -> events.publishEvent(new EscalationResolved(a)));
                }
            } else if (store.resolve(alert.id(), "Resolved: the condition no longer holds.", now)) {
                resolved(store.firing(alert.id()).orElseThrow());
            }
        });
        return fired;
    }

    /**
     * Whether an open firing's condition really ended, not merely stopped firing: a criterion rule
     * ends only when its criterion is met again (a criterion that lost its data, e.g. because the
     * probes stopped, keeps it open), or its phase completed, or the criterion or rule is gone; an
     * overrun ends when the phase completed.
     */
    private boolean ended(EscalationAlert alert, List<EscalationRuleView> rules, PhaseTimes times) {
        boolean ruleExists = rules.stream().anyMatch(r -> r.incidentKey().equals(alert.incidentKey())
                && r.phaseKey().equals(alert.phaseKey()) && r.text().equals(alert.ruleText()));
        if (!ruleExists) {
            return true;
        }
        boolean phaseDone = !alert.phaseKey().isEmpty() && times.timing(alert.incidentKey(), alert.phaseKey())
                .map(t -> t.completedAt() != null).orElse(true);
        return switch (EscalationRuleText.parse(alert.ruleText())) {
            case EscalationRule.PhaseOverran p -> true;
            case EscalationRule.StillNotMet r -> phaseDone || criterion(alert.incidentKey(), alert.phaseKey(),
                    r.criterionKey()).map(CriterionStatus::met).orElse(true);
            case EscalationRule.Regressed r -> criterion(alert.incidentKey(), alert.phaseKey(), r.criterionKey())
                    .map(CriterionStatus::met).orElse(true);
        };
    }

    /** The same episode holds again after it had ended: back on the boards; not notified twice. */
    private void reopened(EscalationAlert a) {
        events.publishEvent(new EscalationRaised(a));
        events.publishEvent(new TimelineNote(a.checkedAt(), SystemActor.NAME, "escalation.reopened",
                "Escalation holds again: " + a.currentMessage(), a.incidentKey(),
                Map.of("rule", a.ruleText(), "phase", a.phaseKey())));
        audit.append(SystemActor.NAME, "escalation.reopened", "incident:" + a.incidentKey(),
                Map.of("escalation", a.id(), "rule", a.ruleText(), "phase", a.phaseKey()));
    }

    private void resolved(EscalationAlert a) {
        events.publishEvent(new EscalationResolved(a));
        events.publishEvent(new TimelineNote(a.checkedAt(), SystemActor.NAME, "escalation.resolved",
                "Escalation resolved (its condition ended): " + a.message(), a.incidentKey(),
                Map.of("rule", a.ruleText(), "phase", a.phaseKey())));
        audit.append(SystemActor.NAME, "escalation.resolved", "incident:" + a.incidentKey(),
                Map.of("escalation", a.id(), "rule", a.ruleText(), "phase", a.phaseKey()));
    }

    /** A COMMANDER acknowledges an escalation; who and when are recorded and audited. */
    @RolesAllowed(Roles.COMMANDER)
    @Transactional
    public EscalationAlert acknowledge(long alertId) {
        Optional<EscalationAlert> alert = store.firing(alertId);
        new Problems().check(alert.isPresent(), "alert", "There is no escalation #" + alertId + ".")
                .check(alert.map(EscalationAlert::open).orElse(true), "alert",
                        "This escalation was already acknowledged by " + alert.map(EscalationAlert::acknowledgedBy)
                                .orElse("someone") + ".")
                .throwIfAny();
        String by = CurrentUser.require();
        Instant now = clock.instant();
        store.acknowledge(alertId, by, now);
        EscalationAlert acked = store.firing(alertId).orElseThrow();
        audit.record("escalation.acknowledged", "incident:" + acked.incidentKey(),
                Map.of("escalation", alertId, "rule", acked.ruleText()));
        events.publishEvent(new EscalationAcknowledged(acked));
        events.publishEvent(new TimelineNote(now, by, "escalation.acknowledged", "Escalation acknowledged by " + by
                + ": " + acked.message(), acked.incidentKey(), Map.of("rule", acked.ruleText())));
        return acked;
    }

    @Transactional(readOnly = true)
    public List<EscalationAlert> openAlerts(String incidentKey) {
        return store.open(incidentKey);
    }

    /** Escalations whose condition ended in the last {@code within} (nobody acknowledged them): shown as resolved. */
    @Transactional(readOnly = true)
    public List<EscalationAlert> recentlyResolved(String incidentKey, java.time.Duration within) {
        return store.resolvedSince(incidentKey, clock.instant().minus(within));
    }

    private void announce(EscalationAlert a) {
        events.publishEvent(new EscalationRaised(a));
        events.publishEvent(new TimelineNote(a.firedAt(), SystemActor.NAME, "escalation.fired", "Escalation: " + a.message(),
                a.incidentKey(), Map.of("rule", a.ruleText(), "phase", a.phaseKey())));
        audit.append(SystemActor.NAME, "escalation.fired", "incident:" + a.incidentKey(),
                Map.of("rule", a.ruleText(), "phase", a.phaseKey(), "message", a.message()));
        Notification notification = EscalationNotification.of(a);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    notifier.send(notification);
                }
            });
        } else {
            notifier.send(notification);
        }
    }

    private Optional<CriterionStatus> criterion(String incidentKey, String phaseKey, String key) {
        return criteria.find(new CriterionOwner(incidentKey, phaseKey, key))
                .or(() -> criteria.find(CriterionOwner.kpi(incidentKey, key)));
    }

    private static @Nullable String criterionKey(EscalationRule rule) {
        return switch (rule) {
            case EscalationRule.StillNotMet s -> s.criterionKey();
            case EscalationRule.Regressed r -> r.criterionKey();
            case EscalationRule.PhaseOverran p -> null;
        };
    }
}
