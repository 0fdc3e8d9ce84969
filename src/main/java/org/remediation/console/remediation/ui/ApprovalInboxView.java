package org.remediation.console.remediation.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.remediation.console.base.LiveEvents;
import org.remediation.console.base.ui.LiveSubscription;
import org.remediation.console.base.ui.Focus;
import org.remediation.console.base.ui.Notices;
import org.remediation.console.remediation.ActionChanged;
import org.remediation.console.remediation.ActionRecord;
import org.remediation.console.remediation.ActionRefusedException;
import org.remediation.console.remediation.RemediationService;
import org.remediation.console.base.identity.Roles;

/** Actions waiting for a second person: everyone's but the signed-in user's own. */
@Route("actions/inbox")
@PageTitle("Approvals · Remediation Console")
@Menu(order = 42, title = "Approvals")
@RolesAllowed({Roles.OPERATOR, Roles.COMMANDER})
public class ApprovalInboxView extends Main {

    private final RemediationService service;
    private final Grid<ActionRecord> grid = new Grid<>();
    private final Grid<ActionRecord> mine = new Grid<>();

    public ApprovalInboxView(RemediationService service, LiveEvents live) {
        this.service = service;
        addClassName("page");
        grid.setId("approval-inbox");
        grid.addColumn(ActionRecord::title).setHeader("Action").setAutoWidth(true);
        grid.addColumn(ActionRecord::requestedBy).setHeader("Requested by").setAutoWidth(true);
        grid.addColumn(ActionRecord::approvalReasons).setHeader("Why a second person").setAutoWidth(true);
        grid.addColumn(a -> a.preview().changes().stream().map(d -> d.attribute() + " " + d.before() + " → " + d.after())
                .reduce((x, y) -> x + "; " + y).orElse("")).setHeader("Change").setFlexGrow(1);
        grid.addComponentColumn(this::actions).setHeader("").setAutoWidth(true);
        grid.setEmptyStateText("Nothing waits for your approval. A request by another OPERATOR or COMMANDER"
                + " appears here (and beside Approvals in the menu) the moment it is made.");
        mine.setId("my-requests-awaiting");
        mine.setAllRowsVisible(true);
        mine.addColumn(a -> "#" + a.id()).setHeader("#").setAutoWidth(true);
        mine.addColumn(ActionRecord::title).setHeader("Action").setAutoWidth(true);
        mine.addColumn(a -> ActionFormat.time(a.requestedAt())).setHeader("Requested").setAutoWidth(true);
        mine.addColumn(ActionRecord::approvalReasons).setHeader("Why a second person").setFlexGrow(1);
        mine.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate("actions/" + e.getItem().id())));
        mine.setEmptyStateText("None of your requests waits for approval.");
        add(new H1("Approvals"), new Paragraph("Approving binds to the live state shown in the preview; if it changes, "
                + "the requester must preview again."), grid,
                new H3("Your requests waiting for a second person"),
                new Paragraph("You cannot approve your own request: another OPERATOR or COMMANDER must. They are told it waits."),
                mine);
        LiveSubscription.bind(this, live, ActionChanged.class, e -> refresh());
        refresh();
    }

    private HorizontalLayout actions(ActionRecord a) {
        Button open = new Button("Open", e -> getUI().ifPresent(ui -> ui.navigate("actions/" + a.id())));
        Button approve = new Button("Approve…", e -> Focus.openFrom(Confirmations.approve(a, () -> {
            try {
                service.approve(a.id());
                Notices.success("Approved " + a.title());
            } catch (ActionRefusedException ex) {
                Notices.error(ex.getMessage());
            }
            refresh();
        }), "approve-" + a.id()));
        approve.setId("approve-" + a.id());
        approve.addThemeVariants(ButtonVariant.LUMO_SUCCESS);
        return new HorizontalLayout(open, approve);
    }

    private void refresh() {
        grid.setItems(service.inbox());
        mine.setItems(service.myRequestsAwaitingApproval());
    }
}
