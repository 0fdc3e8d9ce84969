package org.remediation.console.remediation.ui;

import org.remediation.console.base.identity.Roles;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.function.Supplier;
import org.remediation.console.base.InvalidInputException;
import org.remediation.console.base.LiveEvents;
import org.remediation.console.base.ui.Focus;
import org.remediation.console.base.ui.LiveSubscription;
import org.remediation.console.base.ui.Notices;
import org.remediation.console.cloud.CloudException;
import org.remediation.console.remediation.ActionChanged;
import org.remediation.console.remediation.ActionRecord;
import org.remediation.console.remediation.ActionRefusedException;
import org.remediation.console.remediation.ActionStatus;
import org.remediation.console.remediation.ActionStep;
import org.remediation.console.remediation.RemediationService;
import org.remediation.console.remediation.RollbackPlan;
import org.remediation.console.base.identity.CurrentUser;

/** One action: its state, preview, live progress, full trail, and the buttons its status allows. */
@Route("actions/:id([0-9]+)")
@PageTitle("Action · Remediation Console")
@PermitAll
public class ActionDetailView extends Main implements BeforeEnterObserver {

    private final RemediationService service;
    private final Div body = new Div();
    private long id;

    public ActionDetailView(RemediationService service, LiveEvents live) {
        this.service = service;
        addClassName("page");
        add(body);
        LiveSubscription.bind(this, live, ActionChanged.class, e -> {
            if (e.actionId() == id) {
                render();
            }
        });
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        id = event.getRouteParameters().getLong("id").orElse(0L);
        render();
    }

    private void render() {
        body.removeAll();
        ActionRecord a;
        try {
            a = service.get(id);
        } catch (InvalidInputException e) {
            body.add(new H1("No action #" + id));
            return;
        }
        HorizontalLayout title = new HorizontalLayout(new H1(a.title()), ActionFormat.badge(a));
        title.setAlignItems(com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment.BASELINE);
        body.add(title, facts(a));
        if (a.status() == ActionStatus.RUNNING) {
            ProgressBar bar = new ProgressBar(0, 100, a.progress());
            bar.setId("action-progress");
            body.add(new Paragraph("Running: " + a.progress() + " %"), bar);
        }
        if (a.resultMessage() != null) {
            Paragraph result = new Paragraph(a.resultMessage());
            result.setId("action-result");
            body.add(result);
        }
        body.add(buttons(a), new H3(executed(a) ? "What changed" : "Preview"),
                new PreviewPanel(a.preview(), executed(a)), new H3("Trail"), trail(a));
    }

    /** The change was made (or attempted): its preview's "now" is history. */
    private static boolean executed(ActionRecord a) {
        return a.startedAt() != null;
    }

    private Div facts(ActionRecord a) {
        Div d = new Div();
        d.addClassName("action-facts");
        d.add(new Paragraph("Requested by " + a.requestedBy() + " at " + ActionFormat.time(a.requestedAt()) + ": " + a.reason()));
        if (a.taskId() != null || a.incidentSeverity() != null) {
            d.add(new Paragraph("Incident task " + (a.taskId() == null ? "—" : a.taskId()) + ", severity "
                    + (a.incidentSeverity() == null ? "—" : a.incidentSeverity())));
        }
        d.add(new Paragraph(a.approvalRequired() ? "Needs a second person: " + a.approvalReasons()
                + (a.approvedBy() != null ? ". Approved by " + a.approvedBy() + ", valid until "
                + ActionFormat.time(a.approvalExpiresAt()) : "") : "No approval needed."));
        if (a.rollbackOf() != null) {
            d.add(new Paragraph("This is the rollback of action #" + a.rollbackOf() + "."));
        }
        if (a.watchMinutes() > 0) {
            d.add(new Paragraph("Watch " + String.join(", ", a.watchSignals()) + " for " + a.watchMinutes() + " min"
                    + (a.autoRollback() ? ", rolling back automatically on regression" : "")
                    + (a.watchUntil() != null ? " (until " + ActionFormat.time(a.watchUntil()) + ")" : "")));
        }
        return d;
    }

    private HorizontalLayout buttons(ActionRecord a) {
        HorizontalLayout row = new HorizontalLayout();
        boolean actor = CurrentUser.hasRole(Roles.OPERATOR) || CurrentUser.hasRole(Roles.COMMANDER);
        if (!actor) {
            return row;
        }
        String me = CurrentUser.usernameOr("");
        if (a.status() == ActionStatus.AWAITING_APPROVAL && !a.requestedBy().equals(me)) {
            row.add(button("approve", "Approve…", ButtonVariant.LUMO_SUCCESS, () -> null,
                    () -> Focus.openFrom(Confirmations.approve(a, () -> run(() -> service.approve(a.id()))), "approve")));
        }
        if (a.status().open() && a.requestedBy().equals(me)) {
            row.add(button("withdraw", "Withdraw", ButtonVariant.LUMO_ERROR, () -> null,
                    () -> Focus.openFrom(new ReasonDialog("Withdraw your request?", note -> run(() -> service.withdraw(a.id(), note))),
                            "withdraw")));
        } else if (a.status().open()) {
            row.add(button("reject", "Reject", ButtonVariant.LUMO_ERROR, () -> null,
                    () -> Focus.openFrom(new ReasonDialog("Why reject?", note -> run(() -> service.reject(a.id(), note))), "reject")));
        }
        if (a.status() == ActionStatus.READY) {
            row.add(button("execute", "Execute…", ButtonVariant.LUMO_PRIMARY, () -> null,
                    () -> Focus.openFrom(Confirmations.execute(a, () -> run(() -> service.execute(a.id()))), "execute")));
        }
        if (a.status() == ActionStatus.STALE || a.status() == ActionStatus.EXPIRED) {
            row.add(button("refresh-preview", "Preview again", ButtonVariant.LUMO_PRIMARY, () -> service.refreshPreview(a.id())));
        }
        if (!a.status().open() && a.status() != ActionStatus.RUNNING && CurrentUser.hasRole(Roles.COMMANDER)
                && service.holdsLock(a.id())) {
            row.add(button("release-lock", "Release lock…", ButtonVariant.LUMO_ERROR, () -> null,
                    () -> Focus.openFrom(new ReasonDialog("Release the lock on " + a.resource().name()
                            + "? Check first that no operation runs there.", why -> run(() -> service.releaseLock(a.id(), why))),
                            "release-lock")));
        }
        if (a.status() == ActionStatus.SUCCEEDED) {
            RollbackPlan plan = service.rollbackPlan(a.id());
            Button rollback = button("request-rollback", "Roll back", ButtonVariant.LUMO_CONTRAST, () -> null,
                    () -> Focus.openFrom(new ReasonDialog("Why roll back?", why -> {
                        ActionRecord r = run(() -> service.requestRollback(a.id(), why));
                        if (r != null) {
                            getUI().ifPresent(ui -> ui.navigate("actions/" + r.id()));
                        }
                    }), "request-rollback"));
            rollback.setEnabled(plan.possibleInPlace());
            rollback.setTooltipText(plan.explanation());
            row.add(rollback);
            if (!plan.possibleInPlace()) {
                row.add(new Paragraph("Rollback in place is impossible: " + plan.explanation()));
            }
        }
        return row;
    }

    private Button button(String id, String text, ButtonVariant variant, Supplier<ActionRecord> call) {
        return button(id, text, variant, call, null);
    }

    private Button button(String id, String text, ButtonVariant variant, Supplier<ActionRecord> call, Runnable alternative) {
        Button b = new Button(text, e -> {
            if (alternative != null) {
                alternative.run();
            } else {
                run(call);
            }
        });
        b.setId(id);
        b.addThemeVariants(variant);
        return b;
    }

    private ActionRecord run(Supplier<ActionRecord> call) {
        try {
            ActionRecord r = call.get();
            render();
            return r;
        } catch (ActionRefusedException | CloudException e) {
            Notices.error(e.getMessage());
        } catch (InvalidInputException e) {
            Notices.error(e.getMessage());
        }
        render();
        return null;
    }

    private Grid<ActionStep> trail(ActionRecord a) {
        Grid<ActionStep> grid = new Grid<>();
        grid.setId("action-trail");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.setAllRowsVisible(true);
        grid.addColumn(s -> ActionFormat.time(s.at())).setHeader("When").setAutoWidth(true);
        grid.addColumn(ActionStep::actor).setHeader("Who").setAutoWidth(true);
        grid.addColumn(ActionStep::step).setHeader("Step").setAutoWidth(true);
        grid.addColumn(ActionStep::message).setHeader("What").setFlexGrow(1);
        grid.setItems(service.trail(a.id()));
        return grid;
    }
}
