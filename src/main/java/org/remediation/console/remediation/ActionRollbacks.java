package org.remediation.console.remediation;

import org.remediation.console.base.identity.SystemActor;
import static org.remediation.console.remediation.ActionStore.columns;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.remediation.console.base.InvalidInputException;
import org.remediation.console.cloud.ResourceState;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Builds the inverse of a succeeded action from its captured before-state and requests it like any action. */
@Component
class ActionRollbacks {

    private final ActionCatalog catalog;
    private final ActionStore store;
    private final ActionRequests requests;
    private final ActionExecutor executor;
    private final ActionJournal journal;
    private final Clock clock;
    private final RemediationProperties properties;
    private final TransactionTemplate tx;

    ActionRollbacks(ActionCatalog catalog, ActionStore store, ActionRequests requests, ActionExecutor executor,
                    ActionJournal journal, Clock clock, RemediationProperties properties, PlatformTransactionManager txm) {
        this.catalog = catalog;
        this.store = store;
        this.requests = requests;
        this.executor = executor;
        this.journal = journal;
        this.clock = clock;
        this.properties = properties;
        this.tx = new TransactionTemplate(txm);
    }

    /** How this action would be rolled back (or why it cannot be), from its captured states. */
    RollbackPlan plan(ActionRecord a) {
        if (a.status() != ActionStatus.SUCCEEDED || a.afterState() == null) {
            return RollbackPlan.impossible("Only a succeeded action can be rolled back; #" + a.id() + " is " + a.status() + ".");
        }
        if (catalog.get(a.kind()) instanceof SteppedAction stepped) {
            return stepped.rollbackOf(a.resource(), a.desired()); // from what the steps did, not one resource's states
        }
        return catalog.get(a.kind()).rollback(new ResourceState(a.resource(), a.beforeState(), a.requestedAt()),
                new ResourceState(a.resource(), a.afterState(), a.finishedAt()));
    }

    ActionRecord request(long id, String actor, String reason) {
        ActionRecord a = store.find(id).orElseThrow(() -> ActionRequests.notFound(id));
        RollbackPlan plan = plan(a);
        if (!plan.possibleInPlace()) {
            throw new InvalidInputException("rollback", "Action #" + id + " cannot be rolled back in place: " + plan.explanation());
        }
        String why = reason == null || reason.isBlank() ? "" : reason.trim();
        ActionDraft draft = new ActionDraft(a.kind(), a.resource(), plan.params(), why.isEmpty() ? "" : "Rollback of #" + id + ": " + why,
                a.taskId(), a.incidentKey(), a.incidentSeverity(), 0, List.of(), false);
        return requests.request(draft, actor, id);
    }

    /** Rollback after a watched regression; pre-authorised by the original action's approval. */
    void autoRollback(ActionRecord a) {
        ActionRecord r = request(a.id(), SystemActor.NAME, "automatic rollback after a watched signal regressed");
        if (r.status() == ActionStatus.AWAITING_APPROVAL) {
            tx.executeWithoutResult(s -> {
                Instant now = clock.instant();
                store.update(r.id(), ActionStatus.AWAITING_APPROVAL, columns("status", ActionStatus.READY,
                        "approved_by", SystemActor.NAME, "approved_at", now, "approval_expires_at", now.plus(properties.approvalTtl())));
                journal.step(r, SystemActor.NAME, "approved", "Pre-authorised: " + a.title() + " was configured to roll back "
                        + "automatically" + (a.approvedBy() != null ? " (approved by " + a.approvedBy() + ")" : "") + ".", null, null);
            });
        }
        executor.execute(r.id(), SystemActor.NAME);
    }
}
