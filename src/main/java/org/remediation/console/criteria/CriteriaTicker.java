package org.remediation.console.criteria;

import org.remediation.console.base.cluster.Cluster;
import org.remediation.console.base.identity.SystemActor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Re-evaluates criteria and checks escalation rules periodically: windows and phase clocks move with time.
 * With several consoles only the leader runs them (their writes and announcements happen once).
 */
@Component
class CriteriaTicker {

    private static final Logger log = LoggerFactory.getLogger(CriteriaTicker.class);

    private final CriteriaService criteria;
    private final EscalationService escalations;
    private final Cluster cluster;

    CriteriaTicker(CriteriaService criteria, EscalationService escalations, Cluster cluster) {
        this.cluster = cluster;
        this.criteria = criteria;
        this.escalations = escalations;
    }

    /**
     * Evaluates the criteria that probe results marked: at most once per period however many results
     * arrive, and nothing (no query, no transaction) when none did.
     */
    // fixed rate: each round on its own (virtual) thread, so a long flush, rollup or full round on
    // the scheduler's one fixed-delay thread never holds up a badge; rounds serialise in the engine
    @Scheduled(fixedRateString = "${console.criteria.result-round-interval:1s}")
    void resultRound() {
        try {
            if (!cluster.onlyLeader(() -> SystemActor.run(criteria::evaluateMarked))) {
                // the leader records states; this node's boards still show current figures beside them
                SystemActor.run(criteria::evaluateMarkedForDisplay);
            }
        } catch (RuntimeException e) {
            log.warn("Criteria round after probe results failed; the next one retries", e);
        }
    }

    @Scheduled(fixedDelayString = "${console.criteria.reevaluate-interval:15s}",
            initialDelayString = "${console.criteria.reevaluate-interval:15s}")
    void tick() {
        try {
            cluster.onlyLeader(() -> SystemActor.run(() -> {
                criteria.reevaluateAll();
                escalations.checkAll();
            }));
        } catch (RuntimeException e) {
            log.warn("Criteria round failed; the next one retries", e);
        }
    }
}
