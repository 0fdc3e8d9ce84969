package org.remediation.console.remediation;

import org.remediation.console.base.identity.SignedIn;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.remediation.console.base.InvalidInputException;
import org.remediation.console.cloud.CloudException;
import org.remediation.console.cloud.CloudGateway;
import org.remediation.console.cloud.ResourceRef;
import org.remediation.console.cloud.ResourceState;
import org.remediation.console.base.identity.CurrentUser;
import org.remediation.console.base.identity.Roles;
import org.springframework.stereotype.Service;

/**
 * The remediation feature's API: preview, request, approve, reject, execute and roll back actions,
 * and read them. OPERATOR and COMMANDER change things; every signed-in role may look.
 */
@Service
@SignedIn
public class RemediationService {

    private final ActionRequests requests;
    private final ActionExecutor executor;
    private final ActionRollbacks rollbacks;
    private final ActionStore store;
    private final ActionCatalog catalog;
    private final CloudGateway gateway;

    RemediationService(ActionRequests requests, ActionExecutor executor, ActionRollbacks rollbacks, ActionStore store,
                       ActionCatalog catalog, CloudGateway gateway) {
        this.requests = requests;
        this.executor = executor;
        this.rollbacks = rollbacks;
        this.store = store;
        this.catalog = catalog;
        this.gateway = gateway;
    }

    /**
     * Validates and previews a draft against the live state, with the approval rule that will apply to
     * it (forms show this answer; they do not re-implement the rule); writes nothing.
     */
    @RolesAllowed({Roles.OPERATOR, Roles.COMMANDER})
    public ActionPreview preview(ActionDraft draft) {
        ActionRequests.Previewed p = requests.preview(draft);
        return new ActionPreview(p.preview(), p.approval().required(), p.approval().reasons(), p.incidentKey(),
                p.draft().incidentSeverity(), p.severityBasis());
    }

    /**
     * Every problem of a draft, as the request would report them, without writing anything: for
     * forms that validate while the user types. The same rules as {@link #preview} and
     * {@link #request} (one place holds them); empty when the draft would be accepted. A cloud that
     * cannot be read now yields no problem here: the preview says so.
     */
    @RolesAllowed({Roles.OPERATOR, Roles.COMMANDER})
    public List<InvalidInputException.Problem> validate(ActionDraft draft) {
        try {
            requests.preview(draft);
            return List.of();
        } catch (InvalidInputException e) {
            return e.problems();
        } catch (org.remediation.console.cloud.CloudException e) {
            return List.of();
        }
    }

    @RolesAllowed({Roles.OPERATOR, Roles.COMMANDER})
    public ActionRecord request(ActionDraft draft) {
        return requests.request(draft, CurrentUser.require(), null);
    }

    /** Approves as a second person; refused for the requester, for a stale preview, or when not awaiting approval. */
    @RolesAllowed({Roles.OPERATOR, Roles.COMMANDER})
    public ActionRecord approve(long actionId) {
        return requests.approve(actionId, CurrentUser.require());
    }

    @RolesAllowed({Roles.OPERATOR, Roles.COMMANDER})
    public ActionRecord reject(long actionId, String note) {
        return requests.reject(actionId, CurrentUser.require(), note);
    }

    /** The requester takes back an open request of their own, with a reason for the audit trail. */
    @RolesAllowed({Roles.OPERATOR, Roles.COMMANDER})
    public ActionRecord withdraw(long actionId, String note) {
        return requests.withdraw(actionId, CurrentUser.require(), note);
    }

    /** Previews an open action again (after it went stale or its approval expired); approval is needed again. */
    @RolesAllowed({Roles.OPERATOR, Roles.COMMANDER})
    public ActionRecord refreshPreview(long actionId) {
        return requests.refreshPreview(actionId, CurrentUser.require());
    }

    /**
     * Starts a READY action; returns it RUNNING (progress arrives as {@link ActionChanged} events) or
     * FAILED when the cloud refused it. Throws {@link ActionRefusedException} when the resource is busy,
     * the state moved or the approval expired.
     */
    @RolesAllowed({Roles.OPERATOR, Roles.COMMANDER})
    public ActionRecord execute(long actionId) {
        return executor.execute(actionId, CurrentUser.require());
    }

    /** Whether this (finished) action still holds its resource's lock because an operation may still run there. */
    public boolean holdsLock(long actionId) {
        return executor.holdsLock(actionId);
    }

    /**
     * Releases a lock a finished action kept while the cloud could not say whether an operation still
     * runs (e.g. the console may not list operations). For a commander who checked; the reason is audited.
     */
    @RolesAllowed(Roles.COMMANDER)
    public ActionRecord releaseLock(long actionId, String reason) {
        return executor.releaseLock(actionId, CurrentUser.require(), reason);
    }

    /** Requests the inverse of a succeeded action; it goes through preview and approval like any action. */
    @RolesAllowed({Roles.OPERATOR, Roles.COMMANDER})
    public ActionRecord requestRollback(long actionId, String reason) {
        return rollbacks.request(actionId, CurrentUser.require(), reason);
    }

    public RollbackPlan rollbackPlan(long actionId) {
        return rollbacks.plan(store.find(actionId).orElseThrow(() -> ActionRequests.notFound(actionId)));
    }

    public ActionRecord get(long actionId) {
        return store.find(actionId).orElseThrow(() -> ActionRequests.notFound(actionId));
    }

    public List<ActionStep> trail(long actionId) {
        return store.steps(actionId);
    }

    public List<ActionRecord> history(ActionFilter filter, int limit) {
        return store.list(filter, limit);
    }

    public List<ActionRecord> inFlight() {
        return store.byStatus(ActionStatus.RUNNING);
    }

    /** The signed-in user's own requests that wait for someone else's approval. */
    @RolesAllowed({Roles.OPERATOR, Roles.COMMANDER})
    public List<ActionRecord> myRequestsAwaitingApproval() {
        String me = CurrentUser.require();
        return store.byStatus(ActionStatus.AWAITING_APPROVAL).stream().filter(a -> a.requestedBy().equals(me)).toList();
    }

    /** Actions waiting for the signed-in user's approval (not their own requests). */
    @RolesAllowed({Roles.OPERATOR, Roles.COMMANDER})
    public List<ActionRecord> inbox() {
        String me = CurrentUser.require();
        return store.byStatus(ActionStatus.AWAITING_APPROVAL).stream().filter(a -> !a.requestedBy().equals(me)).toList();
    }

    /** The live state of every resource the cloud adapter knows (unreadable ones are skipped with a reason). */
    public List<ResourceState> resources() {
        return gateway.resources().stream().map(ref -> {
            try {
                return gateway.read(ref);
            } catch (CloudException e) {
                return new ResourceState(ref, java.util.Map.of("error", e.getMessage()), java.time.Instant.EPOCH);
            }
        }).toList();
    }

    public List<ResourceRef> resourcesOf(ActionKind kind) {
        return gateway.resources().stream().filter(r -> r.kind() == kind.resourceKind()).toList();
    }

    public List<RemediationAction> catalogue() {
        return catalog.all();
    }

    public List<String> watchSignals() {
        return requests.availableSignals();
    }

    /** Gateway name for display: {@code sandbox} or {@code gcp}. */
    public String cloudName() {
        return gateway.name();
    }
}
