package org.remediation.console.remediation;

import org.remediation.console.base.identity.CurrentUser;

import org.remediation.console.notify.Notification;
import org.remediation.console.notify.Notifier;

import static org.remediation.console.remediation.ActionStore.columns;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.remediation.console.base.InvalidInputException;
import org.remediation.console.base.Problems;
import org.remediation.console.cloud.CloudGateway;
import org.remediation.console.cloud.ResourceState;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Request, preview, approval and rejection of actions, with the approval policy. Callers are checked. */
@Component
class ActionRequests {

    static final Set<String> SEVERITIES = Set.of("P0", "P1", "P2", "P3");

    /** A validated draft with its preview against the live state. */
    record Previewed(ActionDraft draft, @Nullable String incidentKey, String severityBasis, ResourceState live,
                     Preview preview, ApprovalPolicy.Decision approval) {
    }

    private final ActionCatalog catalog;
    private final CloudGateway gateway;
    private final ActionStore store;
    private final ActionJournal journal;
    private final Clock clock;
    private final RemediationProperties properties;
    private final ObjectProvider<WatchSignals> signals;
    private final TransactionTemplate tx;
    private final IncidentSeverities severities;
    private final Notifier notifier;

    ActionRequests(ActionCatalog catalog, CloudGateway gateway, ActionStore store, ActionJournal journal, Clock clock,
                   RemediationProperties properties, ObjectProvider<WatchSignals> signals, PlatformTransactionManager txm,
                   IncidentSeverities severities, Notifier notifier) {
        this.severities = severities;
        this.notifier = notifier;
        this.catalog = catalog;
        this.gateway = gateway;
        this.store = store;
        this.journal = journal;
        this.clock = clock;
        this.properties = properties;
        this.signals = signals;
        this.tx = new TransactionTemplate(txm);
    }

    /** Validates the draft (all problems at once) and previews it; writes nothing. */
    Previewed preview(ActionDraft requested) {
        IncidentSeverities.Link link = severities.link(requested);
        ActionDraft draft = requested.withIncident(requested.taskId(), link.severity()).forIncident(link.incidentKey());
        Problems problems = new Problems();
        problems.check(draft.reason() != null && !draft.reason().isBlank(), "reason",
                "Say why this action is needed (it goes into the audit trail and the timeline).");
        problems.check(draft.reason() == null || draft.reason().length() <= 1000, "reason", "Keep the reason under 1000 characters.");
        problems.check(draft.resource().kind() == draft.kind().resourceKind(), "resource",
                draft.kind().label() + " acts on a " + draft.kind().resourceKind().label() + ", not on " + draft.resource() + ".");
        problems.check(requested.incidentSeverity() == null || SEVERITIES.contains(requested.incidentSeverity()), "incidentSeverity",
                "Severity must be P0, P1, P2 or P3.");
        problems.check(draft.taskId() == null || (!draft.taskId().isBlank() && draft.taskId().length() <= 80), "taskId",
                "A task id is 1–80 characters.");
        problems.check(draft.watchMinutes() >= 0 && draft.watchMinutes() <= 240, "watchMinutes",
                "Watch for 0–240 minutes.");
        if (draft.watchMinutes() > 0) {
            List<String> available = availableSignals();
            problems.check(!draft.watchSignals().isEmpty(), "watchSignals", "Choose at least one signal to watch.");
            for (String s : draft.watchSignals()) {
                problems.check(available.contains(s), "watchSignals", "Unknown signal '" + s + "'; available: "
                        + (available.isEmpty() ? "none (no signal source is configured)" : String.join(", ", available)) + ".");
            }
        }
        if (!problems.isEmpty()) {
            // the parameters' own rules too, so a form hears of every problem at once, not stage by stage
            catalog.get(draft.kind()).check(draft.params(), problems);
            problems.throwIfAny();
        }
        if (!gateway.resources().contains(draft.resource())) {
            throw new InvalidInputException("resource", draft.resource() + " is not a resource of the " + gateway.name() + " cloud.");
        }
        ResourceState live = gateway.read(draft.resource());
        RemediationAction action = catalog.get(draft.kind());
        Map<String, String> desired = action.validate(draft.params(), live);
        if (action instanceof SteppedAction stepped) {
            stepped.checkLive(gateway, live, desired); // other resources: the target connector, the services' topology
        }
        Preview preview = action.preview(live, desired, gateway.project());
        return new Previewed(draft, link.incidentKey(), link.why(), live, preview, ApprovalPolicy.decide(link, preview.sideEffects()));
    }

    List<String> availableSignals() {
        WatchSignals source = signals.getIfAvailable();
        return source == null ? List.of() : source.available();
    }

    ActionRecord request(ActionDraft requested, String actor, @Nullable Long rollbackOf) {
        ActionRecord a = insert(requested, actor, rollbackOf);
        if (a.status() == ActionStatus.AWAITING_APPROVAL && "P0".equals(a.incidentSeverity())) {
            notifier.send(approvalWaits(a)); // after commit; in-app notices come from ActionChanged
        }
        return a;
    }

    /** On a P0 every minute counts: the approvers' chat hears of a request, not only open consoles. */
    private Notification approvalWaits(ActionRecord a) {
        Map<String, @Nullable Object> facts = new java.util.LinkedHashMap<>();
        facts.put("action", a.id());
        facts.put("requestedBy", a.requestedBy());
        facts.put("resource", a.resource().toString());
        facts.put("why", a.approvalReasons());
        return new Notification(Notification.Source.APPROVAL, a.requestedAt(), a.incidentKey(), a.incidentSeverity(),
                null, null, "Action #" + a.id() + " waits for approval", ":hourglass: " + a.requestedBy()
                + " requests " + a.title() + " on " + (a.incidentKey() == null ? "no linked incident" : a.incidentKey())
                + " (" + a.incidentSeverity()
                + "); a second OPERATOR or COMMANDER must approve it: " + a.approvalReasons(), facts);
    }

    private ActionRecord insert(ActionDraft requested, String actor, @Nullable Long rollbackOf) {
        Previewed p = preview(requested);
        ActionDraft draft = p.draft();
        return tx.execute(s -> {
            Instant now = clock.instant();
            long id = store.insert(columns("kind", draft.kind(), "resource_ref", draft.resource().toString(),
                    "params", ActionStore.json(draft.params()), "desired", ActionStore.json(p.preview().desired()),
                    "reason", draft.reason().trim(), "task_id", draft.taskId(), "incident_key", p.incidentKey(),
                    "incident_severity", draft.incidentSeverity(),
                    "status", p.approval().required() ? ActionStatus.AWAITING_APPROVAL : ActionStatus.READY,
                    "requested_by", actor, "requested_at", now, "approval_required", p.approval().required(),
                    "approval_reasons", String.join("; ", p.approval().reasons()), "preview", ActionStore.json(p.preview()),
                    "preview_fingerprint", p.preview().fingerprint(), "previewed_at", now,
                    "before_state", ActionStore.json(p.live().attributes()), "rollback_of", rollbackOf,
                    "watch_minutes", draft.watchMinutes(), "watch_signals", String.join(",", draft.watchSignals()),
                    "auto_rollback", draft.autoRollback()));
            ActionRecord a = store.find(id).orElseThrow();
            // the order it happened in: the live state was read and previewed, then the request made on it
            journal.step(a, actor, "previewed", previewSummary(a), p.live().attributes(), p.preview().desired());
            journal.step(a, actor, "requested", (rollbackOf != null ? "Rollback of #" + rollbackOf + " requested: " : "Requested: ")
                    + a.reason(), p.live().attributes(), null);
            journal.changed(id, a.status(), 0, "requested");
            return a;
        });
    }

    ActionRecord approve(long id, String actor) {
        Outcome outcome = tx.execute(s -> {
            ActionRecord a = store.lock(id).orElseThrow(() -> notFound(id));
            if (a.status() != ActionStatus.AWAITING_APPROVAL) {
                return Outcome.refused("Action #" + id + " is " + a.status() + ", not awaiting approval.");
            }
            if (CurrentUser.isServiceAccount()) { // else one admin could mint a COMMANDER bot and approve their own request
                throw new SecondPersonRequiredException("Approving action #" + id + " is a person's decision: a service "
                        + "account's token cannot approve.");
            }
            if (a.requestedBy().equals(actor)) { // nothing written yet: throwing rolls back nothing
                throw new SecondPersonRequiredException("You requested action #" + id
                        + "; a second person (OPERATOR or COMMANDER) must approve it.");
            }
            ResourceState live = gateway.read(a.resource());
            if (!live.fingerprint().equals(a.preview().fingerprint())) {
                markStale(a, actor, live);
                return Outcome.refused(staleMessage(a));
            }
            Instant now = clock.instant();
            Instant expires = now.plus(properties.approvalTtl());
            store.update(id, ActionStatus.AWAITING_APPROVAL, columns("status", ActionStatus.READY, "approved_by", actor,
                    "approved_at", now, "approval_expires_at", expires));
            ActionRecord approved = store.find(id).orElseThrow();
            journal.step(approved, actor, "approved", "Approved (bound to state " + a.preview().fingerprint().substring(0, 12)
                    + "…, valid until " + expires + ").", live.attributes(), a.desired());
            journal.changed(id, ActionStatus.READY, 0, "approved");
            return Outcome.ok(approved);
        });
        return outcome.orThrow();
    }

    ActionRecord reject(long id, String actor, String note) {
        return close(id, actor, note, ActionStatus.REJECTED, "Say why the action is rejected.", "rejected", "Rejected: ");
    }

    /** The requester takes an open request back (not a rejection: nobody else decided against it). */
    ActionRecord withdraw(long id, String actor, String note) {
        return close(id, actor, note, ActionStatus.WITHDRAWN, "Say why you withdraw the request.", "withdrawn",
                "Withdrawn by the requester: ");
    }

    /** Ends an open action without running it, with the reason in its trail; a withdrawal only by its requester. */
    private ActionRecord close(long id, String actor, String note, ActionStatus end, String noteMissing, String step,
                               String said) {
        if (note == null || note.isBlank()) {
            throw new InvalidInputException("note", noteMissing);
        }
        Outcome outcome = tx.execute(s -> {
            ActionRecord a = store.lock(id).orElseThrow(() -> notFound(id));
            if (end == ActionStatus.WITHDRAWN && !a.requestedBy().equals(actor)) {
                return Outcome.refused("Only " + a.requestedBy() + ", who requested action #" + id
                        + ", can withdraw it; reject it instead.");
            }
            if (!a.status().open()) {
                return Outcome.refused("Action #" + id + " is " + a.status() + " and can no longer be " + step + ".");
            }
            store.update(id, a.status(), columns("status", end, "decided_note", note.trim(), "finished_at", clock.instant()));
            ActionRecord r = store.find(id).orElseThrow();
            journal.step(r, actor, step, said + note.trim(), null, null);
            journal.changed(id, end, 0, step);
            return Outcome.ok(r);
        });
        return outcome.orThrow();
    }

    private static ActionDraft draftOf(ActionRecord a) {
        return new ActionDraft(a.kind(), a.resource(), a.params(), a.reason(), a.taskId(), a.incidentKey(),
                a.incidentSeverity(), a.watchMinutes(), a.watchSignals(), a.autoRollback());
    }

    /**
     * Whether an action requested without the need of approval needs it now: a P0 opened (or its
     * incident was raised to P0) between request and execution.
     */
    boolean becameP0(ActionRecord a) {
        return !a.approvalRequired() && "P0".equals(severities.link(draftOf(a)).severity());
    }

    /** A new preview against the live state; any approval is void and needed again. */
    ActionRecord refreshPreview(long id, String actor) {
        ActionRecord a = store.find(id).orElseThrow(() -> notFound(id));
        if (!a.status().open()) {
            throw new ActionRefusedException("Action #" + id + " is " + a.status() + "; only open actions can be previewed again.");
        }
        Previewed p = preview(draftOf(a));
        return tx.execute(s -> {
            ActionStatus next = p.approval().required() ? ActionStatus.AWAITING_APPROVAL : ActionStatus.READY;
            if (!store.update(id, a.status(), columns("status", next, "desired", ActionStore.json(p.preview().desired()),
                    "preview", ActionStore.json(p.preview()), "preview_fingerprint", p.preview().fingerprint(),
                    "previewed_at", clock.instant(), "before_state", ActionStore.json(p.live().attributes()),
                    "approval_required", p.approval().required(), "approval_reasons", String.join("; ", p.approval().reasons()),
                    "approved_by", null, "approved_at", null, "approval_expires_at", null))) {
                throw new ActionRefusedException("Action #" + id + " changed meanwhile; open it again.");
            }
            ActionRecord r = store.find(id).orElseThrow();
            journal.step(r, actor, "previewed", "Previewed again: " + previewSummary(r), p.live().attributes(), p.preview().desired());
            journal.changed(id, next, 0, "previewed");
            return r;
        });
    }

    void markStale(ActionRecord a, String actor, ResourceState live) {
        store.update(a.id(), a.status(), columns("status", ActionStatus.STALE, "approved_by", null, "approved_at", null,
                "approval_expires_at", null));
        journal.step(store.find(a.id()).orElseThrow(), actor, "stale",
                "The live state changed since the preview; a new preview and approval are needed.", a.beforeState(),
                live.attributes());
        journal.changed(a.id(), ActionStatus.STALE, 0, "stale");
    }

    static String staleMessage(ActionRecord a) {
        return a.resource() + " changed since action #" + a.id() + " was previewed. Preview it again"
                + (a.approvalRequired() ? " and ask for a new approval." : ".");
    }

    private static String previewSummary(ActionRecord a) {
        StringBuilder sb = new StringBuilder();
        a.preview().changes().forEach(d -> sb.append(d.attribute()).append(' ').append(d.before()).append(" → ")
                .append(d.after()).append("; "));
        sb.append(a.approvalRequired() ? "needs a second person (" + a.approvalReasons() + ")" : "no approval needed");
        return sb.toString();
    }

    static InvalidInputException notFound(long id) {
        return new ActionNotFoundException(id);
    }

    /** Result of a transaction that may have to commit a status change and still refuse. */
    record Outcome(@Nullable ActionRecord action, @Nullable String refusal) {
        static Outcome ok(ActionRecord a) {
            return new Outcome(a, null);
        }

        static Outcome refused(String why) {
            return new Outcome(null, why);
        }

        ActionRecord orThrow() {
            if (refusal != null) {
                throw new ActionRefusedException(refusal);
            }
            return action;
        }
    }

}
